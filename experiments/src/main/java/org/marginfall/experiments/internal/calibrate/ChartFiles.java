package org.marginfall.experiments.internal.calibrate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.core.util.AtomicFiles;
import org.marginfall.reports.doc.RenderedChart;

/**
 * Where {@code calibrate} writes its charts: {@code --chart DIR}, else beside the {@code --write}
 * fragment, else nowhere; each chart as PNG and SVG named after the input file. Stateless.
 */
public final class ChartFiles {

  private ChartFiles() {}

  /**
   * The directory charts go to, or null for none; checked before anything is written.
   *
   * @throws InvalidSpecException when {@code --chart} names something that is not a directory, or
   *     {@code --write} a file in a directory that does not exist
   */
  public static Path directory(Path chart, Path write) {
    if (write != null) {
      Path parent = write.toAbsolutePath().getParent();
      if (parent != null && !Files.isDirectory(parent)) {
        throw new InvalidSpecException("--write", "directory " + parent + " does not exist");
      }
      if (Files.isDirectory(write)) {
        throw new InvalidSpecException("--write", write + " is a directory");
      }
    }
    if (chart != null) {
      if (Files.exists(chart) && !Files.isDirectory(chart)) {
        throw new InvalidSpecException("--chart", chart + " is not a directory");
      }
      return chart;
    }
    if (write == null) {
      return null;
    }
    Path parent = write.toAbsolutePath().getParent();
    return parent == null ? Path.of("") : parent;
  }

  /** The input file's name without its extension, the charts' file-name prefix. */
  public static String stem(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /**
   * Writes every chart as PNG and SVG into {@code dir} (created when missing); returns the files
   * written.
   */
  public static int write(Path dir, List<RenderedChart> charts) throws IOException {
    Files.createDirectories(dir);
    for (RenderedChart c : charts) {
      AtomicFiles.write(dir.resolve(c.pngFileName()), c.png());
      AtomicFiles.write(dir.resolve(c.svgFileName()), c.svg().getBytes(StandardCharsets.UTF_8));
    }
    return 2 * charts.size();
  }
}
