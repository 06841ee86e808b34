package org.marginfall.experiments.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginfall.core.engine.ModelSpec;
import org.marginfall.core.engine.Simulation;
import org.marginfall.experiments.internal.scenario.Catalog;
import org.marginfall.experiments.internal.scenario.ScenarioReader;

/**
 * Market makers and arbitrageurs (issue #5) in whole audited runs: adding either population leaves
 * the fundamental price path bit-identical (each draws only from {@code agents/<id>}), the audit
 * (ledger conservation and every venue's invariants) holds at every step, and each population acts:
 * the makers withdraw ETH depth in the crash (shown in {@code depth_factor.ETH}), the arbitrageurs
 * buy the aUSD receipt below NAV after liquidators dumped seized aUSD margin into its thin market.
 */
class MarketPopulationsRunTest {

  /**
   * An Aave-like pool, a perpetual venue taking aUSD margin, a 30% ETH fall at steps 10-12,
   * keepers.
   */
  private static final String BASE =
      String.join(
          "\n",
          "run: {steps: 40, stepSeconds: 60, maxLiquidationRounds: 5, seed: 5}",
          "baseCurrency: USD",
          "assets:",
          "  - {id: USD, kind: base}",
          "  - id: ETH",
          "    price: {initial: 3000, volatility: 0.5}",
          "  - {id: aETH, kind: derived}",
          "  - {id: aUSD, kind: derived}",
          "markets:",
          "  - {asset: ETH, impact: {model: linear-log, depth: 1.0e8}, halfLifeSteps: 30}",
          "  - {asset: aUSD, impact: {model: linear-log, depth: 5.0e6}, halfLifeSteps: 20}",
          "oracles:",
          "  - {id: feed, latencySteps: 0, heartbeatSteps: 60, deviation: 0.002}",
          "shocks:",
          "  - {asset: ETH, startStep: 10, steps: 3, change: -0.3}",
          "venues:",
          "  - id: lend",
          "    preset: aave-v3-like",
          "    oracle: feed",
          "    listings:",
          "      WETH: {asset: ETH, receipt: aETH}",
          "      USDC: {asset: USD, receipt: aUSD}",
          "  - id: perp",
          "    type: perpetual",
          "    oracle: feed",
          "    initialMargin: 0.05",
          "    maintenanceMargin: 0.025",
          "    markets: [ETH]",
          "    liquidationFee: 0.01",
          "    liquidatorShare: 0.5",
          "    insuranceFund: 1.0e6",
          "    collateral:",
          "      - {asset: aUSD, haircut: 0.02}",
          "agents:",
          "  - id: lenders",
          "    type: lending-suppliers",
          "    venue: lend",
          "    count: 10",
          "    supplies:",
          "      - {asset: USD, amount: 1.0e6}",
          "  - id: borrowers",
          "    type: lending-borrowers",
          "    venue: lend",
          "    count: 50",
          "    collateralAsset: ETH",
          "    collateral: 100",
          "    debtAsset: USD",
          "    targetLtv: {dist: uniform, min: 0.3, max: 0.7}",
          "  - id: receipt-traders",
          "    type: leveraged-traders",
          "    venue: perp",
          "    count: 60",
          "    markets: [ETH]",
          "    collateralAsset: aUSD",
          "    collateral: {dist: lognormal, median: 20000, sigma: 0.8}",
          "    leverage: {dist: uniform, min: 4, max: 15}",
          "    longShare: 1.0",
          "  - id: keepers",
          "    type: liquidators",
          "    count: 3",
          "    capital: 5.0e6",
          "");

  private static final String MAKERS =
      String.join(
          "\n",
          "  - id: makers",
          "    type: market-makers",
          "    market: ETH",
          "    count: 4",
          "    withdrawAbove: {dist: uniform, min: 1.0, max: 3.0}",
          "");

  private static final String ARBITRAGEURS =
      String.join(
          "\n",
          "  - id: arbs",
          "    type: arbitrageurs",
          "    venue: lend",
          "    asset: USD",
          "    count: 2",
          "    capital: 1.0e6",
          "    cost: 0.005",
          "    maxPerStep: 2.0e5",
          "");

  private record Output(List<String> header, List<String[]> rows, String events) {
    List<String> column(String name) {
      int i = header.indexOf(name);
      assertTrue(i >= 0, "no column " + name + " in " + header);
      List<String> out = new ArrayList<>();
      for (String[] r : rows) {
        out.add(r[i]);
      }
      return out;
    }
  }

  private static Output run(String yaml) {
    ModelSpec model =
        new ScenarioReader(Catalog.standard())
            .read(yaml.getBytes(StandardCharsets.UTF_8), false)
            .model();
    StringWriter csv = new StringWriter();
    StringWriter jsonl = new StringWriter();
    Simulation.Outcome outcome =
        Simulation.run(
            model,
            model.settings().seed(),
            0,
            true,
            List.of(new TimeseriesCsvWriter(csv), new EventsJsonlWriter(jsonl)));
    // The audit ran at every step (it throws on the first violation).
    assertEquals(model.settings().steps() + 1, outcome.auditedSteps());
    List<String> lines = csv.toString().lines().toList();
    List<String[]> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      rows.add(line.split(","));
    }
    return new Output(List.of(lines.get(0).split(",")), rows, jsonl.toString());
  }

  private static Output baseRun;

  private static synchronized Output base() {
    if (baseRun == null) {
      baseRun = run(BASE);
    }
    return baseRun;
  }

  @Test
  void test_run_marketMakersKeepTheFundamentalPathAndWithdrawDepth() {
    Output with = run(BASE + MAKERS);
    assertEquals(base().column("fundamental_price.ETH"), with.column("fundamental_price.ETH"));
    assertTrue(!base().header().contains("depth_factor.ETH"), "no column without market makers");
    List<String> depth = with.column("depth_factor.ETH");
    assertEquals("1.0", depth.get(0));
    // The crash starts at step 10: the estimate crosses every maker's threshold (at most 300%).
    assertEquals("1.0", depth.get(9));
    assertTrue(Double.parseDouble(depth.get(12)) < 1.0, "depth withdrawn in the crash: " + depth);
    assertNotEquals(base().column("market_price.ETH"), with.column("market_price.ETH"));
    assertTrue(with.events().contains("\"type\":\"depth_quoted\""));
  }

  @Test
  void test_run_arbitrageursKeepTheFundamentalPathAndBuyTheDiscount() {
    Output with = run(BASE + ARBITRAGEURS);
    assertEquals(base().column("fundamental_price.ETH"), with.column("fundamental_price.ETH"));
    assertEquals(
        base().column("fundamental_price.aUSD").size(),
        with.column("fundamental_price.aUSD").size());
    assertTrue(with.events().contains("\"type\":\"arbitrage\""), "the arbitrageurs traded");
    // They close the gap: at the end of the run aUSD trades closer to NAV than without them.
    double navBase = Double.parseDouble(last(base().column("fundamental_price.aUSD")));
    double gapBase = navBase - Double.parseDouble(last(base().column("market_price.aUSD")));
    double navWith = Double.parseDouble(last(with.column("fundamental_price.aUSD")));
    double gapWith = navWith - Double.parseDouble(last(with.column("market_price.aUSD")));
    assertTrue(gapBase > 0.01 * navBase, "the base run leaves a discount: " + gapBase);
    assertTrue(
        gapWith < gapBase, "discount " + gapWith + " with arbitrageurs, " + gapBase + " without");
  }

  private static String last(List<String> xs) {
    return xs.get(xs.size() - 1);
  }
}
