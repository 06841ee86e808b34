package org.marginfall.experiments.internal.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.core.util.AtomicFiles;
import org.marginfall.experiments.internal.cli.option.NonBlankPath;
import org.marginfall.experiments.internal.validation.GaiKapadiaCharts;
import org.marginfall.experiments.internal.validation.SweepPoints;
import org.marginfall.reports.doc.RenderedChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code marginfall validate-chart gai-kapadia --points FILE --out DIR}: draws the validation
 * charts of docs/validation.md from a sweep's {@code points.csv}, the simulated curve beside the
 * paper's analytic one. Everything is read and checked before a file is written; bad input exits 2
 * with one line naming the file, line and column. Not thread-safe.
 */
@Command(
    name = "validate-chart",
    mixinStandardHelpOptions = true,
    description =
        "Draw a classic model's validation charts (PNG) from its sweep's points.csv, beside the"
            + " paper's analytic curve (docs/validation.md).")
final class ValidateChartCommand implements Callable<Integer> {

  @Spec private picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "MODEL",
      description = "gai-kapadia (examples/sweep-gai-kapadia.yaml).")
  private String model;

  @Option(
      names = "--points",
      required = true,
      converter = NonBlankPath.class,
      paramLabel = "FILE",
      description = "The sweep's points.csv.")
  private Path points;

  @Option(
      names = "--out",
      required = true,
      converter = NonBlankPath.class,
      paramLabel = "DIR",
      description = "Directory for the PNGs (created when missing; same-named files replaced).")
  private Path out;

  @Option(
      names = "--parameter",
      defaultValue = "z",
      paramLabel = "NAME",
      description = "The swept average degree's column (default z).")
  private String parameter;

  @Option(
      names = "--interbank-assets",
      defaultValue = "20",
      paramLabel = "A",
      description =
          "A bank's interbank claims, for the analytic curve (default 20, as the example).")
  private double interbankAssets;

  @Option(
      names = "--capital",
      defaultValue = "4",
      paramLabel = "K",
      description = "A bank's capital, for the analytic curve (default 4, as the example).")
  private double capital;

  @Override
  public Integer call() throws IOException {
    if (!model.equals("gai-kapadia")) {
      throw new InvalidSpecException(
          "MODEL", "unknown model '" + model + "'; the one with an analytic curve: gai-kapadia");
    }
    if (!(interbankAssets > 0 && Double.isFinite(interbankAssets))) {
      throw new InvalidSpecException("--interbank-assets", "must be a finite number > 0");
    }
    if (!(capital > 0 && Double.isFinite(capital))) {
      throw new InvalidSpecException("--capital", "must be a finite number > 0");
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new InvalidSpecException("--out", out + " is not a directory");
    }
    List<RenderedChart> charts =
        GaiKapadiaCharts.charts(
            SweepPoints.read(points, parameter, "contagion"),
            SweepPoints.read(points, parameter, "extent"),
            interbankAssets,
            capital);
    Files.createDirectories(out);
    for (RenderedChart c : charts) {
      Path file = out.resolve(c.pngFileName());
      AtomicFiles.write(file, c.png());
      spec.commandLine().getOut().println("wrote " + file);
    }
    return Main.OK;
  }
}
