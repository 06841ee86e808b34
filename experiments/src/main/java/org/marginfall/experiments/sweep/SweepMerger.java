package org.marginfall.experiments.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.experiments.run.Json;
import org.marginfall.experiments.run.OutputDirectoryException;
import org.marginfall.experiments.run.OutputTarget;
import org.marginfall.experiments.scenario.Catalog;
import org.marginfall.experiments.scenario.ScenarioSource;

/**
 * Combines the directories of every shard of one sweep into the directory an unsharded run writes:
 * the shards' {@code runs.csv} rows concatenated in shard order (which is run order), then the same
 * summary files. Refuses shards of different sweeps, missing, duplicated or unfinished shards.
 * Immutable and thread-safe.
 */
public final class SweepMerger {

  private final Catalog catalog;

  /** Creates a merger whose scenarios use {@code catalog}. */
  public SweepMerger(Catalog catalog) {
    this.catalog = catalog;
  }

  /** Reads the sweep an output directory holds, from its copies of the sweep and scenario files. */
  public SweepSpec specOf(Path dir) throws IOException {
    JsonNode m = manifest(dir);
    Path scenario = dir.resolve(m.path("scenario").path("file").asText());
    byte[] scenarioBytes = Files.readAllBytes(scenario);
    boolean json = scenario.getFileName().toString().endsWith(".json");
    return new SweepReader(catalog).read(
        Files.readAllBytes(dir.resolve(SweepOutputs.SWEEP_FILE)),
        reference -> new ScenarioSource(reference, scenarioBytes, json));
  }

  /**
   * Merges {@code shards} into {@code out}.
   *
   * @throws InvalidSpecException naming the directory when the shards do not make one sweep
   * @throws OutputDirectoryException when {@code out} exists and is not empty and may not be replaced
   *     ({@link OutputTarget})
   */
  public SweepOutputs.Counts merge(List<Path> shards, Path out, boolean force) throws IOException {
    Map<Integer, Path> byIndex = new TreeMap<>();
    String sweepSha = null;
    String scenarioSha = null;
    int count = -1;
    for (Path dir : shards) {
      JsonNode m = manifest(dir);
      String sha = m.path("sweep").path("sha256").asText();
      String ssha = m.path("scenario").path("sha256").asText();
      int n = m.path("shard").path("count").asInt();
      int k = m.path("shard").path("index").asInt();
      if (!m.path("complete").asBoolean()) {
        throw new InvalidSpecException(dir.toString(), "the shard is not finished (run it again with --resume)");
      }
      if (sweepSha == null) {
        sweepSha = sha;
        scenarioSha = ssha;
        count = n;
      } else if (!sweepSha.equals(sha) || !scenarioSha.equals(ssha)) {
        throw new InvalidSpecException(dir.toString(), "is a shard of a different sweep than " + shards.get(0));
      } else if (n != count) {
        throw new InvalidSpecException(dir.toString(), "is shard " + k + "/" + n + " but " + shards.get(0) + " has " + count + " shards");
      }
      Path other = byIndex.put(k, dir);
      if (other != null) {
        throw new InvalidSpecException(dir.toString(), "is shard " + k + "/" + n + ", like " + other);
      }
    }
    if (byIndex.size() != count) {
      List<Integer> missing = java.util.stream.IntStream.range(0, count).filter(i -> !byIndex.containsKey(i)).boxed().toList();
      throw new InvalidSpecException("", "shards " + missing + " of " + count + " are missing");
    }
    SweepSpec spec = specOf(byIndex.get(0));
    Path target = out.toAbsolutePath().normalize();
    if (OutputTarget.check(target, force, "use --force to replace it")) {
      SweepRunner.deleteTree(target);
    }
    Files.createDirectories(target);
    SweepOutputs outputs = new SweepOutputs(spec);
    outputs.start(target, Shard.ALL);
    RunsTable table = new RunsTable(spec);
    Path tmp = SweepOutputs.temporary(target, "runs.csv");
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      w.write(Csv.line(table.header()) + "\n");
      for (Path dir : byIndex.values()) {
        try (BufferedReader in = Files.newBufferedReader(dir.resolve("runs.csv"), StandardCharsets.UTF_8)) {
          in.readLine();
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            w.write(line);
            w.write('\n');
          }
        }
      }
    }
    SweepOutputs.move(tmp, target.resolve("runs.csv"));
    SweepOutputs.Counts counts = outputs.finish(target, Shard.ALL, count);
    new org.marginfall.reports.SweepReportWriter(java.time.Clock.systemUTC()).write(target);
    return counts;
  }

  private static JsonNode manifest(Path dir) throws IOException {
    Path m = dir.resolve("manifest.json");
    if (!Files.isRegularFile(m)) {
      throw new InvalidSpecException(dir.toString(), "is not a sweep output directory (no manifest.json)");
    }
    return Json.mapper().readTree(m.toFile());
  }
}
