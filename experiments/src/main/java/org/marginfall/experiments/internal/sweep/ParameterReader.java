package org.marginfall.experiments.internal.sweep;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.experiments.internal.scenario.FieldPath;

/**
 * Reads a sweep file's {@code parameters} section, checking each path against the base scenario's
 * tree and each name and path for duplicates (docs/experiments.md). One instance reads one file.
 */
final class ParameterReader {

  /** What a parameter or metric name may be. */
  static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\[\\]-]*");

  /** The problem with a name that does not match {@link #NAME}. */
  static String badName(String name) {
    return "must be letters, digits, _ . - [ ] and start with a letter or _, was '" + name + "'";
  }

  private static final Pattern WHOLE = Pattern.compile("[-+]?\\d+");
  private static final Map<String, Parameter.Scale> SCALES =
      Map.of("linear", Parameter.Scale.LINEAR, "log", Parameter.Scale.LOG);

  /** A range parameter's fields; NaN bounds and zero points when absent or unreadable. */
  private record Range(double min, double max, Parameter.Scale scale, int points) {
    static final Range NONE = new Range(Double.NaN, Double.NaN, Parameter.Scale.LINEAR, 0);
  }

  private final Object baseTree;
  private final Design.Kind kind;
  private final Set<String> names = new LinkedHashSet<>();
  private final Set<String> paths = new LinkedHashSet<>();

  /**
   * A reader checking paths against {@code baseTree} (null when the scenario did not read) for a
   * design of {@code kind} (null when its type did not read).
   */
  ParameterReader(Object baseTree, Design.Kind kind) {
    this.baseTree = baseTree;
    this.kind = kind;
  }

  /** The parameters of {@code root}'s list, those without problems. */
  List<Parameter> read(SpecNode root) {
    List<Parameter> out = new ArrayList<>();
    for (SpecNode p : root.list("parameters")) {
      if (!p.requireObject()) {
        continue;
      }
      Parameter parameter = parameter(p);
      if (parameter != null) {
        out.add(parameter);
      }
    }
    return out;
  }

  private Parameter parameter(SpecNode p) {
    Problems.Mark mark = p.mark();
    p.allowOnly("path", "name", "values", "min", "max", "scale", "points", "integer");
    String pathText = p.string("path");
    FieldPath path = pathText.isEmpty() ? null : path(p, pathText);
    String name = name(p, pathText);
    boolean integer = p.bool("integer", false);
    List<Object> values = new ArrayList<>();
    Range range = Range.NONE;
    if (p.has("values")) {
      values = values(p);
    } else {
      range = range(p);
    }
    if (mark.failed() || path == null) {
      return null;
    }
    Range r = range;
    List<Object> vs = values;
    return p.build(
        () -> new Parameter(name, path, vs, r.min(), r.max(), r.scale(), r.points(), integer));
  }

  /** The parsed path, null when it does not parse; a problem when it is not in the scenario. */
  private FieldPath path(SpecNode p, String pathText) {
    try {
      FieldPath path = FieldPath.parse(pathText);
      String problem = baseTree == null ? null : path.problemIn(baseTree);
      if (problem != null) {
        p.get("path").fail(problem);
      } else if (!paths.add(pathText)) {
        p.get("path").fail("'" + pathText + "' is already swept by another parameter");
      }
      return path;
    } catch (IllegalArgumentException e) {
      p.get("path").fail(e.getMessage());
      return null;
    }
  }

  private String name(SpecNode p, String pathText) {
    String name = p.optString("name").orElse(pathText);
    if (p.has("name") && !NAME.matcher(name).matches()) {
      p.get("name").fail(badName(name));
    } else if (!name.isEmpty() && !names.add(name)) {
      p.get(p.has("name") ? "name" : "path").fail("duplicate parameter name '" + name + "'");
    }
    return name;
  }

  private static List<Object> values(SpecNode p) {
    for (String range : List.of("min", "max", "scale", "points")) {
      if (p.has(range)) {
        p.get(range).fail("give either values or a range (min, max), not both");
      }
    }
    List<Object> values = new ArrayList<>();
    for (SpecNode v : p.list("values")) {
      values.add(scalar(v));
    }
    return values;
  }

  private Range range(SpecNode p) {
    double min = p.number("min");
    double max = p.number("max");
    Parameter.Scale scale = p.choice("scale", "scale", SCALES, Parameter.Scale.LINEAR);
    if (!Double.isNaN(min) && !Double.isNaN(max) && !(max > min)) {
      p.get("max").fail("must be above min (" + min + "), was " + max);
    } else if (scale == Parameter.Scale.LOG && !(min > 0)) {
      p.get("min").fail("a log scale needs a positive range, was " + min);
    }
    return new Range(min, max, scale, points(p));
  }

  private int points(SpecNode p) {
    if (!p.has("points")) {
      if (kind == Design.Kind.GRID) {
        p.get("points").fail("is required for a grid design (or give values)");
      }
      return 0;
    }
    int points = p.integer("points", 2, 100_000);
    if (kind != null && kind != Design.Kind.GRID) {
      p.get("points")
          .fail("only a grid design takes points; a " + kind.label() + " design samples the range");
    }
    return points;
  }

  /**
   * A listed value as the scalar a scenario file would hold: a whole number, a number, a boolean or
   * text.
   */
  private static Object scalar(SpecNode v) {
    String text = v.asString();
    if (WHOLE.matcher(text).matches()) {
      try {
        return Long.valueOf(text);
      } catch (NumberFormatException e) {
        return text;
      }
    }
    if (v.isNumber()) {
      return v.asDouble();
    }
    if (text.equals("true") || text.equals("false")) {
      return Boolean.valueOf(text);
    }
    return text;
  }
}
