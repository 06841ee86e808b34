package org.marginfall.protocols.cdp;

import org.marginfall.core.event.VenueEvent;

/**
 * {@code Dog.bark} started a Clipper auction for (part of) a vault.
 *
 * <p>Immutable and thread-safe.
 *
 * @param step the tick
 * @param round the liquidation round
 * @param venue the venue
 * @param vault the barked vault
 * @param keeper who barked (and was paid the incentive)
 * @param asset the collateral
 * @param lotId the auction
 * @param lot collateral moved to the auction, units
 * @param due debt moved to the Vow's queue, base units
 * @param tab debt plus penalty the auction must raise, base units
 * @param top the starting price
 * @param incentive keeper incentive {@code tip + chip * tab} paid, base units
 * @param partial whether the hole limits left part of the vault's debt in place
 */
public record AuctionStarted(
    long step, int round, String venue, String vault, String keeper, String asset, long lotId,
    double lot, double due, double tab, double top, double incentive, boolean partial)
    implements VenueEvent {

  @Override
  public String type() {
    return "auction_started";
  }
}
