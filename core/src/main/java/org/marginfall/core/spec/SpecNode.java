package org.marginfall.core.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.marginfall.core.util.Checks;
import org.marginfall.core.util.FieldException;

/**
 * A node of a parsed scenario tree (maps, lists, strings, numbers, booleans) that knows its field
 * path and reports every failure to a shared {@link Problems}.
 *
 * <p>Readers call the typed accessors and carry on after a failure (which returns a neutral value),
 * so one pass finds every problem in a file; a reader takes a {@link #mark()} before a part and
 * asks it whether the part failed before building its record. The tree is the plain-Java form
 * produced by any JSON or YAML parser, so this module needs no parser of its own. Immutable view
 * over a tree that must not change while read; not thread-safe because of the shared problem list.
 *
 * <p>This is the readers' one entry point; the package-private {@code SpecScalars} (text, booleans
 * and numbers), {@code SpecBounds} (range checks), {@code SpecNames} (ids, choices, known fields)
 * and {@code RecordRules} (a record's exceptions as problems) do the work behind it.
 */
public final class SpecNode {

  private static final Object MISSING = new Object();

  /**
   * The largest magnitude of any number in a scenario unless its field says otherwise: quantities,
   * prices and their products up to it stay exact enough in binary64 and within the ledger's range
   * at some precision (docs/scenarios.md).
   */
  public static final double MAX_MAGNITUDE = 1e15;

  /** The smallest magnitude of a number other than 0 unless its field says otherwise. */
  public static final double MIN_MAGNITUDE = 1e-12;

  private final Object value;
  private final String path;
  private final Problems problems;

  private SpecNode(Object value, String path, Problems problems) {
    this.value = value;
    this.path = path;
    this.problems = problems;
  }

  /** The root node of a parsed tree. */
  public static SpecNode root(Object tree, Problems problems) {
    return new SpecNode(tree, "", problems);
  }

  /** The field path of this node, e.g. {@code venues[1].markets[0]}. */
  public String path() {
    return path;
  }

  /** The shared problem list. */
  public Problems problems() {
    return problems;
  }

  /** A mark at the problems found so far, to ask later whether a part of the reading failed. */
  public Problems.Mark mark() {
    return problems.mark();
  }

  /** Whether the node is absent (or explicitly null) in the file. */
  public boolean isMissing() {
    return value == MISSING || value == null;
  }

  /** Whether the node is a map. */
  public boolean isObject() {
    return value instanceof Map;
  }

  /** Whether the node is a list. */
  public boolean isList() {
    return value instanceof List;
  }

  /** Whether the node is a number (or text that reads as one). */
  public boolean isNumber() {
    return SpecScalars.isNumber(value);
  }

  /** The child field (possibly missing); reports a failure if this node is not a map. */
  public SpecNode get(String field) {
    String childPath = path.isEmpty() ? field : path + "." + field;
    if (value instanceof Map<?, ?> map) {
      return new SpecNode(map.containsKey(field) ? map.get(field) : MISSING, childPath, problems);
    }
    return new SpecNode(MISSING, childPath, problems);
  }

  /**
   * This mapping laid over {@code defaults} at the same path: fields written here win, the others
   * come from {@code defaults} (a preset), and the fields named in {@code drop} are removed. A node
   * that is not a mapping is returned unchanged.
   */
  public SpecNode over(Map<String, ?> defaults, String... drop) {
    if (!(value instanceof Map<?, ?> map)) {
      return this;
    }
    Map<Object, Object> merged = new LinkedHashMap<>(defaults);
    merged.putAll(map);
    for (String d : drop) {
      merged.remove(d);
    }
    return new SpecNode(merged, path, problems);
  }

  /** Whether this map has the field. */
  public boolean has(String field) {
    return value instanceof Map<?, ?> map && map.get(field) != null;
  }

  /** The field names of this map, in file order. */
  public Set<String> fieldNames() {
    Set<String> names = new LinkedHashSet<>();
    if (value instanceof Map<?, ?> map) {
      map.keySet().forEach(k -> names.add(String.valueOf(k)));
    }
    return names;
  }

  /** The elements of this list; reports a failure if the node is not a list. */
  public List<SpecNode> elements() {
    List<SpecNode> out = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        out.add(new SpecNode(list.get(i), path + "[" + i + "]", problems));
      }
    } else if (isMissing()) {
      fail("is required");
    } else {
      fail("must be a list");
    }
    return out;
  }

  /** The elements of a list field; an empty list when the field is absent. */
  public List<SpecNode> optList(String field) {
    SpecNode child = get(field);
    return child.isMissing() ? List.of() : child.elements();
  }

  /** The elements of a required, non-empty list field. */
  public List<SpecNode> list(String field) {
    SpecNode child = get(field);
    List<SpecNode> out = child.elements();
    if (!child.isMissing() && child.isList() && out.isEmpty()) {
      child.fail("must not be empty");
    }
    return out;
  }

  /** A required map field. */
  public SpecNode object(String field) {
    SpecNode child = get(field);
    child.requireObject();
    return child;
  }

  /** Reports a failure unless this node is a map. */
  public boolean requireObject() {
    if (isMissing()) {
      fail("is required");
      return false;
    }
    if (!isObject()) {
      fail("must be a mapping of fields");
      return false;
    }
    return true;
  }

  /** Reports every field of this map that is not in {@code known}. */
  public void allowOnly(String... known) {
    SpecNames.allowOnly(this, known);
  }

  /** This node as text. */
  public String asString() {
    return SpecScalars.asString(this);
  }

  /** A required text field. */
  public String string(String field) {
    return get(field).asString();
  }

  /** An optional text field. */
  public Optional<String> optString(String field) {
    SpecNode child = get(field);
    return child.isMissing() ? Optional.empty() : Optional.of(child.asString());
  }

  /** A required identifier field (1 to 64 of {@code [A-Za-z0-9_-]}). */
  public String id(String field) {
    return SpecNames.id(this, field);
  }

  /**
   * A required text field that must name one of {@code byName}; an unknown name is reported as
   * {@code unknown <what> '<name>' (known: <the names, sorted>)}.
   *
   * @return the member named, or null after a failure
   */
  public <T> T choice(String field, String what, Map<String, ? extends T> byName) {
    return SpecNames.choice(this, field, what, byName);
  }

  /**
   * As {@link #choice(String, String, Map)}, with {@code defaultValue} when the field is absent.
   */
  public <T> T choice(String field, String what, Map<String, ? extends T> byName, T defaultValue) {
    return get(field).isMissing() ? defaultValue : choice(field, what, byName);
  }

  /**
   * The members of {@code values} by their scenario {@code name}, in order: for {@link #choice}.
   */
  @SafeVarargs
  public static <T> Map<String, T> byName(Function<T, String> name, T... values) {
    return SpecNames.byName(name, values);
  }

  /** This node as a finite number; NaN after a failure. */
  public double asDouble() {
    return SpecScalars.asDouble(this);
  }

  /** A required number field. */
  public double number(String field) {
    return get(field).asDouble();
  }

  /** An optional number field. */
  public double number(String field, double defaultValue) {
    SpecNode child = get(field);
    return child.isMissing() ? defaultValue : child.asDouble();
  }

  /** A required number field that must be {@code > 0}. */
  public double positive(String field) {
    return SpecBounds.positive(get(field), number(field));
  }

  /** An optional number field that must be {@code > 0}. */
  public double positive(String field, double defaultValue) {
    return SpecBounds.positive(get(field), number(field, defaultValue));
  }

  /** A required number field that must be {@code >= 0}. */
  public double nonNegative(String field) {
    return SpecBounds.nonNegative(get(field), number(field));
  }

  /** An optional number field that must be {@code >= 0}. */
  public double nonNegative(String field, double defaultValue) {
    return SpecBounds.nonNegative(get(field), number(field, defaultValue));
  }

  /** A required number field in {@code [min, max]}. */
  public double between(String field, double min, double max) {
    return SpecBounds.between(get(field), number(field), min, max);
  }

  /** An optional number field in {@code [min, max]}. */
  public double between(String field, double defaultValue, double min, double max) {
    return SpecBounds.between(get(field), number(field, defaultValue), min, max);
  }

  /**
   * {@code value}, read from {@code field} of this node, or NaN with a problem at the field when it
   * is above {@code max}: the upper bound of a field whose lower bound its reader checked.
   */
  public double atMost(String field, double value, double max) {
    return SpecBounds.atMost(get(field), value, max);
  }

  /** As {@link #atMost}, for a lower bound {@code min}. */
  public double atLeast(String field, double value, double min) {
    return SpecBounds.atLeast(get(field), value, min);
  }

  /** A required number field in {@code [0, 1]}. */
  public double fraction(String field) {
    return SpecBounds.fraction(get(field), number(field));
  }

  /** An optional number field in {@code [0, 1]}. */
  public double fraction(String field, double defaultValue) {
    return SpecBounds.fraction(get(field), number(field, defaultValue));
  }

  /** This node as a whole number; 0 after a failure. */
  public long asLong() {
    return SpecScalars.asLong(this);
  }

  /** A required whole-number field. */
  public long longValue(String field) {
    return get(field).asLong();
  }

  /** An optional whole-number field. */
  public long longValue(String field, long defaultValue) {
    SpecNode child = get(field);
    return child.isMissing() ? defaultValue : child.asLong();
  }

  /** A required whole-number field within {@code [min, max]}; {@code min} after a failure. */
  public int integer(String field, int min, int max) {
    Problems.Mark mark = mark();
    long v = longValue(field);
    return mark.failed() ? min : SpecBounds.range(get(field), v, min, max);
  }

  /** An optional whole-number field within {@code [min, max]}; {@code min} after a failure. */
  public int integer(String field, int defaultValue, int min, int max) {
    Problems.Mark mark = mark();
    long v = longValue(field, defaultValue);
    return mark.failed() ? min : SpecBounds.range(get(field), v, min, max);
  }

  /** An optional boolean field. */
  public boolean bool(String field, boolean defaultValue) {
    return SpecScalars.asBoolean(get(field), defaultValue);
  }

  /** Reports a failure at this node. */
  public void fail(String message) {
    problems.add(path, message);
  }

  /**
   * Builds a record, turning a validation exception of its constructor into a failure at this node.
   * A {@link FieldException}, or a message of the form {@code "field: ..."}, naming a field of this
   * node is placed at that field's path.
   *
   * @return the record, or null after a failure
   */
  public <T> T build(Supplier<T> constructor) {
    return RecordRules.build(this, constructor);
  }

  /**
   * Applies a rule that a record states (and its constructor applies) to values read from {@code
   * field} of this node, reporting its {@link FieldException} at that field: the reader asks the
   * record's own rule instead of repeating it, and still reports it beside the node's other
   * problems.
   *
   * @return whether the rule held
   */
  public boolean check(String field, Runnable rule) {
    return RecordRules.check(this, field, rule);
  }

  /** The scalar, map or list this node stands for, or a marker when it is missing. */
  Object raw() {
    return value;
  }

  /** The value as a message quotes it, abbreviated. */
  String describe() {
    return Checks.abbreviate(String.valueOf(value));
  }

  /**
   * A bound as written in messages: whole numbers without a fraction ({@code 10}, not {@code
   * 10.0}), large and small powers of ten as {@code 1e9} and {@code 1e-9}.
   */
  public static String show(double bound) {
    return SpecBounds.show(bound);
  }
}
