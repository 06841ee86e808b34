package org.marginfall.core.venue;

import java.util.List;
import org.marginfall.core.ledger.AccountId;

/**
 * A venue that covers its unbacked debt by selling a newly minted asset for a fixed amount of base
 * currency in reverse auctions (Maker's debt auctions, flop.sol): bidders offer the same bid for
 * less of the asset, and the lowest lot nobody beats within the bid lifetime wins. Agents bid
 * through this interface, so the {@code agents} module never depends on a concrete venue.
 * Implementations are mutable run state and not thread-safe.
 */
public interface DebtAuctions {

  /** The running debt auctions that take bids now, by id, with {@code bidder}'s standing. */
  List<DebtLot> debtLots(AccountId bidder);

  /**
   * flop.sol {@code dent}: offers the auction's fixed bid for only {@code lotAtoms} of the minted
   * asset, at most the current lot over the minimum decrease. The bidder pays the bid to the
   * previous high bidder (to the venue on the first bid).
   *
   * @return whether the bid landed; a refused bid moves nothing
   */
  boolean dentDebt(long auctionId, AccountId bidder, long lotAtoms);
}
