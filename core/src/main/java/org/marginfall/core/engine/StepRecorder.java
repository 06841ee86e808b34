package org.marginfall.core.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marginfall.core.agent.Population;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.market.Markets;
import org.marginfall.core.market.SharedMarket;
import org.marginfall.core.metric.HealthBands;
import org.marginfall.core.metric.RunListener;
import org.marginfall.core.metric.StepRecord;
import org.marginfall.core.oracle.Oracle;
import org.marginfall.core.oracle.OracleFeed;
import org.marginfall.core.oracle.Oracles;
import org.marginfall.core.venue.Venue;
import org.marginfall.core.venue.VenueId;
import org.marginfall.core.venue.VenueSnapshot;

/**
 * The record phase of its {@link World}: one {@link StepRecord} per tick (prices, oracles, each
 * venue's snapshot, step counts and health bands, populations' own metrics), audited when asked and
 * handed to the listeners. Mutable (the last snapshots, the health buffers); not thread-safe.
 */
final class StepRecorder {

  private final World world;
  private final double stepSeconds;
  private final Ledger ledger;
  private final Markets markets;
  private final Oracles oracles;
  private final List<Venue> venues;
  private final List<Population> populations;
  private final List<RunListener> listeners;
  private final Auditor auditor;
  private final Map<VenueId, VenueSnapshot> previous = new LinkedHashMap<>();

  /** Per venue, the array its health values are written into every tick, grown when too short. */
  private final Map<VenueId, double[]> healthBuffers = new HashMap<>();

  /** The recorder of {@code world}, over the parts {@code wiring} built. */
  StepRecorder(World world, WorldWiring wiring, List<RunListener> listeners, Auditor auditor) {
    this.world = world;
    this.stepSeconds = world.settings().stepSeconds();
    this.ledger = wiring.ledger;
    this.markets = wiring.markets;
    this.oracles = wiring.oracles;
    this.venues = wiring.venues;
    this.populations = wiring.populations;
    this.listeners = listeners;
    this.auditor = auditor;
  }

  /** Takes each venue's snapshot after set-up, the base of the first step's counts. */
  void start() {
    world.eachVenue(v -> previous.put(v.id(), v.snapshot()));
  }

  void record() {
    long step = world.step();
    List<StepRecord.AssetPoint> assets = new ArrayList<>();
    for (SharedMarket m : markets.all()) {
      AssetId a = m.asset();
      assets.add(
          markets.isDerived(a)
              ? new StepRecord.AssetPoint(a, markets.nav(a), markets.price(a))
              : new StepRecord.AssetPoint(a, m.fundamental(), m.price()));
    }
    for (AssetId d : markets.derivedAssets()) {
      // A derived asset's "fundamental" is its issuer's NAV; its market price differs from it only
      // where a secondary market trades it.
      if (!markets.has(d)) {
        double nav = markets.price(d);
        assets.add(new StepRecord.AssetPoint(d, nav, nav));
      }
    }
    List<StepRecord.OraclePoint> prices = new ArrayList<>();
    for (Oracle o : oracles.all()) {
      for (OracleFeed f : o.feeds()) {
        prices.add(new StepRecord.OraclePoint(o.id(), f.asset(), f.price()));
      }
    }
    List<StepRecord.VenuePoint> points = new ArrayList<>();
    world.eachVenue(v -> points.add(venuePoint(v)));
    List<StepRecord.PopulationPoint> own = new ArrayList<>();
    for (Population p : populations) {
      Map<String, Double> m = p.metrics();
      if (!m.isEmpty()) {
        own.add(new StepRecord.PopulationPoint(p.id(), m));
      }
    }
    StepRecord record = new StepRecord(step, step * stepSeconds, assets, prices, points, own);
    if (auditor != null) {
      auditor.check(record, ledger, venues);
    }
    listeners.forEach(l -> l.onStep(record));
  }

  /** Marks {@code v} to market and measures it against its snapshot of the step before. */
  private StepRecord.VenuePoint venuePoint(Venue v) {
    v.markToMarket();
    VenueSnapshot now = v.snapshot();
    VenueSnapshot before = previous.get(v.id());
    StepRecord.VenuePoint point =
        new StepRecord.VenuePoint(
            v.id(),
            now,
            now.liquidations() - before.liquidations(),
            now.liquidatedNotional() - before.liquidatedNotional(),
            healthBands(v));
    previous.put(v.id(), now);
    return point;
  }

  /** The health bands of {@code v}, its health values written into the venue's reused buffer. */
  private HealthBands healthBands(Venue v) {
    int capacity = v.healthCapacity();
    double[] buffer = healthBuffers.get(v.id());
    if (buffer == null || buffer.length < capacity) {
      // Headroom, so that a growing book does not reallocate every tick.
      buffer = new double[Math.max(16, capacity + capacity / 4)];
      healthBuffers.put(v.id(), buffer);
    }
    return HealthBands.ofReordering(buffer, v.healthValues(buffer));
  }
}
