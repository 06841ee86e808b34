package org.marginfall.experiments.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginfall.experiments.Fixtures.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.core.network.ExposureNetwork;
import org.marginfall.core.network.VenueExposures;
import org.marginfall.experiments.Fixtures;
import org.marginfall.experiments.Fixtures.CliResult;
import org.marginfall.experiments.internal.network.NetworkFile;
import org.marginfall.experiments.internal.run.Json;
import org.marginfall.experiments.internal.run.NetworkFiles;

/**
 * The network.json of a run is a file {@code marginfall network} reads: written from a hand-made
 * measurement, read back by the command's own parser into the same network, and used by both
 * methods from the CLI.
 */
class RunNetworkFileTest {

  @TempDir Path tmp;

  /**
   * Two venues: A (capital 100, holdings 4145) and B (capital 51, holdings 2271); B holds 231 of
   * A's receipts and A holds 45 of B's, so A owes B 231 and B owes A 45.
   */
  private static VenueExposures exposures() {
    return new VenueExposures(
        List.of(new VenueExposures.Node("A", 100, 4145), new VenueExposures.Node("B", 51, 2271)),
        List.of(
            new VenueExposures.Claim("A", "B", "rB", 50, 45),
            new VenueExposures.Claim("B", "A", "rA", 210, 231)),
        List.of(new VenueExposures.CommonAsset("A", "B", "ETH", 4000, 2000, 2000)));
  }

  private Path written() throws IOException {
    Path file = tmp.resolve("network.json");
    Files.writeString(
        file, Json.pretty().writeValueAsString(NetworkFiles.network("test", exposures())));
    return file;
  }

  @Test
  void test_read_networkFileParsesToTheMeasuredNetwork() throws IOException {
    ExposureNetwork expected = exposures().network();
    ExposureNetwork read = NetworkFile.read(written(), true).network();
    assertEquals(expected.ids(), read.ids());
    assertEquals(231.0, read.liability(0, 1), 0.0);
    assertEquals(45.0, read.liability(1, 0), 0.0);
    // External assets 4145 - 45 = 4100 and 2271 - 231 = 2040; external liabilities
    // 4145 - 100 - 231 = 3814 and 2271 - 51 - 45 = 2175.
    assertEquals(4100.0, read.externalAssets()[0], 0.0);
    assertEquals(2040.0, read.externalAssets()[1], 0.0);
    assertEquals(3814.0, read.externalLiabilities()[0], 0.0);
    assertEquals(2175.0, read.externalLiabilities()[1], 0.0);
    assertEquals(100.0, read.equities()[0], 0.0);
    assertEquals(2271.0, read.values()[1], 0.0);
  }

  @Test
  void test_network_bothMethodsRunOnTheFile() throws IOException {
    Path file = written();
    CliResult en = cli("network", file.toString(), "--method", "eisenberg-noe");
    assertEquals(0, en.exit(), en.err());
    // Everyone pays in full, so each net worth is the venue's capital: A 4100 + 45 - 4045 = 100.
    assertTrue(en.out().contains("defaults: 0 []"), en.out());
    CliResult dr = cli("network", file.toString(), "--method", "debtrank");
    assertEquals(0, dr.exit(), dr.err());
    assertTrue(dr.out().contains("A defaults"), dr.out());
  }

  @Test
  void test_exposures_debtRankUsesTheNetworkCommandsDefault() {
    assertEquals(NetworkCommand.DEFAULT_VARIANT, NetworkFiles.DEBTRANK_VARIANT);
    JsonNode d = NetworkFiles.exposures(exposures()).get("debtRank");
    assertTrue(d.get("computed").asBoolean());
    // A defaulting: B's loss 231 on equity 51 stresses B fully.
    assertEquals(1.0, d.get("venues").get(0).get("finalStress").get(1).asDouble(), 1e-12);
  }

  @Test
  void test_exposures_debtRankUndefinedWithoutCapital() {
    VenueExposures noBuffer =
        new VenueExposures(
            List.of(new VenueExposures.Node("A", 100, 4145), new VenueExposures.Node("B", 0, 2271)),
            List.of(new VenueExposures.Claim("B", "A", "rA", 210, 231)),
            List.of());
    JsonNode d = NetworkFiles.exposures(noBuffer).get("debtRank");
    assertEquals(false, d.get("computed").asBoolean());
    assertEquals(
        "venue B holds claims on other venues but has no capital buffer", d.get("reason").asText());
  }

  @Test
  void test_run_networkJsonOfARunIsReadByTheCommand() {
    Path out = tmp.resolve("run");
    Path scenario = Fixtures.write(tmp, "minimal.yaml", Fixtures.minimalYaml());
    CliResult run = cli("run", scenario.toString(), "--out", out.toString());
    assertEquals(0, run.exit(), run.err());
    CliResult r =
        cli("network", out.resolve("network.json").toString(), "--method", "eisenberg-noe");
    assertEquals(0, r.exit(), r.err());
  }
}
