package org.marginfall.experiments.internal.sweep;

import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.marginfall.agents.snapshot.SnapshotSpec;
import org.marginfall.core.asset.AssetKind;
import org.marginfall.core.metric.RunSummary;
import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.core.spec.Problem;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.util.Sha256;
import org.marginfall.experiments.internal.scenario.Catalog;
import org.marginfall.experiments.internal.scenario.FieldPath;
import org.marginfall.experiments.internal.scenario.Scenario;
import org.marginfall.experiments.internal.scenario.ScenarioReader;
import org.marginfall.experiments.internal.scenario.ScenarioSource;
import org.marginfall.experiments.internal.scenario.SpecFiles;
import org.marginfall.experiments.internal.twin.Twin;
import org.marginfall.experiments.internal.twin.TwinComparison;

/**
 * Reads a sweep file (YAML) into a {@link SweepSpec}, checking every field with its path and every
 * parameter path and metric against the base scenario; all problems are collected
 * (docs/experiments.md describes the format). Immutable and thread-safe.
 */
public final class SweepReader {

  /** Finds the base scenario a sweep file names. */
  @FunctionalInterface
  public interface ScenarioLocator {
    /**
     * The scenario named {@code reference} in the sweep file.
     *
     * @throws InvalidSpecException when there is none
     */
    ScenarioSource locate(String reference);
  }

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\[\\]-]*");
  private static final Pattern WHOLE = Pattern.compile("[-+]?\\d+");

  private final Catalog catalog;

  /** Creates a reader whose scenarios use the families of {@code catalog}. */
  public SweepReader(Catalog catalog) {
    this.catalog = catalog;
  }

  /**
   * Whether a parsed file is a sweep file rather than a scenario: a mapping with a {@code
   * parameters} or {@code scenario} field (neither is a scenario's) and no {@code run} field (every
   * scenario has one).
   */
  public static boolean isSweep(Object tree) {
    return tree instanceof Map<?, ?> map
        && (map.containsKey("parameters") || map.containsKey("scenario"))
        && !map.containsKey("run");
  }

  /**
   * Reads the sweep file at {@code file}; its {@code scenario} is a path relative to the file's
   * directory, or the name of a bundled scenario.
   */
  public SweepSpec read(Path file) {
    byte[] bytes = SpecFiles.read(file, "", "sweep");
    Path dir = file.toAbsolutePath().getParent();
    return read(
        bytes,
        reference -> {
          Path relative = dir.resolve(reference);
          return ScenarioSource.resolve(Files.exists(relative) ? relative.toString() : reference);
        });
  }

  /** Reads sweep content whose scenario reference {@code locator} resolves. */
  public SweepSpec read(byte[] content, ScenarioLocator locator) {
    Object tree = SpecFiles.parse(content, false, "sweep");
    Problems problems = new Problems();
    SpecNode root = SpecNode.root(tree, problems);
    if (!root.requireObject()) {
      throw new InvalidSpecException(problems.all());
    }
    root.allowOnly(
        "name",
        "description",
        "scenario",
        "seed",
        "replications",
        "design",
        "audit",
        "parameters",
        "metrics");
    String name = root.optString("name").orElse("sweep");
    String description = root.optString("description").orElse("");
    String reference = root.string("scenario");
    ScenarioSource source = null;
    Scenario base = null;
    Object baseTree = null;
    if (!reference.isEmpty()) {
      try {
        source = locator.locate(reference);
        base = new ScenarioReader(catalog).read(source);
        baseTree = SpecFiles.parse(source.content(), source.json(), "scenario");
      } catch (InvalidSpecException e) {
        for (Problem p : e.problems()) {
          problems.add("scenario", (p.path().isEmpty() ? "" : p.path() + ": ") + p.message());
        }
      }
    }
    long seed =
        root.has("seed")
            ? root.longValue("seed")
            : base == null ? 0 : base.model().settings().seed();
    int replications = root.integer("replications", 1, 1, 1_000_000);
    boolean audit = root.bool("audit", false);
    Design design = design(root.get("design"));
    Design.Kind kind = design != null ? design.kind() : kindOf(root.get("design"));
    List<Parameter> parameters = parameters(root, baseTree, kind);
    List<Metric> metrics = metrics(root, base);
    if (!problems.isEmpty() || design == null || source == null) {
      throw new InvalidSpecException(problems.all());
    }
    return new SweepSpec(
        name,
        description,
        content,
        sha256(content),
        reference,
        source.content(),
        source.json(),
        parameters,
        design,
        replications,
        seed,
        metrics,
        audit,
        source.dataRoot());
  }

  private static Design design(SpecNode d) {
    if (d.isMissing()) {
      return new Design(Design.Kind.GRID, 0, 0);
    }
    Problems.Mark mark = d.mark();
    String type;
    SpecNode object = d;
    if (d.isObject()) {
      d.allowOnly("type", "samples", "bootstrap");
      type = d.string("type");
    } else {
      type = d.asString();
    }
    Design.Kind kind =
        Arrays.stream(Design.Kind.values())
            .filter(k -> k.label().equals(type))
            .findFirst()
            .orElse(null);
    SpecNode typeNode = d.isObject() ? d.get("type") : d;
    if (kind == null && !type.isEmpty()) {
      typeNode.fail("unknown design '" + type + "' (known: grid, lhs, random, sobol)");
      return null;
    }
    if (kind == null) {
      return null;
    }
    int samples = 0;
    int bootstrap = 0;
    if (kind == Design.Kind.GRID) {
      if (object.isObject() && object.has("samples")) {
        object.get("samples").fail("a grid takes every combination of levels; remove this field");
      }
    } else if (!object.isObject()) {
      d.fail("a " + type + " design needs samples, e.g. {type: " + type + ", samples: 64}");
    } else {
      samples = object.integer("samples", 1, 10_000_000);
    }
    if (kind == Design.Kind.SOBOL && object.isObject()) {
      bootstrap = object.integer("bootstrap", 500, 0, 100_000);
    } else if (object.isObject() && object.has("bootstrap")) {
      object
          .get("bootstrap")
          .fail("only a sobol design has bootstrap confidence intervals; remove this field");
    }
    if (mark.failed()) {
      return null;
    }
    return new Design(kind, samples, bootstrap);
  }

  /**
   * The design's kind when its type reads, whatever else is wrong with it (its problems are
   * reported by {@link #design}).
   */
  private static Design.Kind kindOf(SpecNode d) {
    if (d.isMissing()) {
      return Design.Kind.GRID;
    }
    SpecNode t = d.isObject() ? d.get("type") : d;
    if (t.isMissing() || t.isObject() || t.isList()) {
      return null;
    }
    String type = t.asString(); // a scalar: reads without a problem
    return Arrays.stream(Design.Kind.values())
        .filter(k -> k.label().equals(type))
        .findFirst()
        .orElse(null);
  }

  private static List<Parameter> parameters(SpecNode root, Object baseTree, Design.Kind kind) {
    List<Parameter> out = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    Set<String> paths = new LinkedHashSet<>();
    for (SpecNode p : root.list("parameters")) {
      if (!p.requireObject()) {
        continue;
      }
      Problems.Mark mark = p.mark();
      p.allowOnly("path", "name", "values", "min", "max", "scale", "points", "integer");
      String pathText = p.string("path");
      FieldPath path = null;
      if (!pathText.isEmpty()) {
        try {
          path = FieldPath.parse(pathText);
          String problem = baseTree == null ? null : path.problemIn(baseTree);
          if (problem != null) {
            p.get("path").fail(problem);
          } else if (!paths.add(pathText)) {
            p.get("path").fail("'" + pathText + "' is already swept by another parameter");
          }
        } catch (IllegalArgumentException e) {
          p.get("path").fail(e.getMessage());
        }
      }
      String name = p.optString("name").orElse(pathText);
      if (p.has("name") && !NAME.matcher(name).matches()) {
        p.get("name")
            .fail(
                "must be letters, digits, _ . - [ ] and start with a letter or _, was '"
                    + name
                    + "'");
      } else if (!name.isEmpty() && !names.add(name)) {
        p.get(p.has("name") ? "name" : "path").fail("duplicate parameter name '" + name + "'");
      }
      List<Object> values = new ArrayList<>();
      double min = Double.NaN;
      double max = Double.NaN;
      Parameter.Scale scale = Parameter.Scale.LINEAR;
      int points = 0;
      boolean integer = p.bool("integer", false);
      if (p.has("values")) {
        for (String range : List.of("min", "max", "scale", "points")) {
          if (p.has(range)) {
            p.get(range).fail("give either values or a range (min, max), not both");
          }
        }
        for (SpecNode v : p.list("values")) {
          values.add(scalar(v));
        }
      } else {
        min = p.number("min");
        max = p.number("max");
        String s = p.optString("scale").orElse("linear");
        switch (s) {
          case "linear" -> scale = Parameter.Scale.LINEAR;
          case "log" -> scale = Parameter.Scale.LOG;
          default -> p.get("scale").fail("unknown scale '" + s + "' (known: linear, log)");
        }
        if (!Double.isNaN(min) && !Double.isNaN(max) && !(max > min)) {
          p.get("max").fail("must be above min (" + min + "), was " + max);
        } else if (scale == Parameter.Scale.LOG && !(min > 0)) {
          p.get("min").fail("a log scale needs a positive range, was " + min);
        }
        if (!p.has("points") && kind == Design.Kind.GRID) {
          p.get("points").fail("is required for a grid design (or give values)");
        } else if (p.has("points")) {
          points = p.integer("points", 2, 100_000);
          if (kind != null && kind != Design.Kind.GRID) {
            p.get("points")
                .fail(
                    "only a grid design takes points; a "
                        + kind.label()
                        + " design samples the range");
          }
        }
      }
      if (mark.failed() || path == null) {
        continue;
      }
      FieldPath fp = path;
      List<Object> vs = values;
      double lo = min;
      double hi = max;
      Parameter.Scale sc = scale;
      int pts = points;
      Parameter parameter = p.build(() -> new Parameter(name, fp, vs, lo, hi, sc, pts, integer));
      if (parameter != null) {
        out.add(parameter);
      }
    }
    return out;
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

  private static List<Metric> metrics(SpecNode root, Scenario base) {
    List<Metric> out = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (SpecNode m : root.list("metrics")) {
      SpecNode pathNode = m;
      String name;
      String path;
      if (m.isObject()) {
        m.allowOnly("name", "path");
        path = m.string("path");
        pathNode = m.get("path");
        name = m.optString("name").orElse(path);
        if (m.has("name") && !NAME.matcher(name).matches()) {
          m.get("name")
              .fail(
                  "must be letters, digits, _ . - [ ] and start with a letter or _, was '"
                      + name
                      + "'");
          continue;
        }
      } else {
        path = m.asString();
        name = path;
      }
      if (path.isEmpty()) {
        continue;
      }
      Metric metric = metric(pathNode, name, path, base);
      if (metric != null && !names.add(name)) {
        (m.isObject() ? m.get(m.has("name") ? "name" : "path") : m)
            .fail("duplicate metric name '" + name + "'");
      } else if (metric != null) {
        out.add(metric);
      }
    }
    return out;
  }

  private static Metric metric(SpecNode node, String name, String path, Scenario base) {
    String[] parts = path.split("\\.");
    String section = parts[0];
    if (!Metric.SECTIONS.contains(section)) {
      node.fail(
          "'"
              + path
              + "' must start with one of "
              + Metric.SECTIONS
              + " (a path into summary.json)");
      return null;
    }
    if (section.equals("totals")) {
      if (parts.length != 2 || !fields(RunSummary.Totals.class).contains(parts[1])) {
        node.fail("'" + path + "': totals has the fields " + fields(RunSummary.Totals.class));
        return null;
      }
      return new Metric(name, section, "", parts[1]);
    }
    if (section.equals("contagion")) {
      if (parts.length != 2 || !Metric.CONTAGION_FIELDS.contains(parts[1])) {
        node.fail("'" + path + "': contagion has the fields " + Metric.CONTAGION_FIELDS);
        return null;
      }
      return new Metric(name, section, "", parts[1]);
    }
    if (section.equals("twin")) {
      return twinMetric(node, name, path, base);
    }
    if (section.equals("populations")) {
      return populationMetric(node, name, path, base);
    }
    if (section.equals("snapshots")) {
      return snapshotMetric(node, name, path, base);
    }
    if (parts.length < 3) {
      node.fail("'" + path + "' must be " + section + ".<id>.<field>");
      return null;
    }
    String id = String.join(".", Arrays.copyOfRange(parts, 1, parts.length - 1));
    String field = parts[parts.length - 1];
    Set<String> ids = new TreeSet<>();
    Set<String> known;
    if (section.equals("risk")) {
      known = new TreeSet<>(Metric.RISK_FIELDS);
      if (base != null) {
        base.model().venues().forEach(v -> ids.add(v.id().value()));
      }
    } else if (section.equals("venues")) {
      known = fields(RunSummary.VenueSummary.class);
      known.removeAll(Set.of("type", "attributes"));
      if (base != null) {
        base.model().venues().forEach(v -> ids.add(v.id().value()));
      }
    } else {
      // summary.json lists every priced asset: spot assets and derived ones (receipts, vault
      // shares),
      // but not the base currency, whose price is 1 by definition.
      known = fields(RunSummary.AssetSummary.class);
      if (base != null) {
        base.model().assets().stream()
            .filter(a -> a.kind() != AssetKind.BASE)
            .forEach(a -> ids.add(a.id().value()));
        if (base.model().assets().stream()
            .anyMatch(a -> a.kind() == AssetKind.BASE && a.id().value().equals(id))) {
          node.fail(
              "'"
                  + path
                  + "': "
                  + id
                  + " is the base currency, priced at 1 and not in the run summary (assets: "
                  + ids
                  + ")");
          return null;
        }
      }
    }
    if (base != null && !ids.contains(id)) {
      String kind = section.equals("assets") ? "asset" : "venue";
      node.fail(
          "'"
              + path
              + "': the scenario has no "
              + kind
              + " '"
              + id
              + "' ("
              + kind
              + "s: "
              + ids
              + ")");
      return null;
    }
    if (!known.contains(field)) {
      node.fail("'" + path + "': unknown field '" + field + "' (known: " + known + ")");
      return null;
    }
    return new Metric(name, section, id, field);
  }

  /**
   * A population's own metric, {@code populations.<population id>.<metric>}: the id must be a
   * population of the scenario and the metric one its type reports.
   */
  private static Metric populationMetric(SpecNode node, String name, String path, Scenario base) {
    String[] parts = path.split("\\.");
    if (parts.length != 3) {
      node.fail("'" + path + "' must be populations.<population id>.<metric>");
      return null;
    }
    if (base != null) {
      var spec =
          base.model().populations().stream().filter(p -> p.id().equals(parts[1])).findFirst();
      if (spec.isEmpty()) {
        Set<String> ids = new TreeSet<>();
        base.model().populations().forEach(p -> ids.add(p.id()));
        node.fail(
            "'"
                + path
                + "': the scenario has no population '"
                + parts[1]
                + "' (populations: "
                + ids
                + ")");
        return null;
      }
      if (!spec.get().metricNames().contains(parts[2])) {
        node.fail(
            "'"
                + path
                + "': population '"
                + parts[1]
                + "' (type "
                + spec.get().type()
                + ") reports "
                + (spec.get().metricNames().isEmpty()
                    ? "no metrics of its own"
                    : "the metrics " + spec.get().metricNames()));
        return null;
      }
    }
    return new Metric(name, "populations", parts[1], parts[2]);
  }

  /**
   * A snapshot population's row counter, {@code snapshots.<population id>.<field>} with a field of
   * {@link Metric#SNAPSHOT_FIELDS} ({@code skipped.<reason>} holds a dot): the id must be a
   * population of the scenario that loads a snapshot.
   */
  private static Metric snapshotMetric(SpecNode node, String name, String path, Scenario base) {
    String[] parts = path.split("\\.", 3);
    if (parts.length != 3 || !Metric.SNAPSHOT_FIELDS.contains(parts[2])) {
      node.fail(
          "'"
              + path
              + "' must be snapshots.<population id>.<field>, the field one of "
              + Metric.SNAPSHOT_FIELDS);
      return null;
    }
    if (base != null) {
      Set<String> ids = new TreeSet<>();
      base.model().populations().stream()
          .filter(p -> p instanceof SnapshotSpec)
          .forEach(p -> ids.add(p.id()));
      if (!ids.contains(parts[1])) {
        node.fail(
            "'"
                + path
                + "': the scenario has no snapshot population '"
                + parts[1]
                + "' (snapshot populations: "
                + ids
                + ")");
        return null;
      }
    }
    return new Metric(name, "snapshots", parts[1], parts[2]);
  }

  /**
   * A metric of the comparison with a twin: {@code twin.<twin>.<venue or total>.<measure>}, read
   * from the right because a {@code set:} twin's name may hold dots.
   */
  private static Metric twinMetric(SpecNode node, String name, String path, Scenario base) {
    String rest = path.substring("twin.".length());
    int last = rest.lastIndexOf('.');
    int second = last < 0 ? -1 : rest.lastIndexOf('.', last - 1);
    if (second <= 0) {
      node.fail("'" + path + "' must be twin.<twin>.<venue id or total>.<measure>");
      return null;
    }
    String twin = rest.substring(0, second);
    String venue = rest.substring(second + 1, last);
    String measure = rest.substring(last + 1);
    try {
      Twin.parse(twin);
    } catch (IllegalArgumentException e) {
      node.fail("'" + path + "': " + e.getMessage());
      return null;
    }
    Set<String> venues = new TreeSet<>();
    if (base != null) {
      base.model().venues().forEach(v -> venues.add(v.id().value()));
    }
    if (base != null && !venue.equals(TwinComparison.TOTAL) && !venues.contains(venue)) {
      node.fail(
          "'"
              + path
              + "': the scenario has no venue '"
              + venue
              + "' (venues: "
              + venues
              + ", or total)");
      return null;
    }
    if (!Metric.TWIN_FIELDS.contains(measure)) {
      node.fail(
          "'"
              + path
              + "': unknown twin measure '"
              + measure
              + "' (known: "
              + Metric.TWIN_FIELDS
              + ")");
      return null;
    }
    return new Metric(name, "twin", twin, venue + "." + measure);
  }

  /**
   * The numeric fields of a summary record, by its components' names, so new fields are found by
   * themselves.
   */
  private static Set<String> fields(Class<? extends Record> type) {
    Set<String> out = new TreeSet<>();
    for (RecordComponent c : type.getRecordComponents()) {
      out.add(c.getName());
    }
    return out;
  }

  static String sha256(byte[] content) {
    return Sha256.hex(content);
  }
}
