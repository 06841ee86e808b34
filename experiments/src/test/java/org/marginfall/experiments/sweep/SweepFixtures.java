package org.marginfall.experiments.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.marginfall.experiments.Fixtures;
import org.marginfall.experiments.scenario.Catalog;

/** Sweep files over the minimal test scenario (10 steps, 4 traders: milliseconds a run). */
final class SweepFixtures {

  /** A 3 x 2 grid over the perp venue's maintenance margin and the ETH shock, 3 replications (18 runs). */
  static final String GRID = """
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
  static final String SOBOL = """
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

  private SweepFixtures() {}

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
  static SweepRunner.Result run(SweepSpec spec, Path out, int threads, Shard shard, boolean resume) throws IOException {
    return run(spec, new SweepRunner.Options(out, threads, shard, resume, false, false));
  }

  /** Runs {@code spec} quietly with {@code --force}. */
  static SweepRunner.Result force(SweepSpec spec, Path out) throws IOException {
    return run(spec, new SweepRunner.Options(out, 1, Shard.ALL, false, true, false));
  }

  private static SweepRunner.Result run(SweepSpec spec, SweepRunner.Options options) throws IOException {
    return new SweepRunner(Catalog.standard(), java.time.Clock.systemUTC()).run(spec, options,
        c -> new Progress(new java.io.PrintWriter(java.io.Writer.nullWriter()), false, System::nanoTime, c[0], c[1]));
  }
}
