package org.marginfall.experiments.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginfall.experiments.Fixtures.cli;
import static org.marginfall.experiments.Fixtures.minimalYaml;
import static org.marginfall.experiments.Fixtures.replaceOnce;
import static org.marginfall.experiments.Fixtures.write;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.experiments.Fixtures;
import org.marginfall.experiments.Fixtures.CliResult;
import org.marginfall.experiments.internal.scenario.Catalog;

/**
 * Bad input through the command line: every malformed scenario, flag or output directory exits with
 * 2 and prints one line per problem, "error: SOURCE: FIELD.PATH: MESSAGE", with no stack trace,
 * nothing on standard output and nothing written next to the run directory.
 *
 * <p>Each malformed scenario is the minimal valid one ({@code src/test/resources/minimal.yaml})
 * with one edit, so each shows exactly one problem.
 */
class BadInputTest {

  private static final int BAD_INPUT = 2;
  private static final String SCENARIO = "scenario.yaml";

  @TempDir Path tmp;

  /** The --out directory's parent: exists and is empty, and must stay empty. */
  private Path outParent;

  @BeforeEach
  void createOutParent() throws IOException {
    outParent = Files.createDirectory(tmp.resolve("out"));
  }

  @Test
  void test_validate_minimalScenarioIsValid() {
    // Guards every other test here: each edit below is the only thing wrong with its file.
    Path file = write(tmp, SCENARIO, minimalYaml());

    CliResult r = cli("validate", file.toString());

    assertEquals(0, r.exit(), r.err());
    assertEquals(
        file + ": valid (2 venues, 2 agent populations, 10 steps; decimals: USD 6, ETH 9, BTC 11)",
        r.out().strip());
    assertEquals("", r.err());
  }

  @Test
  void test_run_missingRequiredField() {
    Path file = write(tmp, SCENARIO, replaceOnce(minimalYaml(), "  steps: 10\n", ""));

    assertOneProblem(rejected(file), file + ": run.steps: ", "is required");
  }

  @Test
  void test_run_negativeInitialPrice() {
    Path file =
        write(
            tmp,
            SCENARIO,
            replaceOnce(minimalYaml(), "price: {initial: 2000,", "price: {initial: -5,"));

    assertOneProblem(rejected(file), file + ": assets[1].price.initial: ", "must be > 0", "-5");
  }

  @Test
  void test_run_maintenanceMarginAboveInitial() {
    // venues[0] sets initial 0.1 for both of its markets; maintenance 0.2 is above it. The venue
    // lists its markets by id, so they inherit the venue's margins: still one problem, not one
    // per market.
    String yaml =
        replaceOnce(
            minimalYaml(),
            "    initialMargin: 0.1\n    maintenanceMargin: 0.05\n    markets: [ETH, BTC]\n",
            "    initialMargin: 0.1\n    maintenanceMargin: 0.2\n    markets: [ETH, BTC]\n");
    Path file = write(tmp, SCENARIO, yaml);

    assertOneProblem(
        rejected(file),
        file + ": venues[0].maintenanceMargin: ",
        "must be below initialMargin",
        "0.1",
        "0.2");
  }

  @Test
  void test_run_unknownVenueTypeListsTheKnownOnes() {
    // The agents of venues[0] must not be told their venue is unknown: it is declared, just wrong.
    Path file =
        write(
            tmp,
            SCENARIO,
            replaceOnce(
                minimalYaml(),
                "  - id: perp\n    type: perpetual\n",
                "  - id: perp\n    type: perp2\n"));

    // The message lists every registered venue type, perpetual among them.
    String known = String.join(", ", Catalog.standard().venueTypes().names());
    assertTrue(known.contains("perpetual"), known);
    assertOneProblem(
        rejected(file),
        file + ": venues[0].type: ",
        "unknown venue type 'perp2'",
        "(known: " + known + ")");
  }

  @Test
  void test_run_malformedYamlNamesTheLine() {
    String yaml = replaceOnce(minimalYaml(), "\n  stepSeconds: 60\n", "\n stepSeconds: 60\n");
    int line = lineNumber(yaml, "stepSeconds: 60");
    Path file = write(tmp, SCENARIO, yaml);

    List<String> lines = rejected(file);

    assertOneProblem(lines, file + ": malformed YAML at line " + line + ",");
  }

  @Test
  void test_run_yamlNanAndInfinityNameTheField() {
    // YAML 1.1 spells the non-finite floats .nan, .inf and -.inf: the field holding one is named.
    for (String[] spelling :
        new String[][] {{".nan", "NaN"}, {".inf", "Infinity"}, {"-.inf", "-Infinity"}}) {
      Path file =
          write(
              tmp,
              SCENARIO,
              replaceOnce(minimalYaml(), "volatility: 0.5}", "volatility: " + spelling[0] + "}"));

      assertOneProblem(
          rejected(file),
          file + ": assets[1].price.volatility: ",
          "must be a finite number, was " + spelling[1]);
    }
  }

  @Test
  void test_run_duplicateKeyNamesTheFieldAndBothLines() {
    String yaml = replaceOnce(minimalYaml(), "  seed: 7\n", "  seed: 7\n  steps: 12\n");
    int first = lineNumber(yaml, "steps: 10");
    int second = lineNumber(yaml, "steps: 12");
    Path file = write(tmp, SCENARIO, yaml);

    assertOneProblem(
        rejected(file),
        file + ": run.steps: ",
        "is given more than once",
        "lines " + first + " and " + second);
  }

  @Test
  void test_run_fileThatIsNotUtf8SaysSoInPlainWords() throws IOException {
    // A Latin-1 'é' (0xE9) in the description of line 4, column 30, then an all-0xFF first byte.
    String yaml = replaceOnce(minimalYaml(), "one liquidator.", "one liquidator caf\u00e9.");
    byte[] latin1 = yaml.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    Path file = Files.write(tmp.resolve(SCENARIO), latin1);
    int line =
        lineNumber(
            yaml,
            "description: Two perpetual venues, one trader population and one liquidator caf\u00e9.");
    int column = yaml.lines().toList().get(line - 1).indexOf('\u00e9') + 1;

    assertOneProblem(
        rejected(file),
        file + ": the file is not UTF-8 text",
        "byte 0xE9 at line " + line + ", column " + column);

    byte[] binary = new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', ':', ' ', '1'};
    Files.write(file, binary);
    assertOneProblem(
        rejected(file), file + ": the file is not UTF-8 text", "byte 0xFF at line 1, column 1");
  }

  @Test
  void test_run_fileAboveTheSizeLimitIsRefusedBeforeItIsParsed() {
    // Over 2 MiB of comments, and a tab YAML refuses at the end: only the size is reported.
    String padding = ("# " + "x".repeat(98) + "\n").repeat(21_000);
    Path file = write(tmp, SCENARIO, minimalYaml() + padding + "\tbroken: true\n");
    long size = Fixtures.read(file).length();

    assertOneProblem(
        rejected(file),
        file + ": the file is " + String.format(java.util.Locale.ROOT, "%,d", size) + " bytes; ",
        "a scenario file may be at most 2,097,152 bytes (2 MiB)");
  }

  @Test
  void test_run_lineAboveTheValueLimitIsRefusedBeforeItIsParsed() {
    String yaml =
        replaceOnce(
            minimalYaml(),
            "description: Two perpetual venues, one trader population and one liquidator.\n",
            "description: " + "a".repeat(70_000) + "\n");
    Path file = write(tmp, SCENARIO, yaml);

    assertOneProblem(
        rejected(file),
        file + ": line 4 is 70,013 characters long; ",
        "a YAML line, like a value, may be at most 65,536 characters");
  }

  @Test
  void test_run_valueAboveTheLimitNamesTheField() {
    // 2,000 short lines of a block scalar: no line is long, the value is.
    String yaml =
        replaceOnce(
            minimalYaml(),
            "description: Two perpetual venues, one trader population and one liquidator.\n",
            "description: |\n" + ("  " + "b".repeat(49) + "\n").repeat(2_000));
    Path file = write(tmp, SCENARIO, yaml);

    assertOneProblem(
        rejected(file),
        file + ": description: is 100,000 characters long; ",
        "a value may be at most 65,536 characters");
  }

  @Test
  void test_run_secondYamlDocumentIsRefused() {
    // The parser would stop after the first document and validate it alone.
    String yaml = minimalYaml() + "---\nname: second\n";
    Path file = write(tmp, SCENARIO, yaml);
    int line = lineNumber(yaml, "---") + 1;

    assertOneProblem(
        rejected(file),
        file + ": the file holds a second YAML document from line " + line,
        "a scenario file holds exactly one");
  }

  @Test
  void test_run_numbersInJavaOnlySyntaxAreRefused() {
    // Hexadecimal floats, Java's type suffixes and padding read as numbers in Java, not in YAML.
    for (String text : List.of("\"0x1p3\"", "\"1d\"", "\" 7 \"")) {
      Path file =
          write(tmp, SCENARIO, replaceOnce(minimalYaml(), "  seed: 7\n", "  seed: " + text + "\n"));

      assertOneProblem(
          rejected(file),
          file + ": run.seed: ",
          "must be a whole number, was '" + text.replace("\"", "") + "'");
    }
    Path file =
        write(
            tmp,
            SCENARIO,
            replaceOnce(minimalYaml(), "  stepSeconds: 60\n", "  stepSeconds: \"60d\"\n"));
    assertOneProblem(rejected(file), file + ": run.stepSeconds: ", "must be a number, was '60d'");
  }

  @Test
  void test_run_namedPipeIsNotAScenarioFile() throws Exception {
    Path pipe = tmp.resolve("scenario.fifo");
    boolean made;
    try {
      made = new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor() == 0;
    } catch (IOException e) {
      made = false;
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(made, "mkfifo is needed to make a named pipe");

    assertOneProblem(
        rejected(pipe),
        pipe + ": is not a regular file (a named pipe, a device or a socket)",
        "give a scenario file");
  }

  @Test
  void test_run_unreadableFileSaysWhy() throws IOException {
    Path file = write(tmp, SCENARIO, minimalYaml());
    Files.setPosixFilePermissions(file, java.util.Set.of());
    // The superuser reads it anyway; SpecFilesTest covers the reason for everyone.
    org.junit.jupiter.api.Assumptions.assumeFalse(
        Files.isReadable(file), "running as a user who can read any file");

    assertOneProblem(rejected(file), file + ": cannot read the scenario file: permission denied");
  }

  @Test
  void test_run_unknownFieldListsTheKnownOnes() {
    Path file =
        write(
            tmp,
            SCENARIO,
            replaceOnce(minimalYaml(), "    insuranceFund: 1000\n", "    insuranceFnd: 1000\n"));

    assertOneProblem(
        rejected(file), file + ": venues[1].insuranceFnd: ", "unknown field", "insuranceFund");
  }

  @Test
  void test_run_unknownAssetReference() {
    Path file =
        write(
            tmp,
            SCENARIO,
            replaceOnce(
                minimalYaml(),
                "  - asset: ETH\n    startStep: 3\n",
                "  - asset: SOL\n    startStep: 3\n"));

    assertOneProblem(
        rejected(file), file + ": shocks[0].asset: ", "unknown asset 'SOL'", "USD, ETH, BTC");
  }

  @Test
  void test_run_duplicateVenueId() {
    Path file =
        write(tmp, SCENARIO, replaceOnce(minimalYaml(), "  - id: perp-iso\n", "  - id: perp\n"));

    assertOneProblem(rejected(file), file + ": venues[1].id: ", "duplicate venue id 'perp'");
  }

  @Test
  void test_run_shockChangeOfMinusOneWouldZeroThePrice() {
    Path file = write(tmp, SCENARIO, replaceOnce(minimalYaml(), "change: -0.2\n", "change: -1\n"));

    assertOneProblem(rejected(file), file + ": shocks[0].change: ", "must be above -1");
  }

  @Test
  void test_run_correlationMatrixNotPositiveDefinite() {
    // rho = 1 makes [[1, 1], [1, 1]], whose determinant 1 - rho^2 is 0: singular, not definite.
    Path file = write(tmp, SCENARIO, replaceOnce(minimalYaml(), "rho: 0.5}", "rho: 1.0}"));

    assertOneProblem(rejected(file), file + ": correlations: ", "not positive definite");
  }

  @Test
  void test_run_baseCurrencyMissingOrNotTheBaseAssetIsOneProblemAtItsField() {
    // Each used to end in "NullPointerException: collateralAsset" from the readers that default
    // their collateral to the base currency.
    String[][] cases = {
      {"baseCurrency: USD\n", "", "is required"},
      {"baseCurrency: USD\n", "baseCurrency: {}\n", "must be a single value"},
      {"baseCurrency: USD\n", "baseCurrency: perp\n", "unknown asset 'perp'"},
      {"baseCurrency: USD\n", "baseCurrency: ETH\n", "asset 'ETH' must be of kind base"},
    };
    for (String[] c : cases) {
      Path file = write(tmp, SCENARIO, replaceOnce(minimalYaml(), c[0], c[1]));
      assertOneProblem(rejected(file), file + ": baseCurrency: ", c[2]);
    }
  }

  @Test
  void test_run_hugeVenueIdIsOneShortProblem() {
    // A 100 kB venue id used to run the whole simulation and then fail writing the report. Its line
    // is now refused before parsing (a YAML line may hold at most 65,536 characters); an id that
    // fits a line is refused at its field.
    String id = "v".repeat(1_000);
    Path file =
        write(
            tmp,
            SCENARIO,
            replaceOnce(minimalYaml(), "  - id: perp-iso\n", "  - id: " + id + "\n"));

    List<String> lines = rejected(file);

    assertOneProblem(
        lines, file + ": venues[1].id: ", "at most 64 characters", "1000 characters long");
    assertTrue(lines.get(0).length() < 300, lines.get(0).length() + " characters");
  }

  @Test
  void test_run_numbersBeyondTheComputableRangeAreFieldProblems() {
    // Each of these passed validate and then failed in run with an exception (issue #17, item 16).
    String[][] cases = {
      {
        "collateral: 1000\n",
        "collateral: {dist: lognormal, median: 1.0e308, sigma: 1}\n",
        "agents[0].collateral.median: ",
        "at most 1e15 in magnitude"
      },
      {
        "insuranceFund: 1000\n",
        "insuranceFund: 1.0e308\n",
        "venues[1].insuranceFund: ",
        "at most 1e15"
      },
      {
        "    markets: [ETH, BTC]\n",
        "    markets: [ETH, BTC]\n    houseCapital: 1.0e308\n",
        "venues[0].houseCapital: ",
        "at most 1e15"
      },
      {
        "price: {initial: 2000, volatility: 0.5}",
        "price: {initial: 2000, volatility: 0.5, drift: 1.0e308}",
        "assets[1].price.drift: ",
        "at most 1e15"
      },
      {
        "price: {initial: 2000, volatility: 0.5}",
        "price: {initial: 2000, volatility: 0.5, drift: 11}",
        "assets[1].price.drift: ",
        "between -10 and 10"
      },
      {
        "price: {initial: 2000, volatility: 0.5}",
        "price: {initial: 2000, volatility: 1.8e308}",
        "assets[1].price.volatility: ",
        "finite"
      },
      {
        "price: {initial: 2000, volatility: 0.5}",
        "price: {initial: 2000, volatility: 12}",
        "assets[1].price.volatility: ",
        "at most 10"
      },
      {
        "price: {initial: 2000, volatility: 0.5}",
        "price: {initial: 1.0e308, volatility: 0.5}",
        "assets[1].price.initial: ",
        "at most 1e15"
      },
      {
        "price: {initial: 2000, volatility: 0.5}",
        "price: {initial: 1.0e12, volatility: 0.5}",
        "assets[1].price.initial: ",
        "between 1e-9 and 1e9"
      },
      {"change: -0.2\n", "change: 1.0e300\n", "shocks[0].change: ", "at most 1e15"},
      {"change: -0.2\n", "change: 5000\n", "shocks[0].change: ", "at most 1000"},
      {"stepSeconds: 60\n", "stepSeconds: 1.0e40\n", "run.stepSeconds: ", "at most 1e15"},
      {"stepSeconds: 60\n", "stepSeconds: 1.0e9\n", "run.stepSeconds: ", "at most 31536000"},
      {"steps: 10\n", "steps: 1000000000000\n", "run.steps: ", "at most 1000000"},
      {
        "collateral: 1000\n",
        "collateral: {dist: lognormal, median: 1000, sigma: 2147483648}\n",
        "agents[0].collateral.sigma: ",
        "at most 10"
      },
      {
        "collateral: 1000\n",
        "collateral: {dist: lognormal, median: 1000, sigma: 1.0e40}\n",
        "agents[0].collateral.sigma: ",
        "at most 1e15"
      },
      {
        "collateral: 1000\n",
        "collateral: {dist: lognormal, median: 1.0e-300, sigma: 1}\n",
        "agents[0].collateral.median: ",
        "at least 1e-12"
      },
      {
        "collateral: 1000\n",
        "collateral: {dist: lognormal, median: 1000, sigma: 5.0e-324}\n",
        "agents[0].collateral.sigma: ",
        "at least 1e-12"
      },
      {"depth: 1.0e8}", "depth: 1.0e308}", "markets[0].impact.depth: ", "at most 1e15"},
      {"depth: 1.0e8}", "depth: 0.5}", "markets[0].impact.depth: ", "at least 1"},
    };
    for (String[] c : cases) {
      Path file = write(tmp, SCENARIO, replaceOnce(minimalYaml(), c[0], c[1]));
      assertOneProblem(rejected(file), file + ": " + c[2], c[3]);
    }
  }

  @Test
  void test_run_jsonScenarioWithAnInvalidValue() throws IOException {
    ObjectNode tree = (ObjectNode) new YAMLMapper().readTree(minimalYaml());
    ((ObjectNode) tree.get("run")).put("steps", 0);
    Path file =
        write(
            tmp,
            "scenario.json",
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree));

    assertOneProblem(rejected(file), file + ": run.steps: ", "must be >= 1", "0");
  }

  @Test
  void test_run_stepsAboveTheBound() {
    // 10^9, 2^31 and 2^63 - 1 were accepted and ran for hours, days or forever.
    for (String steps : List.of("1000001", "1000000000", "2147483648", "9223372036854775807")) {
      Path file =
          write(
              tmp,
              SCENARIO,
              replaceOnce(minimalYaml(), "  steps: 10\n", "  steps: " + steps + "\n"));

      assertOneProblem(
          rejected(file),
          file + ": run.steps: ",
          "must be at most 1000000 (docs/scenarios.md: for a longer horizon, lengthen stepSeconds), was "
              + steps);
    }
  }

  @Test
  void test_run_malformedJsonNamesTheLine() throws IOException {
    ObjectNode tree = (ObjectNode) new YAMLMapper().readTree(minimalYaml());
    String json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    // A trailing comma after the last field of "run": the parser fails at the closing brace.
    String broken = replaceOnce(json, "\"seed\" : 7\n", "\"seed\" : 7,\n");
    int line = lineNumber(broken, "\"seed\" : 7,") + 1;
    Path file = write(tmp, "scenario.json", broken);

    assertOneProblem(rejected(file), file + ": malformed JSON at line " + line + ",");
  }

  @Test
  void test_run_emptyFile() {
    Path file = write(tmp, SCENARIO, "");

    assertOneProblem(rejected(file), file + ": the scenario file is empty");
  }

  @Test
  void test_run_fileOfOnlyCommentsIsEmpty() {
    Path file = write(tmp, SCENARIO, "# nothing yet\n");

    assertOneProblem(rejected(file), file + ": the scenario file is empty");
  }

  @Test
  void test_run_missingFile() {
    Path file = tmp.resolve("no-such-scenario.yaml");

    assertOneProblem(rejected(file), file + ": scenario file not found", "flash-crash");
  }

  @Test
  void test_run_directoryGivenAsScenario() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("scenarios"));

    assertOneProblem(rejected(dir), dir + ": is a directory, not a scenario file");
  }

  @Test
  void test_run_severalProblemsOneLineEachInFileOrder() {
    // Four independent mistakes, in this order in the file: run, assets[2], venues[1], and an
    // unknown top-level field at the very end (which the reader finds first of all).
    String yaml = replaceOnce(minimalYaml(), "  seed: 7\n", "  seed: seven\n");
    yaml = replaceOnce(yaml, "price: {initial: 50000,", "price: {initial: 0,");
    yaml = replaceOnce(yaml, "    marginMode: isolated\n", "    marginMode: isolatd\n");
    yaml = yaml + "sweeps: []\n";
    Path file = write(tmp, SCENARIO, yaml);

    List<String> lines = rejected(file);

    assertEquals(4, lines.size(), String.join("\n", lines));
    assertTrue(
        lines.get(0).startsWith("error: " + file + ": run.seed: must be a whole number"),
        lines.get(0));
    assertTrue(
        lines.get(1).startsWith("error: " + file + ": assets[2].price.initial: must be > 0"),
        lines.get(1));
    assertTrue(
        lines
            .get(2)
            .startsWith("error: " + file + ": venues[1].marginMode: unknown margin mode 'isolatd'"),
        lines.get(2));
    assertTrue(lines.get(3).startsWith("error: " + file + ": sweeps: unknown field"), lines.get(3));
  }

  @Test
  void test_run_misspeltFlagSuggestsTheRightOne() {
    Path file = write(tmp, SCENARIO, minimalYaml());

    CliResult r =
        cli("run", file.toString(), "--out", outParent.resolve("run").toString(), "--sed", "5");

    assertEquals(BAD_INPUT, r.exit());
    assertEquals("", r.out());
    assertNoStackTrace(r.err());
    List<String> lines = r.errLines();
    assertEquals(1, lines.size(), r.err());
    assertTrue(lines.get(0).startsWith("error: "), lines.get(0));
    assertTrue(lines.get(0).contains("'--sed'"), lines.get(0));
    assertTrue(lines.get(0).contains("did you mean --seed?"), lines.get(0));
    assertNothingWritten();
  }

  @Test
  void test_run_earlierRunDirectoryNeedsForce() {
    Path file = write(tmp, SCENARIO, minimalYaml());
    Path out = outParent.resolve("run");
    assertEquals(0, cli("run", file.toString(), "--out", out.toString(), "--no-report").exit());
    String manifest = Fixtures.read(out.resolve("manifest.json"));

    CliResult r = cli("run", file.toString(), "--out", out.toString());

    assertEquals(BAD_INPUT, r.exit());
    assertEquals("", r.out());
    assertNoStackTrace(r.err());
    assertEquals(
        List.of("error: --out " + out + ": exists and is not empty (use --force to replace it)"),
        r.errLines());
    // Untouched, and no hidden sibling was left behind.
    assertEquals(List.of(out), list(outParent));
    assertEquals(manifest, Fixtures.read(out.resolve("manifest.json")));
  }

  @Test
  void test_run_directoryOfOtherFilesIsRefusedEvenWithForce() throws IOException {
    Path file = write(tmp, SCENARIO, minimalYaml());
    Path out = Files.createDirectory(outParent.resolve("thesis"));
    Path thesis = write(out, "thesis.tex", "\\documentclass{book}");

    for (List<String> force : List.of(List.<String>of(), List.of("--force"))) {
      List<String> args = new ArrayList<>(List.of("run", file.toString(), "--out", out.toString()));
      args.addAll(force);

      CliResult r = cli(args.toArray(String[]::new));

      assertEquals(BAD_INPUT, r.exit(), args + ": " + r.err());
      assertEquals("", r.out());
      assertNoStackTrace(r.err());
      assertEquals(
          List.of(
              "error: --out "
                  + out
                  + ": holds files that are not a Marginfall output (no manifest.json"
                  + " of an earlier run or sweep); --force replaces only such an output or an empty directory, so choose"
                  + " another --out"),
          r.errLines(),
          args.toString());
      assertEquals(List.of(out), list(outParent), "no hidden sibling either");
      assertEquals(List.of(thesis), list(out));
      assertEquals("\\documentclass{book}", Fixtures.read(thesis));
    }
  }

  @Test
  void test_run_fileIsRefusedEvenWithForce() {
    Path file = write(tmp, SCENARIO, minimalYaml());
    Path out = write(outParent, "notes.txt", "not a run directory");

    CliResult r = cli("run", file.toString(), "--out", out.toString(), "--force");

    assertEquals(BAD_INPUT, r.exit(), r.err());
    assertEquals("", r.out());
    assertEquals(List.of("error: --out " + out + ": is a file, not a directory"), r.errLines());
    assertEquals(List.of(out), list(outParent));
    assertEquals("not a run directory", Fixtures.read(out));
  }

  @Test
  void test_run_outBelowAFileIsBadInput() {
    Path file = write(tmp, SCENARIO, minimalYaml());
    Path notADirectory = write(outParent, "notes.txt", "not a directory");
    Path out = notADirectory.resolve("runs").resolve("run");

    CliResult r = cli("run", file.toString(), "--out", out.toString());

    assertEquals(BAD_INPUT, r.exit(), r.err());
    assertEquals("", r.out());
    assertNoStackTrace(r.err());
    assertEquals(
        List.of(
            "error: --out "
                + out
                + ": cannot be created: "
                + notADirectory
                + " is a file, not a directory"),
        r.errLines());
    assertEquals(List.of(notADirectory), list(outParent));
    assertEquals("not a directory", Fixtures.read(notADirectory));
  }

  @Test
  void test_run_forceReplacesAnEarlierRunDirectory() {
    Path file = write(tmp, SCENARIO, minimalYaml());
    Path out = outParent.resolve("run");
    assertEquals(0, cli("run", file.toString(), "--out", out.toString(), "--no-report").exit());
    // Only a Marginfall output may be replaced, and then all of it goes.
    Path added = write(out, "notes.txt", "written into the earlier run directory");

    CliResult r = cli("run", file.toString(), "--out", out.toString(), "--force", "--no-report");

    assertEquals(0, r.exit(), r.err());
    assertEquals(List.of(out), list(outParent));
    assertFalse(Files.exists(added));
    assertTrue(Files.isRegularFile(out.resolve("summary.json")));
  }

  @Test
  void test_run_forceWritesIntoAnEmptyDirectory() throws IOException {
    Path file = write(tmp, SCENARIO, minimalYaml());
    Path out = Files.createDirectory(outParent.resolve("run"));

    CliResult r = cli("run", file.toString(), "--out", out.toString(), "--force", "--no-report");

    assertEquals(0, r.exit(), r.err());
    assertTrue(Files.isRegularFile(out.resolve("summary.json")));
  }

  @Test
  void test_everyCommand_emptyOrBlankOutIsBadInput() {
    // An empty --out used to mean the working directory (which --force then replaced). The value
    // is refused while the flags are read, before any file is opened, so the other arguments need
    // not exist.
    Path file = write(tmp, SCENARIO, minimalYaml());
    List<List<String>> commands =
        List.of(
            List.of("run", file.toString()),
            List.of("sweep", tmp.resolve("sweep.yaml").toString()),
            List.of("merge", tmp.resolve("s0").toString()),
            List.of("network", tmp.resolve("network.json").toString(), "--method", "debtrank"));
    for (List<String> command : commands) {
      for (String blank : List.of("", "  ")) {
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of("--out", blank));

        CliResult r = cli(args.toArray(String[]::new));

        assertEquals(BAD_INPUT, r.exit(), args + ": " + r.err());
        assertEquals("", r.out(), args.toString());
        assertNoStackTrace(r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(
            r.errLines()
                .get(0)
                .startsWith("error: Invalid value for option '--out': must not be empty or blank"),
            args + ": " + r.errLines().get(0));
      }
    }
    assertNothingWritten();
  }

  /**
   * Runs {@code run FILE --out OUT} and {@code validate FILE}; both must reject the file with the
   * same lines, exit 2, print nothing on standard output and write nothing.
   *
   * @return the lines on standard error
   */
  private List<String> rejected(Path scenario) {
    CliResult run =
        cli("run", scenario.toString(), "--out", outParent.resolve("run").toString(), "--audit");
    assertEquals(BAD_INPUT, run.exit(), run.err());
    assertEquals("", run.out());
    assertNoStackTrace(run.err());
    assertNothingWritten();

    CliResult validate = cli("validate", scenario.toString());
    assertEquals(BAD_INPUT, validate.exit(), validate.err());
    assertEquals("", validate.out());
    assertEquals(run.err(), validate.err());

    List<String> lines = run.errLines();
    assertFalse(lines.isEmpty());
    for (String line : lines) {
      assertTrue(line.startsWith("error: "), line);
    }
    return lines;
  }

  /** Exactly one line, starting with "error: " + {@code prefix} and containing each key word. */
  private static void assertOneProblem(List<String> lines, String prefix, String... keyWords) {
    assertEquals(1, lines.size(), "expected one problem, got:\n" + String.join("\n", lines));
    String line = lines.get(0);
    assertTrue(
        line.startsWith("error: " + prefix), "expected 'error: " + prefix + "...', got: " + line);
    for (String k : keyWords) {
      assertTrue(
          line.substring(("error: " + prefix).length()).contains(k),
          "'" + k + "' missing from: " + line);
    }
  }

  /**
   * The number, counted from 1, of the only line of {@code text} that is {@code content} once
   * stripped.
   */
  private static int lineNumber(String text, String content) {
    List<String> lines = text.lines().toList();
    List<Integer> found = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals(content)) {
        found.add(i + 1);
      }
    }
    assertEquals(1, found.size(), "lines holding " + content + ": " + found);
    return found.get(0);
  }

  private static void assertNoStackTrace(String err) {
    assertFalse(err.contains("Exception"), err);
    assertFalse(err.contains("at org."), err);
    assertFalse(err.contains("\tat "), err);
  }

  private void assertNothingWritten() {
    assertEquals(List.of(), list(outParent), "no run directory and no hidden .tmp- directory");
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
