package org.marginfall.experiments.internal.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.marginfall.experiments.Fixtures;
import org.marginfall.experiments.internal.scenario.Catalog;

/** Sweep files over the minimal test scenario (10 steps, 4 traders: milliseconds a run). */
final class SweepFixtures {

  /**
   * A 3 x 2 grid over the perp venue's maintenance margin and the ETH shock, 3 replications (18
   * runs).
   */
  static final String GRID =
      """
      name: test-grid
      scenario: minimal.yaml
      seed: 11
      replications: 3
      design: grid
      parameters:
        - {path: "venues[0].maintenanceMargin", name: mm, values: [0.02, 0.05, 0.08]}
        - {path: "shocks[0].change", name: shock, min: -0.4, max: -0.1, points: 2}
      metrics:
        - totals.liquidations
        - {name: badDebt, path: venues.perp.badDebt}
        - {name: firstLiquidation, path: venues.perp.firstLiquidationStep}
        - {name: drawdown, path: assets.ETH.marketMaxDrawdown}
      """;

  /** A Sobol design, 4 base samples over two parameters (16 points), 2 replications (32 runs). */
  static final String SOBOL =
      """
      name: test-sobol
      scenario: minimal.yaml
      seed: 5
      replications: 2
      design: {type: sobol, samples: 4, bootstrap: 20}
      parameters:
        - {path: "venues[0].maintenanceMargin", name: mm, min: 0.01, max: 0.09}
        - {path: "shocks[0].change", name: shock, min: -0.5, max: -0.05}
      metrics:
        - {name: liquidations, path: totals.liquidations}
        - {name: drawdown, path: assets.ETH.marketMaxDrawdown}
      """;

  /**
   * A lending pool issuing the derived receipts aETH and aUSD, a 30% ETH fall at step 3, a handful
   * of suppliers, borrowers and a keeper (10 steps).
   */
  static final String LENDING_SCENARIO =
      """
      name: lending
      run: {steps: 10, stepSeconds: 60, seed: 3}
      baseCurrency: USD
      assets:
        - {id: USD, kind: base}
        - id: ETH
          price: {initial: 2000, volatility: 0.5}
        - {id: aETH, kind: derived}
        - {id: aUSD, kind: derived}
      markets:
        - {asset: ETH, impact: {model: linear-log, depth: 1.0e8}}
        - {asset: aUSD, impact: {model: linear-log, depth: 5.0e6}}
      oracles:
        - {id: feed}
      shocks:
        - {asset: ETH, startStep: 3, change: -0.3}
      venues:
        - id: lend
          preset: aave-v3-like
          oracle: feed
          listings:
            WETH: {asset: ETH, receipt: aETH}
            USDC: {asset: USD, receipt: aUSD}
      agents:
        - id: lenders
          type: lending-suppliers
          venue: lend
          count: 2
          supplies:
            - {asset: USD, amount: 1.0e6}
        - id: borrowers
          type: lending-borrowers
          venue: lend
          count: 4
          collateralAsset: ETH
          collateral: 10
          debtAsset: USD
          targetLtv: 0.7
        - id: keeper
          type: liquidators
          count: 1
          capital: 1.0e6
      """;

  /** Metrics on the derived receipts of {@link #LENDING_SCENARIO}: 2 points, 1 replication. */
  static final String DERIVED =
      """
      name: test-derived
      scenario: lending.yaml
      seed: 3
      parameters:
        - {path: "shocks[0].change", name: shock, values: [-0.3, -0.1]}
      metrics:
        - {name: aethDrawdown, path: assets.aETH.marketMaxDrawdown}
        - {name: ausdFinal, path: assets.aUSD.finalMarket}
        - {name: ethDrawdown, path: assets.ETH.marketMaxDrawdown}
      """;

  private SweepFixtures() {}

  /**
   * Writes {@code sweep} and {@link #LENDING_SCENARIO} (as lending.yaml) into {@code dir} and reads
   * the sweep.
   */
  static SweepSpec lendingSpec(Path dir, String sweep) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Fixtures.write(dir, "lending.yaml", LENDING_SCENARIO);
    return new SweepReader(Catalog.standard()).read(Fixtures.write(dir, "sweep.yaml", sweep));
  }

  /** Writes {@code sweep} and the minimal scenario into {@code dir} and reads the sweep. */
  static SweepSpec spec(Path dir, String sweep) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Fixtures.write(dir, "minimal.yaml", Fixtures.minimalYaml());
    return new SweepReader(Catalog.standard()).read(Fixtures.write(dir, "sweep.yaml", sweep));
  }

  /** Runs {@code spec} quietly. */
  static SweepRunner.Result run(SweepSpec spec, Path out, int threads, Shard shard, boolean resume)
      throws IOException {
    return run(spec, new SweepRunner.Options(out, threads, shard, resume, false, false));
  }

  /** Runs {@code spec} quietly with {@code --force}. */
  static SweepRunner.Result force(SweepSpec spec, Path out) throws IOException {
    return run(spec, new SweepRunner.Options(out, 1, Shard.ALL, false, true, false));
  }

  private static SweepRunner.Result run(SweepSpec spec, SweepRunner.Options options)
      throws IOException {
    return new SweepRunner(Catalog.standard(), java.time.Clock.systemUTC())
        .run(
            spec,
            options,
            c ->
                new Progress(
                    new java.io.PrintWriter(java.io.Writer.nullWriter()),
                    false,
                    System::nanoTime,
                    c[0],
                    c[1]));
  }
}
