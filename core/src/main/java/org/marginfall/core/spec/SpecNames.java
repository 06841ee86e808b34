package org.marginfall.core.spec;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.marginfall.core.util.Checks;

/**
 * Checks the names a {@link SpecNode} holds against what a reader knows: identifiers, a choice
 * among a known set, and a map's field names; each failure is reported with the known names,
 * sorted. Stateless.
 */
final class SpecNames {

  private SpecNames() {}

  /** As {@link SpecNode#id}. */
  static String id(SpecNode node, String field) {
    SpecNode child = node.get(field);
    Problems.Mark mark = node.mark();
    String s = child.asString();
    if (mark.clean() && !Checks.isId(s)) {
      child.fail(Checks.idProblem(s));
    }
    return s;
  }

  /** As {@link SpecNode#choice(String, String, Map)}. */
  static <T> T choice(SpecNode node, String field, String what, Map<String, ? extends T> byName) {
    SpecNode child = node.get(field);
    Problems.Mark mark = node.mark();
    String name = child.asString();
    if (mark.failed()) {
      return null;
    }
    T member = byName.get(name);
    if (member == null) {
      child.fail(
          "unknown "
              + what
              + " '"
              + name
              + "' (known: "
              + String.join(", ", new TreeSet<>(byName.keySet()))
              + ")");
    }
    return member;
  }

  /** As {@link SpecNode#byName}. */
  @SafeVarargs
  static <T> Map<String, T> byName(Function<T, String> name, T... values) {
    Map<String, T> out = new LinkedHashMap<>();
    for (T v : values) {
      out.put(name.apply(v), v);
    }
    return out;
  }

  /** As {@link SpecNode#allowOnly}. */
  static void allowOnly(SpecNode node, String... known) {
    Set<String> allowed = new TreeSet<>(Arrays.asList(known));
    for (String name : node.fieldNames()) {
      if (!allowed.contains(name)) {
        node.get(name).fail("unknown field (known: " + String.join(", ", allowed) + ")");
      }
    }
  }
}
