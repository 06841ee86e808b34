package org.marginfall.core.testing;

import java.util.List;
import java.util.Map;
import org.marginfall.core.asset.Asset;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.asset.AssetKind;
import org.marginfall.core.engine.MarketSpec;
import org.marginfall.core.engine.ModelSpec;
import org.marginfall.core.engine.OracleSpec;
import org.marginfall.core.market.ImpactModel;
import org.marginfall.core.metric.RunSettings;
import org.marginfall.core.oracle.OracleId;
import org.marginfall.core.oracle.OracleRule;
import org.marginfall.core.price.PriceProcessSpec;
import org.marginfall.core.price.PriceShock;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.spec.VenueSpec;

/**
 * Hand-built {@link ModelSpec}s for tests: one base currency (USD) and one spot asset (ETH) whose
 * fundamental price is constant unless a test says otherwise, so every price on the path is known.
 *
 * <p>The default model has a linear-log ETH market of depth {@link #ETH_DEPTH} with permanent
 * impact, one immediate oracle {@link #ORACLE} (reads the current price, heartbeat 1 step,
 * threshold 0), no shocks, no venues and no populations. The {@code with...} methods return copies
 * with one part replaced. Stateless and thread-safe.
 */
public final class ModelSpecs {

  /** The base currency. */
  public static final AssetId USD = AssetId.of("USD");

  /** The spot asset. */
  public static final AssetId ETH = AssetId.of("ETH");

  /** The one oracle. */
  public static final OracleId ORACLE = OracleId.of("spot-feed");

  /** The constant fundamental price of ETH. */
  public static final double ETH_PRICE = 2000.0;

  /** Base-currency notional that moves ln(ETH price) by 1. */
  public static final double ETH_DEPTH = 1.0e8;

  /** Seconds per tick. */
  public static final double STEP_SECONDS = 60.0;

  /** Liquidation rounds per tick. */
  public static final int MAX_LIQUIDATION_ROUNDS = 3;

  /** The scenario's default seed. */
  public static final long SEED = 20260101L;

  private ModelSpecs() {}

  /** The one-asset deterministic model running {@code steps} ticks. */
  public static ModelSpec oneAsset(long steps) {
    return new ModelSpec(
        new RunSettings(steps, STEP_SECONDS, MAX_LIQUIDATION_ROUNDS, SEED),
        USD,
        // Declared precisions: the run sets the recording populations up once, with no probe.
        List.of(new Asset(USD, AssetKind.BASE, 6), new Asset(ETH, AssetKind.SPOT, 6)),
        Map.of(ETH, PriceProcessSpec.constant(ETH_PRICE)),
        new double[][] {{1.0}},
        List.of(
            new MarketSpec(ETH, new ImpactModel.LinearLog(ETH_DEPTH), Double.POSITIVE_INFINITY)),
        List.of(new OracleSpec(ORACLE, OracleRule.immediate())),
        List.of(),
        List.of(),
        List.of());
  }

  /** {@code spec} with other run settings. */
  public static ModelSpec withSettings(ModelSpec spec, RunSettings settings) {
    return new ModelSpec(
        settings,
        spec.baseCurrency(),
        spec.assets(),
        spec.prices(),
        spec.correlation(),
        spec.markets(),
        spec.oracles(),
        spec.shocks(),
        spec.venues(),
        spec.populations());
  }

  /** {@code spec} with another price process for ETH. */
  public static ModelSpec withEthPrice(ModelSpec spec, PriceProcessSpec eth) {
    return new ModelSpec(
        spec.settings(),
        spec.baseCurrency(),
        spec.assets(),
        Map.of(ETH, eth),
        spec.correlation(),
        spec.markets(),
        spec.oracles(),
        spec.shocks(),
        spec.venues(),
        spec.populations());
  }

  /** {@code spec} with other oracles. */
  public static ModelSpec withOracles(ModelSpec spec, List<OracleSpec> oracles) {
    return new ModelSpec(
        spec.settings(),
        spec.baseCurrency(),
        spec.assets(),
        spec.prices(),
        spec.correlation(),
        spec.markets(),
        oracles,
        spec.shocks(),
        spec.venues(),
        spec.populations());
  }

  /** {@code spec} with other scheduled shocks. */
  public static ModelSpec withShocks(ModelSpec spec, List<PriceShock> shocks) {
    return new ModelSpec(
        spec.settings(),
        spec.baseCurrency(),
        spec.assets(),
        spec.prices(),
        spec.correlation(),
        spec.markets(),
        spec.oracles(),
        shocks,
        spec.venues(),
        spec.populations());
  }

  /** {@code spec} with other venues. */
  public static ModelSpec withVenues(ModelSpec spec, List<VenueSpec> venues) {
    return new ModelSpec(
        spec.settings(),
        spec.baseCurrency(),
        spec.assets(),
        spec.prices(),
        spec.correlation(),
        spec.markets(),
        spec.oracles(),
        spec.shocks(),
        venues,
        spec.populations());
  }

  /** {@code spec} with other populations. */
  public static ModelSpec withPopulations(ModelSpec spec, List<PopulationSpec> populations) {
    return new ModelSpec(
        spec.settings(),
        spec.baseCurrency(),
        spec.assets(),
        spec.prices(),
        spec.correlation(),
        spec.markets(),
        spec.oracles(),
        spec.shocks(),
        spec.venues(),
        populations);
  }
}
