package org.marginfall.experiments.internal.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.core.metric.RunSummary;
import org.marginfall.experiments.Fixtures;
import org.marginfall.experiments.Fixtures.CliResult;
import org.marginfall.experiments.api.Experiment;
import org.marginfall.experiments.api.ExperimentException;
import org.marginfall.experiments.api.Plugins;
import org.marginfall.experiments.api.RunOutcome;

/**
 * The plug-in example of examples/extension (docs/extending.md), built here without Maven: its
 * sources compiled with the JDK's compiler, packed with its {@code META-INF/services} into a jar,
 * and run by {@code marginfall --plugin}.
 *
 * <p>The scenario's numbers, by hand: ten traders with 20,000 USD at 5x want 100,000 of ETH each at
 * 2,000; the venue's cap of 650,000 lets six open 100,000 (50 ETH), the seventh the 50,000 left (25
 * ETH) and the last three nothing. The shock takes ETH down by a factor 0.75^(1/5) = 0.94409 a step
 * from step 10: a 5x long's equity is then down 5 × 5.59% = 28.0% from its peak, past the 20%
 * limit, so the six close 25 ETH each at 1,888.2 (283,228 of notional) at step 10; the 2.5x long is
 * down 14.0% at step 10 and 27.2% at step 11, when it closes 12.5 ETH at 1,782.6 (22,283). Halved,
 * a 5x long at ETH 1,500 keeps 0.235 of its collateral against 0.094 of maintenance: none is
 * liquidated. Held whole, a 5x long is liquidatable below 4 / 4.75 = 0.8421 of the entry price,
 * which step 12 (0.75^(3/5) = 0.8415) crosses: six liquidations; the 2.5x one would need 0.632.
 */
class ExtensionExampleTest {

  private static final Path EXAMPLE = Path.of("..", "examples", "extension");
  private static final Path SCENARIO = EXAMPLE.resolve("scenario.yaml");
  private static final double STEP = Math.pow(0.75, 1.0 / 5);

  @TempDir static Path work;
  private static Path jar;

  @BeforeAll
  static void buildTheExample() throws IOException {
    jar =
        PluginJarBuilder.build(
            EXAMPLE.resolve("src/main/java"),
            EXAMPLE.resolve("src/main/resources"),
            work.resolve("example"),
            "marginfall-extension-example.jar");
  }

  @Test
  void test_run_withThePlugin_tradersDeriskAndTheCapHolds(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("run");
    CliResult r =
        Fixtures.cli(
            "--plugin",
            jar.toString(),
            "run",
            SCENARIO.toString(),
            "--out",
            out.toString(),
            "--audit");
    assertEquals(0, r.exit(), r.err());
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());

    JsonNode traders = summary.path("populations").path("derisking-longs");
    // The cap: seven positions, 650,000 of notional in all (the last opened 25 ETH, less 1e-9).
    assertEquals(7, traders.path("positions").asDouble());
    assertEquals(650_000, traders.path("openedNotional").asDouble(), 0.01);
    // The drawdown rule: all seven cut half, the six 5x longs at step 10, the 2.5x one at step 11.
    assertEquals(7, traders.path("derisked").asDouble());
    assertEquals(10, traders.path("firstDeriskStep").asDouble());
    double reduced = 6 * 25 * 2000 * STEP + 12.5 * 2000 * STEP * STEP;
    assertEquals(reduced, traders.path("reducedNotional").asDouble(), 1e-6 * reduced);
    assertEquals(0, traders.path("liquidated").asDouble());

    JsonNode venue = summary.path("venues").path("capped");
    assertEquals("capped-perpetual", venue.path("type").asText());
    assertEquals(650_000, venue.path("openInterestCap").asDouble());
    assertEquals(0, venue.path("liquidations").asLong());
    assertEquals(0, venue.path("badDebt").asDouble());

    JsonNode audit = summary.path("audit");
    assertTrue(audit.path("enabled").asBoolean());
    assertEquals(31, audit.path("stepsChecked").asLong()); // the set-up and 30 steps
    assertEquals(0, audit.path("violations").asInt());

    // The venue's open interest never passes the cap: 650,000 before the fall.
    double[] openInterest =
        Fixtures.csv(out.resolve("timeseries.csv")).numbers("open_interest.capped");
    assertEquals(650_000, openInterest[0], 0.01);
    for (double oi : openInterest) {
      assertTrue(oi <= 650_000, "open interest " + oi);
    }
  }

  @Test
  void test_api_withoutTheCutOrTheCap_theRuleAndTheCapAreWhatMadeTheDifference() {
    try (Plugins plugins = Plugins.fromJars(jar)) {
      assertTrue(plugins.venueTypes().contains("capped-perpetual"), plugins.toString());
      assertTrue(plugins.agentTypes().contains("drawdown-traders"), plugins.toString());
      Experiment x = plugins.load(SCENARIO);

      // A drawdown limit of 100% never fires before the venue liquidates: the six 5x longs are
      // liquidated at step 12, the 2.5x one survives.
      RunOutcome held = x.with("agents[0].drawdown", 1.0).audited().run();
      Map<String, Double> m = held.summary().populations().get("derisking-longs");
      assertEquals(0, m.get("derisked"));
      assertNull(m.get("firstDeriskStep"));
      assertEquals(6, m.get("liquidated"));
      RunSummary.VenueSummary v = held.summary().venues().get("capped");
      assertEquals(6, v.liquidations());
      assertEquals(12, v.firstLiquidationStep());

      // Without a binding cap every trader opens its 100,000.
      RunOutcome uncapped = x.with("venues[0].openInterestCap", 1.0e7).run();
      Map<String, Double> u = uncapped.summary().populations().get("derisking-longs");
      assertEquals(10, u.get("positions"));
      assertEquals(1_000_000, u.get("openedNotional"), 0.01);
      assertEquals(10, u.get("derisked"));
    }
  }

  @Test
  void test_validateAndSweep_withThePlugin_readTheTypes(@TempDir Path tmp) throws IOException {
    CliResult v = Fixtures.cli("--plugin", jar.toString(), "validate", SCENARIO.toString());
    assertEquals(0, v.exit(), v.err());
    assertTrue(v.out().startsWith(SCENARIO + ": valid (1 venues, 2 agent populations, 30 steps"));

    Path sweep =
        Fixtures.write(
            tmp,
            "sweep.yaml",
            "name: drawdown-limit\n"
                + "scenario: "
                + SCENARIO.toAbsolutePath()
                + "\nseed: 7\nreplications: 1\ndesign: grid\n"
                + "parameters:\n"
                + "  - path: agents[0].drawdown\n"
                + "    name: drawdown\n"
                + "    values: [0.2, 1.0]\n"
                + "metrics:\n"
                + "  - {name: liquidations, path: venues.capped.liquidations}\n"
                + "  - {name: derisked, path: populations.derisking-longs.derisked}\n");
    Path out = tmp.resolve("sweep");
    CliResult s =
        Fixtures.cli(
            "--plugin",
            jar.toString(),
            "sweep",
            sweep.toString(),
            "--out",
            out.toString(),
            "--threads",
            "1");
    assertEquals(0, s.exit(), s.err());
    Fixtures.Csv runs = Fixtures.csv(out.resolve("runs.csv"));
    // The 20% limit cuts all seven and nobody is liquidated; 100% never fires: six liquidations.
    assertArrayEquals(new double[] {0, 6}, runs.numbers("liquidations"));
    assertArrayEquals(new double[] {7, 0}, runs.numbers("derisked"));
  }

  @Test
  void test_api_fromAClassLoader_readsTheScenario() throws IOException {
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
      Plugins plugins = Plugins.fromClassLoader(loader);
      assertEquals(
          "extension-example", plugins.load(SCENARIO).name(), "read with the plug-in's types");
      assertTrue(
          plugins.venueTypes().containsAll(java.util.Set.of("perpetual", "capped-perpetual")));
    }
  }

  @Test
  void test_api_aMissingJar_isOneProblem(@TempDir Path tmp) {
    Path missing = tmp.resolve("no-such.jar");
    ExperimentException e =
        assertThrows(ExperimentException.class, () -> Plugins.fromJars(missing));
    assertEquals(java.util.List.of("plugin " + missing + ": no such file"), e.problems());
    // Without the plug-in the scenario is not readable: the registry names the unknown types.
    ExperimentException unknown =
        assertThrows(ExperimentException.class, () -> Experiment.load(SCENARIO));
    assertEquals(2, unknown.problems().size(), unknown.getMessage());
    assertTrue(
        unknown
            .problems()
            .get(0)
            .endsWith("unknown venue type 'capped-perpetual' (known: cdp, lending, perpetual)"),
        unknown.getMessage());
  }

  @Test
  void test_run_withoutThePlugin_namesTheUnknownTypes(@TempDir Path tmp) {
    CliResult r = Fixtures.cli("run", SCENARIO.toString(), "--out", tmp.resolve("run").toString());
    assertEquals(2, r.exit(), r.err());
    assertEquals(
        java.util.List.of(
            "error: "
                + SCENARIO
                + ": venues[0].type: unknown venue type 'capped-perpetual'"
                + " (known: cdp, lending, perpetual)",
            "error: "
                + SCENARIO
                + ": agents[0].type: unknown agent type 'drawdown-traders' (known: "
                + String.join(
                    ", ",
                    org.marginfall.experiments.internal.scenario.Catalog.standard()
                        .populationTypes()
                        .names())
                + ")"),
        r.errLines());
  }

  @Test
  void test_plugin_thatIsMissing_isOneLine(@TempDir Path tmp) {
    Path missing = tmp.resolve("no-such.jar");
    CliResult r = Fixtures.cli("--plugin", missing.toString(), "validate", SCENARIO.toString());
    assertEquals(2, r.exit(), r.err());
    assertEquals(java.util.List.of("error: --plugin " + missing + ": no such file"), r.errLines());
  }

  @Test
  void test_plugin_aJarWithoutAPlugin_isOneLine(@TempDir Path tmp) throws IOException {
    Path src =
        Fixtures.write(
            Files.createDirectories(tmp.resolve("src/p")),
            "Nothing.java",
            "package p; class Nothing {}");
    Path empty = PluginJarBuilder.build(src.getParent(), null, tmp.resolve("w"), "empty.jar");
    CliResult r =
        Fixtures.cli(
            "--plugin",
            empty.toString(),
            "run",
            SCENARIO.toString(),
            "--out",
            tmp.resolve("run").toString());
    assertEquals(2, r.exit(), r.err());
    assertEquals(
        java.util.List.of(
            "error: --plugin "
                + empty
                + ": is a jar without a Marginfall plug-in (it has no "
                + PluginJars.SERVICE_FILE
                + ")"),
        r.errLines());
    assertFalse(tmp.resolve("run").toFile().exists());
  }

  @Test
  void test_plugin_thatReusesABuiltInName_namesBothPlugins(@TempDir Path tmp) throws IOException {
    Path src =
        Fixtures.write(
            Files.createDirectories(tmp.resolve("src/dup")),
            "Dup.java",
            "package dup;\n"
                + "public final class Dup implements org.marginfall.core.spec.MarginfallPlugin {\n"
                + "  public void contribute(org.marginfall.core.spec.Contributions to) {\n"
                + "    to.venueType(new org.marginfall.protocols.perp.PerpetualVenueType());\n"
                + "  }\n"
                + "}\n");
    Path services = tmp.resolve("res");
    Fixtures.write(
        Files.createDirectories(services.resolve("META-INF/services")),
        "org.marginfall.core.spec.MarginfallPlugin",
        "dup.Dup\n");
    Path dup = PluginJarBuilder.build(src.getParent(), services, tmp.resolve("w"), "dup.jar");
    CliResult r = Fixtures.cli("--plugin", dup.toString(), "validate", SCENARIO.toString());
    assertEquals(2, r.exit(), r.err());
    assertEquals(1, r.errLines().size(), r.err());
    String line = r.errLines().get(0);
    assertTrue(
        line.startsWith(
            "error: venue type 'perpetual' is registered twice: by"
                + " org.marginfall.protocols.BuiltInVenues ("),
        line);
    assertTrue(line.endsWith(" and by dup.Dup (dup.jar)"), line);
  }
}
