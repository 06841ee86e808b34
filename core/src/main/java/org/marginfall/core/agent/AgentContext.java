package org.marginfall.core.agent;

import java.util.List;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.event.SimClock;
import org.marginfall.core.event.SimEvent;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.market.Execution;
import org.marginfall.core.venue.Venue;
import org.marginfall.core.venue.VenueId;

/**
 * What an agent population may see and do: the narrow view of the run handed to agents instead
 * of the model itself.
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

  /** Brings {@code atoms} of {@code asset} from outside the model into {@code account} (set-up only). */
  void endow(AccountId account, AssetId asset, long atoms);

  /** The ledger balance in atoms. */
  long balance(AccountId account, AssetId asset);

  /** Sells {@code atoms} of {@code asset} from {@code seller} into the asset's shared market. */
  Execution sell(AccountId seller, AssetId asset, long atoms);

  /**
   * Buys {@code atoms} of {@code asset} for {@code buyer} from the asset's shared market, paid in
   * base currency.
   *
   * @throws IllegalStateException if the buyer cannot pay (nothing moves)
   */
  Execution buy(AccountId buyer, AssetId asset, long atoms);

  /** The market price of {@code asset}; 1 for the base currency. */
  double marketPrice(AssetId asset);

  /** Records an event. */
  void emit(SimEvent event);
}
