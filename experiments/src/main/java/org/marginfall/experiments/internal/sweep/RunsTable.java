package org.marginfall.experiments.internal.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * The layout of {@code runs.csv}: {@code point, replication, seed}, one column per parameter, one
 * per metric, then {@code status} ({@code ok} or {@code failed}), {@code reason} and {@code error}.
 * Rows are in run order (point, then replication), whatever order the runs finished in. Immutable
 * and thread-safe.
 */
public final class RunsTable {

  /** A row read back from {@code runs.csv}. */
  public record Row(
      int point,
      int replication,
      long seed,
      List<String> parameters,
      List<Double> metrics,
      String reason,
      String error) {

    /** Copies the lists. */
    public Row {
      parameters = List.copyOf(parameters);
      metrics = java.util.Collections.unmodifiableList(new ArrayList<>(metrics));
    }

    /** Whether the run succeeded. */
    public boolean ok() {
      return reason.isEmpty();
    }
  }

  private final SweepSpec spec;

  /** The layout for {@code spec}. */
  public RunsTable(SweepSpec spec) {
    this.spec = spec;
  }

  /** The header cells. */
  public List<String> header() {
    List<String> h = new ArrayList<>(List.of("point", "replication", "seed"));
    spec.parameters().forEach(p -> h.add(p.name()));
    spec.metrics().forEach(m -> h.add(m.name()));
    h.addAll(List.of("status", "reason", "error"));
    return h;
  }

  /** The cells of a finished run at {@code point}. */
  public List<String> cells(Point point, RunResult r) {
    List<String> c = new ArrayList<>(header().size());
    c.add(Integer.toString(r.point()));
    c.add(Integer.toString(r.replication()));
    c.add(Long.toString(r.seed()));
    point.values().forEach(v -> c.add(format(v)));
    r.metrics().forEach(v -> c.add(v == null ? "" : Double.toString(v)));
    c.add(r.ok() ? "ok" : "failed");
    c.add(r.ok() ? "" : r.reason().name());
    c.add(Csv.cell(r.error()));
    return c;
  }

  /**
   * Reads a line of {@code runs.csv}.
   *
   * @throws IllegalArgumentException when the line is not a complete row of this layout
   */
  public Row parse(String line) {
    List<String> c = Csv.parse(line);
    int k = spec.parameters().size();
    int m = spec.metrics().size();
    if (c.size() != 3 + k + m + 3) {
      throw new IllegalArgumentException("expected " + (6 + k + m) + " cells, found " + c.size());
    }
    List<Double> metrics = new ArrayList<>(m);
    for (int i = 0; i < m; i++) {
      String v = c.get(3 + k + i);
      metrics.add(v.isEmpty() ? null : Double.valueOf(v));
    }
    String status = c.get(3 + k + m);
    if (!status.equals("ok") && !status.equals("failed")) {
      throw new IllegalArgumentException("status must be ok or failed, was '" + status + "'");
    }
    return new Row(
        Integer.parseInt(c.get(0)),
        Integer.parseInt(c.get(1)),
        Long.parseLong(c.get(2)),
        c.subList(3, 3 + k),
        metrics,
        c.get(3 + k + m + 1),
        c.get(3 + k + m + 2));
  }

  /** A parameter value as written in the tables (and as a scenario file would hold it). */
  public static String format(Object v) {
    return v instanceof Double d ? Double.toString(d) : String.valueOf(v);
  }
}
