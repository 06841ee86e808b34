package org.marginfall.core.venue;

import java.util.List;
import org.marginfall.core.ledger.AccountId;

/**
 * A venue that sells liquidated collateral in English auctions with two phases (Maker's
 * Liquidations 1.0 flip.sol): {@code tend} raises the base-currency bid for a fixed lot up to the
 * tab, then {@code dent} lowers the lot for the tab. A bid that nobody beats within the venue's bid
 * lifetime wins. Agents bid through this interface, so the {@code agents} module never depends on a
 * concrete venue. Implementations are mutable run state and not thread-safe.
 */
public interface EnglishAuctions {

  /** The running auctions that take bids now, by id, with {@code bidder}'s standing in each. */
  List<EnglishLot> englishLots(AccountId bidder);

  /**
   * flip.sol {@code tend}: bids {@code bidAtoms} of base currency for the whole lot; it must beat
   * the high bid by the minimum increase (or equal the tab) and not exceed the tab. The bidder pays
   * the previous high bidder back and the increase to the venue.
   *
   * @return whether the bid landed; a refused bid moves nothing
   */
  boolean tend(long lotId, AccountId bidder, long bidAtoms);

  /**
   * flip.sol {@code dent}: offers the tab for only {@code lotAtoms} of collateral, at most the lot
   * over the minimum decrease; the bidder pays the previous high bidder back, and the collateral
   * given up goes back to the liquidated vault.
   *
   * @return whether the bid landed; a refused bid moves nothing
   */
  boolean dent(long lotId, AccountId bidder, long lotAtoms);
}
