package org.marginfall.reports.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.marginfall.reports.chart.SweepCharts;
import org.marginfall.reports.data.CsvTable;
import org.marginfall.reports.data.SweepData;
import org.marginfall.reports.doc.Block;
import org.marginfall.reports.doc.Cell;
import org.marginfall.reports.doc.Citation;
import org.marginfall.reports.doc.Numbers;
import org.marginfall.reports.doc.RenderedChart;
import org.marginfall.reports.doc.ReportDocument;
import org.marginfall.reports.doc.Table;
import org.marginfall.reports.risk.RiskMeasures;

/**
 * Builds the content of a sweep report from its result files: provenance and citation, the design,
 * the risk metrics with their definitions and bootstrap intervals, the per-point statistics, the
 * Sobol indices (Sobol designs) and the charts.
 *
 * <p>This class has no state: it is immutable and thread-safe.
 */
public final class SweepDocument {

  /** What the risk table means, printed above it in every sweep report. */
  public static final String RISK_DEFINITIONS =
      "Definitions. Each run is one draw of the outcome over the"
          + " scenario's whole horizon (all its steps). For a grid the sample is one design point's"
          + " successful replications (a grid's levels are chosen, not drawn, so pooling them would weigh"
          + " outcomes by how the grid was laid out); for random, LHS and Sobol designs it is every"
          + " successful run, the outcome distribution with the parameters drawn as the sweep file states."
          + " VaR a% is the type-7 a-quantile of a metric over the runs (for badDebt: the value-at-risk of"
          + " bad debt; for liquidatedNotional: liquidations-at-risk, LaR). ES a% (expected shortfall) is"
          + " the mean of the values at or above VaR a%. P(>0) is the share of runs with a positive value."
          + " Intervals are 95% percentile bootstrap intervals over runs: "
          + RiskMeasures.BOOTSTRAP_RESAMPLES
          + " resamples with replacement drawn by java.util.SplittableRandom with the fixed seed "
          + RiskMeasures.BOOTSTRAP_SEED
          + ".";

  private SweepDocument() {}

  /** The report of {@code data}. */
  public static ReportDocument build(SweepData data) {
    List<Block> blocks = new ArrayList<>();
    JsonNode m = data.manifest();
    JsonNode sw = m.path("software");
    blocks.add(new Block.Heading("Provenance"));
    blocks.add(new Block.TableBlock(provenance(data)));
    blocks.add(
        new Block.Paragraph(
            Citation.line(text(sw, "name"), text(sw, "version"), text(sw, "gitCommit"))));

    blocks.add(new Block.Heading("Design"));
    blocks.add(new Block.TableBlock(parameters(data)));
    blocks.add(new Block.TableBlock(metrics(data)));

    blocks.add(new Block.Heading("Risk metrics"));
    blocks.add(new Block.Paragraph(RISK_DEFINITIONS));
    blocks.add(new Block.TableBlock(risk(data)));

    blocks.add(new Block.Heading("Points"));
    blocks.add(
        new Block.Paragraph(
            "Per point and metric, from points.csv: n successful runs with a value,"
                + " their mean with the 95% confidence interval (Student's t), and the share of runs above zero."));
    blocks.add(new Block.TableBlock(points(data)));

    data.sobol()
        .ifPresent(
            sobol -> {
              blocks.add(new Block.Heading("Sobol indices"));
              blocks.add(
                  new Block.Paragraph(
                      "First-order (S1) and total-order (ST) indices with their 95% bootstrap"
                          + " intervals, from sobol.csv (Saltelli et al. 2010; Jansen 1999; docs/experiments.md)."));
              blocks.add(new Block.TableBlock(sobolTable(sobol)));
            });

    blocks.add(new Block.Heading("Charts"));
    for (RenderedChart chart : charts(data)) {
      blocks.add(new Block.Figure(chart));
    }
    return new ReportDocument("Marginfall sweep report: " + data.name(), blocks);
  }

  /** The charts, in page order. */
  static List<RenderedChart> charts(SweepData data) {
    List<RenderedChart> charts = new ArrayList<>();
    for (String metric : data.metrics().keySet()) {
      for (String parameter : data.parameters()) {
        charts.add(SweepCharts.metricVsParameter(data, metric, parameter));
      }
    }
    if ("grid".equals(data.design()) && data.parameters().size() >= 2) {
      for (String metric : data.metrics().keySet()) {
        charts.add(
            SweepCharts.heatmap(data, metric, data.parameters().get(0), data.parameters().get(1)));
      }
    }
    data.sobol()
        .ifPresent(
            sobol ->
                data.metrics()
                    .keySet()
                    .forEach(metric -> charts.add(SweepCharts.sobol(sobol, metric))));
    for (String metric : lossMetrics(data)) {
      charts.add(SweepCharts.lossDistribution(data, metric));
    }
    return charts;
  }

  /**
   * The metrics whose distribution is drawn: those whose name or summary path names bad debt or
   * liquidated notional; the first metric when none does.
   */
  public static List<String> lossMetrics(SweepData data) {
    List<String> losses = new ArrayList<>();
    data.metrics()
        .forEach(
            (name, path) -> {
              String both = (name + " " + path).toLowerCase(Locale.ROOT);
              if (both.contains("baddebt") || both.contains("liquidatednotional")) {
                losses.add(name);
              }
            });
    if (losses.isEmpty()) {
      losses.add(data.metrics().keySet().iterator().next());
    }
    return losses;
  }

  private static Table provenance(SweepData data) {
    JsonNode m = data.manifest();
    Map<String, String> rows = new LinkedHashMap<>();
    JsonNode sw = m.path("software");
    rows.put("software", text(sw, "name") + " " + text(sw, "version"));
    rows.put(
        "git commit",
        text(sw, "gitCommit")
            + (sw.path("gitDirty").asBoolean(false) ? " (with uncommitted changes)" : ""));
    rows.put("sweep", text(m.path("sweep"), "name"));
    rows.put("sweep sha256", text(m.path("sweep"), "sha256"));
    rows.put("scenario", text(m.path("scenario"), "reference"));
    rows.put("scenario sha256", text(m.path("scenario"), "sha256"));
    rows.put("design", data.design());
    rows.put("points", text(m.path("design"), "points"));
    rows.put("seed", text(m, "seed"));
    rows.put("replications", text(m, "replications"));
    rows.put("runs", Integer.toString(data.runs().rows().size()));
    rows.put("successful runs", Integer.toString(data.okRuns().size()));
    rows.put("complete", text(m, "complete"));
    rows.put("seed derivation", text(m, "seedDerivation"));
    List<List<String>> table = new ArrayList<>();
    rows.forEach((k, v) -> table.add(List.of(k, v)));
    return new Table("provenance", "Provenance (manifest.json)", List.of("field", "value"), table);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isMissingNode() || v.isNull() ? Numbers.UNDEFINED : v.asText();
  }

  private static Table parameters(SweepData data) {
    List<List<String>> rows = new ArrayList<>();
    data.manifest()
        .path("parameters")
        .forEach(p -> rows.add(List.of(text(p, "name"), text(p, "path"))));
    return new Table("parameters", "Swept parameters", List.of("parameter", "scenario path"), rows);
  }

  private static Table metrics(SweepData data) {
    List<List<String>> rows = new ArrayList<>();
    data.metrics().forEach((name, path) -> rows.add(List.of(name, path)));
    return new Table(
        "metrics",
        "Metrics (paths into the run summary: summary.json, or risk.<venue>.<metric>)",
        List.of("metric", "summary path"),
        rows);
  }

  /**
   * Designs whose points sample a stated parameter distribution, so pooling their runs means
   * something.
   */
  private static final List<String> SAMPLED = List.of("random", "lhs", "sobol");

  /**
   * Tail risk of each metric with 95% bootstrap intervals. For random, LHS and Sobol designs one
   * row per metric, pooled over every run: the outcome distribution when the parameters are drawn
   * as the sweep file states. A grid is not a probability distribution (its levels are chosen, not
   * drawn), so for a grid one row per design point and metric, over that point's replications only.
   */
  public static Table risk(SweepData data) {
    List<String> measures =
        List.of("runs", "mean", "VaR 95%", "VaR 99%", "ES 95%", "ES 99%", "P(>0)");
    List<List<Cell>> rows = new ArrayList<>();
    if (SAMPLED.contains(data.design())) {
      for (String metric : data.metrics().keySet()) {
        List<Cell> row = new ArrayList<>(List.of(Cell.text(metric)));
        row.addAll(riskCells(data.metricValues(metric)));
        rows.add(row);
      }
      List<String> columns = new ArrayList<>(List.of("metric"));
      columns.addAll(measures);
      return Table.of(
          "risk",
          "Risk metrics pooled over all "
              + data.okRuns().size()
              + " successful runs of the "
              + data.design()
              + " design: the outcome distribution with the"
              + " parameters drawn as the sweep file states (95% bootstrap intervals)",
          columns,
          rows);
    }
    int point = data.runs().index("point");
    Map<String, List<List<String>>> byPoint = new LinkedHashMap<>();
    for (List<String> run : data.okRuns()) {
      byPoint.computeIfAbsent(run.get(point), k -> new ArrayList<>()).add(run);
    }
    for (Map.Entry<String, List<List<String>>> e : byPoint.entrySet()) {
      List<String> first = e.getValue().get(0);
      for (String metric : data.metrics().keySet()) {
        int c = data.runs().index(metric);
        double[] v =
            e.getValue().stream()
                .mapToDouble(r -> CsvTable.number(r.get(c)))
                .filter(x -> !Double.isNaN(x))
                .toArray();
        List<Cell> row = new ArrayList<>(List.of(Cell.text(e.getKey())));
        for (String p : data.parameters()) {
          String cell = first.get(data.runs().index(p));
          double n = CsvTable.number(cell);
          row.add(Double.isNaN(n) ? Cell.text(cell) : Cell.number(n));
        }
        row.add(Cell.text(metric));
        row.addAll(riskCells(v));
        rows.add(row);
      }
    }
    List<String> columns = new ArrayList<>(List.of("point"));
    columns.addAll(data.parameters());
    columns.add("metric");
    columns.addAll(measures);
    return Table.of(
        "risk",
        "Risk metrics per design point over its replications (95% bootstrap intervals);"
            + " a grid's points are chosen, not drawn, so they are not pooled",
        columns,
        rows);
  }

  private static List<Cell> riskCells(double[] v) {
    return List.of(
        Cell.number(v.length),
        Cell.interval(RiskMeasures.mean(v), RiskMeasures.bootstrap95(v, RiskMeasures::mean)),
        stat(v, 0.95, false),
        stat(v, 0.99, false),
        stat(v, 0.95, true),
        stat(v, 0.99, true),
        Cell.number(sharePositive(v)));
  }

  private static Cell stat(double[] v, double alpha, boolean shortfall) {
    java.util.function.ToDoubleFunction<double[]> f =
        shortfall
            ? x -> RiskMeasures.expectedShortfall(x, alpha)
            : x -> RiskMeasures.valueAtRisk(x, alpha);
    return Cell.interval(f.applyAsDouble(v), RiskMeasures.bootstrap95(v, f));
  }

  private static double sharePositive(double[] v) {
    return v.length == 0
        ? Double.NaN
        : (double) java.util.Arrays.stream(v).filter(x -> x > 0).count() / v.length;
  }

  private static Table points(SweepData data) {
    CsvTable p = data.points();
    List<String> columns = new ArrayList<>();
    columns.add("point");
    columns.addAll(data.parameters());
    columns.addAll(List.of("metric", "n", "mean", "ci95_low", "ci95_high", "share_positive"));
    List<List<Cell>> rows = new ArrayList<>();
    for (List<String> row : p.rows()) {
      List<Cell> out = new ArrayList<>();
      for (String c : columns) {
        String cell = row.get(p.index(c));
        double n = CsvTable.number(cell);
        boolean number = !Double.isNaN(n) && !c.equals("point") && !c.equals("metric");
        out.add(number ? Cell.number(n) : Cell.text(cell.isEmpty() ? Numbers.UNDEFINED : cell));
      }
      rows.add(out);
    }
    return Table.of("points", "Statistics per point and metric (points.csv)", columns, rows);
  }

  private static Table sobolTable(CsvTable sobol) {
    List<List<Cell>> rows = new ArrayList<>();
    for (List<String> r : sobol.rows()) {
      rows.add(
          List.of(
              Cell.text(r.get(sobol.index("metric"))),
              Cell.text(r.get(sobol.index("parameter"))),
              Cell.interval(
                  num(sobol, r, "S1"), num(sobol, r, "S1_ci95_low"), num(sobol, r, "S1_ci95_high")),
              Cell.interval(
                  num(sobol, r, "ST"), num(sobol, r, "ST_ci95_low"), num(sobol, r, "ST_ci95_high")),
              Cell.text(r.get(sobol.index("samples_used")))));
    }
    return Table.of(
        "sobol",
        "Sobol indices (95% bootstrap intervals)",
        List.of("metric", "parameter", "S1", "ST", "samples used"),
        rows);
  }

  private static double num(CsvTable t, List<String> row, String column) {
    return CsvTable.number(row.get(t.index(column)));
  }
}
