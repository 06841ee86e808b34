package org.marginfall.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginfall.core.spec.Trees.map;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marginfall.core.asset.AssetKind;
import org.marginfall.core.oracle.OracleDesign;
import org.marginfall.core.oracle.OracleRule;
import org.marginfall.core.util.FieldException;

/** {@link SpecNode#choice}, {@link Problems.Mark} and records' rules placed at their fields. */
class ChoiceAndRulesTest {

  private static final Map<String, AssetKind> KINDS =
      Map.of("spot", AssetKind.SPOT, "base", AssetKind.BASE, "derived", AssetKind.DERIVED);

  private static List<String> problems(SpecNode node) {
    return node.problems().all().stream().map(Problem::toString).toList();
  }

  @Test
  void test_choice_knownNameIsReturned() {
    SpecNode root = SpecNode.root(map("kind", "base"), new Problems());
    assertEquals(AssetKind.BASE, root.choice("kind", "asset kind", KINDS));
    assertTrue(root.problems().isEmpty());
  }

  @Test
  void test_choice_unknownNameListsTheKnownOnesSorted() {
    SpecNode root = SpecNode.root(map("kind", "bond"), new Problems());
    assertNull(root.choice("kind", "asset kind", KINDS));
    assertEquals(
        List.of("kind: unknown asset kind 'bond' (known: base, derived, spot)"), problems(root));
  }

  @Test
  void test_choice_defaultWhenAbsentRequiredOtherwise() {
    SpecNode root = SpecNode.root(map(), new Problems());
    assertEquals(AssetKind.SPOT, root.choice("kind", "asset kind", KINDS, AssetKind.SPOT));
    assertTrue(root.problems().isEmpty());
    assertNull(root.choice("kind", "asset kind", KINDS));
    assertEquals(List.of("kind: is required"), problems(root));
  }

  @Test
  void test_choice_aMappingIsOneProblemNotTwo() {
    SpecNode root = SpecNode.root(map("kind", map("a", 1)), new Problems());
    assertNull(root.choice("kind", "asset kind", KINDS));
    assertEquals(List.of("kind: must be a single value"), problems(root));
  }

  @Test
  void test_mark_failedOnlyAfterAProblemAddedSinceIt() {
    SpecNode root = SpecNode.root(map("a", 1, "b", "x"), new Problems());
    root.number("z");
    Problems.Mark mark = root.mark();
    root.number("a");
    assertTrue(mark.clean());
    root.number("b");
    assertTrue(mark.failed());
    assertFalse(mark.clean());
    assertEquals(2, root.problems().all().size());
  }

  @Test
  void test_check_placesTheRecordsRuleAtTheField() {
    SpecNode root = SpecNode.root(map("minAnswer", 5, "maxAnswer", 2), new Problems());
    double min = root.number("minAnswer");
    double max = root.number("maxAnswer");
    assertFalse(root.check("maxAnswer", () -> OracleDesign.checkAnswers(min, max)));
    assertTrue(root.check("maxAnswer", () -> OracleDesign.checkAnswers(min, 6)));
    assertEquals(List.of("maxAnswer: must be above minAnswer (5.0), was 2.0"), problems(root));
  }

  @Test
  void test_build_fieldExceptionGoesToItsFieldOrTheNode() {
    SpecNode root = SpecNode.root(map("maxAnswer", 2), new Problems());
    assertNull(
        root.build(
            () ->
                new OracleDesign(
                    OracleRule.immediate(),
                    List.of(),
                    new org.marginfall.core.oracle.Aggregation.Median(),
                    1,
                    5,
                    2,
                    Double.POSITIVE_INFINITY,
                    List.of())));
    assertNull(
        root.build(
            () -> {
              throw new FieldException("band", "must be > 0, was 0.0");
            }));
    assertEquals(
        List.of("maxAnswer: must be above minAnswer (5.0), was 2.0", "band: must be > 0, was 0.0"),
        problems(root));
  }

  @Test
  void test_coreTypes_unknownImpactModelListsTheRegisteredOnes() {
    CoreTypes types = CoreTypes.standard();
    SpecNode impact = SpecNode.root(map("model", "square-root", "depth", 1e6), new Problems());
    assertNull(types.impactModels().lookup(impact, "model"));
    assertEquals(
        List.of("model: unknown impact model 'square-root' (known: linear, linear-log, none)"),
        problems(impact));
  }

  @Test
  void test_coreTypes_linearLogReadsItsDepth() {
    SpecNode impact = SpecNode.root(map("model", "linear-log", "depth", 2e6), new Problems());
    ImpactModelType type = CoreTypes.standard().impactModels().lookup(impact, "model");
    assertEquals(new org.marginfall.core.market.ImpactModel.LinearLog(2e6), type.read(impact));
    SpecNode thin = SpecNode.root(map("model", "linear", "depth", 0.5), new Problems());
    assertNull(CoreTypes.standard().impactModels().lookup(thin, "model").read(thin));
    assertEquals(List.of("depth: must be at least 1, was 0.5"), problems(thin));
  }

  @Test
  void test_coreTypes_aggregationDefaultsToMedian() {
    SpecNode oracle = SpecNode.root(map(), new Problems());
    AggregationType type =
        CoreTypes.standard().aggregations().lookup(oracle, "aggregation", "median");
    assertEquals("median", type.read(oracle).label());
  }
}
