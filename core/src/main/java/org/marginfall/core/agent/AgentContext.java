package org.marginfall.core.agent;

import java.util.List;
import java.util.Optional;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.contagion.Cause;
import org.marginfall.core.contagion.Channel;
import org.marginfall.core.event.SimClock;
import org.marginfall.core.event.SimEvent;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.market.Execution;
import org.marginfall.core.venue.AuctionTake;
import org.marginfall.core.venue.LiquidationOutcome;
import org.marginfall.core.venue.Venue;
import org.marginfall.core.venue.VenueId;

/**
 * What an agent population may see and do: the narrow view of the run handed to agents instead of
 * the model itself.
 *
 * <p>Implemented by the engine; valid only during the call it is passed to. Not thread-safe.
 */
public interface AgentContext {

  /** Simulated time. */
  SimClock clock();

  /** The unit of account. */
  AssetId baseCurrency();

  /** All venues, in scenario order. */
  List<Venue> venues();

  /** The venue with this id. */
  Venue venue(VenueId id);

  /** Opens an ordinary ledger account for the agent (no-op if it exists). */
  void openAccount(AccountId account);

  /**
   * Brings {@code atoms} of {@code asset} from outside the model into {@code account}: at set-up,
   * or to return a {@link #payOut} whose purpose fell through within the same call. A lending
   * venue's receipt is obtained by supplying its underlying to that venue, so it is backed.
   */
  void endow(AccountId account, AssetId asset, long atoms);

  /**
   * Pays {@code atoms} of {@code asset} from {@code account} out of the model (to the external
   * account, like costs paid to the outside world: gas, priority fees).
   *
   * @throws IllegalStateException if the account holds less (nothing moves)
   */
  void payOut(AccountId account, AssetId asset, long atoms);

  /** The ledger balance in atoms. */
  long balance(AccountId account, AssetId asset);

  /** How finely the ledger counts {@code asset}: the conversions between its units and atoms. */
  Precision precision(AssetId asset);

  /** Sells {@code atoms} of {@code asset} from {@code seller} into the asset's shared market. */
  Execution sell(AccountId seller, AssetId asset, long atoms);

  /**
   * Whether {@code asset} can be sold into a shared market; a derived asset (a receipt, a vault
   * share) has none and can only be held.
   */
  boolean hasMarket(AssetId asset);

  /**
   * Buys {@code atoms} of {@code asset} for {@code buyer} from the asset's shared market, paid in
   * base currency.
   *
   * @throws IllegalStateException if the buyer cannot pay (nothing moves)
   */
  Execution buy(AccountId buyer, AssetId asset, long atoms);

  /**
   * Sets the share of {@code asset}'s market depth that population {@code quoter} leaves quoted, in
   * (0, 1] (see {@code SharedMarket#setDepthFactor}): market makers withdraw depth with it.
   *
   * @return the market's effective depth factor after the change (the product over its quoters)
   */
  double setDepthFactor(AssetId asset, String quoter, double factor);

  /** The market price of {@code asset}; 1 for the base currency. */
  double marketPrice(AssetId asset);

  /**
   * Liquidates {@code account} on {@code venue} for {@code liquidator}. Agents liquidate through
   * this method, never through {@link Venue#liquidate} directly, so the engine can attribute the
   * liquidation and book what follows it (the liquidator's sale of what it seized) to its cause.
   */
  Optional<LiquidationOutcome> liquidate(VenueId venue, AccountId account, AccountId liquidator);

  /**
   * Buys from auction lot {@code lotId} on {@code venue}, as {@link Venue#take}, attributed as
   * above.
   */
  Optional<AuctionTake> take(
      VenueId venue, long lotId, AccountId taker, long maxAtoms, double maxPrice);

  /** Whether contagion channel {@code channel} is open in this run. */
  boolean channelOpen(Channel channel);

  /**
   * What made {@code account} on {@code venue} as weak as it is now (docs/contagion.md,
   * attribution).
   */
  Cause causeOf(VenueId venue, AccountId account);

  /**
   * Tells the engine that {@code value} (base currency) of collateral that secured {@code account}
   * on {@code venue} went to defend {@code toAccount} on {@code toVenue}, so a later liquidation of
   * {@code account} can be attributed to that withdrawal.
   */
  void noteCollateralDiverted(
      VenueId venue, AccountId account, VenueId toVenue, AccountId toAccount, double value);

  /** Records an event. */
  void emit(SimEvent event);
}
