package org.marginfall.core.spec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
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
 */
public final class SpecNode {

  private static final Object MISSING = new Object();

  /**
   * A decimal number: optional sign, digits with an optional point (or a point and digits),
   * optional exponent. Possessive, so a long run of digits that fails to match is not retried at
   * every split.
   */
  private static final Pattern DECIMAL =
      Pattern.compile("[-+]?(?:\\d++(?:\\.\\d*+)?|\\.\\d++)(?:[eE][-+]?\\d++)?");

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
    return value instanceof Number || (value instanceof String s && parses(s));
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
    Set<String> allowed = new TreeSet<>(Arrays.asList(known));
    for (String name : fieldNames()) {
      if (!allowed.contains(name)) {
        get(name).fail("unknown field (known: " + String.join(", ", allowed) + ")");
      }
    }
  }

  /** This node as text. */
  public String asString() {
    if (isMissing()) {
      fail("is required");
      return "";
    }
    if (value instanceof Map || value instanceof List) {
      fail("must be a single value");
      return "";
    }
    return String.valueOf(value);
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
    SpecNode child = get(field);
    Problems.Mark mark = mark();
    String s = child.asString();
    if (mark.clean() && !Checks.isId(s)) {
      child.fail(Checks.idProblem(s));
    }
    return s;
  }

  /**
   * A required text field that must name one of {@code byName}; an unknown name is reported as
   * {@code unknown <what> '<name>' (known: <the names, sorted>)}.
   *
   * @return the member named, or null after a failure
   */
  public <T> T choice(String field, String what, Map<String, ? extends T> byName) {
    SpecNode child = get(field);
    Problems.Mark mark = mark();
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
    Map<String, T> out = new LinkedHashMap<>();
    for (T v : values) {
      out.put(name.apply(v), v);
    }
    return out;
  }

  /** This node as a finite number; NaN after a failure. */
  public double asDouble() {
    if (isMissing()) {
      fail("is required");
      return Double.NaN;
    }
    double d;
    if (value instanceof Number n) {
      d = n.doubleValue();
    } else if (value instanceof String s && parses(s)) {
      d = Double.parseDouble(s);
    } else {
      fail("must be a number, was '" + describe() + "'");
      return Double.NaN;
    }
    if (!Double.isFinite(d)) {
      fail("must be a finite number, was " + describe());
      return Double.NaN;
    }
    if (Math.abs(d) > MAX_MAGNITUDE) {
      fail(
          "must be at most 1e15 in magnitude (the range every quantity and price is computed in), was "
              + d);
      return Double.NaN;
    }
    if (d != 0 && Math.abs(d) < MIN_MAGNITUDE) {
      fail("must be 0 or at least 1e-12 in magnitude, was " + d);
      return Double.NaN;
    }
    return d;
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
    return checkPositive(get(field), number(field));
  }

  /** An optional number field that must be {@code > 0}. */
  public double positive(String field, double defaultValue) {
    return checkPositive(get(field), number(field, defaultValue));
  }

  /** A required number field that must be {@code >= 0}. */
  public double nonNegative(String field) {
    return checkNonNegative(get(field), number(field));
  }

  /** An optional number field that must be {@code >= 0}. */
  public double nonNegative(String field, double defaultValue) {
    return checkNonNegative(get(field), number(field, defaultValue));
  }

  /** A required number field in {@code [min, max]}. */
  public double between(String field, double min, double max) {
    return checkBetween(get(field), number(field), min, max);
  }

  /** An optional number field in {@code [min, max]}. */
  public double between(String field, double defaultValue, double min, double max) {
    return checkBetween(get(field), number(field, defaultValue), min, max);
  }

  /**
   * {@code value}, read from {@code field} of this node, or NaN with a problem at the field when it
   * is above {@code max}: the upper bound of a field whose lower bound its reader checked.
   */
  public double atMost(String field, double value, double max) {
    if (!Double.isNaN(value) && value > max) {
      get(field).fail("must be at most " + show(max) + ", was " + value);
      return Double.NaN;
    }
    return value;
  }

  /** As {@link #atMost}, for a lower bound {@code min}. */
  public double atLeast(String field, double value, double min) {
    if (!Double.isNaN(value) && value < min) {
      get(field).fail("must be at least " + show(min) + ", was " + value);
      return Double.NaN;
    }
    return value;
  }

  /** A required number field in {@code [0, 1]}. */
  public double fraction(String field) {
    return checkFraction(get(field), number(field));
  }

  /** An optional number field in {@code [0, 1]}. */
  public double fraction(String field, double defaultValue) {
    return checkFraction(get(field), number(field, defaultValue));
  }

  /** This node as a whole number; 0 after a failure. */
  public long asLong() {
    if (isMissing()) {
      fail("is required");
      return 0;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger b && b.bitLength() < 64) {
      return b.longValue();
    }
    try {
      BigDecimal d = null;
      if (value instanceof Number n && !(value instanceof BigInteger)) {
        d = new BigDecimal(n.toString());
      } else if (value instanceof String s && parses(s)) {
        d = new BigDecimal(s);
      }
      if (d != null) {
        return d.longValueExact();
      }
    } catch (NumberFormatException | ArithmeticException e) {
      // NaN, infinite, not whole, or out of range: reported below
    }
    fail("must be a whole number, was '" + describe() + "'");
    return 0;
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
    return mark.failed() ? min : checkRange(get(field), v, min, max);
  }

  /** An optional whole-number field within {@code [min, max]}; {@code min} after a failure. */
  public int integer(String field, int defaultValue, int min, int max) {
    Problems.Mark mark = mark();
    long v = longValue(field, defaultValue);
    return mark.failed() ? min : checkRange(get(field), v, min, max);
  }

  /** An optional boolean field. */
  public boolean bool(String field, boolean defaultValue) {
    SpecNode child = get(field);
    if (child.isMissing()) {
      return defaultValue;
    }
    if (child.value instanceof Boolean b) {
      return b;
    }
    child.fail("must be true or false, was '" + child.describe() + "'");
    return defaultValue;
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
    try {
      return constructor.get();
    } catch (FieldException e) {
      if (fieldNames().contains(e.field())) {
        get(e.field()).fail(e.reason());
      } else {
        fail(e.getMessage());
      }
      return null;
    } catch (IllegalArgumentException e) {
      String message = String.valueOf(e.getMessage());
      int colon = message.indexOf(": ");
      if (colon > 0 && fieldNames().contains(message.substring(0, colon))) {
        get(message.substring(0, colon)).fail(message.substring(colon + 2));
      } else {
        fail(message);
      }
      return null;
    }
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
    try {
      rule.run();
      return true;
    } catch (FieldException e) {
      get(field).fail(e.reason());
      return false;
    }
  }

  private String describe() {
    return Checks.abbreviate(String.valueOf(value));
  }

  /**
   * Whether text is a decimal number as YAML and JSON write one ({@code 7}, {@code -0.25}, {@code
   * 2.0e8}); Double.parseDouble would also take {@code 0x1p3}, {@code 1d}, {@code " 7 "}, {@code
   * NaN} and {@code Infinity}.
   */
  private static boolean parses(String s) {
    return DECIMAL.matcher(s).matches();
  }

  private static double checkPositive(SpecNode node, double d) {
    if (!Double.isNaN(d) && !(d > 0)) {
      node.fail("must be > 0, was " + d);
      return Double.NaN;
    }
    return d;
  }

  private static double checkNonNegative(SpecNode node, double d) {
    if (!Double.isNaN(d) && !(d >= 0)) {
      node.fail("must be >= 0, was " + d);
      return Double.NaN;
    }
    return d;
  }

  private static double checkBetween(SpecNode node, double d, double min, double max) {
    if (!Double.isNaN(d) && !(d >= min && d <= max)) {
      node.fail("must be between " + show(min) + " and " + show(max) + ", was " + d);
      return Double.NaN;
    }
    return d;
  }

  /**
   * A bound as written in messages: whole numbers without a fraction ({@code 10}, not {@code
   * 10.0}), large and small powers of ten as {@code 1e9} and {@code 1e-9}.
   */
  public static String show(double bound) {
    if (bound == Math.rint(bound) && Math.abs(bound) < 1e9) {
      return Long.toString((long) bound);
    }
    long exponent = Math.round(Math.log10(Math.abs(bound)));
    if (Math.abs(exponent) >= 6 && Math.abs(bound) == Math.pow(10, exponent)) {
      return (bound < 0 ? "-" : "") + "1e" + exponent;
    }
    return Double.toString(bound);
  }

  private static double checkFraction(SpecNode node, double d) {
    if (!Double.isNaN(d) && !(d >= 0 && d <= 1)) {
      node.fail("must be between 0 and 1, was " + d);
      return Double.NaN;
    }
    return d;
  }

  private static int checkRange(SpecNode node, long v, int min, int max) {
    if (v < min || v > max) {
      node.fail("must be between " + min + " and " + max + ", was " + v);
      return min;
    }
    return (int) v;
  }
}
