package org.marginfall.core.engine;

import java.util.List;
import java.util.Map;
import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.event.EventSink;
import org.marginfall.core.event.SimClock;
import org.marginfall.core.event.SimEvent;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.AccountType;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.market.Execution;
import org.marginfall.core.market.Markets;
import org.marginfall.core.venue.Venue;
import org.marginfall.core.venue.VenueId;

/**
 * The {@link AgentContext} of a run: agents' accounts are ordinary ledger accounts, endowments come
 * from {@link Ledger#EXTERNAL}, and sales go through the shared {@link Markets}, so every unit an
 * agent moves is accounted for.
 *
 * <p>The engine builds one per run; test harnesses extend it with set-up helpers. It reads the
 * venue map as a live view. Mutable run state, not thread-safe.
 */
public class LedgerAgentContext implements AgentContext {

  private final SimClock clock;
  private final AssetId base;
  private final Ledger ledger;
  private final Markets markets;
  private final Map<VenueId, Venue> venues;
  private final EventSink events;

  /**
   * Creates the context.
   *
   * @param clock simulated time
   * @param base the unit of account
   * @param ledger the run's ledger
   * @param markets the shared markets
   * @param venues the venues by id, in scenario order (read as a live view)
   * @param events where agents' events go
   */
  public LedgerAgentContext(
      SimClock clock, AssetId base, Ledger ledger, Markets markets, Map<VenueId, Venue> venues, EventSink events) {
    this.clock = clock;
    this.base = base;
    this.ledger = ledger;
    this.markets = markets;
    this.venues = venues;
    this.events = events;
  }

  @Override
  public SimClock clock() {
    return clock;
  }

  @Override
  public AssetId baseCurrency() {
    return base;
  }

  @Override
  public List<Venue> venues() {
    return List.copyOf(venues.values());
  }

  @Override
  public Venue venue(VenueId id) {
    Venue v = venues.get(id);
    if (v == null) {
      throw new IllegalArgumentException("unknown venue " + id);
    }
    return v;
  }

  @Override
  public void openAccount(AccountId account) {
    ledger.open(account, AccountType.ORDINARY);
  }

  @Override
  public void endow(AccountId account, AssetId asset, long atoms) {
    ledger.transfer(Ledger.EXTERNAL, account, asset, atoms);
  }

  @Override
  public long balance(AccountId account, AssetId asset) {
    return ledger.balance(account, asset);
  }

  @Override
  public Execution sell(AccountId seller, AssetId asset, long atoms) {
    return markets.sell(seller, asset, atoms);
  }

  @Override
  public Execution buy(AccountId buyer, AssetId asset, long atoms) {
    return markets.buy(buyer, asset, atoms);
  }

  @Override
  public double marketPrice(AssetId asset) {
    return markets.price(asset);
  }

  @Override
  public void emit(SimEvent event) {
    events.emit(event);
  }
}
