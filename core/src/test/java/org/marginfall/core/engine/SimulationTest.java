package org.marginfall.core.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.marginfall.core.event.LiquidationBacklog;
import org.marginfall.core.event.MarketTrade;
import org.marginfall.core.event.OracleUpdated;
import org.marginfall.core.event.ShockApplied;
import org.marginfall.core.metric.RunListener;
import org.marginfall.core.metric.RunSettings;
import org.marginfall.core.metric.RunStart;
import org.marginfall.core.metric.StepRecord;
import org.marginfall.core.oracle.OracleId;
import org.marginfall.core.oracle.OracleRule;
import org.marginfall.core.price.PriceProcessSpec;
import org.marginfall.core.price.PriceShock;
import org.marginfall.core.random.StreamSeeds;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.spec.VenueSpec;
import org.marginfall.core.testing.ModelSpecs;
import org.marginfall.core.testing.RecordingListener;

class SimulationTest {

  private static final long STEPS = 4;
  private static final long SEED = 7L;
  private static final int ROUNDS = ModelSpecs.MAX_LIQUIDATION_ROUNDS;

  /**
   * The one-asset model with the given venue script and population behaviour, all journaling into
   * one list.
   */
  private static ModelSpec model(
      long steps,
      ScriptedVenue.Script script,
      int executePerRound,
      long sellAtomsPerRound,
      List<String> journal) {
    ModelSpec spec = ModelSpecs.oneAsset(steps);
    spec = ModelSpecs.withVenues(spec, List.<VenueSpec>of(new ScriptedVenue.Spec(script, journal)));
    return ModelSpecs.withPopulations(
        spec,
        List.<PopulationSpec>of(
            new RecordingPopulation.Spec(executePerRound, sellAtomsPerRound, journal)));
  }

  private static RecordingListener run(ModelSpec spec, long seed, List<String> journal) {
    RecordingListener listener = new RecordingListener(journal);
    Simulation.run(spec, seed, 0, true, List.of(listener));
    return listener;
  }

  /** The journal lines of tick {@code t} that happen inside liquidation rounds ("@t/r", r >= 1). */
  private static List<String> roundCalls(List<String> journal, long t) {
    List<String> out = new ArrayList<>();
    for (String line : journal) {
      if (line.contains("@" + t + "/") && !line.endsWith("@" + t + "/0")) {
        out.add(line);
      }
    }
    return out;
  }

  private static long count(List<String> journal, String line) {
    return journal.stream().filter(line::equals).count();
  }

  @Test
  void test_run_setUpOnceBeforeTickOneRecordedAsStepZero() {
    List<String> journal = new ArrayList<>();
    RecordingListener listener =
        run(model(STEPS, ScriptedVenue.Script.healthy(), 0, 0, journal), SEED, journal);

    assertEquals(
        List.of("start", "pop.setUp@0/0", "venue.markToMarket@0/0", "record@0"),
        journal.subList(0, 4));
    assertEquals(1, journal.stream().filter(l -> l.startsWith("pop.setUp")).count());
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L), listener.stepNumbers());
    // step 0 shows the state after set-up: the initial prices
    StepRecord zero = listener.records().get(0);
    assertEquals(0.0, zero.timeSeconds(), 0.0);
    assertEquals(ModelSpecs.ETH_PRICE, zero.assets().get(0).fundamental(), 0.0);
    assertEquals(ModelSpecs.ETH_PRICE, zero.oracles().get(0).price(), 0.0);
    // time_s = step * stepSeconds
    assertEquals(4 * ModelSpecs.STEP_SECONDS, listener.records().get(4).timeSeconds(), 0.0);
  }

  @Test
  void test_run_listenersGetStartThenStepsInOrderThenFinish() {
    RecordingListener first = new RecordingListener();
    RecordingListener second = new RecordingListener();
    Simulation.Outcome outcome =
        Simulation.run(ModelSpecs.oneAsset(STEPS), SEED, 3, false, List.of(first, second));

    for (RecordingListener l : List.of(first, second)) {
      List<String> lifecycle = l.journal().stream().filter(s -> !s.startsWith("event:")).toList();
      assertEquals(
          List.of("start", "record@0", "record@1", "record@2", "record@3", "record@4", "finish"),
          lifecycle);
      assertEquals(1, l.finishes());
    }
    RunStart start = first.starts().get(0);
    // the seed actually used replaces the scenario default
    assertEquals(SEED, start.settings().seed());
    assertEquals(3, start.replication());
    assertEquals(ModelSpecs.USD, start.baseCurrency());
    assertEquals(STEPS, outcome.steps());
    assertEquals(0L, outcome.auditedSteps());
    assertEquals(StreamSeeds.seed(SEED, "prices/ETH", 3), outcome.streamSeeds().get("prices/ETH"));
  }

  @Test
  void test_run_phasesRunInDocumentedOrderEachTick() {
    List<String> journal = new ArrayList<>();
    ModelSpec spec = model(STEPS, ScriptedVenue.Script.underwater(), 1, 0, journal);
    spec = ModelSpecs.withShocks(spec, List.of(new PriceShock(ModelSpecs.ETH, 2, 2, -0.10)));
    run(spec, SEED, journal);

    List<String> expected =
        new ArrayList<>(List.of("start", "pop.setUp@0/0", "venue.markToMarket@0/0", "record@0"));
    for (long t = 1; t <= STEPS; t++) {
      if (t == 2 || t == 3) {
        expected.add("event:shock@" + t + "/0"); // 1. exogenous
      }
      expected.add("event:oracle_update@" + t + "/0"); // 2. oracles (heartbeat 1 or deviation)
      expected.add("pop.trade@" + t + "/0"); // 3. trading
      expected.add("pop.arbitrage@" + t + "/0"); // 4. arbitrage
      for (int r = 1; r <= ROUNDS; r++) { // 5-6. risk and liquidation rounds
        expected.add("venue.markToMarket@" + t + "/" + r);
        expected.add("venue.liquidatable@" + t + "/" + r);
        expected.add("pop.liquidate@" + t + "/" + r);
        expected.add("venue.liquidate@" + t + "/" + r);
      }
      // the account is still liquidatable after the last round: the tick's backlog
      expected.add("venue.liquidatable@" + t + "/" + ROUNDS);
      expected.add("event:liquidation_backlog@" + t + "/" + ROUNDS);
      expected.add("venue.settle@" + t + "/0"); // 7. settlement
      expected.add("venue.markToMarket@" + t + "/0"); // 8. record
      expected.add("record@" + t);
    }
    expected.add("finish");
    assertEquals(expected, journal);
  }

  @Test
  void test_run_liquidationLoopStopsWhenNoCandidates() {
    List<String> journal = new ArrayList<>();
    run(model(STEPS, ScriptedVenue.Script.healthy(), 1, 0, journal), SEED, journal);
    for (long t = 1; t <= STEPS; t++) {
      assertEquals(
          List.of("venue.markToMarket@" + t + "/1", "venue.liquidatable@" + t + "/1"),
          roundCalls(journal, t));
    }
    assertFalse(journal.stream().anyMatch(l -> l.startsWith("pop.liquidate")));
  }

  @Test
  void test_run_liquidationLoopStopsWhenNothingExecuted() {
    List<String> journal = new ArrayList<>();
    run(model(STEPS, ScriptedVenue.Script.underwater(), 0, 0, journal), SEED, journal);
    for (long t = 1; t <= STEPS; t++) {
      assertEquals(
          List.of(
              "venue.markToMarket@" + t + "/1",
              "venue.liquidatable@" + t + "/1",
              "pop.liquidate@" + t + "/1",
              "venue.liquidatable@" + t + "/1",
              "event:liquidation_backlog@" + t + "/1"),
          roundCalls(journal, t));
    }
  }

  @Test
  void test_run_backlogIsWhatStaysLiquidatableAfterTheLastRound() {
    List<String> journal = new ArrayList<>();
    RecordingListener listener =
        run(model(STEPS, ScriptedVenue.Script.underwater(), 0, 0, journal), SEED, journal);
    List<LiquidationBacklog> backlogs =
        listener.events().stream()
            .filter(e -> e instanceof LiquidationBacklog)
            .map(e -> (LiquidationBacklog) e)
            .toList();
    // one per tick; the scripted account has equity 50 against maintenance 100: shortfall 100 - 50
    // = 50
    assertEquals(STEPS, backlogs.size());
    for (int t = 1; t <= STEPS; t++) {
      assertEquals(new LiquidationBacklog(t, 1, "perp-x", 1, 50.0), backlogs.get(t - 1));
    }
  }

  @Test
  void test_run_noBacklogWithoutLiquidatableAccounts() {
    List<String> journal = new ArrayList<>();
    RecordingListener listener =
        run(model(STEPS, ScriptedVenue.Script.healthy(), 1, 0, journal), SEED, journal);
    assertTrue(listener.events().stream().noneMatch(e -> e instanceof LiquidationBacklog));
  }

  @Test
  void test_run_liquidationLoopNeverExceedsMaxRounds() {
    for (int maxRounds : new int[] {1, 3, 5}) {
      List<String> journal = new ArrayList<>();
      ModelSpec spec = model(STEPS, ScriptedVenue.Script.underwater(), 1, 0, journal);
      spec =
          ModelSpecs.withSettings(
              spec, new RunSettings(STEPS, ModelSpecs.STEP_SECONDS, maxRounds, SEED));
      RecordingListener listener = run(spec, SEED, journal);
      for (long t = 1; t <= STEPS; t++) {
        for (int r = 1; r <= maxRounds; r++) {
          assertEquals(
              1, count(journal, "pop.liquidate@" + t + "/" + r), "tick " + t + " round " + r);
        }
        assertEquals(0, count(journal, "pop.liquidate@" + t + "/" + (maxRounds + 1)));
        // the step record counts this tick's liquidations: one per round
        StepRecord.VenuePoint venue = listener.records().get((int) t).venues().get(0);
        assertEquals(maxRounds, venue.liquidations());
        assertEquals(
            maxRounds * ScriptedVenue.NOTIONAL_PER_LIQUIDATION, venue.liquidatedNotional(), 0.0);
      }
      assertEquals(0L, listener.records().get(0).venues().get(0).liquidations());
    }
  }

  @Test
  void test_run_zeroLatencyOracleRereadsBetweenLiquidationRounds() {
    List<String> journal = new ArrayList<>();
    ModelSpec spec = model(2, ScriptedVenue.Script.underwater(), 1, 1_000_000L, journal);
    OracleId lagged = OracleId.of("lagged-feed");
    spec =
        ModelSpecs.withOracles(
            spec,
            List.of(
                new OracleSpec(ModelSpecs.ORACLE, OracleRule.immediate()),
                new OracleSpec(lagged, new OracleRule(1, 1_000, 0.0))));
    RecordingListener listener = run(spec, SEED, journal);

    // each round's sale moves the market; the immediate oracle republishes in the next round
    for (long t = 1; t <= 2; t++) {
      for (int r = 1; r <= ROUNDS; r++) {
        assertEquals(1, count(journal, "event:market_trade@" + t + "/" + r));
      }
      for (int r = 2; r <= ROUNDS; r++) {
        assertEquals(
            1, count(journal, "event:oracle_update@" + t + "/" + r), "tick " + t + " round " + r);
      }
    }
    for (OracleUpdated u : listener.events(OracleUpdated.class)) {
      if (u.round() > 0) {
        assertEquals(
            ModelSpecs.ORACLE.value(),
            u.oracle(),
            "only zero-latency oracles re-read within a tick");
        assertEquals("deviation", u.reason());
      }
    }
    // the sales are stamped with their round and move the market down step by step
    List<MarketTrade> trades = listener.events(MarketTrade.class);
    assertEquals(6, trades.size());
    for (int i = 1; i < trades.size(); i++) {
      assertEquals(trades.get(i - 1).priceAfter(), trades.get(i).priceBefore(), 0.0);
    }
    // impact is permanent in this model: 6 one-unit sales at k = 2000 / 1e8 per unit leave
    // ln(P / F) = -6 * 2e-5, so P = 2000 e^(-1.2e-4) = 1999.7600143994
    double[] market = listener.marketPrices(0);
    assertEquals(2000 * Math.exp(-1.2e-4), market[2], 1e-9);
  }

  @Test
  void test_run_auditThrowsWhenVenueAuditReportsProblem() {
    List<String> journal = new ArrayList<>();
    ModelSpec spec = model(STEPS, new ScriptedVenue.Script(false, 2, -1), 0, 0, journal);
    RecordingListener listener = new RecordingListener(journal);
    InvariantViolationException e =
        assertThrows(
            InvariantViolationException.class,
            () -> Simulation.run(spec, SEED, 0, true, List.of(listener)));
    assertEquals(2L, e.step());
    assertEquals(List.of("venue perp-x: books disagree at step 2"), e.problems());
    assertTrue(e.getMessage().startsWith("invariant broken at step 2: "), e.getMessage());
    // the failing step is not recorded and the run does not finish normally
    assertEquals(List.of(0L, 1L), listener.stepNumbers());
    assertEquals(0, listener.finishes());
  }

  @Test
  void test_run_auditThrowsOnNonFiniteVenueMetric() {
    List<String> journal = new ArrayList<>();
    ModelSpec spec = model(STEPS, new ScriptedVenue.Script(false, -1, 3), 0, 0, journal);
    InvariantViolationException e =
        assertThrows(
            InvariantViolationException.class,
            () -> Simulation.run(spec, SEED, 0, true, List.of(RunListener.none())));
    assertEquals(3L, e.step());
    assertEquals(List.of("venue perp-x openInterest is NaN"), e.problems());
  }

  @Test
  void test_run_unauditedRunIgnoresBrokenVenueAuditedCleanRunCountsEveryStep() {
    List<String> journal = new ArrayList<>();
    Simulation.Outcome unaudited =
        Simulation.run(
            model(STEPS, new ScriptedVenue.Script(false, 2, -1), 0, 0, journal),
            SEED,
            0,
            false,
            List.of());
    assertEquals(STEPS, unaudited.steps());
    assertEquals(0L, unaudited.auditedSteps());

    Simulation.Outcome audited =
        Simulation.run(
            model(STEPS, ScriptedVenue.Script.underwater(), 1, 1_000_000L, journal),
            SEED,
            0,
            true,
            List.of());
    // step 0 plus every tick
    assertEquals(STEPS + 1, audited.auditedSteps());
  }

  @Test
  void test_run_shockScheduleMovesFundamentalExactly() {
    ModelSpec spec =
        ModelSpecs.withShocks(
            ModelSpecs.oneAsset(15), List.of(new PriceShock(ModelSpecs.ETH, 3, 10, -0.30)));
    RecordingListener listener = new RecordingListener();
    Simulation.run(spec, SEED, 0, true, List.of(listener));

    double[] fundamental = listener.fundamentals(0);
    double[] market = listener.marketPrices(0);
    for (int t = 0; t <= 15; t++) {
      // ticks 3..12 each multiply by 0.7^(1/10): after tick t the price is 2000 * 0.7^((t-2)/10)
      int shockSteps = Math.max(0, Math.min(t, 12) - 2);
      double expected = ModelSpecs.ETH_PRICE * Math.pow(0.7, shockSteps / 10.0);
      assertEquals(expected, fundamental[t], expected * 1e-12, "step " + t);
      assertEquals(fundamental[t], market[t], 0.0, "no trades, no impact");
      assertEquals(
          market[t], listener.records().get(t).oracles().get(0).price(), 0.0, "immediate oracle");
    }
    assertEquals(2000.0, fundamental[2], 0.0);
    assertEquals(1400.0, fundamental[15], 1400 * 1e-12);
    List<ShockApplied> shocks = listener.events(ShockApplied.class);
    assertEquals(10, shocks.size());
    for (int i = 0; i < 10; i++) {
      assertEquals(3L + i, shocks.get(i).step());
      assertEquals(Math.pow(0.7, 0.1), shocks.get(i).factor(), 1e-15);
      assertEquals(0, shocks.get(i).shock());
    }
  }

  /**
   * A stochastic model: volatile ETH, random sellers, an underwater venue liquidated with sales.
   */
  private static ModelSpec stochasticModel(boolean withSellers) {
    List<String> journal = new ArrayList<>();
    ModelSpec spec = ModelSpecs.oneAsset(50);
    spec =
        ModelSpecs.withEthPrice(
            spec, new PriceProcessSpec(ModelSpecs.ETH_PRICE, 0.0, 0.9, Optional.empty()));
    spec =
        ModelSpecs.withVenues(
            spec,
            List.<VenueSpec>of(new ScriptedVenue.Spec(ScriptedVenue.Script.underwater(), journal)));
    List<PopulationSpec> populations = new ArrayList<>();
    populations.add(new RecordingPopulation.Spec(1, 100_000L, journal));
    if (withSellers) {
      populations.add(new RandomSellers.Spec());
    }
    return ModelSpecs.withPopulations(spec, populations);
  }

  @Test
  void test_run_sameSeedGivesIdenticalRecordsAndEvents() {
    RecordingListener a = new RecordingListener();
    RecordingListener b = new RecordingListener();
    Simulation.run(stochasticModel(true), SEED, 0, true, List.of(a));
    Simulation.run(stochasticModel(true), SEED, 0, true, List.of(b));
    assertEquals(51, a.records().size());
    assertEquals(a.records(), b.records());
    assertEquals(a.events(), b.events());

    RecordingListener otherSeed = new RecordingListener();
    Simulation.run(stochasticModel(true), SEED + 1, 0, true, List.of(otherSeed));
    assertNotEquals(a.records(), otherSeed.records());
    RecordingListener otherReplication = new RecordingListener();
    Simulation.run(stochasticModel(true), SEED, 1, true, List.of(otherReplication));
    assertNotEquals(a.records(), otherReplication.records());
  }

  @Test
  void test_run_addingAPopulationDoesNotChangeTheFundamentalPath() {
    RecordingListener without = new RecordingListener();
    RecordingListener with = new RecordingListener();
    Simulation.run(stochasticModel(false), SEED, 0, true, List.of(without));
    Simulation.Outcome outcome =
        Simulation.run(stochasticModel(true), SEED, 0, true, List.of(with));

    assertArrayEquals(without.fundamentals(0), with.fundamentals(0));
    // the sellers did trade: the market price differs once they have sold
    assertNotEquals(without.marketPrices(0)[50], with.marketPrices(0)[50]);
    assertTrue(outcome.streamSeeds().containsKey("agents/sellers"));
    assertEquals(
        StreamSeeds.seed(SEED, "agents/sellers", 0), outcome.streamSeeds().get("agents/sellers"));
  }
}
