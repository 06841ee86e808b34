package org.marginfall.experiments.internal.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.marginfall.reports.RunReportWriter;
import org.marginfall.reports.SweepReportWriter;
import org.marginfall.reports.data.ReportException;
import org.marginfall.reports.data.RunFiles;
import org.marginfall.reports.data.SweepData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code marginfall report DIR}: rebuilds the report of a run directory (it has {@code
 * summary.json} and {@code timeseries.csv}) or of a sweep directory (it has {@code runs.csv},
 * {@code points.csv} and {@code manifest.json}) from its result files. Exit 2 with one line for a
 * directory that is neither, or whose files cannot be read. Not thread-safe.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description =
        "Regenerate the report (charts, tables, report.html, report.pdf) of a run or sweep directory.")
final class ReportCommand implements Callable<Integer> {

  @Spec private picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "DIR",
      description = "A run directory or a sweep directory.")
  private Path dir;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path d = dir.toAbsolutePath().normalize();
    boolean run =
        Files.isRegularFile(d.resolve(RunFiles.SUMMARY))
            && Files.isRegularFile(d.resolve(RunFiles.TIMESERIES));
    boolean sweep = SweepData.isSweepDirectory(d);
    if (!Files.isDirectory(d) || !run && !sweep) {
      err.println(
          "error: "
              + dir
              + " is neither a run directory (summary.json, timeseries.csv) nor a sweep"
              + " directory (runs.csv, points.csv, manifest.json)");
      return Main.BAD_INPUT;
    }
    try {
      List<Path> written =
          run
              ? new RunReportWriter(Clock.systemUTC()).write(d)
              : new SweepReportWriter(Clock.systemUTC()).write(d);
      out.println(
          "wrote "
              + written.size()
              + " files of the "
              + (run ? "run" : "sweep")
              + " report in "
              + d);
      return Main.OK;
    } catch (ReportException e) {
      err.println("error: " + e.getMessage());
      return Main.BAD_INPUT;
    }
  }
}
