package org.marginfall.experiments.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginfall.experiments.Fixtures.minimalYaml;
import static org.marginfall.experiments.Fixtures.replaceOnce;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.experiments.Fixtures;
import org.marginfall.experiments.internal.scenario.Catalog;
import org.marginfall.experiments.internal.scenario.ScenarioReader;

/**
 * The hidden staging directories a killed {@code run} leaves beside its output: a later run of the
 * same output removes those it can tell are unused, leaves one a concurrent run is writing, and
 * names the ones it cannot judge. A real {@code marginfall run} in a child JVM is killed mid-run
 * (SIGKILL: no finally block, no shutdown hook) to leave one.
 */
class StaleTemporariesTest {

  @TempDir Path tmp;
  @TempDir Path input;

  private final List<String> notes = new ArrayList<>();

  @Test
  void test_write_removesTheStagingDirectoryOfAKilledRun() throws Exception {
    Path out = tmp.resolve("run");
    Process child = startLongRun(out);
    Path staging;
    try {
      staging = awaitStepping(child, out);
    } finally {
      child.destroyForcibly().waitFor();
    }
    assertTrue(Files.isDirectory(staging), "the kill left " + staging);

    write(out);

    assertEquals(
        List.of(out),
        list(tmp),
        "only the new run directory, the killed run's staging directory is gone");
    assertEquals(
        List.of(
            "removed a temporary directory that a killed run left beside "
                + out
                + ": "
                + staging.getFileName()),
        notes);
  }

  @Test
  void test_write_leavesTheStagingDirectoryOfARunStillWritingTheSameOutput() throws Exception {
    Path out = tmp.resolve("run");
    Process child = startLongRun(out);
    try {
      Path staging = awaitStepping(child, out);

      write(out);

      assertTrue(child.isAlive());
      assertTrue(Files.isDirectory(staging), "a live run's staging directory must be left alone");
      assertEquals(List.of(), notes, "a directory in use is neither removed nor reported");
    } finally {
      child.destroyForcibly().waitFor();
    }
  }

  @Test
  void test_write_namesTemporariesItCannotJudgeAndIgnoresOtherOutputs() throws IOException {
    Path out = tmp.resolve("run");
    // No lock file (an older version's, or a directory someone named so): not provably unused.
    Path unknown = Files.createDirectory(tmp.resolve(".run.tmp-1-2"));
    Fixtures.write(unknown, "summary.json", "{}");
    Path replaced = Files.createDirectory(tmp.resolve(".run.old-3-4"));
    Path other = Files.createDirectory(tmp.resolve(".run2.tmp-5-6"));

    write(out);

    assertTrue(Files.isRegularFile(unknown.resolve("summary.json")));
    assertTrue(Files.isDirectory(replaced));
    assertTrue(Files.isDirectory(other));
    assertEquals(
        List.of(
            tmp
                + " holds temporary directories of earlier runs of "
                + out.getFileName()
                + " that may still be in use (remove them once no run is writing "
                + out
                + "): .run.old-3-4, .run.tmp-1-2"),
        notes);
  }

  @Test
  void test_write_aSweepsWriterDoesNotLook() throws IOException {
    // A sweep clears its runs/ directory when it starts; one scan per kept run would be quadratic.
    Path leftover = Files.createDirectory(tmp.resolve(".run.tmp-1-2"));
    Files.createFile(
        leftover.resolve(StagingDirectory.LOCK)); // unlocked: removable by a person's run
    var scenario =
        new ScenarioReader(Catalog.standard())
            .read(minimalYaml().getBytes(StandardCharsets.UTF_8), false);

    new RunDirectoryWriter(Clock.systemUTC())
        .write(
            new RunRequest(
                scenario,
                "minimal.yaml",
                tmp.resolve("run"),
                OptionalLong.empty(),
                false,
                false,
                false));

    assertTrue(Files.isDirectory(leftover));
  }

  @Test
  void test_run_printsTheNoteOnStandardError() throws IOException {
    Path out = tmp.resolve("run");
    Files.createDirectory(tmp.resolve(".run.tmp-1-2"));
    Path scenario = Fixtures.write(input, "minimal.yaml", minimalYaml());

    Fixtures.CliResult r =
        Fixtures.cli("run", scenario.toString(), "--out", out.toString(), "--no-report");

    assertEquals(0, r.exit(), r.err());
    assertEquals(
        List.of(
            "note: "
                + tmp
                + " holds a temporary directory of an earlier run of run that may still be in"
                + " use (remove it once no run is writing "
                + out
                + "): .run.tmp-1-2"),
        r.errLines());
  }

  private void write(Path out) throws IOException {
    RunWatcher watcher =
        new RunWatcher() {
          @Override
          public void note(String line) {
            notes.add(line);
          }
        };
    var scenario =
        new ScenarioReader(Catalog.standard())
            .read(minimalYaml().getBytes(StandardCharsets.UTF_8), false);
    new RunDirectoryWriter(Clock.systemUTC(), watcher)
        .write(
            new RunRequest(
                scenario, "minimal.yaml", out, OptionalLong.empty(), false, false, false));
  }

  /**
   * {@code marginfall run} of the minimal scenario stretched to a million steps, in a child JVM.
   */
  private Process startLongRun(Path out) throws IOException {
    Path scenario =
        Fixtures.write(
            input, "long.yaml", replaceOnce(minimalYaml(), "  steps: 10\n", "  steps: 1000000\n"));
    String java = ProcessHandle.current().info().command().orElse("java");
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            "-Djava.awt.headless=true",
            "org.marginfall.experiments.internal.cli.Main",
            "run",
            scenario.toString(),
            "--out",
            out.toString(),
            "--no-report")
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  /**
   * Waits until the child run writes steps into its staging directory, and returns the directory.
   */
  private static Path awaitStepping(Process child, Path out)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < deadline) {
      assertTrue(
          child.isAlive(),
          "the child run ended early with exit code " + (child.isAlive() ? "" : child.exitValue()));
      Optional<Path> staging = staging(out);
      if (staging.isPresent()
          && Files.isRegularFile(staging.get().resolve("timeseries.csv"))
          && Files.size(staging.get().resolve("timeseries.csv")) > 0) {
        return staging.get();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the child run never started stepping");
  }

  private static Optional<Path> staging(Path out) throws IOException {
    try (Stream<Path> s = Files.list(out.getParent())) {
      return s.filter(p -> p.getFileName().toString().startsWith("." + out.getFileName() + ".tmp-"))
          .findFirst();
    }
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  @Test
  void test_staleNames_onlyThisOutputsTemporaries() {
    assertFalse(StagingDirectory.isStagingName("run", ".run2.tmp-1-2"));
    assertTrue(StagingDirectory.isStagingName("run", ".run.tmp-1-2"));
    assertFalse(StagingDirectory.isStagingName("run", ".run.tmp-1-2x"));
    assertFalse(
        StagingDirectory.isStagingName("r.n", ".rxn.tmp-1-2"), "the name is matched literally");
  }
}
