package org.marginfall.reports.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountShortfallsTest {

  @Test
  void test_cover_twoLargestAccounts() {
    // Fund 1,000,000; shortfalls 400,000 (a), 250,000 (b), 100,000 (c).
    // cover 1 = 1,000,000 / 400,000 = 2.5; cover 2 = 1,000,000 / 650,000 = 1.538461...
    AccountShortfalls s =
        new AccountShortfalls(
            "v", 1_000_000, Map.of("c", 100_000.0, "a", 400_000.0, "b", 250_000.0));
    assertEquals(400_000, s.largest(), 0);
    assertEquals(650_000, s.largestTwo(), 0);
    assertEquals(2.5, s.cover1(), 1e-12);
    assertEquals(1_000_000.0 / 650_000.0, s.cover2(), 1e-12);
    assertEquals("[a, b, c]", s.shortfalls().keySet().toString());
  }

  @Test
  void test_cover_oneOrNoAccounts() {
    // One account short by 4,000 against a fund of 3,000: cover 1 = cover 2 = 0.75 (the fund falls
    // short).
    AccountShortfalls one = new AccountShortfalls("v", 3_000, Map.of("x", 4_000.0));
    assertEquals(0.75, one.cover1(), 1e-12);
    assertEquals(0.75, one.cover2(), 1e-12);
    AccountShortfalls none = new AccountShortfalls("v", 3_000, Map.of());
    assertTrue(Double.isInfinite(none.cover1()));
    assertEquals(0, none.largestTwo(), 0);
  }
}
