package org.marginfall.experiments.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.marginfall.core.engine.ModelSpec;
import org.marginfall.core.engine.Simulation;
import org.marginfall.experiments.internal.scenario.Catalog;
import org.marginfall.experiments.internal.scenario.ScenarioReader;

/**
 * The trader populations of issue #5 in whole audited runs: adding any of them leaves the
 * fundamental price path bit-identical (each draws only from {@code agents/<id>}), the audit
 * (ledger conservation and every venue's invariants) holds at every step, and each of them does
 * trade.
 */
class TraderPopulationsRunTest {

  /** A perpetual venue and an Aave-like lending venue sharing ETH, a crash at step 10, keepers. */
  private static final String BASE =
      String.join(
          "\n",
          "run: {steps: 40, stepSeconds: 60, maxLiquidationRounds: 5, seed: 77}",
          "baseCurrency: USD",
          "assets:",
          "  - {id: USD, kind: base}",
          "  - id: ETH",
          "    price: {initial: 3000, volatility: 0.6}",
          "  - {id: aUSD, kind: derived}",
          "  - {id: aETH, kind: derived}",
          "markets:",
          "  - {asset: ETH, impact: {model: linear-log, depth: 1.0e8}, halfLifeSteps: 30}",
          "oracles:",
          "  - {id: feed, latencySteps: 0, heartbeatSteps: 60, deviation: 0.002}",
          "shocks:",
          "  - {asset: ETH, startStep: 10, steps: 5, change: -0.2}",
          "venues:",
          "  - id: perp",
          "    type: perpetual",
          "    oracle: feed",
          "    initialMargin: 0.05",
          "    maintenanceMargin: 0.025",
          "    markets: [ETH]",
          "    liquidationFee: 0.01",
          "    liquidatorShare: 0.5",
          "    insuranceFund: 1.0e6",
          "  - id: aave",
          "    preset: aave-v3-like",
          "    oracle: feed",
          "    listings:",
          "      WETH: {asset: ETH, receipt: aETH}",
          "      USDC: {asset: USD, receipt: aUSD}",
          "agents:",
          "  - id: lenders",
          "    type: lending-suppliers",
          "    venue: aave",
          "    count: 10",
          "    supplies:",
          "      - {asset: USD, amount: 1.0e6}",
          "  - id: degens",
          "    type: leveraged-traders",
          "    venue: perp",
          "    count: 100",
          "    markets: [ETH]",
          "    collateral: {dist: lognormal, median: 20000, sigma: 0.8}",
          "    leverage: {dist: uniform, min: 3, max: 15}",
          "    longShare: 0.9",
          "  - id: keepers",
          "    type: liquidators",
          "    count: 3",
          "    capital: 5.0e6",
          "");

  /** One extra population per new type, each with the field that switches its behaviour on. */
  static Stream<String> populations() {
    return Stream.of(
        String.join(
            "\n",
            "  - id: extra",
            "    type: leveraged-traders",
            "    venue: perp",
            "    count: 50",
            "    markets: [ETH]",
            "    collateral: 30000",
            "    leverage: {dist: uniform, min: 1, max: 4}",
            "    stopLoss: 0.08",
            "    takeProfit: 0.5",
            "    topUp: {reserve: 5000, below: 1.5, target: 2.5}",
            "    panic: {liquidations: 5, lookbackSteps: 3, drawdown: 0.3, reduceFraction: 0.5}",
            ""),
        String.join(
            "\n",
            "  - id: extra",
            "    type: basis-traders",
            "    lendingVenue: aave",
            "    perpVenue: perp",
            "    asset: ETH",
            "    count: 20",
            "    units: 10",
            "    margin: 3000",
            "    borrowLtv: 0.5",
            "    reserve: 1000",
            "    topUpBelow: 1.5",
            "    topUpTo: 2.0",
            "    borrowToTopUp: true",
            "    unwindPerpHealth: 1.2",
            "    unwindHealthFactor: 1.4",
            ""),
        String.join(
            "\n",
            "  - id: extra",
            "    type: vol-target-traders",
            "    venue: perp",
            "    market: ETH",
            "    count: 20",
            "    collateral: 50000",
            "    targetVol: 0.4",
            "    lambda: 0.94",
            "    initialVol: 0.6",
            "    maxLeverage: 3",
            "    band: 0.1",
            ""),
        String.join(
            "\n",
            "  - id: extra",
            "    type: momentum-traders",
            "    asset: ETH",
            "    count: 20",
            "    capital: 100000",
            "    allocation: 0.5",
            "    lookback: 3",
            "    threshold: {dist: uniform, min: 0.001, max: 0.01}",
            ""),
        String.join(
            "\n",
            "  - id: extra",
            "    type: mean-reversion-traders",
            "    asset: ETH",
            "    count: 20",
            "    capital: 100000",
            "    allocation: 0.5",
            "    lookback: 5",
            "    threshold: 0.01",
            ""),
        String.join(
            "\n",
            "  - id: extra",
            "    type: noise-traders",
            "    asset: ETH",
            "    count: 20",
            "    capital: 100000",
            "    allocation: 0.2",
            "    activity: 0.5",
            ""));
  }

  private record Output(List<String> fundamentals, List<String> markets, String events) {}

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
    List<String> header = List.of(lines.get(0).split(","));
    int fundamental = header.indexOf("fundamental_price.ETH");
    int market = header.indexOf("market_price.ETH");
    List<String> f = new ArrayList<>();
    List<String> m = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",");
      f.add(cells[fundamental]);
      m.add(cells[market]);
    }
    return new Output(f, m, jsonl.toString());
  }

  @ParameterizedTest
  @MethodSource("populations")
  void test_run_addingThePopulationKeepsTheFundamentalPathAndTrades(String population) {
    Output base = base();
    // Listed after the lenders, whose cash basis traders borrow, and before everyone else.
    Output with = run(BASE.replace("\n  - id: degens\n", "\n" + population + "  - id: degens\n"));
    assertEquals(base.fundamentals(), with.fundamentals());
    // Every type acts after set-up on this path: exits, unwinds (the 20% fall takes the basis
    // traders' lending health factor from 1.72 to 1.38 < 1.4), rebalances, signals.
    assertTrue(
        with.events().lines().anyMatch(l -> l.contains("extra/") && !l.contains("\"step\":0,")),
        "the population traded after set-up");
    assertNotEquals(base.markets(), with.markets(), "its trades moved the shared market");
  }

  private static Output baseRun;

  private static synchronized Output base() {
    if (baseRun == null) {
      baseRun = run(BASE);
    }
    return baseRun;
  }

  @Test
  void test_run_baseScenarioLiquidates() {
    assertTrue(base().events().contains("\"type\":\"liquidation\""));
  }
}
