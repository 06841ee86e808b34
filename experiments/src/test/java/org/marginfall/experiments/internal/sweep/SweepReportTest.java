package org.marginfall.experiments.internal.sweep;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.reports.risk.MetricStatistics;

/**
 * The terminal summary of a sweep prints parameter values and means as numbers a reader takes in.
 */
class SweepReportTest {

  @TempDir Path tmp;

  @Test
  void test_print_parameterValuesAndMeansWithSeparatorsNotJavaDoubles() throws Exception {
    SweepSpec spec =
        SweepFixtures.spec(
            tmp,
            """
        name: funds
        scenario: minimal.yaml
        seed: 1
        replications: 1
        design: grid
        parameters:
          - {path: "venues[0].maintenanceMargin", name: mm, values: [0.005]}
          - {path: "venues[0].insuranceFund", name: insuranceFund, values: [6.0e6, 1.4e7]}
        metrics:
          - {name: badDebt, path: venues.perp.badDebt}
        """);
    // points.csv as the sweep writes it: parameter values and statistics as Java prints doubles.
    Files.writeString(
        tmp.resolve("points.csv"),
        "point,mm,insuranceFund,metric,runs,failed,"
            + String.join(",", MetricStatistics.columns())
            + "\n"
            + "0,0.005,6000000.0,badDebt,1,0,1,1234567.891,0.0,,,1234567.891,,,,,,1234567.891,1.0\n"
            + "1,0.005,1.4E7,badDebt,1,0,1,0.0,0.0,,,0.0,,,,,,0.0,0.0\n");
    StringWriter text = new StringWriter();
    try (PrintWriter out = new PrintWriter(text)) {
      SweepReport.print(tmp, spec, new SweepOutputs.Counts(2, 0, Map.of()), out, 60);
    }
    String printed = text.toString();
    assertTrue(
        printed.contains(
            "point 0: mm=0.005 insuranceFund=6,000,000 | badDebt 1,234,568 (>0 in 100%)"),
        printed);
    assertTrue(
        printed.contains("point 1: mm=0.005 insuranceFund=14,000,000 | badDebt 0 (>0 in 0%)"),
        printed);
  }
}
