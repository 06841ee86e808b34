package org.marginfall.experiments.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.marginfall.core.engine.ModelSpec;
import org.marginfall.core.engine.Simulation;
import org.marginfall.core.event.OracleUpdated;
import org.marginfall.core.event.SimEvent;
import org.marginfall.core.metric.RunListener;
import org.marginfall.core.metric.StepRecord;
import org.marginfall.core.venue.VenueSnapshot;
import org.marginfall.experiments.Fixtures;
import org.marginfall.experiments.internal.scenario.Catalog;
import org.marginfall.experiments.internal.scenario.ScenarioReader;

/**
 * The LUNA-floor case of examples/oracle-floor.yaml in a whole audited run: the venue whose oracle
 * stops at its {@code minAnswer} keeps valuing LUNA collateral at the floor and leaves accounts
 * alone that the median/TWAP venue, and the same venue without the floor, liquidate.
 */
class OracleFloorRunTest {

  /** The example's values, as written in examples/oracle-floor.yaml. */
  private static final double FLOOR = 20.0;

  private static final int HEARTBEAT = 60;
  private static final int TRADERS_PER_VENUE = 150;
  private static final String FLOOR_LINE = "    minAnswer: 20\n";

  private static Recorder floored;
  private static Recorder unfloored;

  @BeforeAll
  static void runTheExampleAndItsTwinWithoutTheFloor() throws Exception {
    Path moduleDir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    Path file = moduleDir.resolve("../examples/oracle-floor.yaml").toAbsolutePath().normalize();
    String yaml = Files.readString(file, StandardCharsets.UTF_8);
    floored = run(yaml);
    unfloored = run(Fixtures.replaceOnce(yaml, FLOOR_LINE, ""));
  }

  private static Recorder run(String yaml) {
    ModelSpec model =
        new ScenarioReader(Catalog.standard())
            .read(yaml.getBytes(StandardCharsets.UTF_8), false)
            .model();
    Recorder r = new Recorder();
    Simulation.Outcome o = Simulation.run(model, model.settings().seed(), 0, true, List.of(r));
    // audited at set-up and after every tick: conservation held throughout
    assertEquals(model.settings().steps() + 1, o.auditedSteps());
    return r;
  }

  @Test
  void test_floor_feedStaysAtMinAnswerWhileTheMarketFallsThrough() {
    StepRecord last = floored.steps.get(floored.steps.size() - 1);
    double market =
        last.assets().stream()
            .filter(a -> a.asset().value().equals("LUNA"))
            .findFirst()
            .orElseThrow()
            .market();
    assertEquals(FLOOR, oracle(last, "floored-feed"), 0.0);
    assertTrue(market < FLOOR / 5, "the market fell far below the floor: " + market);
    // the median/TWAP feed follows the market down (within its TWAP and noise)
    assertTrue(
        oracle(last, "median-twap") < FLOOR / 5, "median-twap at " + oracle(last, "median-twap"));
  }

  @Test
  void test_floor_isRepublishedAtEachHeartbeatSoStalenessGuardsStayBlind() {
    List<OracleUpdated> floors =
        floored.updates("floored-feed", "LUNA").stream()
            .filter(u -> u.reason().equals("min-answer"))
            .toList();
    assertTrue(floors.size() >= 2, floors.toString());
    // the first clamp is a deviation from the last market price; the next is the heartbeat
    assertEquals(floors.get(0).step() + HEARTBEAT, floors.get(1).step());
    for (OracleUpdated u : floors) {
      assertEquals(FLOOR, u.price(), 0.0);
    }
  }

  @Test
  void test_floor_leavesAccountsUnliquidatedThatOtherOraclesLiquidate() {
    long flooredVenue = liquidations(floored, "perp-floored");
    long medianVenue = liquidations(floored, "perp-median");
    long twin = liquidations(unfloored, "perp-floored");
    // the collapse takes LUNA from 80 to 2.4 (-97%): at that price every trader's LUNA-backed
    // equity is below maintenance, so a venue marking at the market liquidates every account
    assertEquals(TRADERS_PER_VENUE, medianVenue);
    assertEquals(TRADERS_PER_VENUE, twin);
    // with the floor, the accounts whose threshold lies below $20 are never liquidated
    assertTrue(flooredVenue < TRADERS_PER_VENUE, "perp-floored liquidated " + flooredVenue);
    // and at the end the venue sees none of them as liquidatable
    VenueSnapshot end = snapshot(floored, "perp-floored");
    assertEquals(0, end.liquidatable());
    // their positions stay open, while the median venue has closed every one
    assertTrue(end.openInterest() > 0, "perp-floored open interest " + end.openInterest());
    assertEquals(0.0, snapshot(floored, "perp-median").openInterest(), 0.0);
  }

  private static double oracle(StepRecord r, String oracle) {
    return r.oracles().stream()
        .filter(o -> o.oracle().value().equals(oracle) && o.asset().value().equals("LUNA"))
        .findFirst()
        .orElseThrow()
        .price();
  }

  private static long liquidations(Recorder r, String venue) {
    return snapshot(r, venue).liquidations();
  }

  private static VenueSnapshot snapshot(Recorder r, String venue) {
    StepRecord last = r.steps.get(r.steps.size() - 1);
    return last.venues().stream()
        .filter(v -> v.venue().value().equals(venue))
        .findFirst()
        .orElseThrow()
        .snapshot();
  }

  /** Keeps every record and event. */
  private static final class Recorder implements RunListener {
    final List<StepRecord> steps = new ArrayList<>();
    final List<SimEvent> events = new ArrayList<>();

    @Override
    public void onEvent(SimEvent event) {
      events.add(event);
    }

    @Override
    public void onStep(StepRecord record) {
      steps.add(record);
    }

    List<OracleUpdated> updates(String oracle, String asset) {
      List<OracleUpdated> out = new ArrayList<>();
      for (SimEvent e : events) {
        if (e instanceof OracleUpdated u && u.oracle().equals(oracle) && u.asset().equals(asset)) {
          out.add(u);
        }
      }
      return out;
    }
  }
}
