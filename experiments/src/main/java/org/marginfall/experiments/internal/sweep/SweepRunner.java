package org.marginfall.experiments.internal.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;
import org.marginfall.experiments.internal.run.Json;
import org.marginfall.experiments.internal.run.OutputDirectoryException;
import org.marginfall.experiments.internal.run.OutputTarget;
import org.marginfall.experiments.internal.scenario.Catalog;

/**
 * Runs a sweep (or one shard of it) into an output directory.
 *
 * <p>Runs execute on a fixed pool of threads, but rows are appended to {@code runs.csv} strictly in
 * run order (point, then replication), each flushed as soon as it and every run before it are done;
 * at most a small window of runs is in flight, so memory stays flat. Because each run depends only
 * on its coordinates (see {@link RunSeeds}), the rows are the same for any thread count. Because
 * the file always holds a prefix of the shard's rows, {@code --resume} keeps the complete rows
 * found (dropping a torn last line), runs the rest, and so ends with the bytes of an uninterrupted
 * sweep. Immutable and thread-safe; one call per directory at a time.
 */
public final class SweepRunner {

  /**
   * How to run.
   *
   * @param out the output directory
   * @param threads worker threads
   * @param shard the slice to run
   * @param resume continue a sweep found in {@code out}
   * @param force replace an earlier output in {@code out} (never other files: {@link OutputTarget})
   * @param keepRuns also write every run's directory under {@code out/runs/}
   */
  public record Options(
      Path out, int threads, Shard shard, boolean resume, boolean force, boolean keepRuns) {

    /** Validates the fields. */
    public Options {
      Objects.requireNonNull(out, "out");
      Objects.requireNonNull(shard, "shard");
      if (threads < 1) {
        throw new IllegalArgumentException("threads: must be >= 1, was " + threads);
      }
      if (resume && force) {
        throw new IllegalArgumentException("--resume and --force exclude each other");
      }
    }
  }

  /** What a sweep did. */
  public record Result(Path directory, long runs, long resumed, SweepOutputs.Counts counts) {}

  private final Catalog catalog;
  private final Clock clock;

  /**
   * Creates a runner whose scenarios use {@code catalog}; {@code clock} stamps per-run manifests
   * only.
   */
  public SweepRunner(Catalog catalog, Clock clock) {
    this.catalog = catalog;
    this.clock = clock;
  }

  /**
   * Runs {@code spec} as {@code options} say; {@code progress} is made once the number of runs to
   * do and already done is known (total, done).
   *
   * @throws OutputDirectoryException when {@code out} holds something else
   */
  public Result run(SweepSpec spec, Options options, Function<long[], Progress> progress)
      throws IOException {
    Path out = options.out().toAbsolutePath().normalize();
    prepare(out, spec, options);
    SweepOutputs outputs = new SweepOutputs(spec);
    outputs.start(out, options.shard());
    long total = spec.runCount();
    long from = options.shard().from(total);
    long to = options.shard().to(total);
    RunsTable table = new RunsTable(spec);
    Path runsCsv = out.resolve("runs.csv");
    long[] prefix =
        options.resume()
            ? completePrefix(runsCsv, table, from, spec.replications())
            : new long[] {0, 0, 0};
    long done = prefix[0];
    long failed = prefix[2];
    if (options.resume()) {
      try (FileChannel ch =
          FileChannel.open(runsCsv, StandardOpenOption.WRITE, StandardOpenOption.CREATE)) {
        ch.truncate(prefix[1]);
      }
    } else {
      Files.deleteIfExists(runsCsv);
    }
    Path runDirs = options.keepRuns() ? Files.createDirectories(out.resolve("runs")) : null;
    if (runDirs != null) {
      removeHidden(runDirs);
    }
    List<Point> points = spec.points();
    RunExecutor executor = new RunExecutor(spec, new PointScenarios(spec, catalog), runDirs, clock);
    Progress bar = progress.apply(new long[] {to - from, done});
    ExecutorService pool =
        Executors.newFixedThreadPool(
            options.threads(),
            r -> {
              Thread t = new Thread(r, "sweep-worker");
              t.setDaemon(true);
              return t;
            });
    try (OutputStream stream =
            Files.newOutputStream(runsCsv, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Writer w = new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8)) {
      if (prefix[1] == 0) {
        w.write(Csv.line(table.header()) + "\n");
        w.flush();
      }
      int window = options.threads() * 4;
      Deque<Future<RunResult>> inFlight = new ArrayDeque<>();
      long next = from + done;
      while (next < to && inFlight.size() < window) {
        inFlight.add(submit(pool, executor, points, spec.replications(), next++));
      }
      bar.update(done, failed);
      while (!inFlight.isEmpty()) {
        RunResult r = take(inFlight.poll());
        w.write(Csv.line(table.cells(points.get(r.point()), r)) + "\n");
        w.flush();
        done++;
        failed += r.ok() ? 0 : 1;
        if (next < to) {
          inFlight.add(submit(pool, executor, points, spec.replications(), next++));
        }
        bar.update(done, failed);
      }
    } finally {
      pool.shutdownNow();
      bar.close();
    }
    SweepOutputs.Counts counts = outputs.finish(out, options.shard(), 1);
    // The report reads only the files just written, exactly as `marginfall report` would.
    new org.marginfall.reports.SweepReportWriter(clock).write(out);
    return new Result(out, to - from, prefix[0], counts);
  }

  private static Future<RunResult> submit(
      ExecutorService pool,
      RunExecutor executor,
      List<Point> points,
      int replications,
      long index) {
    Point point = points.get(Math.toIntExact(index / replications));
    int replication = (int) (index % replications);
    return pool.submit(() -> executor.run(point, replication));
  }

  private static RunResult take(Future<RunResult> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for a run", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("a run escaped its own error handling", e.getCause());
    }
  }

  /**
   * Checks that {@code out} is empty, a resumable run of the same sweep and shard, or (with
   * --force) an earlier output to replace ({@link OutputTarget}).
   */
  static void prepare(Path out, SweepSpec spec, Options options) throws IOException {
    if (options.resume() && !OutputTarget.isFresh(out)) {
      Path manifest = out.resolve("manifest.json");
      if (Files.isRegularFile(manifest)) {
        JsonNode m = Json.mapper().readTree(manifest.toFile());
        if (!spec.sweepSha256().equals(m.path("sweep").path("sha256").asText())
            || !SweepReader.sha256(spec.scenarioContent())
                .equals(m.path("scenario").path("sha256").asText())) {
          throw new OutputDirectoryException(
              out,
              "holds a different sweep (the sweep or scenario file changed); use another --out");
        }
        Shard shard =
            new Shard(
                m.path("shard").path("index").asInt(), m.path("shard").path("count").asInt(1));
        if (!shard.equals(options.shard())) {
          throw new OutputDirectoryException(
              out, "holds shard " + shard + ", not " + options.shard());
        }
      } else {
        checkNotStarted(out, spec);
      }
      removeHidden(out);
    } else if (OutputTarget.check(
        out, options.force(), "use --resume to continue it or --force to replace it")) {
      deleteTree(out);
    }
    Files.createDirectories(out);
  }

  /**
   * Checks a directory without a manifest: a sweep killed before it wrote its manifest leaves only
   * the copies of its sweep and scenario files (each written whole, through a hidden temporary
   * name) and hidden leftovers. Resuming it is starting it; anything else is not this sweep.
   */
  private static void checkNotStarted(Path out, SweepSpec spec) throws IOException {
    List<String> copies = List.of(SweepOutputs.SWEEP_FILE, SweepOutputs.scenarioFile(spec));
    List<byte[]> contents = List.of(spec.sweepContent(), spec.scenarioContent());
    try (Stream<Path> s = Files.list(out)) {
      for (Path p : s.sorted().toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith(".")) {
          continue;
        }
        int i = copies.indexOf(name);
        if (i < 0 || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          throw new OutputDirectoryException(
              out,
              "holds no sweep to resume (no manifest.json, and "
                  + name
                  + " is not a file a sweep writes before it); use another --out");
        }
        if (!Arrays.equals(Files.readAllBytes(p), contents.get(i))) {
          throw new OutputDirectoryException(
              out,
              "holds a different sweep (the sweep or scenario file changed); use another --out");
        }
      }
    }
  }

  /**
   * The complete rows at the start of {@code runs.csv} that are the shard's first runs in order:
   * {count, byte length including the header, failed}. A torn or foreign line ends the prefix.
   */
  static long[] completePrefix(Path csv, RunsTable table, long from, int replications)
      throws IOException {
    if (!Files.isRegularFile(csv)) {
      return new long[] {0, 0, 0};
    }
    // Streamed line by line: a resumed sweep of millions of runs must not read runs.csv into
    // memory.
    try (InputStream in = new BufferedInputStream(Files.newInputStream(csv), 1 << 16)) {
      String header = Csv.line(table.header());
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      long count = 0;
      long failed = 0;
      long complete = 0; // bytes of the header and the complete, expected rows
      long read = 0;
      boolean headerSeen = false;
      for (int b = in.read(); b >= 0; b = in.read()) {
        read++;
        if (b != '\n') {
          line.write(b);
          continue;
        }
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (!headerSeen) {
          if (!text.equals(header)) {
            return new long[] {0, 0, 0};
          }
          headerSeen = true;
          complete = read;
          continue;
        }
        try {
          RunsTable.Row row = table.parse(text);
          long index = from + count;
          if (row.point() != index / replications || row.replication() != index % replications) {
            break;
          }
          failed += row.ok() ? 0 : 1;
        } catch (IllegalArgumentException e) {
          break; // a torn or foreign line ends the prefix
        }
        count++;
        complete = read;
      }
      return new long[] {count, complete, failed};
    }
  }

  /** Removes hidden leftovers of a killed sweep (temporary files, half-written run directories). */
  private static void removeHidden(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(x -> x.getFileName().toString().startsWith(".")).toList()) {
        deleteTree(p);
      }
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
