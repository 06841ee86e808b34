package org.marginfall.experiments.internal.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldPathTest {

  private static Map<String, Object> tree() {
    Map<String, Object> v0 = new LinkedHashMap<>(Map.of("id", "a", "maintenanceMargin", 0.05));
    Map<String, Object> v1 = new LinkedHashMap<>(Map.of("id", "b", "preset", "x"));
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("venues", new ArrayList<>(List.of(v0, v1)));
    root.put("run", new LinkedHashMap<>(Map.of("steps", 10)));
    return root;
  }

  @Test
  void test_parse_fieldsAndIndices() {
    assertEquals(
        List.of("venues", 1, "maintenanceMargin"),
        FieldPath.parse("venues[1].maintenanceMargin").segments());
    assertEquals(List.of("run", "steps"), FieldPath.parse("run.steps").segments());
  }

  @Test
  void test_parse_rejectsBadSyntaxAndTrailingIndex() {
    assertThrows(IllegalArgumentException.class, () -> FieldPath.parse("venues[1]"));
    assertThrows(IllegalArgumentException.class, () -> FieldPath.parse("venues..x"));
    assertThrows(IllegalArgumentException.class, () -> FieldPath.parse("venues[a].x"));
  }

  @Test
  void test_setIn_writesACopyAndAddsAnAbsentLastField() {
    Map<String, Object> t = tree();
    @SuppressWarnings("unchecked")
    Map<String, Object> copy =
        (Map<String, Object>) FieldPath.parse("venues[1].maintenanceMargin").setIn(t, 0.02);
    assertEquals(
        0.02, ((Map<?, ?>) ((List<?>) copy.get("venues")).get(1)).get("maintenanceMargin"));
    assertNull(
        ((Map<?, ?>) ((List<?>) t.get("venues")).get(1)).get("maintenanceMargin"),
        "the base tree is unchanged");
  }

  @Test
  void test_problemIn_namesTheFirstMissingStep() {
    assertEquals(
        "venues[5] does not exist in the scenario",
        FieldPath.parse("venues[5].x").problemIn(tree()));
    assertEquals(
        "agents does not exist in the scenario",
        FieldPath.parse("agents[0].count").problemIn(tree()));
    assertEquals(
        "run.steps is not a mapping of fields in the scenario",
        FieldPath.parse("run.steps.x").problemIn(tree()));
    assertNull(FieldPath.parse("venues[0].liquidationFee").problemIn(tree()));
  }
}
