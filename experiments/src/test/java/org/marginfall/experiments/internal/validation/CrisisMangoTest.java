package org.marginfall.experiments.internal.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marginfall.core.engine.ModelSpec;
import org.marginfall.core.engine.ScenarioFailure;
import org.marginfall.core.engine.Simulation;
import org.marginfall.core.event.OracleUpdated;
import org.marginfall.core.event.SimEvent;
import org.marginfall.core.metric.RunSummary;
import org.marginfall.core.metric.SummaryCollector;
import org.marginfall.core.testing.RecordingListener;
import org.marginfall.experiments.internal.scenario.Catalog;
import org.marginfall.experiments.internal.scenario.DataRoot;
import org.marginfall.experiments.internal.scenario.ScenarioReader;
import org.marginfall.experiments.internal.scenario.ScenarioSource;
import org.marginfall.protocols.perp.Trade;

/**
 * The reduced Mango Markets case of docs/validation.md (examples/crisis-mango.yaml, full sweep
 * examples/sweep-crisis-mango.yaml): three seeds, audited at every step, held to the documented
 * mechanism. The venue that fails is Mango's lending book, through the oracle: B's unrealised PnL
 * at the pumped oracle exceeds the book, so B borrows all of it ($115M, documented ~$114-116M), and
 * once the oracle comes back B's account is worth the loans less its deposit and its PnL, a loss
 * the lenders bear (documented bad debt ~$115M). Without the v3 rule (pnlWeight 0) B borrows
 * nothing and nobody loses anything.
 */
class CrisisMangoTest {

  private static final double SIZE = 4.83e8;
  private static final double DEPOSIT = 5.0e6;
  private static final double BOOK = 1.15e8;

  private record Run(RunSummary summary, List<SimEvent> events) {

    Map<String, Double> attacker() {
      return summary.populations().get("attacker");
    }

    /** B's entry: the price of its trade at the pair step. */
    double entry() {
      return events.stream()
          .filter(e -> e instanceof Trade t && t.account().endsWith("attacker/0001"))
          .map(e -> ((Trade) e).price())
          .findFirst()
          .orElseThrow();
    }

    /** The oracle's last published MNGO price: the venue's mark at the end. */
    double lastOracle() {
      double last = Double.NaN;
      for (SimEvent e : events) {
        if (e instanceof OracleUpdated u && u.asset().equals("MNGO")) {
          last = u.price();
        }
      }
      return last;
    }
  }

  private static Run run(String yaml, long seed) {
    ModelSpec model =
        new ScenarioReader(Catalog.standard())
            .read(yaml.getBytes(StandardCharsets.UTF_8), false, new DataRoot.Bundled())
            .model();
    SummaryCollector summary = new SummaryCollector();
    RecordingListener events = new RecordingListener();
    Simulation.Outcome outcome = Simulation.run(model, seed, 0, true, List.of(summary, events));
    return new Run(summary.summary(true, outcome.auditedSteps()), events.events());
  }

  private static String scenario() {
    return new String(ScenarioSource.bundled("crisis-mango").orElseThrow(), StandardCharsets.UTF_8);
  }

  @Test
  void test_mango_theLendingBookIsDrainedThroughTheOracleAndTheLendersBearTheLoss() {
    for (long seed = 1; seed <= 3; seed++) {
      Run r = run(scenario(), seed);
      assertEquals(121, r.summary().audit().stepsChecked(), "audited every step, seed " + seed);
      assertEquals(0, r.summary().audit().violations());
      Map<String, Double> a = r.attacker();
      // The oracle was pumped from 0.0382 to the documented ~0.54 (0.4 to 0.7 allowing the noise).
      assertTrue(a.get("oracleAtBorrow") > 0.4 && a.get("oracleAtBorrow") < 0.7, "oracle " + a);
      // B's PnL then exceeds the book, so the book's cash, not B's health, caps the loan: all of
      // it.
      assertTrue(a.get("pnlAtBorrow") > BOOK, "PnL " + a);
      assertEquals(BOOK, a.get("borrowed"), 1e-6);
      // Hand check at the last mark: B owes the loans less its deposit and its PnL at the oracle.
      double expected = BOOK - DEPOSIT - SIZE * (r.lastOracle() - r.entry());
      assertEquals(expected, a.get("lendersLoss"), 1e-3);
      assertTrue(a.get("lendersLoss") > 1.0e8 && a.get("lendersLoss") < BOOK, "lenders' loss " + a);
      // Nobody liquidates: no booked bad debt and no other loss; the loss is the lenders'.
      RunSummary.VenueSummary mango = r.summary().venues().get("mango");
      assertEquals(0, mango.liquidations());
      assertEquals(0, mango.badDebt());
      assertEquals(0, r.summary().totals().badDebt());
    }
  }

  @Test
  void test_mango_withoutCountingPositivePnlNothingIsBorrowedOrLost() {
    String v4 = scenario().replace("pnlWeight: 1.0}", "pnlWeight: 0.0}");
    Run r = run(v4, 1);
    assertEquals(0, r.summary().audit().violations());
    // B's room is 5M + PnL − PnL − 0.2 × 483M × ~0.5 < 0: it cannot borrow at all.
    assertEquals(0.0, r.attacker().get("borrowed"));
    assertEquals(0.0, r.attacker().get("lendersLoss"));
    assertTrue(r.attacker().get("oracleAtBorrow") > 0.4, "the pump itself is unchanged");
  }

  @Test
  void test_mango_aManipulatorOnAVenueWithoutABookIsRefusedAtSetUp() {
    String noBook = scenario().replace("    borrowing: {lendable: 1.15e8, pnlWeight: 1.0}\n", "");
    ScenarioFailure f = assertThrows(ScenarioFailure.class, () -> run(noBook, 1));
    assertEquals(
        "agents[0]: at set-up: population attacker: venue 'mango' has no lending book (borrowing) to borrow from",
        f.getMessage());
  }
}
