package org.marginfall.experiments.internal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.core.util.AtomicFiles;
import org.marginfall.experiments.internal.calibrate.ChartFiles;
import org.marginfall.experiments.internal.calibrate.snapshot.SnapshotCalibrator;
import org.marginfall.experiments.internal.calibrate.snapshot.SnapshotFitCharts;

/**
 * {@code calibrate --snapshot}: fits the population entries a position snapshot's family takes
 * ({@link SnapshotCalibrator}), prints them and the {@code agents} fragment, and writes the
 * fragment and charts when asked. Stateless.
 */
final class SnapshotCalibrationRun {

  private SnapshotCalibrationRun() {}

  /** Runs it; bad input is an {@link InvalidSpecException} (exit 2). */
  static int run(PrintWriter out, SnapshotCalibrator.Options options, Path write, Path charts)
      throws IOException {
    Path snapshot = options.file();
    SnapshotCalibrator.Result result;
    try {
      result = SnapshotCalibrator.calibrate(options);
    } catch (IllegalArgumentException e) {
      throw new InvalidSpecException("--snapshot", snapshot + ": " + e.getMessage());
    }
    SnapshotCalibrator.print(out, snapshot, result);
    if (write != null) {
      AtomicFiles.write(
          write,
          SnapshotCalibrator.fragment(result.calibration()).getBytes(StandardCharsets.UTF_8));
      out.println("wrote " + write);
    }
    if (charts != null) {
      int n =
          ChartFiles.write(
              charts, SnapshotFitCharts.charts(ChartFiles.stem(snapshot), result.calibration()));
      out.println("wrote " + n + " chart files to " + charts);
    }
    out.flush();
    return 0;
  }
}
