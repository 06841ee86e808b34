package org.marginfall.protocols.cdp;

import java.util.List;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.MarginState;

/**
 * The most-underwater-first order of a liquidation round's unsafe vaults, remembered from the last
 * round: vaults the {@code hole}/{@code dirt} limits hold back stay listed, unchanged, round after
 * round, and sorting them again gives the same order.
 *
 * <p>The order {@link LiquidationCandidate#mostUnderwaterFirst} returns depends only on the
 * sequence of (health, account) pairs it is given (a deterministic sort), so when this round lists
 * the same vaults in the same sequence with bit-identical healths, the last order is exactly what
 * sorting again would return. Anything else sorts afresh.
 *
 * <p>Mutable and not thread-safe.
 */
final class RoundOrder {

  private Vault[] vaults = new Vault[0];
  private long[] healthBits = new long[0];
  private Integer[] order = new Integer[0];

  /**
   * The indices of {@code unsafe} (with margin states {@code states}, index by index) most underwater
   * first; the returned array must not be changed.
   */
  Integer[] of(List<Vault> unsafe, List<MarginState> states) {
    int n = unsafe.size();
    double[] health = new double[n];
    boolean same = n == vaults.length;
    for (int i = 0; i < n; i++) {
      health[i] = states.get(i).health();
      same = same && unsafe.get(i) == vaults[i] && Double.doubleToRawLongBits(health[i]) == healthBits[i];
    }
    if (same) {
      return order;
    }
    AccountId[] ids = new AccountId[n];
    vaults = new Vault[n];
    healthBits = new long[n];
    for (int i = 0; i < n; i++) {
      vaults[i] = unsafe.get(i);
      ids[i] = vaults[i].id;
      healthBits[i] = Double.doubleToRawLongBits(health[i]);
    }
    order = LiquidationCandidate.mostUnderwaterFirst(health, ids);
    return order;
  }
}
