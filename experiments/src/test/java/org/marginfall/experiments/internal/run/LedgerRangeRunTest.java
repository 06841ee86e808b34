package org.marginfall.experiments.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.core.engine.LedgerRange;
import org.marginfall.core.engine.ModelSpec;
import org.marginfall.core.engine.Simulation;
import org.marginfall.experiments.internal.cli.Main;
import org.marginfall.experiments.internal.scenario.Catalog;
import org.marginfall.experiments.internal.scenario.ScenarioReader;

/**
 * Real token ranges end to end: a LUNA-sized supply (1.4e13 tokens, beyond the old fixed micro-unit
 * ledger's 2.3e12) and ETH counted in wei with dust amounts, both run audited.
 */
class LedgerRangeRunTest {

  private static final Path DIR =
      Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
          .resolve("src/test/resources/ledger-range");

  @TempDir Path tmp;

  private static ModelSpec model(String yaml) {
    return new ScenarioReader(Catalog.standard())
        .read(yaml.getBytes(StandardCharsets.UTF_8), false)
        .model();
  }

  private static LedgerRange.Supply supply(List<LedgerRange.Supply> census, String asset) {
    return census.stream()
        .filter(s -> s.asset().id().value().equals(asset))
        .findFirst()
        .orElseThrow();
  }

  private static String[] cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @Test
  void test_lunaSupply_countsAtTheFinestPrecisionThatFitsAndRunsAudited() throws Exception {
    ModelSpec m = model(Files.readString(DIR.resolve("luna-supply.yaml")));
    List<LedgerRange.Supply> census = Simulation.check(m, m.settings().seed());
    LedgerRange.Supply luna = supply(census, "LUNA");
    assertTrue(luna.units() > 1e13, "LUNA supply " + luna.units());
    // The supply and the world's value in LUNA (a bound of ~2.6e13 or more) fit 2^53 atoms.
    double bound = Math.max(luna.units(), luna.valueBound());
    assertTrue(bound * Math.pow(10, luna.asset().decimals()) <= 0x1p53, "bound " + bound);
    assertTrue(
        bound * Math.pow(10, luna.asset().decimals() + 1) > 0x1p53,
        "not the finest: " + luna.asset());
    assertEquals(6, supply(census, "USD").asset().decimals());
    Simulation.Outcome o = Simulation.run(m, m.settings().seed(), 0, true, List.of());
    assertEquals(m.settings().steps() + 1, o.auditedSteps());
  }

  @Test
  void test_lunaSupply_atADeclaredSixDecimalsIsRefusedWithTheAssetAndTheBound() throws Exception {
    String yaml =
        Files.readString(DIR.resolve("luna-supply.yaml"))
            .replace("  - id: LUNA\n", "  - id: LUNA\n    decimals: 6\n");
    Path file = tmp.resolve("luna6.yaml");
    Files.writeString(file, yaml);
    String[] validate = cli("validate", file.toString());
    assertEquals(Integer.toString(Main.BAD_INPUT), validate[0], validate[2]);
    List<String> lines = validate[2].lines().toList();
    assertEquals(1, lines.size(), validate[2]);
    assertTrue(
        lines.get(0).startsWith("error: assets[id=LUNA].decimals: at 6 decimals, the supply of 1."),
        lines.get(0));
    assertTrue(lines.get(0).contains("declare at most 2 decimals"), lines.get(0));
    // run refuses it the same way and writes nothing.
    Path out = tmp.resolve("out");
    String[] run = cli("run", file.toString(), "--out", out.toString(), "--no-report");
    assertEquals(Integer.toString(Main.BAD_INPUT), run[0], run[2]);
    assertEquals(lines.get(0), run[2].strip());
    assertFalse(Files.exists(out.resolve("summary.json")));
  }

  @Test
  void test_weiDust_runsAuditedAndKeepsAmountsFinerThanAMicroUnit() throws Exception {
    Path out = tmp.resolve("dust");
    String[] run =
        cli(
            "run",
            DIR.resolve("wei-dust.yaml").toString(),
            "--out",
            out.toString(),
            "--no-report",
            "--audit");
    assertEquals("0", run[0], run[2]);
    ObjectMapper json = new ObjectMapper();
    int finer = 0;
    int sales = 0;
    for (String line : Files.readAllLines(out.resolve("events.jsonl"))) {
      JsonNode e = json.readTree(line);
      if (e.get("type").asText().equals("collateral_sale")) {
        sales++;
        double eth = e.get("units").asDouble();
        // An amount counted in micro-ETH would be a whole number of 1e-6.
        if (Math.abs(eth * 1e6 - Math.rint(eth * 1e6)) > 1e-3) {
          finer++;
        }
      }
    }
    assertTrue(sales > 0, "the fall liquidates dust accounts whose ETH is sold");
    assertTrue(finer > sales / 2, finer + " of " + sales + " sales are finer than a micro-ETH");
  }
}
