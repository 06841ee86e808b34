package org.marginfall.experiments.internal.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.experiments.Fixtures;
import org.marginfall.experiments.internal.warning.Warning;
import org.marginfall.experiments.internal.warning.WarningsFile;

/** A swept parameter no metric responds to is reported after the sweep (#17, item 12). */
class IneffectiveParametersTest {

  @TempDir Path tmp;

  /**
   * The minimal scenario's traders hold only ETH, and ETH is the first asset of the correlated
   * draw, so BTC's volatility moves neither the liquidations nor ETH's drawdown; the size of the
   * ETH shock moves the drawdown.
   */
  private static final String SWEEP =
      """
      name: test-noop
      scenario: minimal.yaml
      seed: 11
      replications: 1
      design: grid
      parameters:
        - {path: "shocks[0].change", name: shock, values: [-0.1, -0.4]}
        - {path: "assets[2].price.volatility", name: btcVol, values: [0.2, 0.8, 1.2]}
      metrics:
        - totals.liquidations
        - {name: drawdown, path: assets.ETH.marketMaxDrawdown}
      """;

  @Test
  void test_sweep_warnsOfTheParameterWithoutEffectOnly() throws Exception {
    SweepFixtures.spec(tmp, SWEEP);
    Path out = tmp.resolve("out");
    Fixtures.CliResult r =
        Fixtures.cli(
            "sweep",
            tmp.resolve("sweep.yaml").toString(),
            "--out",
            out.toString(),
            "--threads",
            "2");
    assertEquals(0, r.exit(), r.err());
    Warning expected =
        new Warning(
            "parameters[1] (btcVol)",
            "no effect on any metric: every metric is identical"
                + " across its 3 levels with the other parameters and the replication held fixed, so this sweep says nothing"
                + " about assets[2].price.volatility (is the field read by the scenario's mechanics?)");
    assertEquals(List.of(expected), WarningsFile.read(out));
    assertTrue(r.errLines().contains(expected.line()), r.err());
    String html = Files.readString(out.resolve("report.html"));
    assertTrue(
        html.contains("Warnings")
            && html.contains("parameters[1] (btcVol): no effect on any metric"));
  }

  @Test
  void test_rows_aParameterIsIneffectiveOnlyWhenEveryComparableGroupAgrees() {
    List<Parameter> ps = SweepFixtures.spec(tmp, SWEEP).parameters();
    IneffectiveParameters p = new IneffectiveParameters(ps);
    // shock -0.1 vs -0.4 at btcVol 0.2, replication 0: liquidations 3 vs 1, so the shock has an
    // effect;
    // btcVol 0.2 vs 0.8 at shock -0.1: identical metrics.
    p.add(row(0, List.of("-0.1", "0.2"), List.of(3.0, 0.1)));
    p.add(row(1, List.of("-0.1", "0.8"), List.of(3.0, 0.1)));
    p.add(row(2, List.of("-0.4", "0.2"), List.of(1.0, 0.1)));
    assertEquals(
        List.of("parameters[1] (btcVol)"), p.warnings().stream().map(Warning::subject).toList());
    // One group where btcVol changes a metric is enough to clear it.
    p.add(row(3, List.of("-0.4", "0.8"), List.of(2.0, 0.1)));
    assertEquals(List.of(), p.warnings());
  }

  @Test
  void test_rows_noComparableGroupClaimsNothing() {
    // Every point differs in both parameters (as in a Latin hypercube): nothing varies alone.
    IneffectiveParameters p =
        new IneffectiveParameters(SweepFixtures.spec(tmp, SWEEP).parameters());
    p.add(row(0, List.of("-0.1", "0.2"), List.of(3.0, 0.1)));
    p.add(row(1, List.of("-0.4", "0.8"), List.of(3.0, 0.1)));
    assertEquals(List.of(), p.warnings());
  }

  private static RunsTable.Row row(int point, List<String> values, List<Double> metrics) {
    return new RunsTable.Row(point, 0, 1, values, metrics, "", "");
  }
}
