package org.marginfall.experiments.internal.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.core.spec.Problem;
import org.marginfall.experiments.internal.cli.option.NonBlankPath;
import org.marginfall.experiments.internal.scenario.Catalog;
import org.marginfall.experiments.internal.sweep.Progress;
import org.marginfall.experiments.internal.sweep.Shard;
import org.marginfall.experiments.internal.sweep.SweepReader;
import org.marginfall.experiments.internal.sweep.SweepReport;
import org.marginfall.experiments.internal.sweep.SweepRunner;
import org.marginfall.experiments.internal.sweep.SweepSpec;
import org.marginfall.experiments.internal.warning.WarningsFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code marginfall sweep}: runs a sweep file (docs/experiments.md) into an output directory. Exit
 * code 3 when the sweep finished but some runs failed. Not thread-safe (picocli fills it).
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description =
        "Run a parameter sweep: runs.csv, points.csv (and sobol.csv), Parquet copies and manifest.json.")
final class SweepCommand implements Callable<Integer> {

  /** The sweep finished, but some of its runs failed (they are rows with a reason in runs.csv). */
  static final int RUNS_FAILED = 3;

  @Spec private picocli.CommandLine.Model.CommandSpec spec;

  @picocli.CommandLine.ParentCommand private Main main;

  @Parameters(index = "0", paramLabel = "SWEEP", description = "Sweep file (YAML).")
  private Path sweep;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      converter = NonBlankPath.class,
      description = "Output directory.")
  private Path out;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads (default: all cores).")
  private Integer threads;

  @Option(
      names = "--shard",
      paramLabel = "K/N",
      description =
          "Run shard K (from 0) of N; inside a Slurm array job the shard is taken from SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT.")
  private String shard;

  @Option(names = "--resume", description = "Continue a sweep that was interrupted in DIR.")
  private boolean resume;

  @Option(
      names = "--force",
      description = "Replace DIR if it holds an earlier Marginfall output (never other files).")
  private boolean force;

  @Option(
      names = "--keep-runs",
      description = "Also write each run's directory (as marginfall run does) under DIR/runs/.")
  private boolean keepRuns;

  /** Reads and checks the sweep file at {@code sweep}, prefixing every problem with the file. */
  static SweepSpec read(Path sweep, Catalog catalog) {
    try {
      return new SweepReader(catalog).read(sweep);
    } catch (InvalidSpecException e) {
      throw new InvalidSpecException(
          e.problems().stream()
              .map(
                  p ->
                      new Problem(
                          p.path().isEmpty() ? sweep.toString() : sweep + ": " + p.path(),
                          p.message()))
              .toList());
    }
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SweepSpec s = read(sweep, main.catalog());
    Shard slice;
    try {
      slice =
          shard != null ? Shard.parse(shard) : Shard.fromSlurm(System.getenv()).orElse(Shard.ALL);
    } catch (IllegalArgumentException e) {
      throw new InvalidSpecException(shard != null ? "--shard" : "environment", e.getMessage());
    }
    if (resume && force) {
      throw new InvalidSpecException("--resume", "cannot be combined with --force");
    }
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (n < 1) {
      throw new InvalidSpecException("--threads", "must be >= 1, was " + n);
    }
    long total = s.runCount();
    o.printf(
        "%s: %s design, %d points x %d replications = %d runs%s, %d threads%n",
        s.name(),
        s.design().kind().label(),
        s.design().size(s.parameters()),
        s.replications(),
        total,
        slice.count() == 1
            ? ""
            : "; shard " + slice + " runs " + slice.from(total) + ".." + (slice.to(total) - 1),
        n);
    boolean terminal = System.console() != null;
    SweepRunner.Result r =
        new SweepRunner(main.catalog(), Clock.systemUTC())
            .run(
                s,
                new SweepRunner.Options(out, n, slice, resume, force, keepRuns),
                counts -> new Progress(err, terminal, System::nanoTime, counts[0], counts[1]));
    if (r.resumed() > 0) {
      o.printf("resumed: %d runs were already done%n", r.resumed());
    }
    SweepReport.print(r.directory(), s, r.counts(), o, 60);
    WarningsFile.read(r.directory()).forEach(w -> err.println(w.line()));
    o.println("wrote " + r.directory());
    return r.counts().failed() == 0 ? Main.OK : RUNS_FAILED;
  }
}
