package org.marginfall.experiments.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The published API (docs/api.md) hands out no type of {@code experiments.internal}: no public
 * method, constructor or record component of a public API type takes or returns one, generics
 * included, so a user never depends on what may change without notice.
 */
class ApiBoundaryTest {

  private static final List<Class<?>> API =
      List.of(
          Experiment.class,
          ExperimentException.class,
          Plugins.class,
          RunOutcome.class,
          SweepOutcome.class,
          SweepOutcome.PointOutcome.class,
          SweepOutcome.SweepRun.class,
          SweepPlan.class,
          TimeSeries.class,
          TimeSeries.Value.class);

  @Test
  void test_publicSignatures_nameNoInternalType() {
    List<String> leaks = new ArrayList<>();
    for (Class<?> c : API) {
      List<Executable> members = new ArrayList<>(List.of(c.getConstructors()));
      for (Method m : c.getMethods()) {
        if (m.getDeclaringClass().getName().startsWith("org.marginfall")) {
          members.add(m);
        }
      }
      for (Executable e : members) {
        if (!Modifier.isPublic(e.getModifiers())) {
          continue;
        }
        String signature = e.toGenericString();
        if (signature.contains(".internal.")) {
          leaks.add(c.getSimpleName() + ": " + signature);
        }
      }
      if (c.isRecord()) {
        for (RecordComponent rc : c.getRecordComponents()) {
          if (rc.getGenericType().getTypeName().contains(".internal.")) {
            leaks.add(c.getSimpleName() + "." + rc.getName() + ": " + rc.getGenericType());
          }
        }
      }
    }
    assertEquals(List.of(), leaks);
  }

  @Test
  void test_everyPublicTypeOfTheApiPackage_isChecked() throws Exception {
    // the API classes are listed by hand above; a new public one must be added there
    List<String> listed = API.stream().map(Class::getName).sorted().toList();
    List<String> found = new ArrayList<>();
    for (Class<?> c : API) {
      for (Class<?> inner : c.getDeclaredClasses()) {
        if (Modifier.isPublic(inner.getModifiers())) {
          found.add(inner.getName());
        }
      }
    }
    for (String name : found) {
      assertEquals(true, listed.contains(name), name + " is public but not checked");
    }
  }
}
