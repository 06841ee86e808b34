package org.marginfall.agents.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.engine.LedgerAgentContext;
import org.marginfall.core.event.SimEvent;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.market.ImpactModel;
import org.marginfall.core.market.Markets;
import org.marginfall.core.market.SharedMarket;
import org.marginfall.core.testing.ManualClock;
import org.marginfall.core.venue.Venue;
import org.marginfall.core.venue.VenueId;

/**
 * The engine's own {@link LedgerAgentContext} over a real {@link Ledger} and real {@link Markets},
 * with set-up helpers: markets and venues are added by the test, which also sets the clock and
 * reads the events. Mutable, not thread-safe.
 */
public final class FakeAgentContext extends LedgerAgentContext {

  private final Ledger ledger;
  private final Markets markets;
  private final Map<VenueId, Venue> venues;
  private final ManualClock clock;
  private final List<SimEvent> events;

  /** A context whose ledger counts {@code assets} (the first being the base currency). */
  public FakeAgentContext(List<AssetId> assets) {
    this(
        assets.get(0),
        new Ledger(assets),
        new ManualClock(),
        new ArrayList<>(),
        new LinkedHashMap<>());
  }

  /**
   * A context whose ledger counts {@code assets} (the first being the base currency) at {@code
   * decimals}, asset by asset.
   */
  public FakeAgentContext(List<AssetId> assets, List<Integer> decimals) {
    this(
        assets.get(0),
        new Ledger(assets, decimals),
        new ManualClock(),
        new ArrayList<>(),
        new LinkedHashMap<>());
  }

  private FakeAgentContext(
      AssetId base,
      Ledger ledger,
      ManualClock clock,
      List<SimEvent> events,
      Map<VenueId, Venue> venues) {
    this(base, ledger, clock, events, venues, new Markets(ledger, base, events::add, clock));
  }

  private FakeAgentContext(
      AssetId base,
      Ledger ledger,
      ManualClock clock,
      List<SimEvent> events,
      Map<VenueId, Venue> venues,
      Markets markets) {
    super(clock, base, ledger, markets, venues, events::add);
    this.ledger = ledger;
    this.markets = markets;
    this.venues = venues;
    this.clock = clock;
    this.events = events;
  }

  /** Adds a shared market with permanent linear-log impact of the given depth. */
  public FakeAgentContext addMarket(AssetId asset, double price, double depth) {
    markets.add(
        new SharedMarket(asset, new ImpactModel.LinearLog(depth), Double.POSITIVE_INFINITY, price));
    return this;
  }

  /** Adds a venue. */
  public <V extends Venue> V addVenue(V venue) {
    venues.put(venue.id(), venue);
    return venue;
  }

  /** Sets simulated time. */
  public void setClock(long step, int round) {
    clock.at(step, round);
  }

  /** The real ledger behind the context. */
  public Ledger ledger() {
    return ledger;
  }

  /** The real markets behind the context. */
  public Markets markets() {
    return markets;
  }

  /** Events emitted so far. */
  public List<SimEvent> events() {
    return List.copyOf(events);
  }
}
