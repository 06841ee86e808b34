package org.marginfall.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launchers bin/marginfall and bin/microbench when they have to build: they say what is
 * happening before Maven starts, keep Maven quiet, show Maven's own failure output when the build
 * fails, and never pass terminal escape codes through. Each launcher is copied into a bare tree (no
 * jar yet) and run with stand-ins for {@code mvn} and {@code java} first on the PATH: the {@code
 * mvn} stand-in records how it was called, writes escape codes as Debian's Maven 3.8 does ({@code
 * ESC[0m} on exit even with {@code -B}), and fails or builds as told.
 */
class LauncherScriptTest {

  private static final String ESC = "\u001b";

  @TempDir Path tmp;
  private Path root;
  private Path fakeBin;

  @BeforeEach
  void setUp() throws IOException {
    assumeTrue(
        Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")),
        "needs bash");
    Path project =
        Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .resolve("..")
            .normalize();
    root = Files.createDirectories(tmp.resolve("marginfall"));
    Files.createDirectories(root.resolve("bin"));
    for (String launcher : List.of("marginfall", "microbench")) {
      Path copy = root.resolve("bin").resolve(launcher);
      Files.copy(
          project.resolve("bin").resolve(launcher), copy, StandardCopyOption.REPLACE_EXISTING);
      assertTrue(copy.toFile().setExecutable(true));
    }
    fakeBin = Files.createDirectories(tmp.resolve("fake-bin"));
    // java: prints what it was asked to run.
    script("java", "echo \"java $*\"\n");
  }

  /**
   * The {@code mvn} stand-in: records its arguments and MAVEN_OPTS, prints escape codes, then runs
   * {@code body}.
   */
  private void mvn(String body) throws IOException {
    script(
        "mvn",
        "echo \"args: $*\" >> \""
            + tmp.resolve("mvn-calls")
            + "\"\n"
            + "echo \"MAVEN_OPTS: ${MAVEN_OPTS:-}\" >> \""
            + tmp.resolve("mvn-calls")
            + "\"\n"
            + "printf '\\033[0m\\033[0m'\n"
            + "printf '\\033[1;31m[ERROR]\\033[m stand-in on stderr\\n' >&2\n"
            + body);
  }

  private void script(String name, String body) throws IOException {
    Path p = fakeBin.resolve(name);
    Files.writeString(p, "#!/usr/bin/env bash\n" + body, StandardCharsets.UTF_8);
    assertTrue(p.toFile().setExecutable(true));
  }

  private record Result(int exit, String out, String err) {}

  private Result run(String launcher, String... args) throws Exception {
    List<String> command =
        new java.util.ArrayList<>(
            List.of("bash", root.resolve("bin").resolve(launcher).toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
    pb.environment().put("PATH", fakeBin + java.io.File.pathSeparator + System.getenv("PATH"));
    pb.environment().remove("MAVEN_OPTS");
    pb.redirectOutput(tmp.resolve("out").toFile()).redirectError(tmp.resolve("err").toFile());
    Process p = pb.start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher did not finish");
    return new Result(
        p.exitValue(), Files.readString(tmp.resolve("out")), Files.readString(tmp.resolve("err")));
  }

  private String calls() throws IOException {
    return Files.readString(tmp.resolve("mvn-calls"));
  }

  @Test
  void test_marginfall_firstBuildSaysWhatItDoesAndRunsTheJar() throws Exception {
    Path jar = root.resolve("experiments/target/marginfall.jar");
    mvn("mkdir -p \"" + jar.getParent() + "\" && touch \"" + jar + "\"\n");

    Result r = run("marginfall", "--version");

    assertEquals(0, r.exit(), r.err());
    assertTrue(
        r.err()
            .startsWith(
                "building marginfall (first run: Maven downloads dependencies, a few minutes)...\n"),
        r.err());
    assertTrue(r.err().contains("built " + jar), r.err());
    assertFalse(r.err().contains("stand-in"), "a successful build stays quiet: " + r.err());
    assertFalse(
        r.out().contains(ESC) || r.err().contains(ESC), "escape codes: " + r.out() + r.err());
    assertEquals("java -Djava.awt.headless=true -jar " + jar + " --version\n", r.out());
    String calls = calls();
    assertTrue(calls.contains("args: -q -B -Dstyle.color=never -DskipTests package"), calls);
    assertTrue(calls.contains("-Djansi.noreset=true"), calls);

    // Up to date now: no build, no message.
    Result again = run("marginfall", "--version");
    assertEquals(0, again.exit(), again.err());
    assertEquals("", again.err());
  }

  @Test
  void test_marginfall_failedBuildShowsMavensOutputWithoutEscapeCodes() throws Exception {
    mvn(
        "echo '[ERROR] Failed to execute goal on project marginfall-core: compilation failure'\nexit 1\n");

    Result r = run("marginfall", "--version");

    assertEquals(1, r.exit());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("building marginfall (first run:"), r.err());
    assertTrue(
        r.err()
            .contains(
                "[ERROR] Failed to execute goal on project marginfall-core: compilation failure"),
        r.err());
    assertTrue(r.err().contains("[ERROR] stand-in on stderr"), r.err());
    assertTrue(r.err().contains("error: the build failed (Maven's output above)"), r.err());
    assertFalse(r.err().contains(ESC), "escape codes: " + r.err());
  }

  @Test
  void test_marginfall_staleJarIsRebuiltWithItsOwnMessage() throws Exception {
    Path jar = root.resolve("experiments/target/marginfall.jar");
    Files.createDirectories(jar.getParent());
    Files.writeString(jar, "");
    Files.writeString(root.resolve("experiments/target/marginfall.commit"), "another-commit\n");
    mvn("touch \"" + jar + "\"\n");

    Result r = run("marginfall", "--version");

    assertEquals(0, r.exit(), r.err());
    assertTrue(
        r.err().startsWith("rebuilding marginfall (the sources changed since the last build"),
        r.err());
  }

  @Test
  void test_microbench_buildsQuietlyAndFailsWithMavensOutput() throws Exception {
    Path classpath = root.resolve("benchmarks/target/classpath.txt");
    mvn("mkdir -p \"" + classpath.getParent() + "\" && echo /deps.jar > \"" + classpath + "\"\n");

    Result ok = run("microbench", "-h");

    assertEquals(0, ok.exit(), ok.err());
    assertTrue(
        ok.err()
            .startsWith(
                "building the benchmarks (first run: Maven downloads dependencies, a few minutes)...\n"),
        ok.err());
    assertFalse(
        ok.out().contains(ESC) || ok.err().contains(ESC), "escape codes: " + ok.out() + ok.err());
    assertTrue(ok.out().startsWith("java -Djava.awt.headless=true -cp "), ok.out());
    assertTrue(
        calls().contains("args: -q -B -Dstyle.color=never -DskipTests -pl benchmarks -am package"),
        calls());

    Files.delete(classpath);
    mvn("echo '[ERROR] Failed to execute goal on project marginfall-benchmarks'\nexit 1\n");
    Result failed = run("microbench", "-h");

    assertEquals(1, failed.exit());
    assertTrue(
        failed.err().contains("[ERROR] Failed to execute goal on project marginfall-benchmarks"),
        failed.err());
    assertTrue(
        failed.err().contains("error: the build failed (Maven's output above)"), failed.err());
    assertFalse(failed.err().contains(ESC), "escape codes: " + failed.err());
  }
}
