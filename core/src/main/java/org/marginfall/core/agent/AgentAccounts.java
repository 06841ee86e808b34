package org.marginfall.core.agent;

import java.util.Locale;
import org.marginfall.core.ledger.AccountId;

/**
 * Names the ledger accounts of a population's members: {@code <population>/<k>}, with {@code k}
 * zero-padded to the same width for every member so that account ids sort in member order.
 *
 * <p>Stateless and thread-safe.
 */
public final class AgentAccounts {

  private AgentAccounts() {}

  /**
   * The account of member {@code k} of a population of {@code count}.
   *
   * @param minDigits the least width of the member number
   */
  public static AccountId member(String population, int k, int count, int minDigits) {
    int digits = Math.max(minDigits, String.valueOf(Math.max(0, count - 1)).length());
    return AccountId.of(population, zeroPadded(k, digits));
  }

  /** {@code String.format("%0<digits>d", k)} without parsing a format for every member. */
  private static String zeroPadded(int k, int digits) {
    if (k < 0) {
      return String.format(Locale.ROOT, "%0" + digits + "d", k);
    }
    String s = Integer.toString(k);
    return s.length() >= digits ? s : "0".repeat(digits - s.length()) + s;
  }
}
