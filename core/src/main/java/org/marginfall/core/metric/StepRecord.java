package org.marginfall.core.metric;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.oracle.OracleId;
import org.marginfall.core.venue.VenueId;
import org.marginfall.core.venue.VenueSnapshot;

/**
 * The state of a run at the end of one tick, as recorders see it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param step the tick (0: after set-up)
 * @param timeSeconds simulated time
 * @param assets fundamental and market price of each spot asset
 * @param oracles each oracle's published price of each asset
 * @param venues each venue's counters, this tick's liquidations and its accounts' health
 * @param populations the metrics of the populations that report their own, in scenario order
 */
public record StepRecord(
    long step,
    double timeSeconds,
    List<AssetPoint> assets,
    List<OraclePoint> oracles,
    List<VenuePoint> venues,
    List<PopulationPoint> populations) {

  /** Copies the lists. */
  public StepRecord {
    assets = List.copyOf(assets);
    oracles = List.copyOf(oracles);
    venues = List.copyOf(venues);
    populations = List.copyOf(populations);
  }

  /** A record without population metrics. */
  public StepRecord(
      long step,
      double timeSeconds,
      List<AssetPoint> assets,
      List<OraclePoint> oracles,
      List<VenuePoint> venues) {
    this(step, timeSeconds, assets, oracles, venues, List.of());
  }

  /**
   * One population's own metrics at the end of the tick.
   *
   * @param population the population id
   * @param metrics its metrics by name, in the population's order; a null value is undefined
   */
  public record PopulationPoint(String population, Map<String, Double> metrics) {

    /** Copies the metrics, keeping their order and nulls. */
    public PopulationPoint {
      Objects.requireNonNull(population, "population");
      metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }
  }

  /**
   * Prices of one asset.
   *
   * @param asset the asset
   * @param fundamental its fundamental price
   * @param market its market price
   */
  public record AssetPoint(AssetId asset, double fundamental, double market) {}

  /**
   * One oracle's published price of one asset.
   *
   * @param oracle the oracle
   * @param asset the asset
   * @param price the last published price
   */
  public record OraclePoint(OracleId oracle, AssetId asset, double price) {}

  /**
   * One venue at the end of the tick.
   *
   * @param venue the venue
   * @param snapshot cumulative counters and current state
   * @param liquidations liquidation events in this tick
   * @param liquidatedNotional notional liquidated in this tick
   * @param health the distribution of account health at the end of the tick
   */
  public record VenuePoint(
      VenueId venue,
      VenueSnapshot snapshot,
      long liquidations,
      double liquidatedNotional,
      HealthBands health) {

    /** Requires the health bands. */
    public VenuePoint {
      Objects.requireNonNull(health, "health");
    }

    /** A point without health information (no account carries risk). */
    public VenuePoint(
        VenueId venue, VenueSnapshot snapshot, long liquidations, double liquidatedNotional) {
      this(venue, snapshot, liquidations, liquidatedNotional, HealthBands.NONE);
    }
  }
}
