package org.marginfall.agents.liquidator;

import java.util.LinkedHashMap;
import java.util.Map;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.VenueId;

/**
 * Remembers since which tick each (venue, account) has been liquidatable without a break, so a
 * liquidator with latency L acts on an account only from tick {@code firstSeen + L}.
 *
 * <p>An account counts as continuously liquidatable while it is listed in every tick; a tick in
 * which it is not listed restarts its clock. Mutable and not thread-safe.
 */
final class LatencyTracker {

  private record Key(VenueId venue, AccountId account) {}

  private final int latencySteps;

  /** Per key: {first tick seen, last tick seen} of the current unbroken spell. */
  private final Map<Key, long[]> seen = new LinkedHashMap<>();

  private long prunedAt = -1;

  LatencyTracker(int latencySteps) {
    this.latencySteps = latencySteps;
  }

  /** Notes that {@code candidate} is listed in tick {@code step}. */
  void observe(long step, LiquidationCandidate candidate) {
    if (step != prunedAt) {
      // Spells that were not seen in the previous tick are over.
      seen.values().removeIf(v -> v[1] < step - 1);
      prunedAt = step;
    }
    Key key = new Key(candidate.venue(), candidate.account());
    long[] spell = seen.get(key);
    if (spell == null || spell[1] < step - 1) {
      seen.put(key, new long[] {step, step});
    } else {
      spell[1] = step;
    }
  }

  /** Whether {@code candidate}, observed in tick {@code step}, has waited out the latency. */
  boolean ready(long step, LiquidationCandidate candidate) {
    long[] spell = seen.get(new Key(candidate.venue(), candidate.account()));
    return spell != null && step - spell[0] >= latencySteps;
  }
}
