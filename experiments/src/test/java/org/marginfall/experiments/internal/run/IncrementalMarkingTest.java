package org.marginfall.experiments.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.engine.ModelSpec;
import org.marginfall.core.engine.Simulation;
import org.marginfall.core.event.SimEvent;
import org.marginfall.core.metric.RunListener;
import org.marginfall.core.metric.StepRecord;
import org.marginfall.core.oracle.OracleId;
import org.marginfall.core.spec.VenueServices;
import org.marginfall.core.spec.VenueSpec;
import org.marginfall.core.venue.Venue;
import org.marginfall.core.venue.VenueId;
import org.marginfall.experiments.internal.scenario.Catalog;
import org.marginfall.experiments.internal.scenario.ScenarioReader;
import org.marginfall.experiments.internal.scenario.ScenarioSource;
import org.marginfall.protocols.perp.Liquidation;

/**
 * Incremental liquidation checks decide exactly what full marks decide: every bundled example with
 * a perpetual, lending or CDP venue, on price paths of several seeds, run once as the engine runs
 * it (liquidation rounds mark only the accounts each venue's screen lists) and once with every
 * venue marking every account in every round, gives the same events (the same accounts liquidated
 * in the same order, at the same prices) and the same step records, with the audit on.
 */
class IncrementalMarkingTest {

  static Stream<Arguments> runs() {
    List<Arguments> out = new ArrayList<>();
    for (String example :
        List.of(
            "three-venue-crash",
            "perp-backstop-adl",
            "lending-crash",
            "cdp-auction",
            "shared-collateral-contagion",
            "depositor-run",
            "oracle-failures",
            "snapshot-three-venues",
            "replay-black-thursday",
            "crisis-black-thursday",
            "crisis-luna-ust",
            "crisis-oct-2025",
            "crisis-mango")) {
      for (long seed : new long[] {11, 12}) {
        out.add(Arguments.of(example, seed));
      }
    }
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("runs")
  void test_incrementalMarks_decideTheSameLiquidationsAsFullMarks(String example, long seed) {
    ModelSpec model = model(example);
    List<String> incremental = record(model, seed);
    List<String> full = record(withFullMarks(model), seed);
    assertEquals(
        full.size(), incremental.size(), example + " seed " + seed + ": number of records");
    for (int i = 0; i < full.size(); i++) {
      assertEquals(full.get(i), incremental.get(i), example + " seed " + seed + ": record " + i);
    }
    // The crash examples liquidate: the comparison covers liquidation rounds, not only quiet steps.
    if (example.contains("crash")) {
      assertTrue(
          full.stream().anyMatch(r -> r.startsWith(Liquidation.class.getSimpleName())), example);
    }
  }

  private static ModelSpec model(String example) {
    ScenarioSource source = ScenarioSource.resolve(example);
    return new ScenarioReader(Catalog.standard()).read(source).model();
  }

  /** Every event and step record of a run, as text, in the order the listeners saw them. */
  private static List<String> record(ModelSpec model, long seed) {
    List<String> out = new ArrayList<>();
    RunListener recorder =
        new RunListener() {
          @Override
          public void onEvent(SimEvent event) {
            out.add(event.toString());
          }

          @Override
          public void onStep(StepRecord record) {
            out.add(record.toString());
          }
        };
    Simulation.run(model, seed, 0, true, List.of(recorder));
    return out;
  }

  /** The model with every venue marking every account in every liquidation round. */
  private static ModelSpec withFullMarks(ModelSpec m) {
    List<VenueSpec> venues = m.venues().stream().<VenueSpec>map(FullMarks::new).toList();
    return new ModelSpec(
        m.settings(),
        m.baseCurrency(),
        m.assets(),
        m.prices(),
        m.correlation(),
        m.markets(),
        m.oracles(),
        m.shocks(),
        venues,
        m.populations(),
        m.channels());
  }

  /** A venue spec whose venue answers {@link Venue#markLiquidationCandidates} with a full mark. */
  private record FullMarks(VenueSpec inner) implements VenueSpec {

    @Override
    public VenueId id() {
      return inner.id();
    }

    @Override
    public String type() {
      return inner.type();
    }

    @Override
    public Set<AssetId> tradableAssets() {
      return inner.tradableAssets();
    }

    @Override
    public boolean listsPerpetuals() {
      return inner.listsPerpetuals();
    }

    @Override
    public Set<AssetId> collateralAssets() {
      return inner.collateralAssets();
    }

    @Override
    public Set<AssetId> issuedAssets() {
      return inner.issuedAssets();
    }

    @Override
    public Set<OracleId> oraclesRead() {
      return inner.oraclesRead();
    }

    @Override
    public Venue resolve(VenueServices services) {
      Venue venue = inner.resolve(services);
      return (Venue)
          Proxy.newProxyInstance(
              Venue.class.getClassLoader(),
              venue.getClass().getInterfaces(),
              (proxy, method, args) -> {
                Method target =
                    method.getName().equals("markLiquidationCandidates")
                        ? Venue.class.getMethod("markToMarket")
                        : method;
                try {
                  return target.invoke(venue, args);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
              });
    }
  }
}
