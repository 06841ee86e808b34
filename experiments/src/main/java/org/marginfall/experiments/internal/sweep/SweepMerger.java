package org.marginfall.experiments.internal.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.core.spec.Problem;
import org.marginfall.core.util.AtomicFiles;
import org.marginfall.experiments.internal.run.Json;
import org.marginfall.experiments.internal.run.OutputDirectoryException;
import org.marginfall.experiments.internal.run.OutputTarget;
import org.marginfall.experiments.internal.scenario.Catalog;
import org.marginfall.experiments.internal.scenario.ScenarioSource;

/**
 * Combines the directories of every shard of one sweep into the directory an unsharded run writes:
 * the shards' {@code runs.csv} rows concatenated in shard order (which is run order), then the same
 * summary files. Refuses shards of different sweeps, missing, duplicated or unfinished shards.
 *
 * <p>A shard's manifest is not trusted: the sweep is read only from the copies of the sweep and
 * scenario files that the shard directory itself holds, under the names a sweep gives them, and
 * only when their SHA-256 hashes are the ones the manifest records; each shard's {@code runs.csv}
 * must hold exactly its slice's rows, in run order. Every problem is found before anything is
 * written. Immutable and thread-safe.
 */
public final class SweepMerger {

  /** The names a sweep gives its copy of the base scenario. */
  private static final List<String> SCENARIO_FILES = List.of("scenario.yaml", "scenario.json");

  /** A shard directory as checked: its manifest's claims and its own copies of the inputs. */
  private record ShardDir(
      Path dir,
      int index,
      int count,
      boolean complete,
      String sweepSha256,
      String scenarioSha256,
      byte[] sweep,
      byte[] scenario,
      boolean json) {}

  private final Catalog catalog;

  /** Creates a merger whose scenarios use {@code catalog}. */
  public SweepMerger(Catalog catalog) {
    this.catalog = catalog;
  }

  /**
   * Reads the sweep an output directory holds, from its copies of the sweep and scenario files.
   *
   * @throws InvalidSpecException naming the file when the directory does not hold a sweep whose
   *     copies match its manifest
   */
  public SweepSpec specOf(Path dir) throws IOException {
    List<Problem> problems = new ArrayList<>();
    ShardDir shard = read(dir, problems);
    if (!problems.isEmpty()) {
      throw new InvalidSpecException(problems);
    }
    return spec(shard);
  }

  private SweepSpec spec(ShardDir shard) {
    try {
      return new SweepReader(catalog)
          .read(
              shard.sweep(),
              reference -> new ScenarioSource(reference, shard.scenario(), shard.json()));
    } catch (InvalidSpecException e) {
      String file = shard.dir().resolve(SweepOutputs.SWEEP_FILE).toString();
      throw new InvalidSpecException(
          e.problems().stream()
              .map(
                  p -> new Problem(p.path().isEmpty() ? file : file + ": " + p.path(), p.message()))
              .toList());
    }
  }

  /**
   * Merges {@code shards} into {@code out}.
   *
   * @throws InvalidSpecException naming the directory or file when the shards do not make one sweep
   * @throws OutputDirectoryException when {@code out} exists and is not empty and may not be
   *     replaced ({@link OutputTarget})
   */
  public SweepOutputs.Counts merge(List<Path> shards, Path out, boolean force) throws IOException {
    List<Problem> problems = new ArrayList<>();
    List<ShardDir> read = new ArrayList<>();
    for (Path dir : shards) {
      ShardDir s = read(dir, problems);
      if (s != null) {
        read.add(s);
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidSpecException(problems);
    }
    Map<Integer, ShardDir> byIndex = new TreeMap<>();
    ShardDir first = read.get(0);
    for (ShardDir s : read) {
      Path dir = s.dir();
      if (!s.complete()) {
        throw new InvalidSpecException(
            dir.toString(), "the shard is not finished (run it again with --resume)");
      }
      if (!first.sweepSha256().equals(s.sweepSha256())
          || !first.scenarioSha256().equals(s.scenarioSha256())) {
        throw new InvalidSpecException(
            dir.toString(), "is a shard of a different sweep than " + first.dir());
      } else if (s.count() != first.count()) {
        throw new InvalidSpecException(
            dir.toString(),
            "is shard "
                + s.index()
                + "/"
                + s.count()
                + " but "
                + first.dir()
                + " has "
                + first.count()
                + " shards");
      }
      ShardDir other = byIndex.put(s.index(), s);
      if (other != null) {
        throw new InvalidSpecException(
            dir.toString(), "is shard " + s.index() + "/" + s.count() + ", like " + other.dir());
      }
    }
    if (byIndex.size() != first.count()) {
      List<Integer> missing =
          IntStream.range(0, first.count()).filter(i -> !byIndex.containsKey(i)).boxed().toList();
      throw new InvalidSpecException(
          "", "shards " + missing + " of " + first.count() + " are missing");
    }
    SweepSpec spec = spec(byIndex.get(0));
    RunsTable table = new RunsTable(spec);
    long total = spec.runCount();
    for (ShardDir s : byIndex.values()) {
      checkRows(s, table, total, spec.replications(), problems);
    }
    if (!problems.isEmpty()) {
      throw new InvalidSpecException(problems);
    }
    Path target = out.toAbsolutePath().normalize();
    if (OutputTarget.check(target, force, "use --force to replace it")) {
      SweepRunner.deleteTree(target);
    }
    Files.createDirectories(target);
    SweepOutputs outputs = new SweepOutputs(spec);
    outputs.start(target, Shard.ALL);
    Path tmp = AtomicFiles.temporary(target, "runs.csv");
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      w.write(Csv.line(table.header()) + "\n");
      for (ShardDir s : byIndex.values()) {
        try (BufferedReader in =
            Files.newBufferedReader(s.dir().resolve("runs.csv"), StandardCharsets.UTF_8)) {
          in.readLine();
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            w.write(line);
            w.write('\n');
          }
        }
      }
    }
    AtomicFiles.move(tmp, target.resolve("runs.csv"));
    SweepOutputs.Counts counts = outputs.finish(target, Shard.ALL, first.count());
    new org.marginfall.reports.SweepReportWriter(java.time.Clock.systemUTC()).write(target);
    return counts;
  }

  /**
   * Reads a shard directory's manifest and its own copies of the sweep and scenario files, adding a
   * problem for each thing that is wrong; null when the directory cannot be read as a shard at all.
   */
  private static ShardDir read(Path dir, List<Problem> problems) throws IOException {
    Path manifest = dir.resolve("manifest.json");
    if (!Files.isRegularFile(manifest)) {
      problems.add(
          new Problem(dir.toString(), "is not a sweep output directory (no manifest.json)"));
      return null;
    }
    JsonNode m;
    try {
      m = Json.mapper().readTree(manifest.toFile());
    } catch (JsonProcessingException e) {
      problems.add(
          new Problem(manifest.toString(), "is not valid JSON: " + e.getOriginalMessage()));
      return null;
    }
    int mark = problems.size();
    String sweepFile = m.path("sweep").path("file").asText();
    if (!sweepFile.equals(SweepOutputs.SWEEP_FILE)) {
      problems.add(
          new Problem(
              manifest + ": sweep.file",
              "must be "
                  + SweepOutputs.SWEEP_FILE
                  + ", the copy a sweep writes beside its manifest, was '"
                  + sweepFile
                  + "'"));
    }
    String scenarioFile = m.path("scenario").path("file").asText();
    if (!SCENARIO_FILES.contains(scenarioFile)) {
      problems.add(
          new Problem(
              manifest + ": scenario.file",
              "must be scenario.yaml or scenario.json, the copy a sweep"
                  + " writes beside its manifest, was '"
                  + scenarioFile
                  + "'"));
    }
    JsonNode shard = m.path("shard");
    int index = shard.path("index").asInt(-1);
    int count = shard.path("count").asInt(-1);
    if (!shard.path("index").isInt()
        || !shard.path("count").isInt()
        || count < 1
        || index < 0
        || index >= count) {
      problems.add(
          new Problem(
              manifest + ": shard",
              "must have an index K and a count N with 0 <= K < N, was "
                  + shard.path("index")
                  + "/"
                  + shard.path("count")));
    }
    if (problems.size() > mark) {
      return null;
    }
    String sweepSha = m.path("sweep").path("sha256").asText();
    String scenarioSha = m.path("scenario").path("sha256").asText();
    byte[] sweep = copy(dir.resolve(sweepFile), sweepSha, problems);
    byte[] scenario = copy(dir.resolve(scenarioFile), scenarioSha, problems);
    if (sweep == null || scenario == null) {
      return null;
    }
    return new ShardDir(
        dir,
        index,
        count,
        m.path("complete").asBoolean(),
        sweepSha,
        scenarioSha,
        sweep,
        scenario,
        scenarioFile.endsWith(".json"));
  }

  /**
   * The bytes of a shard's copy of an input, when it is a plain file whose hash is {@code sha256}.
   */
  private static byte[] copy(Path file, String sha256, List<Problem> problems) throws IOException {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      problems.add(
          new Problem(
              file.toString(),
              Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                  ? "is not a plain file (a shard holds its own copy, not a link)"
                  : "is missing (a shard holds a copy of its inputs)"));
      return null;
    }
    byte[] bytes = Files.readAllBytes(file);
    if (!SweepReader.sha256(bytes).equals(sha256)) {
      problems.add(
          new Problem(
              file.toString(),
              "its SHA-256 is not the one manifest.json records (the file changed"
                  + " after the shard ran)"));
      return null;
    }
    return bytes;
  }

  /** Checks that a shard's {@code runs.csv} holds exactly its slice's rows, in run order. */
  private static void checkRows(
      ShardDir s, RunsTable table, long total, int replications, List<Problem> problems)
      throws IOException {
    Shard shard = new Shard(s.index(), s.count());
    long from = shard.from(total);
    long to = shard.to(total);
    Path csv = s.dir().resolve("runs.csv");
    if (!Files.isRegularFile(csv, LinkOption.NOFOLLOW_LINKS)) {
      problems.add(new Problem(csv.toString(), "is missing"));
      return;
    }
    long[] prefix = SweepRunner.completePrefix(csv, table, from, replications);
    if (prefix[1] == 0) {
      problems.add(new Problem(csv.toString(), "does not start with the header of this sweep"));
    } else if (prefix[0] != to - from || prefix[1] != Files.size(csv)) {
      problems.add(
          new Problem(
              csv.toString(),
              "must hold the "
                  + (to - from)
                  + " rows of runs "
                  + from
                  + ".."
                  + (to - 1)
                  + " of shard "
                  + shard
                  + " in run order; its first "
                  + prefix[0]
                  + " rows are"
                  + (prefix[0] < to - from
                      ? " and then it ends or differs"
                      : " and then more follows")));
    }
  }
}
