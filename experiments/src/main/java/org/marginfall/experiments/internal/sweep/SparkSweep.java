package org.marginfall.experiments.internal.sweep;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.core.spec.Problem;
import org.marginfall.experiments.internal.cli.option.NonBlankPath;
import org.marginfall.experiments.internal.scenario.Catalog;
import org.marginfall.experiments.internal.scenario.ScenarioSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Runs a sweep as an Apache Spark job, for sweeps beyond one machine:
 *
 * <pre>
 * spark-submit --class org.marginfall.experiments.internal.sweep.SparkSweep marginfall.jar SWEEP.yaml --out DIR
 * </pre>
 *
 * <p>The driver cuts the runs still to do into waves of {@code waveTasks} tasks; each task runs a
 * contiguous block of runs on an executor (with {@link RunExecutor}, exactly as {@code marginfall
 * sweep} does) and returns their {@code runs.csv} lines; the driver collects each wave in task
 * order and appends it to {@code runs.csv} before starting the next, then writes the same summary
 * files ({@link SweepOutputs}). Only one wave's rows are ever on the driver, the output directory
 * is on the driver's file system, and {@code --resume} and {@code --shard} work as for {@code
 * marginfall sweep}: the files are identical to those of the local runner. Spark is a provided
 * dependency: spark-submit's installation supplies it. Not thread-safe (picocli fills it); the task
 * function is immutable and serializable.
 */
@Command(
    name = "marginfall-spark-sweep",
    mixinStandardHelpOptions = true,
    description =
        "Run a sweep as a Spark job (submit with spark-submit; the master comes from it).")
public final class SparkSweep implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "SWEEP", description = "Sweep file (YAML), on the driver.")
  private Path sweep;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      converter = NonBlankPath.class,
      description = "Output directory, on the driver.")
  private Path out;

  @Option(names = "--shard", paramLabel = "K/N", description = "Run shard K (from 0) of N.")
  private String shard;

  @Option(names = "--resume", description = "Continue a sweep that was interrupted in DIR.")
  private boolean resume;

  @Option(
      names = "--force",
      description = "Replace DIR if it holds an earlier Marginfall output (never other files).")
  private boolean force;

  @Option(
      names = "--runs-per-task",
      paramLabel = "N",
      defaultValue = "16",
      description = "Runs per Spark task (default 16).")
  private int runsPerTask;

  @Option(
      names = "--wave-tasks",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Tasks per wave collected to the driver (default: 4 x Spark's default parallelism).")
  private int waveTasks;

  /** Entry point for spark-submit. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new SparkSweep()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    SweepSpec spec;
    try {
      spec = new SweepReader(Catalog.standard()).read(sweep);
    } catch (InvalidSpecException e) {
      e.problems().stream()
          .map(Problem::toString)
          .forEach(p -> System.err.println("error: " + sweep + ": " + p));
      return 2;
    }
    Shard slice = shard == null ? Shard.ALL : Shard.parse(shard);
    SparkConf conf = new SparkConf().setAppName("marginfall sweep " + spec.name());
    try (JavaSparkContext spark = new JavaSparkContext(conf)) {
      PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
      SweepOutputs.Counts counts =
          run(
              spark,
              spec,
              new SweepRunner.Options(out, 1, slice, resume, force, false),
              runsPerTask,
              waveTasks,
              err);
      PrintWriter o = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
      SweepReport.print(out.toAbsolutePath().normalize(), spec, counts, o, 60);
      return counts.failed() == 0 ? 0 : 3;
    }
  }

  /**
   * Runs {@code spec} on {@code spark} into {@code options.out()} ({@code threads} and {@code
   * keepRuns} are ignored: executors run one run per task slot and keep no run directories).
   */
  public static SweepOutputs.Counts run(
      JavaSparkContext spark,
      SweepSpec spec,
      SweepRunner.Options options,
      int runsPerTask,
      int waveTasks,
      PrintWriter progressOut)
      throws IOException {
    if (runsPerTask < 1) {
      throw new IllegalArgumentException("--runs-per-task: must be >= 1, was " + runsPerTask);
    }
    Path dir = options.out().toAbsolutePath().normalize();
    SweepRunner.prepare(dir, spec, options);
    SweepOutputs outputs = new SweepOutputs(spec);
    outputs.start(dir, options.shard());
    long total = spec.runCount();
    long from = options.shard().from(total);
    long to = options.shard().to(total);
    RunsTable table = new RunsTable(spec);
    Path runsCsv = dir.resolve("runs.csv");
    long[] prefix =
        options.resume()
            ? SweepRunner.completePrefix(runsCsv, table, from, spec.replications())
            : new long[] {0, 0, 0};
    if (options.resume()) {
      try (FileChannel ch =
          FileChannel.open(runsCsv, StandardOpenOption.WRITE, StandardOpenOption.CREATE)) {
        ch.truncate(prefix[1]);
      }
    } else {
      Files.deleteIfExists(runsCsv);
    }
    int tasks = waveTasks > 0 ? waveTasks : 4 * spark.defaultParallelism();
    RunBlock block =
        new RunBlock(
            spec.sweepContent(), spec.scenarioLabel(), spec.scenarioContent(), spec.scenarioJson());
    Progress progress = new Progress(progressOut, false, System::nanoTime, to - from, prefix[0]);
    long done = prefix[0];
    long failed = prefix[2];
    try (OutputStream stream =
            Files.newOutputStream(runsCsv, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8)) {
      if (prefix[1] == 0) {
        w.write(Csv.line(table.header()) + "\n");
        w.flush();
      }
      long next = from + prefix[0];
      progress.update(done, failed);
      while (next < to) {
        List<long[]> blocks = new ArrayList<>();
        while (next < to && blocks.size() < tasks) {
          long end = Math.min(to, next + runsPerTask);
          blocks.add(new long[] {next, end});
          next = end;
        }
        List<List<String>> wave = spark.parallelize(blocks, blocks.size()).map(block).collect();
        for (List<String> lines : wave) {
          for (String line : lines) {
            w.write(line);
            w.write('\n');
            done++;
            failed += table.parse(line).ok() ? 0 : 1;
          }
        }
        w.flush();
        progress.update(done, failed);
      }
    } finally {
      progress.close();
    }
    return outputs.finish(dir, options.shard(), 1);
  }

  /**
   * The task: runs the block {@code [from, to)} of run indices and returns their {@code runs.csv}
   * lines. It carries the sweep and scenario bytes and rebuilds the sweep on the executor.
   */
  private static final class RunBlock implements Function<long[], List<String>>, Serializable {

    private static final long serialVersionUID = 1L;

    private final byte[] sweepContent;
    private final String scenarioLabel;
    private final byte[] scenarioContent;
    private final boolean scenarioJson;

    RunBlock(
        byte[] sweepContent, String scenarioLabel, byte[] scenarioContent, boolean scenarioJson) {
      this.sweepContent = sweepContent.clone();
      this.scenarioLabel = scenarioLabel;
      this.scenarioContent = scenarioContent.clone();
      this.scenarioJson = scenarioJson;
    }

    @Override
    public List<String> call(long[] range) {
      byte[] scenario = scenarioContent.clone();
      SweepSpec spec =
          new SweepReader(Catalog.standard())
              .read(
                  sweepContent,
                  reference -> new ScenarioSource(scenarioLabel, scenario, scenarioJson));
      RunExecutor executor =
          new RunExecutor(
              spec,
              new PointScenarios(spec, Catalog.standard()),
              null,
              java.time.Clock.systemUTC());
      RunsTable table = new RunsTable(spec);
      List<Point> points = spec.points();
      List<String> lines = new ArrayList<>();
      for (long i = range[0]; i < range[1]; i++) {
        Point point = points.get(Math.toIntExact(i / spec.replications()));
        RunResult r = executor.run(point, (int) (i % spec.replications()));
        lines.add(Csv.line(table.cells(point, r)));
      }
      return lines;
    }
  }
}
