package org.marginfall.experiments.internal.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginfall.experiments.Fixtures.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.experiments.Fixtures.CliResult;
import org.marginfall.experiments.MutatedScenario;
import org.marginfall.experiments.internal.scenario.ScenarioSource;

/**
 * Generated bad input (issue #17): the bundled examples, cut to a few steps and agents, each with
 * one field deleted or set to a value of the wrong shape or beyond any computable range. Whatever
 * the change, {@code validate} and {@code run} end with exit 0 or 2, never 1; an error is one line
 * per problem, {@code error: ...}, with no stack trace, no Java exception name and no atoms; a file
 * {@code validate} accepts runs, or stops at a named step. Fixed seed: the same cases every time.
 * {@code mvn verify} runs {@value #DEFAULT_CASES} cases; the full-scale corpus runs with {@code
 * -Pfuzz} (2,000 cases) or {@code -Dmarginfall.fuzz.cases=N} (README, "Two commands").
 */
class MutatedScenariosTest {

  private static final long SEED = 17;
  private static final int DEFAULT_CASES = 48;

  /** The number of cases: {@code marginfall.fuzz.cases} when set (the fuzz profile), else 48. */
  private static final int CASES = Integer.getInteger("marginfall.fuzz.cases", DEFAULT_CASES);

  private static final int STEPS = 6;
  private static final int AGENTS = 4;
  private static final Pattern EXCEPTION_NAME = Pattern.compile("\\b[A-Z]\\w*(Exception|Error)\\b");

  /**
   * The replacement values; VENUE stands for the scenario's first venue id, HUGE for a 100 kB
   * string.
   */
  private static final Object VENUE = new Object();

  private static final Object HUGE = new Object();
  private static final List<Object> VALUES =
      List.of(
          MutatedScenario.DELETE,
          Map.of(),
          List.of(),
          "x",
          ".nan",
          "NaN",
          1.7e308,
          -1e308,
          5e-324,
          1e-300,
          2147483648L,
          Long.MAX_VALUE,
          1e40,
          1e15,
          -1,
          0,
          VENUE,
          HUGE);

  @TempDir Path tmp;

  @Test
  void test_mutatedBundledExamples_endInSuccessOrOneLinePerProblem() {
    Random random = new Random(SEED);
    List<String> examples =
        ScenarioSource.bundledNames().stream().filter(n -> !n.startsWith("sweep-")).toList();
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      String example = examples.get(random.nextInt(examples.size()));
      Map<String, Object> tree = MutatedScenario.bundled(example, STEPS, AGENTS);
      List<String> paths = MutatedScenario.paths(tree);
      String path = paths.get(random.nextInt(paths.size()));
      Object value = VALUES.get(random.nextInt(VALUES.size()));
      if (value == VENUE) {
        value = firstVenueId(tree);
      } else if (value == HUGE) {
        value = "v".repeat(100_000);
      }
      MutatedScenario.set(tree, path, value);
      String label = example + " " + path + " = " + shown(value);
      Path file = MutatedScenario.write(tmp, "case-" + i + ".yaml", tree);

      CliResult validate = cli("validate", file.toString());
      CliResult run =
          cli("run", file.toString(), "--out", tmp.resolve("out-" + i).toString(), "--no-report");
      check(label, "validate", validate, failures);
      check(label, "run", run, failures);
      if (validate.exit() == 2 && !validate.err().equals(run.err())) {
        failures.add(
            label + ": run reports otherwise than validate:\n" + validate.err() + run.err());
      }
      if (validate.exit() == 0 && run.exit() != 0 && !run.err().contains(": at step ")) {
        failures.add(
            label + ": validate accepts it, run fails without naming a step: " + run.err());
      }
    }
    assertTrue(
        failures.isEmpty(),
        failures.size() + " of " + CASES + " cases:\n" + String.join("\n", failures));
  }

  /** Adds to {@code failures} what is wrong with one command's outcome. */
  private static void check(String label, String command, CliResult r, List<String> failures) {
    String where = label + " (" + command + ")";
    if (r.exit() != 0 && r.exit() != 2) {
      failures.add(where + ": exit " + r.exit() + ": " + r.err());
      return;
    }
    if (r.exit() == 2 && r.errLines().stream().noneMatch(l -> l.startsWith("error: "))) {
      failures.add(where + ": exit 2 with no error line");
    }
    for (String line : r.errLines()) {
      // A silent no-op found before the run is a warning line (docs/outputs.md, warnings.json).
      boolean prefixed = line.startsWith("error: ") || line.startsWith("warning: ");
      if (!prefixed
          || EXCEPTION_NAME.matcher(line).find()
          || line.contains("atoms")
          || line.length() > 1000) {
        failures.add(where + ": " + (line.length() > 300 ? line.substring(0, 300) + "..." : line));
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Object firstVenueId(Map<String, Object> tree) {
    List<Object> venues = (List<Object>) tree.get("venues");
    // A scenario of institutions alone has no venue: a name no venue has then.
    return venues == null || venues.isEmpty()
        ? "no-such-venue"
        : ((Map<String, Object>) venues.get(0)).get("id");
  }

  private static String shown(Object value) {
    if (value == MutatedScenario.DELETE) {
      return "(deleted)";
    }
    String s = String.valueOf(value);
    return s.length() > 40 ? s.substring(0, 10) + "... (" + s.length() + " characters)" : s;
  }

  @Test
  void test_generator_coversEveryKindOfChange() {
    // Guards the test above against a seed that would only ever delete fields.
    assertTrue(CASES >= 1, "marginfall.fuzz.cases must be >= 1, was " + CASES);
    Random random = new Random(SEED);
    List<String> examples =
        ScenarioSource.bundledNames().stream().filter(n -> !n.startsWith("sweep-")).toList();
    java.util.Set<Object> used = new java.util.HashSet<>();
    for (int i = 0; i < CASES; i++) {
      String example = examples.get(random.nextInt(examples.size()));
      List<String> paths = MutatedScenario.paths(MutatedScenario.bundled(example, STEPS, AGENTS));
      random.nextInt(paths.size());
      used.add(VALUES.get(random.nextInt(VALUES.size())));
    }
    assertFalse(
        used.size() < VALUES.size() * 2 / 3,
        "only " + used.size() + " of " + VALUES.size() + " kinds used");
  }
}
