package org.marginfall.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginfall.core.spec.Trees.map;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemsTest {

  @Test
  void test_add_collectsEveryFailureInOrder() {
    Problems problems = new Problems();
    SpecNode root =
        SpecNode.root(
            map("run", map("steps", "x", "extra", 1), "venues", List.of(map("fee", -1))), problems);
    SpecNode run = root.object("run");
    run.allowOnly("steps", "stepSeconds");
    run.longValue("steps");
    run.positive("stepSeconds");
    root.list("venues").get(0).nonNegative("fee");
    root.string("name");

    assertEquals(
        List.of(
            new Problem("run.extra", "unknown field (known: stepSeconds, steps)"),
            new Problem("run.steps", "must be a whole number, was 'x'"),
            new Problem("run.stepSeconds", "is required"),
            new Problem("venues[0].fee", "must be >= 0, was -1.0"),
            new Problem("name", "is required")),
        problems.all());
  }

  @Test
  void test_mark_tellsWhetherAPartAddedFailures() {
    Problems problems = new Problems();
    assertTrue(problems.isEmpty());
    problems.add("a", "first");
    Problems.Mark mark = problems.mark();
    assertEquals(1, mark.count());
    assertFalse(mark.failed());
    assertTrue(mark.clean());
    problems.add("b", "second");
    assertTrue(mark.failed());
    assertFalse(mark.clean());
    assertFalse(problems.isEmpty());
  }

  @Test
  void test_invalidSpecException_listsEveryProblemOnItsOwnLine() {
    InvalidSpecException e =
        new InvalidSpecException(
            List.of(new Problem("a.b", "is required"), new Problem("", "empty file")));
    assertEquals("a.b: is required\nempty file", e.getMessage());
    assertEquals(2, e.problems().size());
    assertEquals("x: bad", new InvalidSpecException("x", "bad").getMessage());
  }

  @Test
  void test_problem_longQuotedValuesAreShownShortened() {
    // Whichever reader quotes the value: an unknown 100 kB asset id makes a short line.
    String huge = "v".repeat(100_000);
    Problem p =
        new Problem("markets[1].asset", "unknown asset '" + huge + "' (declared: USD, ETH)");
    assertEquals(
        "unknown asset '" + "v".repeat(40) + "... (100000 characters)' (declared: USD, ETH)",
        p.message());
    // Short quotes and messages without quotes are kept as written.
    assertEquals(
        "unknown asset 'SOL' (declared: USD)",
        new Problem("a", "unknown asset 'SOL' (declared: USD)").message());
    assertEquals("must be >= 0, was -1.0", new Problem("a", "must be >= 0, was -1.0").message());
  }
}
