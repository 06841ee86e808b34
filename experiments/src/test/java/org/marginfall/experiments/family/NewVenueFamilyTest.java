package org.marginfall.experiments.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.experiments.family.pawn.PawnVenueType;
import org.marginfall.experiments.internal.run.RunDirectoryWriter;
import org.marginfall.experiments.internal.run.RunRequest;
import org.marginfall.experiments.internal.scenario.Catalog;
import org.marginfall.experiments.internal.scenario.Scenario;
import org.marginfall.experiments.internal.scenario.ScenarioReader;
import org.marginfall.experiments.internal.twin.Twin;
import org.marginfall.experiments.internal.twin.TwinRunner;
import org.marginfall.experiments.internal.twin.TwinScenarios;
import org.marginfall.reports.run.RunEvents;

/**
 * Adding a venue family is one package ({@code family.pawn}: type, spec, venue and its one
 * liquidation event) plus one registration ({@link Catalog#withVenueType}); nothing else in the
 * build names it, and the summary, the twins' owner outcomes and the report's reading of {@code
 * events.jsonl} all see its liquidations.
 *
 * <p>The hand-computed case: three accounts pledge 1 ETH each for loans of 1,000, 1,200 and 1,300
 * USD with a 20% margin (forfeitable below 1.2 × loan) and a 5% penalty. ETH falls 30% at step 5,
 * from 2,000 to 1,400 (no volatility, no price impact): 1,400 &lt; 1,440 and 1,560 forfeits the
 * 1,200 and 1,300 loans, 1,400 ≥ 1,200 keeps the 1,000 one. Notional 2,500; penalties 5% of each
 * loan, 60 + 65 = 125 (collateral of 1,260 and 1,365 USD taken). The twin with a 10% margin
 * (forfeitable below 1.1 × loan: 1,320 and 1,430) forfeits only the 1,300 loan: notional 1,300,
 * penalty 65, and the 1,200 loan's owner is liquidated only in the base run.
 */
class NewVenueFamilyTest {

  private static final String SCENARIO =
      """
      name: pawn-crash
      run: {steps: 10, stepSeconds: 60, maxLiquidationRounds: 3, seed: 7}
      baseCurrency: USD
      assets:
        - {id: USD, kind: base}
        - {id: ETH, price: {initial: 2000, drift: 0.0, volatility: 0.0}}
      markets:
        - {asset: ETH, impact: {model: none}}
      oracles:
        - {id: feed, latencySteps: 0, heartbeatSteps: 1, deviation: 0}
      shocks:
        - {asset: ETH, startStep: 5, steps: 1, change: -0.30}
      venues:
        - {id: pawn-a, type: pawn, oracle: feed, collateral: ETH, pledge: 1,
           loans: [1000, 1200, 1300], margin: 0.2, penalty: 0.05}
      agents:
        - {id: keepers, type: liquidators, count: 1, capital: 10000}
      """;

  private static final double TOL = 1e-6;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  private static Path run;

  @BeforeAll
  static void runWithTwin() throws IOException {
    Catalog catalog = Catalog.standard().withVenueType(new PawnVenueType());
    Scenario scenario =
        new ScenarioReader(catalog).read(SCENARIO.getBytes(StandardCharsets.UTF_8), false);
    run = tmp.resolve("run");
    RunRequest request =
        new RunRequest(scenario, "pawn-crash.yaml", run, OptionalLong.empty(), true, false, true);
    RunDirectoryWriter writer =
        new RunDirectoryWriter(Clock.fixed(Instant.parse("2026-12-08T00:00:00Z"), ZoneOffset.UTC));
    new TwinRunner(
            writer,
            request,
            List.of(Twin.parse("set:venues[0].margin=0.1")),
            new TwinScenarios(catalog))
        .run();
  }

  @Test
  void test_summary_countsTheFamilysLiquidations() throws IOException {
    JsonNode venue = JSON.readTree(run.resolve("summary.json").toFile()).at("/venues/pawn-a");
    assertEquals(2, venue.path("liquidations").asLong());
    assertEquals(2500, venue.path("liquidatedNotional").asDouble(), TOL);
    assertEquals(125, venue.path("liquidationFees").asDouble(), TOL);
  }

  @Test
  void test_events_areReadAsLiquidationsWithoutNamingTheFamily() throws IOException {
    JsonNode kinds = JSON.readTree(run.resolve("manifest.json").toFile()).path("liquidationEvents");
    List<String> types = new ArrayList<>();
    kinds.fieldNames().forEachRemaining(types::add);
    assertEquals(List.of("forfeit"), types);
    assertEquals("loan", kinds.path("forfeit").get(0).asText());
    List<String> lines = Files.readAllLines(run.resolve("events.jsonl"));
    assertEquals(2, lines.stream().filter(l -> l.contains("\"type\":\"forfeit\"")).count());
    RunEvents events = RunEvents.read(run).orElseThrow();
    // Both forfeits happen in the first liquidation round of step 5, caused by the exogenous move.
    assertEquals(Map.of("pawn-a", 1), events.cascadeDepth());
    assertEquals(Map.of(0L, Map.of("pawn-a", 2500.0)), events.generationNotional());
    List<String> risk = Files.readAllLines(run.resolve("tables/venue-risk.csv"));
    assertTrue(risk.get(1).startsWith("pawn-a,") && risk.get(1).endsWith(",1"), risk.toString());
  }

  @Test
  void test_twinOutcomes_seeTheFamilysOwners() throws IOException {
    JsonNode twin = JSON.readTree(run.resolve("twin-comparison.json").toFile()).at("/twins/0");
    JsonNode venue = twin.at("/venues/0");
    assertEquals("pawn-a", venue.path("venue").asText());
    assertEquals(2, venue.at("/base/liquidations").asLong());
    assertEquals(1, venue.at("/twin/liquidations").asLong());
    assertEquals(2, venue.at("/accountsLiquidated/base").asLong());
    assertEquals(1, venue.at("/accountsLiquidated/twin").asLong());
    assertEquals(1, venue.at("/liquidatedOnlyInBase/accounts").asLong());
    assertEquals(1200, venue.at("/liquidatedOnlyInBase/notional").asDouble(), TOL);
    assertEquals(0, venue.at("/liquidatedOnlyInTwin/accounts").asLong());
    assertEquals(125, venue.at("/liquidationLoss/base").asDouble(), TOL);
    assertEquals(65, venue.at("/liquidationLoss/twin").asDouble(), TOL);
  }
}
