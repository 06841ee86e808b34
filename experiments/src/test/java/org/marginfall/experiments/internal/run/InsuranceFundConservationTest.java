package org.marginfall.experiments.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marginfall.core.engine.ModelSpec;
import org.marginfall.core.engine.Simulation;
import org.marginfall.core.event.InsurancePayout;
import org.marginfall.core.event.SimEvent;
import org.marginfall.core.metric.RunListener;
import org.marginfall.core.metric.RunSummary;
import org.marginfall.core.metric.StepRecord;
import org.marginfall.core.metric.SummaryCollector;
import org.marginfall.experiments.Fixtures;
import org.marginfall.experiments.internal.scenario.Catalog;
import org.marginfall.experiments.internal.scenario.ScenarioReader;
import org.marginfall.protocols.perp.Liquidation;

/**
 * The insurance fund of every venue is accounted for by the events alone: it starts at its set-up
 * balance, grows by the insurance share of each liquidation fee and shrinks by each insurance
 * payout, at every step of the example run (the model built by the scenario reader and run by
 * core's {@link Simulation}, with no CLI in between).
 */
class InsuranceFundConservationTest {

  /** One ledger atom: fund balances, fee shares and payouts are whole atoms of 10^-6 USD. */
  private static final double ATOM = 1e-6;

  /** Replays each venue's insurance fund from events and compares it with the venue's balance. */
  private static final class FundReplay implements RunListener {

    /** Per venue: balance after set-up, fee shares in, payouts out, worst per-step deviation. */
    static final class Fund {
      double start = Double.NaN;
      double feesIn;
      double paidOut;
      double end;
      double worstStepDeviation;
      long stepsCompared;
    }

    final Map<String, Fund> funds = new LinkedHashMap<>();
    boolean finished;

    @Override
    public void onEvent(SimEvent event) {
      if (event instanceof Liquidation l) {
        fund(l.venue()).feesIn += l.feeToInsurance();
      } else if (event instanceof InsurancePayout p) {
        fund(p.venue()).paidOut += p.amount();
      }
    }

    @Override
    public void onStep(StepRecord record) {
      for (StepRecord.VenuePoint v : record.venues()) {
        Fund f = fund(v.venue().value());
        double balance = v.snapshot().insuranceFund();
        if (record.step() == 0) {
          // Set-up opens positions but liquidates nothing: the fund is still its initial size.
          assertEquals(0.0, f.feesIn + f.paidOut, v.venue().value());
          f.start = balance;
        } else {
          double replayed = f.start + f.feesIn - f.paidOut;
          f.worstStepDeviation = Math.max(f.worstStepDeviation, Math.abs(balance - replayed));
          f.stepsCompared++;
        }
        f.end = balance;
      }
    }

    @Override
    public void onFinish() {
      finished = true;
      for (Map.Entry<String, Fund> e : funds.entrySet()) {
        Fund f = e.getValue();
        assertEquals(
            f.start + f.feesIn - f.paidOut,
            f.end,
            ATOM,
            "insurance fund of " + e.getKey() + " at the end");
      }
    }

    private Fund fund(String venue) {
      return funds.computeIfAbsent(venue, v -> new Fund());
    }
  }

  @Test
  void test_simulation_insuranceFundEqualsStartPlusFeesMinusPayouts() {
    ModelSpec model = new ScenarioReader(Catalog.standard()).read(Fixtures.example()).model();
    FundReplay replay = new FundReplay();
    SummaryCollector summaries = new SummaryCollector();

    Simulation.Outcome outcome =
        Simulation.run(model, model.settings().seed(), 0, true, List.of(summaries, replay));

    assertTrue(replay.finished, "onFinish was not called");
    assertEquals(120, outcome.steps());
    RunSummary summary = summaries.summary(true, outcome.auditedSteps());
    assertEquals(List.of("perp-cross", "perp-isolated"), List.copyOf(replay.funds.keySet()));
    for (Map.Entry<String, FundReplay.Fund> e : replay.funds.entrySet()) {
      String venue = e.getKey();
      FundReplay.Fund f = e.getValue();
      RunSummary.VenueSummary s = summary.venues().get(venue);
      // Both sides of the identity are exercised: fees came in and payouts went out.
      assertTrue(f.feesIn > 0, venue + " received no fees");
      assertTrue(f.paidOut > 0, venue + " paid nothing out");
      assertEquals(2.0e6, f.start, venue);
      assertEquals(s.insuranceFundStart(), f.start, venue);
      assertEquals(s.insuranceFundEnd(), f.end, venue);
      assertEquals(s.insurancePaid(), f.paidOut, ATOM, venue);
      assertEquals(
          s.insuranceFundStart() + f.feesIn - s.insurancePaid(), s.insuranceFundEnd(), ATOM, venue);
      assertEquals(120, f.stepsCompared, venue);
      assertTrue(
          f.worstStepDeviation <= ATOM,
          venue + " deviates by " + f.worstStepDeviation + " in some step");
      // The fund never pays out more than it holds.
      assertTrue(f.end >= 0, venue);
    }
  }
}
