package org.marginfall.experiments.contagion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginfall.core.contagion.Cause;
import org.marginfall.core.engine.ModelSpec;
import org.marginfall.core.engine.Simulation;
import org.marginfall.core.event.Attributable;
import org.marginfall.core.event.SimEvent;
import org.marginfall.core.metric.ContagionSummary;
import org.marginfall.core.metric.RunSummary;
import org.marginfall.core.metric.SummaryCollector;
import org.marginfall.core.testing.RecordingListener;
import org.marginfall.experiments.internal.scenario.Catalog;
import org.marginfall.experiments.internal.scenario.ScenarioReader;

/**
 * Each contagion channel, alone, carries a loss from one venue to another, and closing it in the
 * scenario stops it; the A -> B -> C chain through receipts is attributed generation by generation.
 */
class ContagionChannelsTest {

  private static final double CENT = 0.01;

  /** One audited run of a test scenario, with {@code extra} inserted before its markets section. */
  private record Run(RunSummary summary, List<Attributable> events) {

    static Run of(String name, String extra) throws IOException {
      String yaml;
      try (InputStream in =
          ContagionChannelsTest.class.getResourceAsStream("/contagion/" + name + ".yaml")) {
        yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      yaml = yaml.replace("\nmarkets:", "\n" + extra + "\nmarkets:");
      ModelSpec model =
          new ScenarioReader(Catalog.standard())
              .read(yaml.getBytes(StandardCharsets.UTF_8), false)
              .model();
      SummaryCollector summary = new SummaryCollector();
      RecordingListener events = new RecordingListener();
      Simulation.Outcome outcome =
          Simulation.run(model, model.settings().seed(), 0, true, List.of(summary, events));
      List<Attributable> attributed = new ArrayList<>();
      for (SimEvent e : events.events()) {
        if (e instanceof Attributable a) {
          attributed.add(a);
        }
      }
      return new Run(summary.summary(true, outcome.auditedSteps()), attributed);
    }

    long liquidations(String venue) {
      return summary.venues().get(venue).liquidations();
    }

    List<Attributable> on(String venue, boolean badDebt) {
      return events.stream()
          .filter(e -> e.venue().equals(venue) && e.badDebtEvent() == badDebt)
          .toList();
    }
  }

  @Test
  void test_chainThroughReceipts_attributesGenerationsZeroOneTwo() throws IOException {
    Run run = Run.of("chain-abc", "");

    // A: 10 borrowers × 300 ETH at 2000 borrowed 0.79 × 600,000 = 474,000 each. ETH -65% -> 700:
    // collateral 210,000, HF = 210,000 × 0.85 / 474,000 = 0.377 <= 0.95, so the whole collateral
    // goes at a 5% bonus: repay 210,000 / 1.05 = 200,000 each, 2,000,000 in all; the remaining
    // 274,000 each is burned: 2,740,000 bad debt, all generation 0 (the ETH move alone did it).
    assertEquals(2_000_000.0, run.summary().venues().get("A").liquidatedNotional(), CENT);
    assertEquals(2_740_000.0, run.summary().venues().get("A").badDebt(), CENT);
    // A's USD reserve held 5 × 1,000,000 from its lenders plus 10 × 200,000 supplied to mint B's
    // borrowers' aUSD: 7,000,000. Socialising 2,740,000 leaves aUSD at 4,260,000 / 7,000,000 =
    // 0.6086.
    // B: 200,000 aUSD -> 121,714.29 against 158,000 of debt: HF 0.655, repay 121,714.29 / 1.05 =
    // 115,918.37 each (1,159,183.67 in all) and burn 42,081.63 each (420,816.33).
    assertEquals(1_159_183.67, run.summary().venues().get("B").liquidatedNotional(), CENT);
    assertEquals(420_816.33, run.summary().venues().get("B").badDebt(), CENT);
    // B's USD reserve: 4 × 500,000 plus 10 × 100,000 minted for C's borrowers = 3,000,000, so bUSD
    // falls to 1 - 420,816.33 / 3,000,000 = 0.859728. C: 100,000 bUSD -> 85,972.79 against 84,000:
    // HF = 85,972.79 × 0.9 / 84,000 = 0.921, repay 81,878.85 each, burn 2,121.15 each.
    assertEquals(818_788.47, run.summary().venues().get("C").liquidatedNotional(), CENT);
    assertEquals(21_211.53, run.summary().venues().get("C").badDebt(), CENT);

    assertCauses(run.on("A", false), 10, Cause.EXOGENOUS);
    assertCauses(run.on("A", true), 10, Cause.EXOGENOUS);
    assertCauses(run.on("B", false), 10, new Cause("nav-loss", 1, "A"));
    assertCauses(run.on("B", true), 10, new Cause("nav-loss", 1, "A"));
    assertCauses(run.on("C", false), 10, new Cause("nav-loss", 2, "B"));
    assertCauses(run.on("C", true), 10, new Cause("nav-loss", 2, "B"));

    ContagionSummary c = run.summary().contagion();
    assertEquals(2, c.cascadeDepth());
    // B's and C's borrowers hold receipts whose NAV the exogenous path alone never cuts: induced
    // (the three-argument Cause above is induced), so the accelerated row is empty.
    assertEquals(List.of("exogenous", "A", "B", "C", "accelerated"), c.matrix().from());
    assertEquals(List.of("A", "B", "C"), c.matrix().to());
    long[][] counts = {{10, 0, 0}, {0, 10, 0}, {0, 0, 10}, {0, 0, 0}, {0, 0, 0}};
    for (int i = 0; i < counts.length; i++) {
      assertArrayEquals(counts[i], c.matrix().liquidations()[i], "row " + c.matrix().from().get(i));
    }
    assertEquals(420_816.33, c.matrix().badDebt()[1][1], CENT);
    assertEquals(21_211.53, c.matrix().badDebt()[2][2], CENT);
    double all = 2_000_000.0 + 1_159_183.67 + 818_788.47;
    assertEquals((1_159_183.67 + 818_788.47) / all, c.inducedShare(), 1e-8);
    // The shock hits at step 3; every venue fails in that tick, in successive rounds.
    assertEquals(3L, c.shockStep());
    for (String v : List.of("A", "B", "C")) {
      assertEquals(0L, c.venues().get(v).stepsToFirstLiquidation(), v);
      assertEquals(0L, c.venues().get(v).stepsToInsolvency(), v);
    }
  }

  @Test
  void test_derivedCollateralClosed_stopsTheChainAtA() throws IOException {
    Run run = Run.of("chain-abc", "contagion: {channels: {derivedCollateral: false}}");

    assertEquals(10, run.liquidations("A"));
    assertEquals(2_740_000.0, run.summary().venues().get("A").badDebt(), CENT);
    // B and C value the receipts at their issuers' NAV without the socialised losses.
    assertEquals(0, run.liquidations("B"));
    assertEquals(0, run.liquidations("C"));
    assertEquals(0, run.summary().contagion().cascadeDepth());
  }

  @Test
  void test_commonMarket_carriesXsFireSaleToY() throws IOException {
    Run open = Run.of("channel-common-market", "");
    Run closed = Run.of("channel-common-market", "contagion: {channels: {commonMarket: false}}");

    // An 8% fall alone leaves Y's 5x longs (margin 20%, maintenance 3% of notional) healthy ...
    assertEquals(20, open.liquidations("Y"));
    for (Attributable e : open.on("Y", false)) {
      assertEquals("market-impact", e.cause().channel());
      assertEquals("X", e.cause().venue());
      assertTrue(e.cause().generation() >= 1);
      // The 8% fall alone never liquidates them: induced, not accelerated.
      assertTrue(e.cause().induced(), e.cause().toString());
    }
    // ... and without the common market X's closes stay in X's own book.
    assertEquals(open.liquidations("X"), closed.liquidations("X"));
    assertEquals(0, closed.liquidations("Y"));
  }

  @Test
  void test_commonOracle_carriesAFeedFailureToBothReaders() throws IOException {
    Run open = Run.of("channel-common-oracle", "");
    Run closed = Run.of("channel-common-oracle", "contagion: {channels: {commonOracle: false}}");

    // A 30% under-report liquidates 5x longs (equity 20% - 30% of notional < 5%) on both readers.
    assertEquals(10, open.liquidations("X"));
    assertEquals(10, open.liquidations("Y"));
    // Closed: the failure hits only X, the first venue reading the feed; Y reads a healthy copy.
    assertEquals(10, closed.liquidations("X"));
    assertEquals(0, closed.liquidations("Y"));
  }

  private static void assertCauses(List<Attributable> events, int count, Cause expected) {
    assertEquals(count, events.size());
    for (Attributable e : events) {
      assertNotNull(e.cause());
      assertEquals(expected, e.cause(), e.venue() + " " + e.attributedAccount());
    }
  }
}
