package org.marginfall.core.venue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.marginfall.core.ledger.AccountId;

/**
 * A venue's liquidatable list as of its last mark, from which accounts drop out as they are
 * liquidated or repaired between marks. Dropping is recorded and applied once when the list is next
 * read, so a round of many liquidations costs one pass over the list instead of one per drop.
 *
 * <p>Mutable, not thread-safe; one per venue.
 */
public final class CandidateList {

  private List<LiquidationCandidate> list = List.of();
  private final Set<AccountId> dropped = new HashSet<>();

  /** Replaces the list with a new mark's, in its order. */
  public void replace(List<LiquidationCandidate> candidates) {
    list = List.copyOf(candidates);
    dropped.clear();
  }

  /** Takes {@code account} off the list (nothing happens when it is not on it). */
  public void drop(AccountId account) {
    dropped.add(account);
  }

  /** The list in its marked order, without the dropped accounts; immutable. */
  public List<LiquidationCandidate> list() {
    if (!dropped.isEmpty()) {
      List<LiquidationCandidate> kept = new ArrayList<>(list.size());
      for (LiquidationCandidate c : list) {
        if (!dropped.contains(c.account())) {
          kept.add(c);
        }
      }
      list = List.copyOf(kept);
      dropped.clear();
    }
    return list;
  }
}
