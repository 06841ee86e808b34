package org.marginfall.experiments.internal.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.marginfall.experiments.Fixtures.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.experiments.Fixtures.CliResult;

/**
 * The seeds' question answered end to end: with derived collateral closed, the A -> B -> C receipt
 * chain (experiments/src/test/resources/contagion/chain-abc.yaml) stops at A, so every position
 * liquidated on B and C was liquidated only because of sharing.
 */
class NoChannelTwinTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void test_run_noChannelTwinNamesThePositionsLiquidatedOnlyBecauseOfSharing() throws IOException {
    Path scenario = tmp.resolve("chain-abc.yaml");
    try (InputStream in = getClass().getResourceAsStream("/contagion/chain-abc.yaml")) {
      Files.copy(in, scenario);
    }
    Path out = tmp.resolve("run");
    CliResult r =
        cli(
            "run",
            scenario.toString(),
            "--out",
            out.toString(),
            "--audit",
            "--twin",
            "no-channel:derivedCollateral");
    assertEquals(0, r.exit(), r.err());

    JsonNode twin = JSON.readTree(out.resolve("twin-comparison.json").toFile()).get("twins").get(0);
    assertEquals("no-channel:derivedCollateral", twin.get("twin").asText());
    JsonNode venues = twin.get("venues");
    // A is hit by the ETH move alone: the same ten liquidations in both runs.
    JsonNode a = venues.get(0);
    assertEquals("A", a.get("venue").asText());
    assertEquals(0, a.get("liquidatedOnlyInBase").get("accounts").asInt());
    assertEquals(0, a.get("difference").get("liquidations").asInt());
    // B and C: all ten borrowers each liquidated only with the channel open, at the notionals the
    // chain test derives by hand (1,159,183.67 and 818,788.47; ContagionChannelsTest).
    JsonNode b = venues.get(1);
    assertEquals("B", b.get("venue").asText());
    assertEquals(10, b.get("liquidatedOnlyInBase").get("accounts").asInt());
    assertEquals(1_159_183.67, b.get("liquidatedOnlyInBase").get("notional").asDouble(), 0.01);
    assertEquals(-420_816.33, b.get("difference").get("badDebt").asDouble(), 0.01);
    JsonNode c = venues.get(2);
    assertEquals("C", c.get("venue").asText());
    assertEquals(10, c.get("liquidatedOnlyInBase").get("accounts").asInt());
    assertEquals(818_788.47, c.get("liquidatedOnlyInBase").get("notional").asDouble(), 0.01);
    assertEquals(0, c.get("liquidatedOnlyInTwin").get("accounts").asInt());
  }
}
