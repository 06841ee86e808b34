package org.marginfall.core.event;

import org.marginfall.core.contagion.Cause;

/**
 * An event the engine attributes to a cause: every liquidation event and every bad-debt event.
 * Venues emit it with a null cause; the engine fills the cause in before any listener sees it.
 *
 * <p>Implementations are immutable records and thread-safe.
 */
public interface Attributable {

  /** The venue the event happened on. */
  String venue();

  /** The venue account liquidated or left with bad debt. */
  String attributedAccount();

  /**
   * Base currency the event counts for: the notional liquidated (as the venue counts it in its
   * snapshot), or the bad debt booked.
   */
  double attributedValue();

  /** Whether this is bad debt (otherwise a liquidation). */
  boolean badDebtEvent();

  /** The cause, null until the engine attributes it. */
  Cause cause();

  /** This event with {@code cause}. */
  SimEvent withCause(Cause cause);
}
