package org.marginfall.experiments.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginfall.experiments.Fixtures.cli;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginfall.experiments.Fixtures;
import org.marginfall.experiments.Fixtures.CliResult;
import org.marginfall.experiments.internal.scenario.ScenarioSource;

/** The commands that succeed without running a model: validate, scenarios, --version. */
class CommandsTest {

  @Test
  void test_validate_exampleIsValid() {
    String example = Fixtures.example().toString();

    CliResult r = cli("validate", example);

    assertEquals(0, r.exit(), r.err());
    assertEquals(
        example
            + ": valid (2 venues, 4 agent populations, 120 steps; decimals: USD 6, ETH 10, BTC 11)",
        r.out().strip());
    assertEquals("", r.err());
  }

  @Test
  void test_validate_bundledScenarioByName() {
    CliResult r = cli("validate", "flash-crash");

    assertEquals(0, r.exit(), r.err());
    assertEquals(
        "bundled:flash-crash: valid (2 venues, 4 agent populations, 120 steps; decimals: USD 6, ETH 10, BTC 11)",
        r.out().strip());
  }

  @Test
  void test_scenarios_listsTheExampleWithItsDescription() throws IOException {
    // The description as the YAML parser reads it (a folded block: one line).
    String description =
        new YAMLMapper()
            .readTree(Fixtures.example().toFile())
            .get("description")
            .asText()
            .strip()
            .lines()
            .findFirst()
            .orElseThrow();

    CliResult r = cli("scenarios");

    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.err());
    // One line per bundled example (every examples/*.yaml), in name order; flash-crash is among
    // them.
    List<String> lines = r.out().lines().toList();
    assertEquals(ScenarioSource.bundledNames().size(), lines.size(), r.out());
    String flashCrash =
        lines.stream()
            .filter(l -> l.startsWith("flash-crash "))
            .findFirst()
            .orElseThrow(() -> new AssertionError(r.out()));
    String[] nameAndDescription = flashCrash.split("\\s+", 2);
    assertEquals("flash-crash", nameAndDescription[0]);
    assertEquals(description, nameAndDescription[1]);
    assertTrue(description.startsWith("A 30% ETH crash"), description);
  }

  @Test
  void test_presets_verboseCitesOnlySourcesUsersCanRead() {
    // Every source line names a public document (a venue's docs, a forum post, a contract file),
    // never
    // the project's private notes (shared/..., design.md, "venues.md 5.1") nor a code host.
    CliResult r = cli("presets", "--verbose");

    assertEquals(0, r.exit(), r.err());
    List<String> sources = r.out().lines().filter(l -> l.strip().startsWith("source: ")).toList();
    assertTrue(sources.size() >= 5, r.out());
    for (String line : r.out().lines().toList()) {
      assertTrue(
          !line.contains("shared/")
              && !line.contains("design.md")
              && !line.matches(".*venues\\.md [0-9].*"),
          line);
      assertTrue(!line.toLowerCase(java.util.Locale.ROOT).contains("github"), line);
    }
  }

  @Test
  void test_version_namesTheSoftware() {
    CliResult r = cli("--version");

    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("marginfall "), r.out());
  }

  @Test
  void test_main_withoutCommandIsBadInput() {
    CliResult r = cli();

    assertEquals(2, r.exit());
    assertEquals("", r.out());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.errLines().get(0).startsWith("error: a command is required"), r.err());
  }
}
