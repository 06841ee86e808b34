package org.marginfall.core.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class AgentAccountsTest {

  @Test
  void test_member_padsAsTheFormatDoes() {
    for (int count : new int[] {1, 9, 10, 11, 999, 1000, 1001, 123456}) {
      for (int minDigits : new int[] {1, 3, 4}) {
        int digits = Math.max(minDigits, String.valueOf(Math.max(0, count - 1)).length());
        for (int k : new int[] {0, 1, 9, 10, 99, 100, 999, 1000, count - 1}) {
          String expected = "pop/" + String.format(Locale.ROOT, "%0" + digits + "d", k);
          assertEquals(expected, AgentAccounts.member("pop", k, count, minDigits).value());
        }
      }
    }
  }
}
