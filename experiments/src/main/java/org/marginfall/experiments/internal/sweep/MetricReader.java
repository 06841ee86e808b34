package org.marginfall.experiments.internal.sweep;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.marginfall.agents.snapshot.SnapshotSpec;
import org.marginfall.core.asset.AssetKind;
import org.marginfall.core.metric.RunSummary;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.experiments.internal.scenario.Scenario;
import org.marginfall.experiments.internal.twin.Twin;
import org.marginfall.experiments.internal.twin.TwinComparison;

/**
 * Reads a sweep file's {@code metrics} section: each a path into summary.json, checked against the
 * summary's sections and fields and the base scenario's venues, assets and populations
 * (docs/experiments.md). Stateless.
 */
final class MetricReader {

  private MetricReader() {}

  /**
   * The metrics of {@code root}'s list, those without problems; {@code base} is null when the
   * scenario did not read (ids are then not checked).
   */
  static List<Metric> read(SpecNode root, Scenario base) {
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
        if (m.has("name") && !ParameterReader.NAME.matcher(name).matches()) {
          m.get("name").fail(ParameterReader.badName(name));
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
    return switch (section) {
      case "totals" -> fixedField(node, name, path, parts, fields(RunSummary.Totals.class));
      case "contagion" -> fixedField(node, name, path, parts, Metric.CONTAGION_FIELDS);
      case "twin" -> twinMetric(node, name, path, base);
      case "populations" -> populationMetric(node, name, path, base);
      case "snapshots" -> snapshotMetric(node, name, path, base);
      default -> idMetric(node, name, path, parts, base);
    };
  }

  /** A field of a section without ids, {@code <section>.<field>}. */
  private static Metric fixedField(
      SpecNode node, String name, String path, String[] parts, Collection<String> known) {
    if (parts.length != 2 || !known.contains(parts[1])) {
      node.fail("'" + path + "': " + parts[0] + " has the fields " + known);
      return null;
    }
    return new Metric(name, parts[0], "", parts[1]);
  }

  /**
   * A field of one venue or asset, {@code <section>.<id>.<field>} with {@code risk}, {@code venues}
   * or {@code assets} as the section; the id may hold dots.
   */
  private static Metric idMetric(
      SpecNode node, String name, String path, String[] parts, Scenario base) {
    String section = parts[0];
    if (parts.length < 3) {
      node.fail("'" + path + "' must be " + section + ".<id>.<field>");
      return null;
    }
    String id = String.join(".", Arrays.copyOfRange(parts, 1, parts.length - 1));
    String field = parts[parts.length - 1];
    String problem = base == null ? null : idProblem(section, path, id, base);
    if (problem != null) {
      node.fail(problem);
      return null;
    }
    Set<String> known = knownFields(section);
    if (!known.contains(field)) {
      node.fail("'" + path + "': unknown field '" + field + "' (known: " + known + ")");
      return null;
    }
    return new Metric(name, section, id, field);
  }

  /** Why {@code id} is not a venue or asset of the summary of {@code base}, or null. */
  private static String idProblem(String section, String path, String id, Scenario base) {
    Set<String> ids = section.equals("assets") ? assetIds(base) : venueIds(base);
    if (section.equals("assets") && isBaseCurrency(base, id)) {
      return "'"
          + path
          + "': "
          + id
          + " is the base currency, priced at 1 and not in the run summary (assets: "
          + ids
          + ")";
    }
    if (!ids.contains(id)) {
      String kind = section.equals("assets") ? "asset" : "venue";
      return "'"
          + path
          + "': the scenario has no "
          + kind
          + " '"
          + id
          + "' ("
          + kind
          + "s: "
          + ids
          + ")";
    }
    return null;
  }

  private static Set<String> knownFields(String section) {
    return switch (section) {
      case "risk" -> new TreeSet<>(Metric.RISK_FIELDS);
      case "venues" -> {
        Set<String> known = fields(RunSummary.VenueSummary.class);
        known.removeAll(Set.of("type", "attributes"));
        yield known;
      }
      default -> fields(RunSummary.AssetSummary.class);
    };
  }

  private static Set<String> venueIds(Scenario base) {
    Set<String> ids = new TreeSet<>();
    base.model().venues().forEach(v -> ids.add(v.id().value()));
    return ids;
  }

  /**
   * summary.json lists every priced asset: spot assets and derived ones (receipts, vault shares),
   * but not the base currency, whose price is 1 by definition.
   */
  private static Set<String> assetIds(Scenario base) {
    Set<String> ids = new TreeSet<>();
    base.model().assets().stream()
        .filter(a -> a.kind() != AssetKind.BASE)
        .forEach(a -> ids.add(a.id().value()));
    return ids;
  }

  private static boolean isBaseCurrency(Scenario base, String id) {
    return base.model().assets().stream()
        .anyMatch(a -> a.kind() == AssetKind.BASE && a.id().value().equals(id));
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
    Set<String> venues = base == null ? Set.of() : venueIds(base);
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
}
