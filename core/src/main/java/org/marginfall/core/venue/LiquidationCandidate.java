package org.marginfall.core.venue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.marginfall.core.ledger.AccountId;

/**
 * An account a venue reports as liquidatable, with the margin state that makes it so.
 *
 * <p>Immutable and thread-safe.
 *
 * @param venue the venue
 * @param account the venue margin account
 * @param state its margin state when marked
 */
public record LiquidationCandidate(VenueId venue, AccountId account, MarginState state) {

  /**
   * The order venues list candidates in: most underwater (lowest health) first, ties by account.
   */
  public static final Comparator<LiquidationCandidate> MOST_UNDERWATER_FIRST =
      Comparator.comparingDouble((LiquidationCandidate c) -> c.state().health())
          .thenComparing(LiquidationCandidate::account);

  /**
   * Sorts {@code candidates} in place into {@link #MOST_UNDERWATER_FIRST} order, with exactly the
   * result of {@code candidates.sort(MOST_UNDERWATER_FIRST)}. Each health is computed once and the
   * sort compares indices into a {@code double[]}, so a mark of thousands of accounts does not
   * chase every candidate's state in every comparison.
   */
  public static void sortMostUnderwaterFirst(List<LiquidationCandidate> candidates) {
    LiquidationCandidate[] in = candidates.toArray(new LiquidationCandidate[0]);
    double[] health = new double[in.length];
    AccountId[] accounts = new AccountId[in.length];
    for (int i = 0; i < in.length; i++) {
      health[i] = in[i].state().health();
      accounts[i] = in[i].account();
    }
    Integer[] order = mostUnderwaterFirst(health, accounts);
    for (int i = 0; i < in.length; i++) {
      candidates.set(i, in[order[i]]);
    }
  }

  /**
   * The indices of accounts with these healths in {@link #MOST_UNDERWATER_FIRST} order: the same
   * comparison, and a stable sort (TimSort), so it is nearly linear when the input is nearly in
   * order already.
   */
  public static Integer[] mostUnderwaterFirst(double[] health, AccountId[] accounts) {
    Integer[] order = new Integer[health.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        (a, b) -> {
          int c = Double.compare(health[a], health[b]);
          return c != 0 ? c : accounts[a].compareTo(accounts[b]);
        });
    return order;
  }
}
