package org.marginfall.experiments.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginfall.experiments.Fixtures.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.experiments.Fixtures.CliResult;

/**
 * {@code marginfall network} on the shipped example networks (examples/networks, the worked
 * examples of docs/contagion.md) and on malformed files and flags (exit 2, one line per problem
 * with its field path).
 */
class NetworkCommandTest {

  @TempDir Path tmp;

  private static String example(String name) {
    Path moduleDir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    Path file = moduleDir.resolve("../examples/networks/" + name).toAbsolutePath().normalize();
    assertTrue(Files.isRegularFile(file), "missing example " + file);
    return file.toString();
  }

  /** The whitespace-separated cells of the table row whose first cell is {@code first}. */
  private static List<String> row(String out, String first) {
    return out.lines()
        .map(l -> Arrays.asList(l.trim().split("\\s+")))
        .filter(cells -> cells.get(0).equals(first))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + first + " in\n" + out));
  }

  /**
   * Each bundled network file and the methods it is for; a new file must be added here and to the
   * docs.
   */
  private static final Map<String, List<String>> METHODS =
      new TreeMap<>(
          Map.of(
              "chain.json", List.of("eisenberg-noe", "debtrank"),
              "circular.json", List.of("eisenberg-noe"),
              "dr-1.json", List.of("debtrank"),
              "en-1.json", List.of("eisenberg-noe"),
              "en-2.json", List.of("eisenberg-noe"),
              "en-3.json", List.of("eisenberg-noe"),
              "en-6.json", List.of("eisenberg-noe"),
              "rv-1.json", List.of("eisenberg-noe")));

  @Test
  void test_examples_everyFileRunsWithItsMethodsAndTheDocsSayWhich() throws IOException {
    Path dir = Path.of(example("en-1.json")).getParent();
    List<String> files;
    try (Stream<Path> s = Files.list(dir)) {
      files =
          s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
    }
    assertEquals(List.copyOf(METHODS.keySet()), files);
    String docs = Files.readString(dir.resolve("../../docs/contagion.md").normalize());
    for (String file : files) {
      for (String method : METHODS.get(file)) {
        CliResult r = cli("network", example(file), "--method", method);
        assertEquals(0, r.exit(), file + " --method " + method + ": " + r.err());
        String docRow =
            docs.lines().filter(l -> l.startsWith("| `" + file + "` |")).findFirst().orElse("");
        assertTrue(
            docRow.contains("--method " + method),
            "docs/contagion.md's Examples table, " + file + " and " + method + ": " + docRow);
      }
      if (!METHODS.get(file).contains("debtrank")) {
        // A clearing input gets one line saying what it is and what to do, not one per node.
        CliResult r = cli("network", example(file), "--method", "debtrank");
        assertEquals(2, r.exit(), r.out());
        assertEquals(
            List.of(
                "error: "
                    + example(file)
                    + ": nodes: no node has an equity, which debtrank needs: this file is a"
                    + " clearing input, so run it with --method eisenberg-noe, or give every node with interbank assets an equity > 0"
                    + " (docs/contagion.md, Network file format)"),
            r.err().lines().toList());
      }
    }
  }

  @Test
  void test_network_chainWithBothMethods() {
    // Clearing: A pays 5 (round 1), B pays 13 of 15 (round 2), C is paid 26/3 and keeps 38/3.
    CliResult en = cli("network", example("chain.json"), "--method", "eisenberg-noe");
    assertEquals(0, en.exit(), en.err());
    assertEquals(
        List.of("A", "10.000000", "5.000000", "0.500000", "-5.000000", "round", "1"),
        row(en.out(), "A"));
    assertEquals(
        List.of("B", "15.000000", "13.000000", "0.866667", "-2.000000", "round", "2"),
        row(en.out(), "B"));
    assertEquals(
        List.of("C", "5.000000", "5.000000", "1.000000", "12.666667", "-"), row(en.out(), "C"));
    // DebtRank: B defaults, C's stress 10/14, R = (18 + 19 * 10/14) / 52.
    CliResult dr = cli("network", example("chain.json"), "--method", "debtrank");
    assertEquals(0, dr.exit(), dr.err());
    assertEquals(
        List.of(
            "A",
            "loses",
            "10",
            String.format(java.util.Locale.ROOT, "%.7f", (18 + 19 * 10.0 / 14) / 52),
            "1",
            "1.000000",
            "1.000000",
            "0.714286"),
        row(dr.out(), "A"));
  }

  @Test
  void test_network_longIdsAndLargeAmountsKeepTheirColumns() {
    // A run's network.json: venue ids longer than the old 12-character column, amounts above 1e9.
    Path file =
        write(
            "venues.json",
            """
        {"nodes": [{"id": "perp-isolated", "externalAssets": 1025892611.918517, "externalLiabilities": 1000000000, "equity": 2.5e7, "value": 1025892611.918517},
                   {"id": "lend", "externalAssets": 5, "equity": 1, "value": 5}],
         "liabilities": [{"from": "perp-isolated", "to": "lend", "amount": 3}, {"from": "lend", "to": "perp-isolated", "amount": 2}]}
        """);
    for (String method : List.of("eisenberg-noe", "debtrank")) {
      CliResult r = cli("network", file.toString(), "--method", method);
      assertEquals(0, r.exit(), r.err());
      List<String> table = r.out().lines().skip(1).filter(l -> !l.startsWith("defaults:")).toList();
      // Every column is right-aligned to its header, so each line is as long as the header, and
      // cells
      // are at least two spaces apart (a single space only inside "net worth", "round 1", "x
      // defaults").
      int columns = table.get(0).split(" {2,}").length;
      for (String line : table) {
        assertEquals(table.get(0).length(), line.length(), method + "\n" + r.out());
        assertEquals(columns, line.split(" {2,}").length, method + "\n" + r.out());
      }
    }
    CliResult en = cli("network", file.toString(), "--method", "eisenberg-noe");
    assertEquals(
        List.of(
            "perp-isolated",
            "1000000003.000000",
            "1000000003.000000",
            "1.000000",
            "25892610.918517",
            "-"),
        row(en.out(), "perp-isolated"));
  }

  @Test
  void test_network_en1Table() {
    // EN-1: p* = (0.8, 9.5, 8.4), bank 2 defaults in round 1 with net worth −3 (recovery 9.5/12.5 =
    // 0.76).
    CliResult r = cli("network", example("en-1.json"), "--method", "eisenberg-noe");
    assertEquals(0, r.exit(), r.err());
    assertEquals(
        List.of("1", "0.800000", "0.800000", "1.000000", "1.720000", "-"), row(r.out(), "1"));
    assertEquals(
        List.of("2", "12.500000", "9.500000", "0.760000", "-3.000000", "round", "1"),
        row(r.out(), "2"));
    assertEquals(
        List.of("3", "8.400000", "8.400000", "1.000000", "1.280000", "-"), row(r.out(), "3"));
  }

  @Test
  void test_network_en6BothTreatments() {
    // Senior: p = (3, 3, 2), bank 2 exactly at net worth 0 and solvent. Pari passu: p = (20, 21,
    // 10).
    CliResult senior =
        cli("network", example("en-6.json"), "--method", "eisenberg-noe", "--external", "senior");
    assertEquals(0, senior.exit(), senior.err());
    assertEquals(
        List.of("2", "3.000000", "3.000000", "1.000000", "0.000000", "-"), row(senior.out(), "2"));
    assertEquals("3.000000", row(senior.out(), "1").get(2));
    CliResult pari =
        cli(
            "network",
            example("en-6.json"),
            "--method",
            "eisenberg-noe",
            "--external",
            "pari-passu");
    assertEquals(0, pari.exit(), pari.err());
    assertEquals("20.000000", row(pari.out(), "1").get(2));
    assertEquals("0.809524", row(pari.out(), "2").get(4));
  }

  @Test
  void test_network_rogersVeraartCircular() {
    // RV-2: all default; odd banks pay 4/15 = 0.266667, even banks 8/15 = 0.533333.
    CliResult r =
        cli(
            "network",
            example("circular.json"),
            "--method",
            "eisenberg-noe",
            "--alpha",
            "0.5",
            "--beta",
            "0.5");
    assertEquals(0, r.exit(), r.err());
    assertEquals(List.of("1", "2.000000", "0.266667"), row(r.out(), "1").subList(0, 3));
    assertEquals(List.of("2", "3.000000", "0.533333"), row(r.out(), "2").subList(0, 3));
    assertTrue(r.out().contains("defaults: 6 [1, 2, 3, 4, 5, 6]; rounds: 2"), r.out());
  }

  @Test
  void test_network_en3AndRv1Examples() {
    // EN-3: p* = (165/112, 159/112, 1.5) = (1.473214, 1.419643, 1.5); bank 1 round 1, bank 2 round
    // 2.
    CliResult en3 = cli("network", example("en-3.json"), "--method", "eisenberg-noe");
    assertEquals(0, en3.exit(), en3.err());
    assertEquals(List.of("1", "2.500000", "1.473214"), row(en3.out(), "1").subList(0, 3));
    assertEquals(List.of("2", "1.500000", "1.419643"), row(en3.out(), "2").subList(0, 3));
    assertTrue(en3.out().contains("defaults: 2 [1, 2]; rounds: 2"), en3.out());
    // RV-1 with α = β = ½: Λ* = (2, 2.2), nobody defaults.
    CliResult rv1 =
        cli(
            "network",
            example("rv-1.json"),
            "--method",
            "eisenberg-noe",
            "--alpha",
            "0.5",
            "--beta",
            "0.5");
    assertEquals(0, rv1.exit(), rv1.err());
    assertEquals("2.200000", row(rv1.out(), "2").get(2));
    assertTrue(rv1.out().contains("defaults: 0 []; rounds: 0"), rv1.out());
  }

  @Test
  void test_network_debtRankVariantsOnCDefaults() {
    // DR-1 "c defaults": 93/140, 103/140, 0.75, 60/140 for the four variants; default is
    // bardoscia2015.
    assertEquals(
        "0.7500000",
        row(cli("network", example("dr-1.json"), "--method", "debtrank").out(), "c").get(2));
    String[][] expected = {
      {"battiston2012", "0.6642857"},
      {"single-hit-uncapped", "0.7357143"},
      {"bardoscia2015", "0.7500000"},
      {"threshold", "0.4285714"}
    };
    for (String[] e : expected) {
      CliResult r = cli("network", example("dr-1.json"), "--method", "debtrank", "--variant", e[0]);
      assertEquals(0, r.exit(), r.err());
      assertTrue(r.out().startsWith("DebtRank, variant " + e[0]), r.out());
      assertEquals(e[1], row(r.out(), "c").get(2), e[0]);
    }
  }

  @Test
  void test_network_debtRankWithoutShocksRanksEachNode() {
    Path file =
        write(
            "noshock.json",
            """
        {"nodes": [{"id": "a", "equity": 2, "value": 10}, {"id": "b", "equity": 5, "value": 100}, {"id": "c", "equity": 2, "value": 30}],
         "liabilities": [{"from": "b", "to": "a", "amount": 1}, {"from": "a", "to": "b", "amount": 10}, {"from": "c", "to": "b", "amount": 3},
                         {"from": "a", "to": "c", "amount": 3}, {"from": "b", "to": "c", "amount": 2}]}
        """);
    CliResult r =
        cli("network", file.toString(), "--method", "debtrank", "--variant", "battiston2012");
    assertEquals(0, r.exit(), r.err());
    // README @ 4b5c0af9: a 0.9285714 (2 defaults), b 0.25 (1), c 0.6642857 (0).
    assertEquals(List.of("a", "defaults", "0.9285714", "2"), row(r.out(), "a").subList(0, 4));
    assertEquals(List.of("b", "defaults", "0.2500000", "1"), row(r.out(), "b").subList(0, 4));
    assertEquals(List.of("c", "defaults", "0.6642857", "0"), row(r.out(), "c").subList(0, 4));
  }

  @Test
  void test_network_jsonOutputIsDeterministic() throws IOException {
    Path a = tmp.resolve("a.json");
    Path b = tmp.resolve("b.json");
    assertEquals(
        0,
        cli("network", example("en-2.json"), "--method", "eisenberg-noe", "--out", a.toString())
            .exit());
    assertEquals(
        0,
        cli("network", example("en-2.json"), "--method", "eisenberg-noe", "--out", b.toString())
            .exit());
    assertEquals(Files.readString(a), Files.readString(b));
    JsonNode json = new ObjectMapper().readTree(a.toFile());
    // EN-2: p2 = 0.9/0.16 = 5.625, p3 = 5.525; rounds 1 and 2; iterates p̄, (0.8, 8.5, 8.4), p*.
    assertEquals(5.625, json.get("nodes").get(1).get("payment").asDouble(), 1e-9);
    assertEquals(5.525, json.get("nodes").get(2).get("payment").asDouble(), 1e-9);
    assertEquals(2, json.get("nodes").get(2).get("defaultRound").asInt());
    assertEquals(8.5, json.get("iterates").get(1).get(1).asDouble(), 1e-9);
    assertEquals(3, json.get("iterates").size());

    Path d = tmp.resolve("d.json");
    assertEquals(
        0,
        cli(
                "network",
                example("dr-1.json"),
                "--method",
                "debtrank",
                "--variant",
                "threshold",
                "--out",
                d.toString())
            .exit());
    JsonNode dr = new ObjectMapper().readTree(d.toFile());
    assertEquals("c defaults", dr.get("shocks").get(2).get("name").asText());
    assertEquals(60.0 / 140, dr.get("shocks").get(2).get("debtRank").asDouble(), 1e-12);
  }

  private Path write(String name, String content) {
    try {
      return Files.writeString(tmp.resolve(name), content);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void test_network_badFileReportsEveryProblemWithItsPath() {
    Path file =
        write(
            "bad.json",
            """
        {"nodes": [{"id": "A", "externalAssets": -1}, {"id": "A"}, {"id": "B", "colour": "red"}],
         "liabilities": [{"from": "A", "to": "Z", "amount": 1}, {"from": "B", "to": "A", "amount": 0},
                         {"from": "B", "to": "B", "amount": 2}]}
        """);
    CliResult r = cli("network", file.toString(), "--method", "eisenberg-noe");
    assertEquals(2, r.exit());
    assertEquals("", r.out());
    assertEquals(
        List.of(
            "error: "
                + file
                + ": nodes[0].externalAssets: must be a number between 0 and 1e15, was -1 (line 1)",
            "error: " + file + ": nodes[1].id: duplicate id A (also nodes[0]) (line 1)",
            "error: "
                + file
                + ": nodes[2].colour: unknown field (allowed: equity, externalAssets, externalLiabilities, id, value) (line 1)",
            "error: " + file + ": liabilities[1].amount: must be > 0, was 0.0 (line 2)"),
        r.err().lines().toList());
  }

  @Test
  void test_network_badReferencesAndShocks() {
    Path file =
        write(
            "bad.json",
            """
        {"nodes": [{"id": "A", "equity": 1}, {"id": "B", "equity": 0}],
         "liabilities": [{"from": "A", "to": "Z", "amount": 1}, {"from": "A", "to": "B", "amount": 1},
                         {"from": "A", "to": "B", "amount": 2}, {"from": "B", "to": "B", "amount": 2}],
         "shocks": [{"name": "s", "stress": {"A": 1.5, "Q": 1}}]}
        """);
    CliResult r = cli("network", file.toString(), "--method", "debtrank");
    assertEquals(2, r.exit());
    assertEquals(
        List.of(
            "error: " + file + ": liabilities[0].to: unknown node Z (line 2)",
            "error: " + file + ": liabilities[2]: duplicate of liabilities[1] (A -> B) (line 3)",
            "error: " + file + ": liabilities[3].to: a node cannot owe itself (B) (line 3)",
            "error: "
                + file
                + ": shocks[0].stress.A: must be a number between 0 and 1, was 1.5 (line 4)",
            "error: " + file + ": shocks[0].stress.Q: unknown node Q (line 4)",
            "error: "
                + file
                + ": nodes[1].equity: must be > 0 for debtrank, since B has interbank assets; was 0.0 (line 1)"),
        r.err().lines().toList());
  }

  @Test
  void test_network_badJsonAndMissingFile() {
    Path file = write("broken.json", "{\"nodes\": [");
    CliResult r = cli("network", file.toString(), "--method", "debtrank");
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith("error: " + file + ": not valid JSON: "), r.err());
    assertEquals(1, r.err().lines().count());
    CliResult missing = cli("network", tmp.resolve("none.json").toString(), "--method", "debtrank");
    assertEquals(2, missing.exit());
    assertEquals(
        "error: " + tmp.resolve("none.json") + ": cannot read the file (NoSuchFileException)",
        missing.err().strip());
  }

  @Test
  void test_network_duplicateKeyNamesTheField() {
    // A JSON parser keeps the last of two equal keys: bank B's assets would silently be 5.
    Path file =
        write(
            "dup.json",
            """
        {"nodes": [{"id": "A", "externalAssets": 1},
                   {"id": "B", "externalAssets": 1, "externalAssets": 5}],
         "liabilities": [{"from": "A", "to": "B", "amount": 1}]}
        """);
    CliResult r = cli("network", file.toString(), "--method", "eisenberg-noe");
    assertEquals(2, r.exit());
    assertEquals("", r.out());
    assertEquals(
        List.of(
            "error: "
                + file
                + ": nodes[1].externalAssets: is given more than once (again at line 2); give it once"),
        r.err().lines().toList());
  }

  @Test
  void test_network_fileThatIsNotUtf8SaysSoInPlainWords() throws IOException {
    Path file =
        Files.write(
            tmp.resolve("latin1.json"),
            "{\"description\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
    CliResult r = cli("network", file.toString(), "--method", "eisenberg-noe");
    assertEquals(2, r.exit());
    assertEquals(
        List.of(
            "error: "
                + file
                + ": the file is not UTF-8 text (byte 0xE9 at line 1, column 21); save it as UTF-8"),
        r.err().lines().toList());
  }

  @Test
  void test_network_badFlags() {
    CliResult r =
        cli(
            "network",
            example("en-1.json"),
            "--method",
            "eisenberg-noe",
            "--variant",
            "threshold",
            "--alpha",
            "1.5",
            "--external",
            "junior");
    assertEquals(2, r.exit());
    assertEquals(
        List.of(
            "error: --variant: applies only to --method debtrank",
            "error: --external: must be senior or pari-passu, was junior",
            "error: --alpha: must be between 0 and 1, was 1.5"),
        r.err().lines().toList());
    CliResult method = cli("network", example("en-1.json"), "--method", "furfine");
    assertEquals(2, method.exit());
    assertEquals(
        "error: --method: must be debtrank or eisenberg-noe, was furfine", method.err().strip());
    assertEquals(2, cli("network", example("en-1.json")).exit());
  }
}
