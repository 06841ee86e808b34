package org.marginfall.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginfall.core.spec.Trees.map;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginfall.core.random.Distribution;

class DistributionReaderTest {

  private static final String KNOWN =
      "constant, exponential, lognormal, normal, triangular, uniform";

  /** Reads the distribution at field {@code x} of a one-field tree. */
  private static Distribution read(Object value, Problems problems) {
    return DistributionReader.read(SpecNode.root(map("x", value), problems).get("x"));
  }

  private static Distribution readClean(Object value) {
    Problems problems = new Problems();
    Distribution d = read(value, problems);
    assertTrue(problems.isEmpty(), () -> problems.all().toString());
    return d;
  }

  private static List<String> failures(Object value) {
    Problems problems = new Problems();
    assertNull(read(value, problems));
    return problems.all().stream().map(Problem::toString).toList();
  }

  @Test
  void test_read_plainNumberIsConstant() {
    assertEquals(new Distribution.Constant(25_000), readClean(25_000));
    assertEquals(new Distribution.Constant(2.5), readClean("2.5"));
  }

  @Test
  void test_read_eachFamily() {
    assertEquals(new Distribution.Constant(3), readClean(map("dist", "constant", "value", 3)));
    assertEquals(
        new Distribution.Uniform(2, 12), readClean(map("dist", "uniform", "min", 2, "max", 12)));
    assertEquals(
        new Distribution.Normal(0, 1.5), readClean(map("dist", "normal", "mean", 0, "sd", 1.5)));
    assertEquals(
        new Distribution.LogNormal(25_000, 1.0),
        readClean(map("dist", "lognormal", "median", 25_000, "sigma", 1.0)));
    assertEquals(new Distribution.Exponential(4), readClean(map("dist", "exponential", "mean", 4)));
    assertEquals(
        new Distribution.Triangular(0, 1, 4),
        readClean(map("dist", "triangular", "min", 0, "mode", 1, "max", 4)));
  }

  @Test
  void test_read_unknownFamilyListsKnownOnes() {
    assertEquals(
        List.of("x.dist: unknown distribution 'gamma' (known: " + KNOWN + ")"),
        failures(map("dist", "gamma")));
  }

  @Test
  void test_read_missingFamilyIsRequired() {
    assertEquals(List.of("x.dist: is required"), failures(map("min", 1)));
  }

  @Test
  void test_read_nonScalarFamilyReportedOnce() {
    assertEquals(
        List.of("x.dist: must be a single value"), failures(map("dist", List.of("normal"))));
  }

  @Test
  void test_read_notANumberOrMapping() {
    assertEquals(List.of("x: must be a mapping of fields"), failures(List.of(1, 2)));
    assertEquals(List.of("x: is required"), failures(null));
  }

  @Test
  void test_read_constructorRuleIsPlacedAtTheFieldItNames() {
    // Uniform's own check "max: must be above min (...)" lands on x.max
    assertEquals(
        List.of("x.max: must be above min (5.0), was 5.0"),
        failures(map("dist", "uniform", "min", 5, "max", 5)));
    assertEquals(
        List.of("x.mode: must satisfy min <= mode <= max with min < max"),
        failures(map("dist", "triangular", "min", 0, "mode", 5, "max", 4)));
  }

  @Test
  void test_read_everyFieldFailureReportedTogether() {
    assertEquals(
        List.of(
            "x.sigma: unknown field (known: dist, mean, sd)",
            "x.mean: is required",
            "x.sd: must be > 0, was -1.0"),
        failures(map("dist", "normal", "sd", -1, "sigma", 2)));
    assertEquals(
        List.of("x.median: must be > 0, was 0.0"),
        failures(map("dist", "lognormal", "median", 0, "sigma", 1)));
  }
}
