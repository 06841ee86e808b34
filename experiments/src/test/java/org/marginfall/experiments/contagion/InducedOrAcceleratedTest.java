package org.marginfall.experiments.contagion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marginfall.core.contagion.Cause;
import org.marginfall.core.engine.ModelSpec;
import org.marginfall.core.engine.Simulation;
import org.marginfall.core.event.Attributable;
import org.marginfall.core.event.SimEvent;
import org.marginfall.core.testing.RecordingListener;
import org.marginfall.experiments.internal.scenario.Catalog;
import org.marginfall.experiments.internal.scenario.ScenarioReader;

/**
 * The <em>whether</em> question on one hand-built case per venue family (docs/contagion.md,
 * "Induced or accelerated"). ETH (no volatility) falls 8% at step 3. Venue X's 19x longs are
 * liquidated and their closes (38M USD of ETH into a market whose depth moves ln P by 0.1 per 10M)
 * take ETH a further ~32% down, which liquidates venue Y's accounts in the same step: generation 1
 * or more on Y. Y's accounts survive an 8% fall alone (each family's threshold is between 12% and
 * 18%, worked out below), so without anything else they are <em>induced</em>. A second scheduled
 * shock of -30% at step 8 takes the exogenous path to 2000 x 0.92 x 0.7 = 1288 (-35.6%), past every
 * threshold: the very same liquidations (the runs are identical up to step 8) become
 * <em>accelerated</em>, first liquidatable on the exogenous path at exactly step 8.
 */
class InducedOrAcceleratedTest {

  private static final String TEMPLATE =
      """
      name: whether-%s
      run: {steps: 12, stepSeconds: 60, maxLiquidationRounds: 20, seed: 11}
      baseCurrency: USD
      assets:
        - {id: USD, kind: base}
        - {id: ETH, price: {initial: 2000, drift: 0.0, volatility: 0.0}}
      %s
      markets:
        - {asset: ETH, impact: {model: linear-log, depth: 1.0e8}}
      oracles:
        - {id: x-feed, latencySteps: 0, heartbeatSteps: 1, deviation: 0.0}
        - {id: y-feed, latencySteps: 0, heartbeatSteps: 1, deviation: 0.0}
      shocks:
        - {asset: ETH, startStep: 3, steps: 1, change: -0.08}
      %s
      venues:
        - {id: X, type: perpetual, marginMode: isolated, oracle: x-feed, initialMargin: 0.05,
           maintenanceMargin: 0.03, markets: [ETH], liquidationFee: 0.01, liquidatorShare: 0.5, insuranceFund: 1.0e7}
        - %s
      agents:
        - {id: x-traders, type: leveraged-traders, venue: X, count: 20, markets: [ETH],
           collateral: {dist: constant, value: 1.0e5}, leverage: {dist: constant, value: 19}, longShare: 1.0}
      %s
        - {id: keepers, type: liquidators, count: 2, capital: {dist: constant, value: 1.0e8}, maxPerRound: 100}
      """;

  private static final String LATE_SHOCK =
      "  - {asset: ETH, startStep: 8, steps: 1, change: -0.30}";

  /** 5x longs: equity 20% of notional, liquidatable below 3% maintenance, after a fall of 17.5%. */
  private static final String TRADERS =
      "  - {id: y-traders, type: leveraged-traders, venue: Y, count: 10, markets: [ETH],\n"
          + "     collateral: {dist: constant, value: 1.0e5}, leverage: {dist: constant, value: 5}, longShare: 1.0}";

  private static String[] family(String name) {
    String perp =
        "{id: Y, type: perpetual, oracle: y-feed, initialMargin: 0.05, maintenanceMargin: 0.03,"
            + " markets: [ETH], liquidationFee: 0.01, liquidatorShare: 0.5, insuranceFund: 1.0e7, ";
    return switch (name) {
      case "perp-isolated" -> new String[] {"", perp + "marginMode: isolated}", TRADERS};
      case "perp-cross" -> new String[] {"", perp + "marginMode: cross}", TRADERS};
      // SPAN with a 10% scan: maintenance 10% / 1.2 = 8.33% of notional, reached after a 12.7%
      // fall.
      case "perp-portfolio" ->
          new String[] {
            "",
            perp
                + "marginMode: portfolio, portfolio: {method: span,"
                + " grid: deribit, buckets: 9, priceScanRange: {ETH: 0.10}, initialToMaintenance: 1.2}}",
            TRADERS
          };
      // Borrowed at 70% of the collateral: health factor LT (1 - d) / 0.7 falls below 1 after a
      // fall d of 1 - 0.7 / LT, 15.7% at the preset's ETH threshold of 0.83.
      case "lending" ->
          new String[] {
            "  - {id: aUSD, kind: derived}\n  - {id: aETH, kind: derived}",
            "{id: Y, preset: aave-v3-like, oracle: y-feed, listings: {WETH: {asset: ETH, receipt: aETH},"
                + " USDC: {asset: USD, receipt: aUSD}}}",
            "  - {id: y-lenders, type: lending-suppliers, venue: Y, count: 5,"
                + " supplies: [{asset: USD, amount: {dist: constant, value: 1.0e7}}]}\n"
                + "  - {id: y-borrowers, type: lending-borrowers, venue: Y, count: 10, collateralAsset: ETH,"
                + " collateral: {dist: constant, value: 100}, debtAsset: USD, targetLtv: {dist: constant, value: 0.7}}"
          };
      // Vaults drawn at 175% collateralisation: barked below the preset's liquidation ratio
      // (145%) after a fall of 1 - 1.45 / 1.75 = 17.1%.
      case "cdp" ->
          new String[] {
            "",
            "{id: Y, preset: maker-liq2-like, oracle: y-feed, dust: 100, ilks: [ETH]}",
            "  - {id: y-vaults, type: vault-owners, venue: Y, count: 10, ilk: ETH,"
                + " collateral: {dist: constant, value: 100}, targetRatio: {dist: constant, value: 1.75}}"
          };
      default -> throw new IllegalArgumentException(name);
    };
  }

  private static List<Attributable> liquidationsOnY(String name, boolean lateShock) {
    String[] f = family(name);
    String yaml = TEMPLATE.formatted(name, f[0], lateShock ? LATE_SHOCK : "", f[1], f[2]);
    ModelSpec model =
        new ScenarioReader(Catalog.standard())
            .read(yaml.getBytes(StandardCharsets.UTF_8), false)
            .model();
    RecordingListener events = new RecordingListener();
    Simulation.run(model, model.settings().seed(), 0, true, List.of(events));
    List<Attributable> out = new ArrayList<>();
    for (SimEvent e : events.events()) {
      if (e instanceof Attributable a
          && a.venue().equals("Y")
          && !a.badDebtEvent()
          && e.step() == 3) {
        out.add(a);
      }
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"perp-isolated", "perp-cross", "perp-portfolio", "lending", "cdp"})
  void test_whether_sameLiquidationIsInducedAloneAndAcceleratedByALaterShock(String family) {
    List<Attributable> alone = liquidationsOnY(family, false);
    List<Attributable> later = liquidationsOnY(family, true);
    assertFalse(alone.isEmpty(), family + ": X's fire sale liquidates Y at step 3");
    assertEquals(alone.size(), later.size(), family + ": the runs are the same up to step 8");
    for (int i = 0; i < alone.size(); i++) {
      Cause a = alone.get(i).cause();
      Cause b = later.get(i).cause();
      assertTrue(a.generation() >= 1, family + ": " + a);
      assertEquals(Cause.INDUCED, a.contagion(), family + ": " + a);
      assertEquals(null, a.exogenousStep());
      assertEquals(
          a.generation(), b.generation(), family + ": the same moment, the same generation");
      assertEquals(Cause.ACCELERATED, b.contagion(), family + ": " + b);
      assertEquals(8L, b.exogenousStep(), family + ": " + b);
    }
  }
}
