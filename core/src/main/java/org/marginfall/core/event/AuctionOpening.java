package org.marginfall.core.event;

/**
 * An event that moves a liquidated account's collateral into an auction lot, so that whoever later
 * buys from the lot acts on the same cause as the liquidation.
 *
 * <p>Implementations are immutable records and thread-safe.
 */
public interface AuctionOpening extends Attributable {

  /** The lot the collateral went to. */
  long lotId();
}
