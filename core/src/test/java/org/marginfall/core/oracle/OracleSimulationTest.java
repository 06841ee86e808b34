package org.marginfall.core.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.marginfall.core.engine.ModelSpec;
import org.marginfall.core.engine.OracleSpec;
import org.marginfall.core.engine.Simulation;
import org.marginfall.core.event.OracleUpdated;
import org.marginfall.core.metric.StepRecord;
import org.marginfall.core.price.PriceProcessSpec;
import org.marginfall.core.price.PriceShock;
import org.marginfall.core.testing.ModelSpecs;
import org.marginfall.core.testing.RecordingListener;

/** Oracle designs inside a whole run: streams, determinism and a frozen feed seen by recorders. */
class OracleSimulationTest {

  private static final OracleId NOISY = OracleId.of("noisy-median");
  private static final OracleId FROZEN = OracleId.of("frozen-feed");
  private static final long STEPS = 30;

  /** ETH on a random path, so that the fundamental path depends on the price stream. */
  private static ModelSpec stochastic() {
    return ModelSpecs.withEthPrice(
        ModelSpecs.oneAsset(STEPS),
        new PriceProcessSpec(ModelSpecs.ETH_PRICE, 0.0, 0.8, Optional.empty()));
  }

  private static OracleSpec noisyMedian() {
    return new OracleSpec(
        NOISY,
        new OracleDesign(
            new OracleRule(0, 60, 0.005),
            List.of(
                new OracleSource("a", 1, 0, 0.0, 0.01),
                new OracleSource("b", 1, 1, 0.0, 0.01),
                new OracleSource("c", 1, 2, 0.0, 0.01)),
            new Aggregation.Median(),
            3,
            0.0,
            Double.POSITIVE_INFINITY,
            Double.POSITIVE_INFINITY,
            List.of()));
  }

  private static RecordingListener run(ModelSpec spec, List<String> streams) {
    RecordingListener r = new RecordingListener();
    Simulation.Outcome o = Simulation.run(spec, ModelSpecs.SEED, 0, true, List.of(r));
    streams.addAll(o.streamSeeds().keySet());
    return r;
  }

  @Test
  void test_run_addingANoisyOracleLeavesThePricePathUnchanged() {
    List<String> streamsWithout = new ArrayList<>();
    List<String> streamsWith = new ArrayList<>();
    RecordingListener without = run(stochastic(), streamsWithout);
    ModelSpec more =
        ModelSpecs.withOracles(stochastic(), List.of(stochastic().oracles().get(0), noisyMedian()));
    RecordingListener with = run(more, streamsWith);

    assertEquals(STEPS + 1, without.records().size());
    for (int t = 0; t < without.records().size(); t++) {
      StepRecord.AssetPoint a = without.records().get(t).assets().get(0);
      StepRecord.AssetPoint b = with.records().get(t).assets().get(0);
      assertEquals(a.fundamental(), b.fundamental(), 0.0, "fundamental at step " + t);
      assertEquals(a.market(), b.market(), 0.0, "market at step " + t);
    }
    // the path did move, so the comparison above compared something
    assertNotEquals(
        ModelSpecs.ETH_PRICE, without.records().get((int) STEPS).assets().get(0).fundamental());
    // the noisy oracle drew from its own stream; a noise-free oracle takes none
    assertTrue(streamsWith.contains("oracles/" + NOISY), streamsWith.toString());
    assertFalse(
        streamsWithout.stream().anyMatch(s -> s.startsWith("oracles/")), streamsWithout.toString());
  }

  @Test
  void test_run_noisyOracleIsReproducibleWithAFixedSeed() {
    ModelSpec spec = ModelSpecs.withOracles(stochastic(), List.of(noisyMedian()));
    RecordingListener first = run(spec, new ArrayList<>());
    RecordingListener second = run(spec, new ArrayList<>());
    boolean moved = false;
    for (int t = 0; t < first.records().size(); t++) {
      double a = first.records().get(t).oracles().get(0).price();
      double b = second.records().get(t).oracles().get(0).price();
      assertEquals(a, b, 0.0, "step " + t);
      moved |= a != ModelSpecs.ETH_PRICE;
    }
    assertTrue(moved, "the noisy oracle published something");
    assertEquals(
        first.events(OracleUpdated.class).size(), second.events(OracleUpdated.class).size());
  }

  @Test
  void test_run_frozenFeedPublishesNothingAndKeepsItsValue() {
    // constant ETH at 2000 halved at step 4; the immediate oracle (heartbeat 1) publishes every
    // step except while frozen over steps [3, 7)
    OracleSpec frozen =
        new OracleSpec(
            FROZEN,
            new OracleDesign(
                OracleRule.immediate(),
                List.of(),
                new Aggregation.Median(),
                1,
                0.0,
                Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY,
                List.of(new OracleFailure(ModelSpecs.ETH, 3, 4, new OracleFailure.Frozen()))));
    ModelSpec spec =
        ModelSpecs.withShocks(
            ModelSpecs.withOracles(ModelSpecs.oneAsset(10), List.of(frozen)),
            List.of(new PriceShock(ModelSpecs.ETH, 4, 1, -0.5)));
    RecordingListener r = run(spec, new ArrayList<>());

    List<String> seen = new ArrayList<>();
    for (OracleUpdated u : r.events(OracleUpdated.class)) {
      seen.add(u.step() + "/" + u.round() + ":" + u.reason() + "@" + u.price());
    }
    assertEquals(
        List.of(
            "1/0:heartbeat@2000.0",
            "2/0:heartbeat@2000.0",
            "3/0:frozen@2000.0",
            // 2000 * (1 - 0.5) = 1000 at step 7, when the window [3, 7) is over
            "7/0:deviation@1000.0",
            "8/0:heartbeat@1000.0",
            "9/0:heartbeat@1000.0",
            "10/0:heartbeat@1000.0"),
        seen);
    // at step 6 the market is at 1000 while the feed still shows 2000
    StepRecord six = r.records().get(6);
    assertEquals(1000.0, six.assets().get(0).market(), 0.0);
    assertEquals(2000.0, six.oracles().get(0).price(), 0.0);
  }
}
