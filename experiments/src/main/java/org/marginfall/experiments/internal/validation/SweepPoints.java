package org.marginfall.experiments.internal.validation;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.marginfall.core.spec.InvalidSpecException;

/**
 * One metric's rows of a sweep's {@code points.csv} (docs/outputs.md) against one swept parameter:
 * the swept value, the mean over the seeds and its 95% interval. A point whose mean is empty (a
 * conditional metric with no seed to average, as the extent without contagion) is left out.
 *
 * <p>Bad input is reported as one line naming the file, line and column. Immutable and thread-safe.
 *
 * @param x the swept values, ascending
 * @param mean the means
 * @param low the intervals' lower ends ({@code ci95_low})
 * @param high the intervals' upper ends ({@code ci95_high})
 */
public record SweepPoints(double[] x, double[] mean, double[] low, double[] high) {

  /** Copies the arrays. */
  public SweepPoints {
    x = x.clone();
    mean = mean.clone();
    low = low.clone();
    high = high.clone();
  }

  /**
   * Reads {@code metric}'s points against {@code parameter} from {@code file}.
   *
   * @throws InvalidSpecException naming the file, line and column of the first problem
   */
  public static SweepPoints read(Path file, String parameter, String metric) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new InvalidSpecException(file.toString(), "file not found");
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw new InvalidSpecException(file.toString(), "not UTF-8 text (not a points.csv?)");
    }
    if (lines.isEmpty()) {
      throw new InvalidSpecException(file.toString(), "empty file, expected a header row");
    }
    List<String> header = Arrays.asList(lines.get(0).split(",", -1));
    int[] cols = new int[5];
    String[] names = {parameter, "metric", "mean", "ci95_low", "ci95_high"};
    for (int c = 0; c < names.length; c++) {
      cols[c] = header.indexOf(names[c]);
      if (cols[c] < 0) {
        throw new InvalidSpecException(
            file + " line 1", "no column '" + names[c] + "' (not a sweep's points.csv?)");
      }
    }
    List<double[]> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isEmpty()) {
        continue;
      }
      String[] cells = lines.get(i).split(",", -1);
      if (cells.length != header.size()) {
        throw new InvalidSpecException(
            file + " line " + (i + 1), cells.length + " cells, the header has " + header.size());
      }
      if (!cells[cols[1]].equals(metric) || cells[cols[2]].isEmpty()) {
        continue;
      }
      double[] row = new double[4];
      for (int c = 0; c < 4; c++) {
        int col = cols[c == 0 ? 0 : c + 1];
        row[c] = number(file, i + 1, col, header.get(col), cells[col]);
      }
      rows.add(row);
    }
    if (rows.isEmpty()) {
      throw new InvalidSpecException(file.toString(), "no row of metric '" + metric + "'");
    }
    rows.sort((a, b) -> Double.compare(a[0], b[0]));
    return new SweepPoints(column(rows, 0), column(rows, 1), column(rows, 2), column(rows, 3));
  }

  private static double number(Path file, int line, int col, String name, String cell) {
    try {
      double v = Double.parseDouble(cell);
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidSpecException(
        file + " line " + line + ", column " + (col + 1) + " (" + name + ")",
        "'" + cell + "' is not a finite number");
  }

  private static double[] column(List<double[]> rows, int c) {
    return rows.stream().mapToDouble(r -> r[c]).toArray();
  }
}
