package org.marginfall.agents.trader;

import java.util.Objects;
import org.marginfall.core.random.Distribution;

/**
 * Margin top-up from a reserve (the seeds' "liquidation buffer"): when a margin account's health
 * (equity over maintenance requirement) falls below {@code below}, the trader moves base currency
 * from its reserve account into it, enough to restore health {@code target} or all the reserve has.
 *
 * <p>Immutable and thread-safe.
 *
 * @param reserve base-currency units each trader keeps in its reserve account (drawn at set-up, >=
 *     0)
 * @param below health under which the trader tops up (> 1: before the venue liquidates)
 * @param target health a top-up restores (> below)
 */
public record TopUp(Distribution reserve, double below, double target) {

  /** Validates the fields. */
  public TopUp {
    Objects.requireNonNull(reserve, "reserve");
    if (!(reserve.lowerBound() >= 0)) {
      throw new IllegalArgumentException("reserve: must not produce negative amounts");
    }
    if (!(below > 1 && Double.isFinite(below))) {
      throw new IllegalArgumentException("below: must be a finite health above 1, was " + below);
    }
    if (!(target > below && Double.isFinite(target))) {
      throw new IllegalArgumentException(
          "target: must be finite and above below (" + below + "), was " + target);
    }
  }
}
