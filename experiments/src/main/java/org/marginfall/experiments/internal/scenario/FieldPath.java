package org.marginfall.experiments.internal.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A field path into a parsed scenario tree, in the syntax of the reader's error messages: fields
 * joined by dots, list elements by index in brackets ({@code venues[1].maintenanceMargin}, {@code
 * shocks[0].change}, {@code run.steps}).
 *
 * <p>A sweep sets a parameter by writing its value into a copy of the base scenario's tree before
 * the scenario is read, so every point is validated like a hand-written file. Immutable and
 * thread-safe.
 *
 * @param text the path as written
 * @param segments the steps: a {@link String} for a field, an {@link Integer} for a list index
 */
public record FieldPath(String text, List<Object> segments) {

  private static final Pattern SEGMENT =
      Pattern.compile("([A-Za-z_][A-Za-z0-9_-]*)((?:\\[\\d+])*)");
  private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

  /** Validates the fields. */
  public FieldPath {
    Objects.requireNonNull(text, "text");
    segments = List.copyOf(segments);
    if (segments.isEmpty() || !(segments.get(segments.size() - 1) instanceof String)) {
      throw new IllegalArgumentException("a field path must end with a field name: " + text);
    }
  }

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException with a message for the user when the syntax is wrong
   */
  public static FieldPath parse(String text) {
    List<Object> segments = new ArrayList<>();
    for (String part : text.split("\\.", -1)) {
      Matcher m = SEGMENT.matcher(part);
      if (!m.matches()) {
        throw new IllegalArgumentException(
            "'"
                + text
                + "' is not a field path (expected fields and [index] steps, e.g. venues[1].maintenanceMargin)");
      }
      segments.add(m.group(1));
      Matcher i = INDEX.matcher(m.group(2));
      while (i.find()) {
        segments.add(Integer.valueOf(i.group(1)));
      }
    }
    if (!(segments.get(segments.size() - 1) instanceof String)) {
      throw new IllegalArgumentException(
          "'" + text + "' must end with a field name, not a list index");
    }
    return new FieldPath(text, segments);
  }

  /**
   * Why {@code tree} cannot take a value at this path, or null when it can: every step but the last
   * must exist (the last field may be absent, and is then added, e.g. to override a preset).
   */
  public String problemIn(Object tree) {
    Object node = tree;
    StringBuilder at = new StringBuilder();
    for (int s = 0; s < segments.size() - 1; s++) {
      Object step = segments.get(s);
      node = child(node, step);
      append(at, step);
      if (node == null) {
        return at + " does not exist in the scenario";
      }
    }
    if (!(node instanceof Map)) {
      return at + " is not a mapping of fields in the scenario";
    }
    return null;
  }

  /**
   * A deep copy of {@code tree} with {@code value} at this path; the path must be valid (see {@link
   * #problemIn}).
   */
  public Object setIn(Object tree, Object value) {
    Object copy = deepCopy(tree);
    Object node = copy;
    for (int s = 0; s < segments.size() - 1; s++) {
      node = child(node, segments.get(s));
    }
    @SuppressWarnings("unchecked")
    Map<Object, Object> parent = (Map<Object, Object>) node;
    parent.put(segments.get(segments.size() - 1), value);
    return copy;
  }

  /** Writes {@code value} at this path in {@code tree} itself, which must be a private copy. */
  @SuppressWarnings("unchecked")
  public void setInPlace(Object tree, Object value) {
    Object node = tree;
    for (int s = 0; s < segments.size() - 1; s++) {
      node = child(node, segments.get(s));
    }
    ((Map<Object, Object>) node).put(segments.get(segments.size() - 1), value);
  }

  private static Object child(Object node, Object step) {
    if (step instanceof String field && node instanceof Map<?, ?> map) {
      return map.get(field);
    }
    if (step instanceof Integer index && node instanceof List<?> list) {
      return index < list.size() ? list.get(index) : null;
    }
    return null;
  }

  private static void append(StringBuilder at, Object step) {
    if (step instanceof Integer i) {
      at.append('[').append(i).append(']');
    } else {
      if (at.length() > 0) {
        at.append('.');
      }
      at.append(step);
    }
  }

  /** A copy of a plain JSON/YAML tree (maps, lists and immutable scalars). */
  public static Object deepCopy(Object node) {
    if (node instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(k, deepCopy(v)));
      return out;
    }
    if (node instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(v -> out.add(deepCopy(v)));
      return out;
    }
    return node;
  }

  @Override
  public String toString() {
    return text;
  }
}
