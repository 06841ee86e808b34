package org.marginfall.experiments.internal.sweep;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.marginfall.core.util.AtomicFiles;
import org.marginfall.experiments.internal.parquet.ParquetTable;
import org.marginfall.experiments.internal.run.Json;
import org.marginfall.experiments.internal.run.Provenance;
import org.marginfall.experiments.internal.warning.WarningsFile;
import org.marginfall.reports.risk.MetricStatistics;

/**
 * Derives a sweep directory's summary files from its {@code runs.csv}, streaming: {@code
 * points.csv} (statistics per point and metric), {@code sobol.csv} (Sobol designs, whole sweeps
 * only), {@code runs.parquet} and {@code points.parquet}, and {@code manifest.json}. Every file is
 * written to a hidden temporary name and renamed into place, so a reader never sees half a file.
 * Only one point's runs are in memory at a time (plus one mean per point and metric for Sobol
 * indices). Immutable and thread-safe; callers must not finish one directory twice at once.
 */
public final class SweepOutputs {

  /** What the finished directory holds. */
  public record Counts(long runs, long failed, Map<FailureReason, Long> byReason) {

    /** Copies the map. */
    public Counts {
      byReason = Map.copyOf(byReason);
    }
  }

  /** The name of the copy of the sweep file in an output directory. */
  public static final String SWEEP_FILE = "sweep.yaml";

  private final SweepSpec spec;
  private final RunsTable table;
  private final List<Point> points;

  /** Outputs for {@code spec}. */
  public SweepOutputs(SweepSpec spec) {
    this.spec = spec;
    this.table = new RunsTable(spec);
    this.points = spec.points();
  }

  /** The name of the copy of the base scenario in an output directory. */
  public static String scenarioFile(SweepSpec spec) {
    return spec.scenarioJson() ? "scenario.json" : "scenario.yaml";
  }

  /** Writes the copies of the sweep and scenario files and an unfinished manifest. */
  public void start(Path dir, Shard shard) throws IOException {
    AtomicFiles.write(dir.resolve(SWEEP_FILE), spec.sweepContent());
    AtomicFiles.write(dir.resolve(scenarioFile(spec)), spec.scenarioContent());
    AtomicFiles.write(dir.resolve("manifest.json"), manifest(shard, false, null, 1));
  }

  /**
   * Writes every summary file of {@code dir} from its complete {@code runs.csv}.
   *
   * @param shard the slice the directory holds (Sobol indices only for the whole sweep)
   * @param mergedFrom how many shard directories were merged into it (1 when run directly)
   */
  public Counts finish(Path dir, Shard shard, int mergedFrom) throws IOException {
    int k = spec.parameters().size();
    int m = spec.metrics().size();
    boolean sobol = spec.design().kind() == Design.Kind.SOBOL;
    double[][] means = new double[m][points.size()];
    for (double[] row : means) {
      Arrays.fill(row, Double.NaN);
    }
    Map<FailureReason, Long> byReason = new EnumMap<>(FailureReason.class);
    long runs = 0;
    Path pointsCsv = AtomicFiles.temporary(dir, "points.csv");
    Path runsParquet = AtomicFiles.temporary(dir, "runs.parquet");
    Path pointsParquet = AtomicFiles.temporary(dir, "points.parquet");
    IneffectiveParameters ineffective = new IneffectiveParameters(spec.parameters());
    try (BufferedReader in =
            Files.newBufferedReader(dir.resolve("runs.csv"), StandardCharsets.UTF_8);
        Writer out = Files.newBufferedWriter(pointsCsv, StandardCharsets.UTF_8);
        ParquetTable runsPq = new ParquetTable(runsParquet, "runs", runColumns());
        ParquetTable pointsPq = new ParquetTable(pointsParquet, "points", pointColumns())) {
      String header = in.readLine();
      if (header == null || !Csv.parse(header).equals(table.header())) {
        throw new IOException(dir.resolve("runs.csv") + " does not have the header of this sweep");
      }
      writeLine(out, pointHeader());
      List<RunsTable.Row> group = new ArrayList<>();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        RunsTable.Row row = table.parse(line);
        ineffective.add(row);
        runs++;
        if (!row.ok()) {
          byReason.merge(FailureReason.valueOf(row.reason()), 1L, Long::sum);
        }
        runsPq.write(Csv.parse(line));
        if (!group.isEmpty() && group.get(0).point() != row.point()) {
          summarise(group, out, pointsPq, means);
          group.clear();
        }
        group.add(row);
      }
      if (!group.isEmpty()) {
        summarise(group, out, pointsPq, means);
      }
    }
    AtomicFiles.move(pointsCsv, dir.resolve("points.csv"));
    AtomicFiles.move(runsParquet, dir.resolve("runs.parquet"));
    AtomicFiles.move(pointsParquet, dir.resolve("points.parquet"));
    if (sobol && shard.count() == 1) {
      writeSobol(dir, means, k);
    }
    // Only the whole sweep compares every level; a shard's rows would be a partial picture.
    WarningsFile.write(dir, shard.count() == 1 ? ineffective.warnings() : List.of());
    long failed = byReason.values().stream().mapToLong(Long::longValue).sum();
    Counts counts = new Counts(runs, failed, byReason);
    AtomicFiles.write(dir.resolve("manifest.json"), manifest(shard, true, counts, mergedFrom));
    return counts;
  }

  private List<String> pointHeader() {
    List<String> h = new ArrayList<>(List.of("point"));
    if (spec.design().kind() == Design.Kind.SOBOL) {
      h.addAll(List.of("sample", "matrix"));
    }
    spec.parameters().forEach(p -> h.add(p.name()));
    h.addAll(List.of("metric", "runs", "failed"));
    h.addAll(MetricStatistics.columns());
    return h;
  }

  private void summarise(List<RunsTable.Row> group, Writer out, ParquetTable pq, double[][] means)
      throws IOException {
    int id = group.get(0).point();
    Point point = points.get(id);
    long failed = group.stream().filter(r -> !r.ok()).count();
    for (int mi = 0; mi < spec.metrics().size(); mi++) {
      List<Double> values = new ArrayList<>(group.size());
      for (RunsTable.Row r : group) {
        Double v = r.metrics().get(mi);
        if (r.ok() && v != null) {
          values.add(v);
        }
      }
      MetricStatistics s = MetricStatistics.of(values);
      means[mi][id] = s.mean();
      List<String> cells = new ArrayList<>(List.of(Integer.toString(id)));
      if (spec.design().kind() == Design.Kind.SOBOL) {
        cells.add(Integer.toString(point.sample()));
        cells.add(point.matrix());
      }
      cells.addAll(group.get(0).parameters());
      cells.add(spec.metrics().get(mi).name());
      cells.add(Integer.toString(group.size()));
      cells.add(Long.toString(failed));
      cells.addAll(s.cells());
      writeLine(out, cells);
      pq.write(cells);
    }
  }

  private void writeSobol(Path dir, double[][] means, int k) throws IOException {
    Path tmp = AtomicFiles.temporary(dir, "sobol.csv");
    int n = spec.design().samples();
    try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      writeLine(
          out,
          List.of(
              "metric",
              "parameter",
              "S1",
              "S1_ci95_low",
              "S1_ci95_high",
              "ST",
              "ST_ci95_low",
              "ST_ci95_high",
              "samples_used"));
      for (int mi = 0; mi < spec.metrics().size(); mi++) {
        List<Integer> used = new ArrayList<>();
        for (int j = 0; j < n; j++) {
          boolean complete = true;
          for (int p = 0; p < k + 2; p++) {
            complete &= !Double.isNaN(means[mi][j * (k + 2) + p]);
          }
          if (complete) {
            used.add(j);
          }
        }
        double[] a = new double[used.size()];
        double[] b = new double[used.size()];
        double[][] ab = new double[k][used.size()];
        for (int u = 0; u < used.size(); u++) {
          int base = used.get(u) * (k + 2);
          a[u] = means[mi][base];
          b[u] = means[mi][base + 1];
          for (int i = 0; i < k; i++) {
            ab[i][u] = means[mi][base + 2 + i];
          }
        }
        List<SobolIndices.Index> indices =
            used.size() < 2
                ? null
                : SobolIndices.compute(
                    a, b, ab, spec.design().bootstrap(), RunSeeds.designSeed(spec.seed()) ^ mi);
        for (int i = 0; i < k; i++) {
          SobolIndices.Index x = indices == null ? null : indices.get(i);
          writeLine(
              out,
              List.of(
                  spec.metrics().get(mi).name(),
                  spec.parameters().get(i).name(),
                  f(x == null ? Double.NaN : x.first()),
                  f(x == null ? Double.NaN : x.firstLow()),
                  f(x == null ? Double.NaN : x.firstHigh()),
                  f(x == null ? Double.NaN : x.total()),
                  f(x == null ? Double.NaN : x.totalLow()),
                  f(x == null ? Double.NaN : x.totalHigh()),
                  Integer.toString(used.size())));
        }
      }
    }
    AtomicFiles.move(tmp, dir.resolve("sobol.csv"));
  }

  private static String f(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "";
  }

  private List<ParquetTable.Column> runColumns() {
    List<ParquetTable.Column> c = new ArrayList<>();
    c.add(new ParquetTable.Column("point", ParquetTable.Type.LONG));
    c.add(new ParquetTable.Column("replication", ParquetTable.Type.LONG));
    c.add(new ParquetTable.Column("seed", ParquetTable.Type.LONG));
    c.addAll(parameterColumns());
    spec.metrics().forEach(m -> c.add(new ParquetTable.Column(m.name(), ParquetTable.Type.DOUBLE)));
    c.add(new ParquetTable.Column("status", ParquetTable.Type.STRING));
    c.add(new ParquetTable.Column("reason", ParquetTable.Type.STRING));
    c.add(new ParquetTable.Column("error", ParquetTable.Type.STRING));
    return c;
  }

  private List<ParquetTable.Column> pointColumns() {
    List<ParquetTable.Column> c = new ArrayList<>();
    c.add(new ParquetTable.Column("point", ParquetTable.Type.LONG));
    if (spec.design().kind() == Design.Kind.SOBOL) {
      c.add(new ParquetTable.Column("sample", ParquetTable.Type.LONG));
      c.add(new ParquetTable.Column("matrix", ParquetTable.Type.STRING));
    }
    c.addAll(parameterColumns());
    c.add(new ParquetTable.Column("metric", ParquetTable.Type.STRING));
    c.add(new ParquetTable.Column("runs", ParquetTable.Type.LONG));
    c.add(new ParquetTable.Column("failed", ParquetTable.Type.LONG));
    for (String s : MetricStatistics.columns()) {
      c.add(
          new ParquetTable.Column(
              s, s.equals("n") ? ParquetTable.Type.LONG : ParquetTable.Type.DOUBLE));
    }
    return c;
  }

  /** A parameter's column is whole numbers, numbers or text, by the values its design takes. */
  private List<ParquetTable.Column> parameterColumns() {
    List<ParquetTable.Column> c = new ArrayList<>();
    for (int p = 0; p < spec.parameters().size(); p++) {
      int pi = p;
      boolean whole = points.stream().allMatch(x -> x.values().get(pi) instanceof Long);
      boolean number = points.stream().allMatch(x -> x.values().get(pi) instanceof Number);
      ParquetTable.Type type =
          whole
              ? ParquetTable.Type.LONG
              : number ? ParquetTable.Type.DOUBLE : ParquetTable.Type.STRING;
      c.add(new ParquetTable.Column(spec.parameters().get(p).name(), type));
    }
    return c;
  }

  private byte[] manifest(Shard shard, boolean complete, Counts counts, int mergedFrom)
      throws IOException {
    Provenance p = Provenance.current();
    ObjectNode m = Json.mapper().createObjectNode();
    ObjectNode sw = m.putObject("software");
    sw.put("name", "marginfall");
    sw.put("version", p.version());
    sw.put("gitCommit", p.gitCommit());
    sw.put("gitDirty", p.gitDirty());
    ObjectNode sweep = m.putObject("sweep");
    sweep.put("name", spec.name());
    sweep.put("file", SWEEP_FILE);
    sweep.put("sha256", spec.sweepSha256());
    ObjectNode scenario = m.putObject("scenario");
    scenario.put("reference", spec.scenarioLabel());
    scenario.put("file", scenarioFile(spec));
    scenario.put("sha256", SweepReader.sha256(spec.scenarioContent()));
    ObjectNode design = m.putObject("design");
    design.put("type", spec.design().kind().label());
    design.put("samples", spec.design().samples());
    design.put("bootstrap", spec.design().bootstrap());
    design.put("points", points.size());
    ArrayNode params = m.putArray("parameters");
    spec.parameters()
        .forEach(x -> params.addObject().put("name", x.name()).put("path", x.path().text()));
    ArrayNode metrics = m.putArray("metrics");
    spec.metrics().forEach(x -> metrics.addObject().put("name", x.name()).put("path", x.path()));
    m.put("seed", spec.seed());
    m.put("seedDerivation", RunSeeds.DERIVATION);
    m.put("replications", spec.replications());
    m.put("audit", spec.audit());
    long total = spec.runCount();
    ObjectNode sh = m.putObject("shard");
    sh.put("index", shard.index());
    sh.put("count", shard.count());
    sh.put("firstRun", shard.from(total));
    sh.put("endRun", shard.to(total));
    sh.put("mergedFrom", mergedFrom);
    m.put("totalRuns", total);
    m.put("complete", complete);
    if (counts != null) {
      m.put("runs", counts.runs());
      m.put("failed", counts.failed());
      ObjectNode reasons = m.putObject("failedByReason");
      for (FailureReason r : FailureReason.values()) {
        reasons.put(r.name(), counts.byReason().getOrDefault(r, 0L));
      }
    }
    return (Json.pretty().writeValueAsString(m) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static void writeLine(Writer out, List<String> cells) throws IOException {
    out.write(Csv.line(cells));
    out.write('\n');
  }
}
