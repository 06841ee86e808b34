package org.marginfall.experiments.internal.sweep;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.marginfall.reports.doc.Numbers;
import org.marginfall.reports.risk.MetricStatistics;

/**
 * Prints a finished sweep's summary for the terminal: the failures, then one line per point with
 * each metric's mean, its 95% interval and the share of runs where it is above zero (for bad debt:
 * how often it appears), read from {@code points.csv}; Sobol indices when there are some. Stateless
 * and thread-safe.
 */
public final class SweepReport {

  private SweepReport() {}

  /** Prints the summary of {@code dir}, at most {@code maxPoints} points. */
  public static void print(
      Path dir, SweepSpec spec, SweepOutputs.Counts counts, PrintWriter out, int maxPoints)
      throws IOException {
    out.printf(
        Locale.ROOT,
        "%d runs, %d failed%s%n",
        counts.runs(),
        counts.failed(),
        counts.failed() == 0 ? "" : " " + counts.byReason());
    boolean sobol = spec.design().kind() == Design.Kind.SOBOL;
    int k = spec.parameters().size();
    int first = 1 + (sobol ? 2 : 0);
    int metricCol = first + k;
    List<String> stats = MetricStatistics.columns();
    int base = metricCol + 3;
    int shown = 0;
    try (BufferedReader in =
        Files.newBufferedReader(dir.resolve("points.csv"), StandardCharsets.UTF_8)) {
      in.readLine();
      String current = null;
      StringBuilder line = null;
      for (String raw = in.readLine(); raw != null; raw = in.readLine()) {
        List<String> c = Csv.parse(raw);
        if (!c.get(0).equals(current)) {
          if (line != null) {
            out.println(line);
            if (++shown >= maxPoints) {
              out.println("  ... (every point is in points.csv)");
              line = null;
              break;
            }
          }
          current = c.get(0);
          line = new StringBuilder("  point " + current + ":");
          for (int p = 0; p < k; p++) {
            line.append(' ')
                .append(spec.parameters().get(p).name())
                .append('=')
                .append(value(c.get(first + p)));
          }
          line.append(" |");
        }
        String mean = c.get(base + stats.indexOf("mean"));
        String lo = c.get(base + stats.indexOf("ci95_low"));
        String hi = c.get(base + stats.indexOf("ci95_high"));
        String pos = c.get(base + stats.indexOf("share_positive"));
        line.append(' ').append(c.get(metricCol)).append(' ').append(num(mean));
        if (!lo.isEmpty()) {
          line.append(" [").append(num(lo)).append(", ").append(num(hi)).append(']');
        }
        if (!pos.isEmpty()) {
          line.append(String.format(Locale.ROOT, " (>0 in %.0f%%)", 100 * Double.parseDouble(pos)));
        }
      }
      if (line != null) {
        out.println(line);
      }
    }
    Path sobolCsv = dir.resolve("sobol.csv");
    if (Files.isRegularFile(sobolCsv)) {
      out.println("Sobol indices (first order S1, total order ST, 95% bootstrap intervals):");
      List<String> lines = Files.readAllLines(sobolCsv, StandardCharsets.UTF_8);
      for (String raw : lines.subList(1, lines.size())) {
        List<String> c = Csv.parse(raw);
        out.printf(
            Locale.ROOT,
            "  %-24s %-24s S1 %s [%s, %s]  ST %s [%s, %s]%n",
            c.get(0),
            c.get(1),
            num(c.get(2)),
            num(c.get(3)),
            num(c.get(4)),
            num(c.get(5)),
            num(c.get(6)),
            num(c.get(7)));
      }
    }
  }

  /**
   * A statistic as the report's tables show it ({@code 1,234,568}, {@code 0.0125}), {@code -} when
   * undefined.
   */
  private static String num(String v) {
    return v.isEmpty() ? "-" : Numbers.format(Double.parseDouble(v));
  }

  /**
   * A parameter value: a number as the report's tables show it (points.csv holds Java's text of a
   * double, {@code 1.4E7} or {@code 6000000.0}; this prints {@code 14,000,000} and {@code
   * 6,000,000}), any other value as it is.
   */
  private static String value(String v) {
    try {
      return Numbers.format(Double.parseDouble(v));
    } catch (NumberFormatException e) {
      return v;
    }
  }
}
