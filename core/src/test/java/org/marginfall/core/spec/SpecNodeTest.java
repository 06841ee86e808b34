package org.marginfall.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginfall.core.spec.Trees.map;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecNodeTest {

  private static SpecNode root(Object tree) {
    return SpecNode.root(tree, new Problems());
  }

  /** The problems of {@code node}'s tree, one "path: message" string each. */
  private static List<String> problems(SpecNode node) {
    return node.problems().all().stream().map(Problem::toString).toList();
  }

  @Test
  void test_number_missingFieldIsRequiredAtItsPath() {
    SpecNode root = root(map("run", map("stepSeconds", 60)));
    double steps = root.object("run").number("steps");
    assertTrue(Double.isNaN(steps));
    assertEquals(List.of("run.steps: is required"), problems(root));
  }

  @Test
  void test_number_explicitNullIsMissing() {
    SpecNode root = root(map("steps", null));
    root.number("steps");
    assertEquals(List.of("steps: is required"), problems(root));
    assertFalse(root.has("steps"));
    assertTrue(root.get("steps").isMissing());
  }

  @Test
  void test_number_wrongTypeReportsTheValue() {
    SpecNode root = root(map("steps", "ten", "seed", List.of(1)));
    root.number("steps");
    root.number("seed");
    assertEquals(
        List.of("steps: must be a number, was 'ten'", "seed: must be a number, was '[1]'"),
        problems(root));
  }

  @Test
  void test_number_numericStringsAccepted() {
    SpecNode root = root(map("a", "2.5", "b", "+3", "c", "1e3", "d", "-0.25", "e", ""));
    assertEquals(2.5, root.number("a"), 0.0);
    assertEquals(3.0, root.number("b"), 0.0);
    assertEquals(1000.0, root.number("c"), 0.0);
    assertEquals(-0.25, root.number("d"), 0.0);
    assertTrue(root.problems().isEmpty());
    assertTrue(root.get("a").isNumber());
    // a blank string is not a number
    assertFalse(root.get("e").isNumber());
    root.number("e");
    assertEquals(List.of("e: must be a number, was ''"), problems(root));
  }

  @Test
  void test_number_nonFiniteRejected() {
    SpecNode root = root(map("a", Double.POSITIVE_INFINITY, "b", Double.NaN));
    root.number("a");
    root.number("b");
    assertEquals(
        List.of("a: must be a finite number, was Infinity", "b: must be a finite number, was NaN"),
        problems(root));
  }

  @Test
  void test_number_textReadsAsADecimalNumberOnly() {
    // Java's Double.parseDouble also reads hexadecimal floats, type suffixes, padding and the words
    // NaN and Infinity; none of them is a number in a scenario file.
    List<String> texts =
        List.of("0x1p3", "1d", "2.5f", " 7 ", "7\n", "NaN", "-Infinity", "1e", ".", "--1");
    for (String text : texts) {
      SpecNode root = root(map("a", text));
      assertFalse(root.get("a").isNumber(), text);
      root.number("a");
      root.longValue("a");
      assertEquals(
          List.of(
              "a: must be a number, was '" + text + "'",
              "a: must be a whole number, was '" + text + "'"),
          problems(root),
          text);
    }
    for (String text : List.of("7", "-7", "+7", "7.", ".5", "7.25", "1e3", "1.5E-3", "-2e+8")) {
      assertTrue(root(map("a", text)).get("a").isNumber(), text);
    }
  }

  @Test
  void test_number_defaultOnlyWhenMissing() {
    SpecNode root = root(map("given", 4));
    assertEquals(4.0, root.number("given", 9), 0.0);
    assertEquals(9.0, root.number("absent", 9), 0.0);
    assertTrue(root.problems().isEmpty());
  }

  @Test
  void test_object_wrongTypeAndMissing() {
    SpecNode root = root(map("run", 5));
    root.object("run");
    root.object("assets");
    assertEquals(
        List.of("run: must be a mapping of fields", "assets: is required"), problems(root));
  }

  @Test
  void test_list_pathsIndexElementsAndNest() {
    Map<String, Object> tree =
        map(
            "venues",
            List.of(
                map("x", 1, "markets", List.of("ETH")),
                map("x", "abc", "markets", List.of("ETH", map("bad", 1)))));
    SpecNode root = root(tree);
    List<SpecNode> venues = root.list("venues");
    assertEquals(2, venues.size());
    assertEquals("venues[1]", venues.get(1).path());
    assertEquals(1.0, venues.get(0).number("x"), 0.0);
    venues.get(1).number("x");
    venues.get(1).list("markets").get(1).asString();
    assertEquals(
        List.of(
            "venues[1].x: must be a number, was 'abc'",
            "venues[1].markets[1]: must be a single value"),
        problems(root));
  }

  @Test
  void test_list_emptyMissingAndNotAList() {
    SpecNode root = root(map("a", List.of(), "c", "x"));
    assertTrue(root.list("a").isEmpty());
    root.list("b");
    root.list("c");
    assertTrue(root.optList("d").isEmpty());
    assertEquals(
        List.of("a: must not be empty", "b: is required", "c: must be a list"), problems(root));
  }

  @Test
  void test_allowOnly_reportsEachUnknownFieldWithTheSortedKnownList() {
    SpecNode root = root(map("b", 1, "zeta", 2, "a", 3, "alpha", 4));
    root.allowOnly("b", "a");
    assertEquals(
        List.of("zeta: unknown field (known: a, b)", "alpha: unknown field (known: a, b)"),
        problems(root));
  }

  @Test
  void test_longValue_wholeNumbersInAnyNumericForm() {
    SpecNode root =
        root(
            map(
                "int",
                3,
                "double",
                3.0,
                "string",
                "42",
                "long",
                Long.MAX_VALUE,
                "big",
                BigInteger.valueOf(7),
                "exp",
                "1e3"));
    assertEquals(3L, root.longValue("int"));
    assertEquals(3L, root.longValue("double"));
    assertEquals(42L, root.longValue("string"));
    assertEquals(Long.MAX_VALUE, root.longValue("long"));
    assertEquals(7L, root.longValue("big"));
    assertEquals(1000L, root.longValue("exp"));
    assertEquals(11L, root.longValue("absent", 11));
    assertTrue(root.problems().isEmpty());
  }

  @Test
  void test_longValue_nonIntegersAndOutOfRangeRejected() {
    SpecNode root =
        root(
            map(
                "half",
                2.5,
                "huge",
                1e19,
                "big",
                BigInteger.ONE.shiftLeft(70),
                "word",
                "many",
                "bool",
                true));
    for (String f : List.of("half", "huge", "big", "word", "bool")) {
      assertEquals(0L, root.longValue(f), f);
    }
    assertEquals(
        List.of(
            "half: must be a whole number, was '2.5'",
            "huge: must be a whole number, was '1.0E19'",
            "big: must be a whole number, was '1180591620717411303424'",
            "word: must be a whole number, was 'many'",
            "bool: must be a whole number, was 'true'"),
        problems(root));
  }

  @Test
  void test_longValue_nonFiniteNumbersAreProblemsNotExceptions() {
    // "NaN", "Infinity" and "1d" all read as doubles, but are not whole numbers.
    SpecNode root =
        root(
            map(
                "a",
                "NaN",
                "b",
                "Infinity",
                "c",
                Double.NaN,
                "d",
                "1d",
                "e",
                Float.NEGATIVE_INFINITY));
    for (String f : List.of("a", "b", "c", "d", "e")) {
      assertEquals(0L, root.longValue(f), f);
    }
    assertEquals(
        List.of(
            "a: must be a whole number, was 'NaN'",
            "b: must be a whole number, was 'Infinity'",
            "c: must be a whole number, was 'NaN'",
            "d: must be a whole number, was '1d'",
            "e: must be a whole number, was '-Infinity'"),
        problems(root));
  }

  @Test
  void test_integer_rangeChecked() {
    SpecNode root = root(map("rounds", 0, "ok", 5));
    assertEquals(5, root.integer("ok", 1, 10));
    root.integer("rounds", 1, 10);
    assertEquals(List.of("rounds: must be between 1 and 10, was 0"), problems(root));
    assertEquals(7, root(map()).integer("absent", 7, 1, 10));
  }

  @Test
  void test_integer_typeFailureIsReportedOnce() {
    SpecNode root = root(map("half", 2.5));
    root.integer("half", 1, 10);
    root.integer("absent", 1, 10);
    assertEquals(
        List.of("half: must be a whole number, was '2.5'", "absent: is required"), problems(root));
  }

  @Test
  void test_positiveNonNegativeFraction_checkTheRangeOnce() {
    SpecNode root = root(map("p", -1, "n", -0.5, "f", 1.5, "ok", 0, "m", "x"));
    assertTrue(Double.isNaN(root.positive("p")));
    assertTrue(Double.isNaN(root.nonNegative("n")));
    assertTrue(Double.isNaN(root.fraction("f")));
    assertEquals(0.0, root.nonNegative("ok"), 0.0);
    assertEquals(0.0, root.fraction("ok"), 0.0);
    root.positive("ok");
    root.positive("missing");
    root.positive("m");
    assertEquals(2.0, root.positive("absent", 2.0), 0.0);
    assertEquals(
        List.of(
            "p: must be > 0, was -1.0",
            "n: must be >= 0, was -0.5",
            "f: must be between 0 and 1, was 1.5",
            "ok: must be > 0, was 0.0",
            "missing: is required",
            "m: must be a number, was 'x'"),
        problems(root));
  }

  @Test
  void test_stringAndId_valuesAndFailures() {
    SpecNode root = root(map("name", "flash", "id", "bad id", "n", 5, "obj", map()));
    assertEquals("flash", root.string("name"));
    assertEquals("5", root.string("n"));
    root.id("id");
    root.string("obj");
    assertEquals("", root.string("missing"));
    assertTrue(root.optString("other").isEmpty());
    assertEquals(
        List.of(
            "id: must be an identifier of letters, digits, '_' or '-', was 'bad id'",
            "obj: must be a single value",
            "missing: is required"),
        problems(root));
  }

  @Test
  void test_number_magnitudeBeyondTheComputableRangeIsAProblem() {
    // 1.8e308 overflows a double in the parser; 1e308 and 1e40 are finite but no quantity, price or
    // rate computes with them; 5e-324 and 1e-300 are positive but vanish in every product.
    SpecNode root =
        root(
            map(
                "a", 1e308, "b", -1e40, "c", 5e-324, "d", 1e-300, "e", 1e15, "f", -1e-12, "g",
                0.0));
    for (String f : List.of("a", "b", "c", "d")) {
      assertTrue(Double.isNaN(root.number(f)), f);
    }
    assertEquals(1e15, root.number("e"));
    assertEquals(-1e-12, root.number("f"));
    assertEquals(0.0, root.number("g"));
    assertEquals(
        List.of(
            "a: must be at most 1e15 in magnitude (the range every quantity and price is computed in), was 1.0E308",
            "b: must be at most 1e15 in magnitude (the range every quantity and price is computed in), was -1.0E40",
            "c: must be 0 or at least 1e-12 in magnitude, was 4.9E-324",
            "d: must be 0 or at least 1e-12 in magnitude, was 1.0E-300"),
        problems(root));
  }

  @Test
  void test_between_boundsIncludedAndWrittenAsTheUserWouldWriteThem() {
    SpecNode root = root(map("lo", 0, "hi", 10, "over", 10.5, "under", -1));
    assertEquals(0.0, root.between("lo", 0, 10));
    assertEquals(10.0, root.between("hi", 0, 10));
    assertTrue(Double.isNaN(root.between("over", 0, 10)));
    assertTrue(Double.isNaN(root.between("under", 0.001, 10)));
    assertEquals(3.0, root.between("absent", 3, 0, 10));
    assertEquals(
        List.of(
            "over: must be between 0 and 10, was 10.5",
            "under: must be between 0.001 and 10, was -1.0"),
        problems(root));
  }

  @Test
  void test_id_longOrNonScalarValueIsOneShortProblem() {
    // A 100 kB id used to be echoed whole and then fail writing a report file named after it.
    SpecNode root = root(map("long", "v".repeat(100_000), "ok", "v".repeat(64), "obj", map()));
    root.id("long");
    assertEquals("v".repeat(64), root.id("ok"));
    root.id("obj");
    List<String> p = problems(root);
    assertEquals(2, p.size(), p.toString());
    assertEquals(
        "long: must be an identifier of at most 64 characters, was 100000 characters long ('"
            + "v".repeat(40)
            + "...')",
        p.get(0));
    assertEquals("obj: must be a single value", p.get(1));
  }

  @Test
  void test_number_longTextIsQuotedShortened() {
    SpecNode root = root(map("n", "x".repeat(5000)));
    root.number("n");
    assertEquals(
        List.of("n: must be a number, was '" + "x".repeat(40) + "... (5000 characters)'"),
        problems(root));
  }

  @Test
  void test_bool_onlyBooleansAccepted() {
    SpecNode root = root(map("yes", true, "word", "yes"));
    assertTrue(root.bool("yes", false));
    assertTrue(root.bool("absent", true));
    assertFalse(root.bool("word", false));
    assertEquals(List.of("word: must be true or false, was 'yes'"), problems(root));
  }

  @Test
  void test_build_fieldNamedInMessageGetsThatFieldsPath() {
    SpecNode node = root(map("d", map("min", 2, "max", 1))).get("d");
    Object built =
        node.build(
            () -> {
              throw new IllegalArgumentException("max: must be above min (2.0), was 1.0");
            });
    assertNull(built);
    assertEquals(List.of("d.max: must be above min (2.0), was 1.0"), problems(node));
  }

  @Test
  void test_build_messageNamingNoFieldStaysAtTheNode() {
    SpecNode node = root(map("d", map("min", 2))).get("d");
    node.build(
        () -> {
          throw new IllegalArgumentException("max: must be above min");
        });
    node.build(
        () -> {
          throw new IllegalArgumentException("inconsistent");
        });
    assertEquals(List.of("d: max: must be above min", "d: inconsistent"), problems(node));
  }

  @Test
  void test_build_successReturnsTheValue() {
    SpecNode node = root(map("d", map()));
    assertEquals("ok", node.build(() -> "ok"));
    assertTrue(node.problems().isEmpty());
  }

  @Test
  void test_get_onNonMapIsMissingWithChildPath() {
    SpecNode root = root(map("a", 5));
    SpecNode child = root.get("a").get("b");
    assertTrue(child.isMissing());
    assertEquals("a.b", child.path());
    assertEquals(List.of("a", "b"), List.copyOf(root(map("a", 1, "b", 2)).fieldNames()));
  }

  @Test
  void test_fail_atRootHasNoPathPrefix() {
    SpecNode root = root(Arrays.asList(1, 2));
    assertTrue(root.isList());
    root.fail("whole file is wrong");
    assertEquals(List.of("whole file is wrong"), problems(root));
  }
}
