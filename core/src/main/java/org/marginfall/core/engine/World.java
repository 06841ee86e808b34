package org.marginfall.core.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.agent.Population;
import org.marginfall.core.asset.Asset;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.event.EventSink;
import org.marginfall.core.event.OracleUpdated;
import org.marginfall.core.event.ShockApplied;
import org.marginfall.core.event.SimClock;
import org.marginfall.core.event.SimEvent;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.market.Markets;
import org.marginfall.core.market.SharedMarket;
import org.marginfall.core.metric.HealthBands;
import org.marginfall.core.metric.RunListener;
import org.marginfall.core.metric.RunStart;
import org.marginfall.core.metric.StepRecord;
import org.marginfall.core.oracle.Oracle;
import org.marginfall.core.oracle.OracleFeed;
import org.marginfall.core.oracle.Oracles;
import org.marginfall.core.price.FundamentalPrices;
import org.marginfall.core.price.PriceShock;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.spec.VenueSpec;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.Venue;
import org.marginfall.core.venue.VenueId;
import org.marginfall.core.venue.VenueServices;
import org.marginfall.core.venue.VenueSnapshot;

/**
 * All mutable state of one run and the work of each phase.
 *
 * <p>The MASON model owns one world and calls {@link #runPhase(Phase)} once per phase and tick.
 * Agents see it only as an {@link AgentContext} (a {@link LedgerAgentContext}), venues only through
 * {@link VenueServices}. Mutable
 * and not thread-safe: one run is single-threaded.
 */
public final class World implements SimClock, EventSink {

  private final RunSettings settings;
  private final int replication;
  private final AssetId base;
  private final Ledger ledger;
  private final FundamentalPrices fundamentals;
  private final Markets markets;
  private final Oracles oracles;
  private final List<PriceShock> shocks;
  private final AgentContext agents;
  private final List<Venue> venues = new ArrayList<>();
  private final Map<VenueId, Venue> venuesById = new LinkedHashMap<>();
  private final List<Population> populations = new ArrayList<>();
  private final List<RunListener> listeners;
  private final Auditor auditor;
  private final Map<VenueId, VenueSnapshot> previous = new LinkedHashMap<>();
  private long step;
  private int round;

  private World(ModelSpec spec, RandomStreams streams, List<RunListener> listeners, boolean audit) {
    this.settings = spec.settings().withSeed(streams.masterSeed());
    this.replication = streams.replication();
    this.base = spec.baseCurrency();
    this.listeners = List.copyOf(listeners);
    List<AssetId> assetIds = spec.assets().stream().map(Asset::id).toList();
    this.ledger = new Ledger(assetIds);
    List<AssetId> spot = spec.spotAssets();
    this.fundamentals =
        new FundamentalPrices(
            spot,
            spot.stream().map(a -> spec.prices().get(a)).toList(),
            spec.correlation(),
            settings.stepSeconds(),
            streams);
    this.markets = new Markets(ledger, base, this, this);
    for (MarketSpec m : spec.markets()) {
      markets.add(new SharedMarket(m.asset(), m.impact(), m.halfLifeSteps(), fundamental(m.asset())));
    }
    this.oracles = new Oracles(base);
    this.shocks = spec.shocks();
    VenueServices services = new VenueServices(ledger, markets, oracles, this, this, base, streams);
    for (VenueSpec v : spec.venues()) {
      Venue venue = v.resolve(services);
      venues.add(venue);
      venuesById.put(venue.id(), venue);
      for (AssetId a : v.issuedAssets()) {
        if (!markets.isDerived(a)) {
          throw new IllegalStateException(v.id() + " issues " + a + " but declared no NAV for it");
        }
      }
    }
    // Oracle feeds start at the initial prices, which for derived assets are the issuers' NAVs.
    for (OracleSpec o : spec.oracles()) {
      // Only a noisy oracle takes a stream, so runs without one list the same streams as before.
      Oracle oracle =
          new Oracle(
              o.id(), o.design(),
              o.design().needsRandomness() ? streams.stream("oracles/" + o.id().value()) : null);
      for (AssetId a : pricedAssets()) {
        oracle.addFeed(a, markets.price(a));
      }
      oracles.add(oracle);
    }
    this.agents = new LedgerAgentContext(this, base, ledger, markets, venuesById, this);
    for (PopulationSpec p : spec.populations()) {
      populations.add(p.resolve(streams));
    }
    this.auditor = audit ? new Auditor() : null;
  }

  /** Builds the world of {@code spec} for one replication; nothing runs until {@link #setUp()}. */
  public static World create(
      ModelSpec spec, RandomStreams streams, List<RunListener> listeners, boolean audit) {
    return new World(spec, streams, listeners, audit);
  }

  /** Tells listeners the run starts, lets populations set up and records step 0. */
  public void setUp() {
    List<RunStart.VenueInfo> infos = new ArrayList<>();
    for (Venue v : venues) {
      infos.add(new RunStart.VenueInfo(v.id(), v.type(), v.attributes()));
    }
    RunStart start = new RunStart(settings, replication, base, infos);
    listeners.forEach(l -> l.onStart(start));
    step = 0;
    round = 0;
    for (Population p : populations) {
      p.setUp(agents);
    }
    for (Venue v : venues) {
      previous.put(v.id(), v.snapshot());
    }
    record();
  }

  /** Runs one phase of tick {@code tick}. */
  public void runPhase(Phase phase, long tick) {
    step = tick;
    round = 0;
    switch (phase) {
      case EXOGENOUS -> exogenous();
      case ORACLES -> publishOracles(false);
      case TRADING -> populations.forEach(p -> p.trade(agents));
      case ARBITRAGE -> populations.forEach(p -> p.arbitrage(agents));
      case RISK_AND_LIQUIDATION -> liquidationRounds();
      case SETTLEMENT -> venues.forEach(Venue::settle);
      case RECORD -> record();
    }
  }

  /** Tells listeners the run is over. */
  public void finish() {
    listeners.forEach(RunListener::onFinish);
  }

  /** The settings, with the seed actually used. */
  public RunSettings settings() {
    return settings;
  }

  /** Steps the auditor checked (0 when not audited). */
  public long auditedSteps() {
    return auditor == null ? 0 : auditor.checkedSteps();
  }

  private void exogenous() {
    fundamentals.advance();
    for (int s = 0; s < shocks.size(); s++) {
      PriceShock shock = shocks.get(s);
      double factor = shock.factorAt(step);
      if (factor != 1.0) {
        fundamentals.scale(fundamentals.indexOf(shock.asset()), factor);
        emit(new ShockApplied(step, 0, shock.asset().value(), factor, s));
      }
    }
    for (SharedMarket m : markets.all()) {
      m.decay();
      m.setFundamental(fundamental(m.asset()));
    }
    for (Oracle o : oracles.all()) {
      for (OracleFeed f : o.feeds()) {
        f.observe(markets.price(f.asset()));
      }
    }
  }

  /**
   * Publishes oracle updates (and refusal or freeze notices, as {@code oracle_update} events whose
   * price is the value that stays); within liquidation rounds only oracles with a zero-latency
   * source re-read.
   */
  private void publishOracles(boolean intraTick) {
    for (Oracle o : oracles.all()) {
      if (intraTick && !o.rereadsIntraTick()) {
        continue;
      }
      for (OracleFeed f : o.feeds()) {
        if (intraTick) {
          f.reobserve(markets.price(f.asset()));
        }
        OracleFeed.Update u = f.evaluate(step);
        if (u != null) {
          emit(
              new OracleUpdated(
                  step, round, o.id().value(), u.asset().value(), u.price(), u.previous(),
                  u.reason().label()));
        }
      }
    }
  }

  private void liquidationRounds() {
    for (int r = 1; r <= settings.maxLiquidationRounds(); r++) {
      round = r;
      publishOracles(true);
      List<LiquidationCandidate> candidates = new ArrayList<>();
      boolean auctions = false;
      for (Venue v : venues) {
        v.markToMarket();
        candidates.addAll(v.liquidatable());
        auctions |= !v.auctions().isEmpty();
      }
      // An open auction is work for liquidators even when no account is liquidatable: its price
      // keeps falling from tick to tick, and a lot nobody takes may end in a deficit.
      if (candidates.isEmpty() && !auctions) {
        break;
      }
      List<LiquidationCandidate> view = Collections.unmodifiableList(candidates);
      int executed = 0;
      for (Population p : populations) {
        executed += p.liquidate(agents, view);
      }
      if (executed == 0) {
        break;
      }
    }
    round = 0;
  }

  private void record() {
    List<StepRecord.AssetPoint> assets = new ArrayList<>();
    for (SharedMarket m : markets.all()) {
      assets.add(new StepRecord.AssetPoint(m.asset(), m.fundamental(), m.price()));
    }
    for (AssetId d : markets.derivedAssets()) {
      // A derived asset has no market of its own here: both prices are the issuer's NAV.
      double nav = markets.price(d);
      assets.add(new StepRecord.AssetPoint(d, nav, nav));
    }
    List<StepRecord.OraclePoint> prices = new ArrayList<>();
    for (Oracle o : oracles.all()) {
      for (OracleFeed f : o.feeds()) {
        prices.add(new StepRecord.OraclePoint(o.id(), f.asset(), f.price()));
      }
    }
    List<StepRecord.VenuePoint> points = new ArrayList<>();
    for (Venue v : venues) {
      v.markToMarket();
      VenueSnapshot now = v.snapshot();
      VenueSnapshot before = previous.get(v.id());
      points.add(
          new StepRecord.VenuePoint(
              v.id(), now, now.liquidations() - before.liquidations(),
              now.liquidatedNotional() - before.liquidatedNotional(),
              HealthBands.of(v.healthValues())));
      previous.put(v.id(), now);
    }
    StepRecord record = new StepRecord(step, step * settings.stepSeconds(), assets, prices, points);
    if (auditor != null) {
      auditor.check(record, ledger, venues);
    }
    listeners.forEach(l -> l.onStep(record));
  }

  /** Spot assets (with markets) then derived assets (priced at their issuer's NAV). */
  private List<AssetId> pricedAssets() {
    List<AssetId> out = new ArrayList<>();
    markets.all().forEach(m -> out.add(m.asset()));
    out.addAll(markets.derivedAssets());
    return out;
  }

  private double fundamental(AssetId asset) {
    return fundamentals.price(fundamentals.indexOf(asset));
  }

  // --- SimClock

  @Override
  public long step() {
    return step;
  }

  @Override
  public int round() {
    return round;
  }

  // --- EventSink

  @Override
  public void emit(SimEvent event) {
    for (RunListener l : listeners) {
      l.onEvent(event);
    }
  }
}
