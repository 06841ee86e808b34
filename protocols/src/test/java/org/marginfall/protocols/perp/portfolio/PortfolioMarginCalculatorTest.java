package org.marginfall.protocols.perp.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.venue.MarginState;

/**
 * The venue seam: the standard state is replaced by the portfolio requirement when the model covers
 * the account, and a proportional close restores maintenance; driven over a deterministic path of
 * marks with the documented window update rule.
 */
class PortfolioMarginCalculatorTest {

  private static final AssetId ETH = AssetId.of("ETH");
  private static final AssetId BTC = AssetId.of("BTC");
  private static final PortfolioMarginCalculator CALC = PortfolioMarginCalculator.DEFAULT;

  private static SpanGrid span() {
    Map<AssetId, Double> psr = new LinkedHashMap<>();
    psr.put(ETH, 0.15);
    psr.put(BTC, 0.10);
    return new SpanGrid(
        psr, ScenarioGrid.cme(3, 0.35), List.of(new InterCommodityCredit(ETH, BTC, 0.5)), 1.1);
  }

  @Test
  void test_assess_spanReplacesStandardRequirements() {
    // Standard: 10% IM / 5% MM of 60,000 gross notional = 6,000 / 3,000; equity 5,000 is healthy.
    MarginState standard = new MarginState(5000, 6000, 3000);
    Portfolio hedged =
        Portfolio.of(List.of(new Position(ETH, 10, 3000), new Position(BTC, -0.5, 60000)));
    PortfolioAssessment a = CALC.assess(standard, span(), hedged);
    // SPAN with a 50% ETH/BTC credit: MM 4,725, IM 5,197.5 (worked in SpanGridTest); equity 5,000
    // kept, so the account is healthy (5,000 >= 4,725) but may not add risk (5,000 < 5,197.5).
    assertTrue(a.portfolioMargined());
    assertEquals(5000, a.state().equity());
    assertEquals(4725, a.state().maintenanceRequirement(), 1e-9);
    assertEquals(5197.5, a.state().initialRequirement(), 1e-9);
    assertFalse(a.state().liquidatable());
  }

  @Test
  void test_proportionalCloseFraction_restoresMaintenance() {
    // E = 4,000 < MM = 4,725; N = 60,000; fee 1%: q = (4,725 - 4,000) / (4,725 - 600) = 725 / 4,125
    // = 0.175757...; after: E' = 4,000 - 0.01 * q * 60,000 = 3,894.545..., MM' = (1 - q) * 4,725 =
    // 3,894.545...: equal.
    double q = CALC.proportionalCloseFraction(4000, 4725, 60000, 0.01);
    assertEquals(725.0 / 4125.0, q, 1e-15);
    // Homogeneity: the requirement of the book scaled by 1 - q is (1 - q) times the original.
    Portfolio scaled =
        Portfolio.of(
            List.of(
                new Position(ETH, 10 * (1 - q), 3000), new Position(BTC, -0.5 * (1 - q), 60000)));
    double after = span().requirement(scaled).maintenance();
    assertEquals((1 - q) * 4725, after, 1e-9);
    assertEquals(4000 - 0.01 * q * 60000, after, 1e-9);
    assertEquals(0, CALC.proportionalCloseFraction(5000, 4725, 60000, 0.01));
    // Fees of 10% on 60,000 exceed the requirement freed: close everything.
    assertEquals(1, CALC.proportionalCloseFraction(4000, 4725, 60000, 0.1));
  }

  @Test
  void test_assess_varFallsBackUntilWindowIsFullOnDeterministicPath() {
    // Window of 4 returns (5 marks); ETH rises 1% a step, then falls 3% at steps 5 and 6.
    ValueAtRisk model =
        new ValueAtRisk(
            0.75,
            1,
            ValueAtRisk.Estimator.HISTORICAL,
            4,
            Optional.empty(),
            ValueAtRisk.Measure.VAR,
            1.0);
    double[] path = {2000, 2020, 2040.2, 2060.602, 2081.20802, 2018.7717794, 1958.20862602};
    PriceHistory history = PriceHistory.empty(List.of(ETH), model.marksNeeded());
    MarginState standard = new MarginState(10000, 2000, 1000);
    List<Double> maintenance = new ArrayList<>();
    for (double mark : path) {
      // The documented update rule: append the step's mark, then assess.
      history = history.append(Map.of(ETH, mark));
      Portfolio p = new Portfolio(List.of(new Position(ETH, 10, mark)), history);
      PortfolioAssessment a = CALC.assess(standard, model, p);
      maintenance.add(a.portfolioMargined() ? a.state().maintenanceRequirement() : Double.NaN);
    }
    // Steps 0-3 hold fewer than 5 marks: standard requirements kept.
    for (int t = 0; t < 4; t++) {
      assertTrue(Double.isNaN(maintenance.get(t)), "step " + t);
    }
    // Step 4: returns +1% x4, losses -0.01 * 20,812.08 each: the 3rd smallest (ceil(4 * 0.75)) is a
    // gain, floored to 0.
    assertEquals(0, maintenance.get(4));
    // Step 5: returns (+1%, +1%, +1%, -3%); notional 20,187.717794; losses (-201.877 x3, +605.63):
    // the 3rd smallest of 4 is still a gain -> 0.
    assertEquals(0, maintenance.get(5));
    // Step 6: returns (+1%, +1%, -3%, -3%), notional 19,582.0862602: the 3rd smallest loss is
    // 0.03 * 19,582.0862602 = 587.462587806.
    assertEquals(587.462587806, maintenance.get(6), 1e-6);
  }
}
