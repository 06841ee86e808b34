package org.marginfall.experiments.internal.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.marginfall.core.engine.ModelSpec;
import org.marginfall.core.engine.Simulation;
import org.marginfall.core.metric.RunListener;
import org.marginfall.core.metric.RunSummary;
import org.marginfall.core.metric.SummaryCollector;
import org.marginfall.core.network.VenueExposures;
import org.marginfall.core.random.StreamSeeds;
import org.marginfall.core.util.Sha256;
import org.marginfall.experiments.internal.warning.ScenarioWarnings;
import org.marginfall.experiments.internal.warning.WarningsFile;
import org.marginfall.reports.RunReportWriter;

/**
 * Runs a scenario and writes its run directory (docs/outputs.md) atomically: everything goes to a
 * hidden sibling directory that is renamed into place only when the run, every file and the report
 * have succeeded, so a failed run leaves nothing behind.
 *
 * <p>The clock is injected so that wall time appears only in {@code manifest.json}. Immutable and
 * thread-safe; each call is independent.
 */
public final class RunDirectoryWriter {

  /** The result of a run, for the caller to report. */
  public record Result(Path directory, RunSummary summary, long events, Duration wallTime) {}

  /**
   * What a caller adds to a run directory: listeners on the run, and files written into the staging
   * directory after the run's own files and before its report (so the report can show them, and a
   * failure still leaves nothing behind).
   */
  public interface Extension {
    /** Listeners attached to the run after the writer's own. */
    default List<RunListener> listeners() {
      return List.of();
    }

    /**
     * Writes more files into {@code dir}, the staging run directory, once the run's files exist.
     */
    default void beforeReport(Path dir, Result run) throws IOException {}
  }

  private static final Extension NONE = new Extension() {};

  private final Clock clock;
  private final RunWatcher watcher;
  private final boolean clearStale;

  /**
   * Creates a writer that reads wall time from {@code clock}, tells no one anything and does not
   * look for the staging directories of killed runs: for a sweep's run directories (the sweep
   * clears its {@code runs/} directory when it starts, and scanning it once per run would cost time
   * quadratic in the runs) and for tests.
   */
  public RunDirectoryWriter(Clock clock) {
    this(clock, RunWatcher.QUIET, false);
  }

  /**
   * Creates a writer for a person waiting for the run: it reads wall time from {@code clock},
   * clears the staging directories killed runs of the same output left ({@link StaleTemporaries})
   * and tells {@code watcher} about them and about the run's progress.
   */
  public RunDirectoryWriter(Clock clock, RunWatcher watcher) {
    this(clock, watcher, true);
  }

  private RunDirectoryWriter(Clock clock, RunWatcher watcher, boolean clearStale) {
    this.clock = clock;
    this.watcher = watcher;
    this.clearStale = clearStale;
  }

  /**
   * Performs the run.
   *
   * @throws OutputDirectoryException if the directory exists and is not empty and may not be
   *     replaced ({@link OutputTarget}), or cannot be created
   * @throws IOException if a file cannot be written
   */
  public Result write(RunRequest request) throws IOException {
    return write(request, NONE);
  }

  /**
   * Performs the run with {@code extension}'s listeners and files, all inside the same staging
   * directory as the run's own files.
   *
   * @throws OutputDirectoryException as {@link #write(RunRequest)}
   * @throws IOException if a file cannot be written
   */
  public Result write(RunRequest request, Extension extension) throws IOException {
    Path out = request.out().toAbsolutePath().normalize();
    OutputTarget.check(out, request.replace(), "use --force to replace it");
    List<Path> created = createParents(out);
    boolean published = false;
    try {
      if (clearStale) {
        // Staging directories of killed runs of the same output must not pile up (docs/outputs.md).
        StaleTemporaries.clear(out).forEach(watcher::note);
      }
      try (StagingDirectory staging = StagingDirectory.create(out)) {
        Result r = produce(request, staging.path(), extension);
        staging.publish(out);
        published = true;
        return new Result(out, r.summary(), r.events(), r.wallTime());
      }
    } finally {
      if (!published) {
        removeCreated(created);
      }
    }
  }

  /**
   * Creates the missing parents of {@code out}, returning those it created (outermost first) so a
   * failed run can remove them again. A file where a directory should be is the user's mistake.
   */
  private static List<Path> createParents(Path out) throws IOException {
    List<Path> missing = new ArrayList<>();
    for (Path p = out.getParent(); p != null; p = p.getParent()) {
      if (Files.exists(p)) {
        if (!Files.isDirectory(p)) {
          throw new OutputDirectoryException(
              out, "cannot be created: " + p + " is a file, not a directory");
        }
        break;
      }
      missing.add(0, p);
    }
    List<Path> created = new ArrayList<>();
    try {
      for (Path p : missing) {
        Files.createDirectory(p);
        created.add(p);
      }
    } catch (IOException e) {
      removeCreated(created);
      throw OutputDirectoryException.cannotCreate(out, e);
    }
    return created;
  }

  private static void removeCreated(List<Path> created) {
    for (int i = created.size() - 1; i >= 0; i--) {
      try {
        Files.deleteIfExists(created.get(i));
      } catch (IOException e) {
        // Not empty or not ours any more: leave it, the run's own files are already gone.
        return;
      }
    }
  }

  /**
   * Writes a complete run directory of {@code request} into {@code dir}, which must exist and be
   * empty: for a run directory nested in another run's staging directory (a counterfactual twin),
   * whose atomicity is the outer run's. {@code request.out()} and {@code request.replace()} are not
   * used.
   *
   * @throws IOException if a file cannot be written
   */
  public Result writeInto(Path dir, RunRequest request, Extension extension) throws IOException {
    if (!isEmptyDirectory(dir)) {
      throw new OutputDirectoryException(dir, "must be an existing empty directory");
    }
    return produce(request, dir, extension);
  }

  private Result produce(RunRequest request, Path dir, Extension extension) throws IOException {
    Instant started = clock.instant();
    ModelSpec model = request.scenario().model();
    long seed = request.seed().orElse(model.settings().seed());
    SummaryCollector summaries = new SummaryCollector();
    SkippedRows skipped = new SkippedRows();
    LiquidationKinds liquidationKinds = new LiquidationKinds();
    Simulation.Outcome outcome;
    VenueExposures exposures;
    long events;
    try (RunWatcher.Display progress = watcher.progress();
        Writer csv = writer(dir.resolve("timeseries.csv"));
        Writer jsonl = writer(dir.resolve("events.jsonl"))) {
      TimeseriesCsvWriter series = new TimeseriesCsvWriter(csv);
      EventsJsonlWriter eventLog = new EventsJsonlWriter(jsonl);
      List<RunListener> listeners =
          new ArrayList<>(List.of(summaries, series, eventLog, skipped, liquidationKinds));
      listeners.addAll(extension.listeners());
      listeners.add(progress);
      try {
        Simulation.Measured measured =
            Simulation.runMeasured(model, seed, 0, request.audit(), listeners);
        outcome = measured.outcome();
        exposures = measured.exposures();
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      events = eventLog.written();
    }
    RunSummary summary = summaries.summary(request.audit(), outcome.auditedSteps());
    writeJson(dir.resolve("summary.json"), SummaryJson.tree(request.scenario(), summary, skipped));
    Duration wall = Duration.between(started, clock.instant());
    ObjectNode manifest = manifest(request, seed, outcome, started, wall, dir);
    ObjectNode kinds = manifest.putObject("liquidationEvents");
    liquidationKinds.kinds().forEach((type, fields) -> fields.forEach(kinds.putArray(type)::add));
    writeJson(dir.resolve("manifest.json"), manifest);
    // The exact bytes that were read and hashed (JSON is valid YAML), so the run directory is
    // self-describing: the report's model description (ODD) reads the scenario from here.
    Files.write(dir.resolve("scenario.yaml"), request.scenario().content());
    writeJson(
        dir.resolve("network.json"), NetworkFiles.network(request.scenario().name(), exposures));
    writeJson(dir.resolve("exposures.json"), NetworkFiles.exposures(exposures));
    WarningsFile.write(dir, ScenarioWarnings.of(model));
    if (request.longTimeseries()) {
      LongTimeseriesWriter.write(
          dir.resolve("timeseries.csv"), dir.resolve(LongTimeseriesWriter.FILE));
    }
    Result result = new Result(dir, summary, events, wall);
    extension.beforeReport(dir, result);
    if (request.report()) {
      new RunReportWriter(clock).write(dir);
    }
    return result;
  }

  private ObjectNode manifest(
      RunRequest request,
      long seed,
      Simulation.Outcome outcome,
      Instant started,
      Duration wall,
      Path dir)
      throws IOException {
    Provenance p = Provenance.current();
    ObjectNode m = Json.mapper().createObjectNode();
    ObjectNode sw = m.putObject("software");
    sw.put("name", "marginfall");
    sw.put("version", p.version());
    sw.put("gitCommit", p.gitCommit());
    sw.put("gitDirty", p.gitDirty());
    ObjectNode sc = m.putObject("scenario");
    sc.put("name", request.scenario().name());
    sc.put("file", request.source());
    sc.put("sha256", request.scenario().sha256());
    SummaryJson.putDataFiles(sc, request.scenario());
    m.put("seed", seed);
    m.put("replication", 0);
    ObjectNode streams = m.putObject("randomStreams");
    streams.put("derivation", StreamSeeds.DERIVATION);
    ObjectNode seeds = streams.putObject("streams");
    for (Map.Entry<String, Long> e : outcome.streamSeeds().entrySet()) {
      seeds.put(e.getKey(), Long.toUnsignedString(e.getValue(), 16));
    }
    ObjectNode jvm = m.putObject("jvm");
    jvm.put("vendor", System.getProperty("java.vendor"));
    jvm.put("version", System.getProperty("java.version"));
    ObjectNode os = m.putObject("os");
    os.put("name", System.getProperty("os.name"));
    os.put("arch", System.getProperty("os.arch"));
    m.put("startedAt", started.toString());
    m.put("wallTimeSeconds", wall.toNanos() / 1e9);
    m.put("audit", request.audit());
    ObjectNode files = m.putObject("files");
    for (String f : List.of("summary.json", "timeseries.csv", "events.jsonl")) {
      files.put(f, sha256(dir.resolve(f)));
    }
    return m;
  }

  private static void writeJson(Path file, ObjectNode tree) throws IOException {
    try (Writer w = writer(file)) {
      w.write(Json.pretty().writeValueAsString(tree));
      w.write('\n');
    }
  }

  private static Writer writer(Path file) throws IOException {
    return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
  }

  private static String sha256(Path file) throws IOException {
    return Sha256.hex(file);
  }

  private static boolean isEmptyDirectory(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }
}
