package org.marginfall.experiments.internal.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marginfall.core.engine.ModelSpec;
import org.marginfall.core.engine.Simulation;
import org.marginfall.core.event.PopulationEvent;
import org.marginfall.core.event.SimEvent;
import org.marginfall.core.metric.RunSummary;
import org.marginfall.core.metric.SummaryCollector;
import org.marginfall.core.network.FireSaleVulnerability;
import org.marginfall.core.network.GaiKapadiaWindow;
import org.marginfall.core.testing.RecordingListener;
import org.marginfall.experiments.internal.scenario.Catalog;
import org.marginfall.experiments.internal.scenario.ScenarioReader;
import org.marginfall.experiments.internal.scenario.ScenarioSource;

/**
 * Reduced versions of the classic contagion models of docs/validation.md (few seeds, small systems,
 * audited runs so ledger conservation is checked at every step), held to the documented ranges; the
 * full sweeps are examples/sweep-gai-kapadia.yaml and examples/sweep-caccioli.yaml.
 */
class ClassicContagionTest {

  private record Run(RunSummary summary, List<SimEvent> events) {

    Map<String, Double> banks() {
      return summary.populations().get("banks");
    }

    List<SimEvent> of(String type) {
      return events.stream()
          .filter(e -> e instanceof PopulationEvent && e.type().equals(type))
          .toList();
    }
  }

  private static Run run(String yaml, long seed) {
    ModelSpec model =
        new ScenarioReader(Catalog.standard())
            .read(yaml.getBytes(StandardCharsets.UTF_8), false)
            .model();
    SummaryCollector summary = new SummaryCollector();
    RecordingListener events = new RecordingListener();
    Simulation.Outcome outcome = Simulation.run(model, seed, 0, true, List.of(summary, events));
    return new Run(summary.summary(true, outcome.auditedSteps()), events.events());
  }

  private static String bundled(String name) {
    return new String(ScenarioSource.bundled(name).orElseThrow(), StandardCharsets.UTF_8);
  }

  private static String resource(String name) throws IOException {
    try (InputStream in =
        ClassicContagionTest.class.getResourceAsStream("/institutions/" + name + ".yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The share of {@code seeds} seeds with contagion, and the mean extent over those seeds. */
  private static double[] frequencyAndExtent(String yaml, int seeds) {
    int hits = 0;
    double extent = 0;
    for (long seed = 1; seed <= seeds; seed++) {
      Map<String, Double> banks = run(yaml, seed).banks();
      if (banks.get("contagion") == 1.0) {
        hits++;
        extent += banks.get("extent");
      }
    }
    return new double[] {(double) hits / seeds, hits == 0 ? Double.NaN : extent / hits};
  }

  @Test
  void test_gaiKapadia_contagionOnlyInsideTheWindow() {
    // 300 banks, 20 seeds per z: the window of the analytic condition is [1.02, 5.76] (strict
    // rule).
    String base = bundled("gai-kapadia").replace("count: 1000", "count: 300");
    double[] low = frequencyAndExtent(base.replace("averageDegree: 3}", "averageDegree: 0.5}"), 20);
    double[] z3 = frequencyAndExtent(base, 20);
    double[] z4 = frequencyAndExtent(base.replace("averageDegree: 3}", "averageDegree: 4}"), 20);
    double[] high = frequencyAndExtent(base.replace("averageDegree: 3}", "averageDegree: 15}"), 20);

    assertTrue(low[0] <= 0.05, "z = 0.5: " + low[0]);
    assertEquals(0.0, high[0], "z = 15");
    int jMax = GaiKapadiaWindow.maxVulnerableDegree(20, 4);
    for (double[] inside : List.of(z3, z4)) {
      assertTrue(inside[0] >= 0.4, "frequency inside the window: " + inside[0]);
      assertTrue(inside[1] >= 0.9, "extent given contagion: " + inside[1]);
    }
    // Within 0.25 of the large-n probability (0.780 at z = 3, 0.706 at z = 4) with 20 seeds of 300
    // banks.
    assertEquals(GaiKapadiaWindow.contagionProbability(3, jMax), z3[0], 0.25);
    assertEquals(GaiKapadiaWindow.contagionProbability(4, jMax), z4[0], 0.25);
  }

  @Test
  void test_gaiKapadia_lossEqualToCapitalLeavesTheBankStanding() throws IOException {
    // Complete network of 6: each survivor loses 20 / 5 = 4 = its capital, so no one else fails.
    String yaml = resource("gk-complete");
    Run tie = run(yaml, 7);
    assertEquals(1.0, tie.banks().get("defaults"));
    assertEquals(
        4.0 * 5,
        tie.banks().get("equityLost") - 4.0,
        1e-12); // five survivors at 0 plus the failed bank's 4
    // A capital a hair below 4: the same loss now exceeds it and every bank fails in round 1.
    Run below = run(yaml.replace("capital: 4", "capital: 3.999"), 7);
    assertEquals(6.0, below.banks().get("defaults"));
    assertEquals(
        5,
        below.of("institution_default").stream()
            .filter(e -> e.toString().contains("cascadeRound=1"))
            .count());
  }

  @Test
  void test_caccioli_contagionInsideAWindowOfDiversificationAboveCriticalLeverage() {
    String base = bundled("caccioli");
    double[] few = frequencyAndExtent(base, 10); // leverage 20, mu_b = 3
    double[] many =
        frequencyAndExtent(base.replace("perInstitution: 3 ", "perInstitution: 20 "), 10);
    double[] safe = frequencyAndExtent(base.replace("leverage: 20 ", "leverage: 3 "), 10);

    assertTrue(few[0] >= 0.7, "leverage 20, mu_b 3: " + few[0]);
    assertEquals(0.0, many[0], "leverage 20, mu_b 20");
    assertEquals(0.0, safe[0], "leverage 3, mu_b 3: below the critical leverage");
  }

  @Test
  void test_greenwoodLandierThesmar_oneRoundOfDeleveragingMatchesTheClosedForm()
      throws IOException {
    Run run = run(resource("glt-hand"), 1);
    // The closed form on the same balance sheets: a = (1000, 2000, 500), e = a / 10, M from the
    // holdings at set-up prices (X 1, Y 2), l = (1e-6, 5e-7), F = (-0.10, -0.05). By hand: r =
    // (-0.08,
    // -0.055, -0.05), sales b a r = (-720, -990, -225), net sales (-531, -1404), impact returns
    // (-5.31e-4, -7.02e-4), second-round losses (0.5994, 1.3698, 0.351), AV = 2.3202 / 350.
    double[][] m = {{0.6, 0.4}, {0.1, 0.9}, {0, 1}};
    FireSaleVulnerability.Result glt =
        FireSaleVulnerability.of(
            new double[] {1000, 2000, 500},
            new double[] {100, 200, 50},
            m,
            new double[] {1e-6, 5e-7},
            new double[] {-0.10, -0.05});
    assertEquals(2.3202 / 350, glt.aggregateVulnerability(), 1e-15);

    // Simulated: the returns the fire sale left in the shared markets, on the set-up positions.
    double[] units = {800, 1350};
    double[] setUpPrice = {1, 2};
    double loss = 0;
    int k = 0;
    for (String asset : List.of("X", "Y")) {
      RunSummary.AssetSummary a = run.summary().assets().get(asset);
      double impactReturn = a.finalMarket() / a.finalFundamental() - 1;
      assertEquals(
          glt.impactReturns()[k], impactReturn, 1e-9 * Math.abs(glt.impactReturns()[k]), asset);
      loss -= units[k] * setUpPrice[k] * impactReturn;
      k++;
    }
    assertEquals(glt.aggregateVulnerability(), loss / 350, 1e-9 * glt.aggregateVulnerability());
    // Each bank sold b a |r| dollars at the post-shock marks (X 0.9, Y 1.9).
    double[] sold = new double[3];
    for (SimEvent e : run.of("institution_sale")) {
      var s = (org.marginfall.agents.institution.InstitutionSale) e;
      sold[Integer.parseInt(s.institution().substring("banks/".length()))] +=
          s.units() * (s.asset().equals("X") ? 0.9 : 1.9);
    }
    for (int i = 0; i < 3; i++) {
      assertEquals(-glt.sales()[i], sold[i], 1e-9 * sold[i], "bank " + i);
    }
    assertEquals(
        1935.0, run.banks().get("deleveragingNotional"), 5.0); // 720 + 990 + 225, less the impact
    assertEquals(0.0, run.banks().get("defaults"));
  }
}
