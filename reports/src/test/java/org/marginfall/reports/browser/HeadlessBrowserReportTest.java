package org.marginfall.reports.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.reports.RunFixtures;
import org.marginfall.reports.RunReportWriter;
import org.marginfall.reports.SweepReportWriter;
import org.marginfall.reports.sweep.SweepFixtures;

/**
 * Opens the run and sweep reports in a real headless Chromium (installed by .ci/run where it can
 * be): the page loads without console errors, every image decodes (the page's inline script writes
 * {@code data-images-loaded="k/n"} on its root element, read back from the dumped DOM), and a
 * screenshot is written. Skipped, with the reason, when no Chromium is installed.
 */
class HeadlessBrowserReportTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-21T12:34:56Z"), ZoneOffset.UTC);
  private static final List<String> CANDIDATES =
      List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");

  private static Path chromium;

  @TempDir Path temp;

  @BeforeAll
  static void findChromium() {
    Optional<Path> found =
        CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    Assumptions.assumeTrue(
        found.isPresent(),
        "no headless browser: none of "
            + CANDIDATES
            + " exists (.ci/run installs the chromium package"
            + " when it can); the report pages were not checked in a browser");
    chromium = found.get();
  }

  @Test
  void test_runReport_loadsCleanlyInChromium() throws Exception {
    Path run = RunFixtures.writeRunDir(temp.resolve("run"));
    new RunReportWriter(CLOCK).write(run);
    check(run.resolve("report.html"));
  }

  @Test
  void test_sweepReport_loadsCleanlyInChromium() throws Exception {
    Path sweep = SweepFixtures.writeSobol(temp.resolve("sweep"));
    new SweepReportWriter(CLOCK).write(sweep);
    check(sweep.resolve("report.html"));
  }

  private void check(Path page) throws Exception {
    String html = Files.readString(page, StandardCharsets.UTF_8);
    int images = html.split("<img ", -1).length - 1;
    assertTrue(images > 0, "the page has no images to check");

    Result dom = browse(page, "--dump-dom");
    assertEquals(0, dom.exit, dom.stderr);
    Matcher loaded = Pattern.compile("data-images-loaded=\"(\\d+)/(\\d+)\"").matcher(dom.stdout);
    assertTrue(
        loaded.find(),
        "the page's load handler did not run; DOM starts: "
            + dom.stdout.substring(0, Math.min(300, dom.stdout.length())));
    assertEquals(
        images + "/" + images, loaded.group(1) + "/" + loaded.group(2), "images that decoded");
    assertConsoleClean(dom.stderr);

    Path shot = temp.resolve(page.getParent().getFileName() + ".png");
    Result screenshot = browse(page, "--window-size=1200,1600", "--screenshot=" + shot);
    assertEquals(0, screenshot.exit, screenshot.stderr);
    assertConsoleClean(screenshot.stderr);
    assertTrue(Files.size(shot) > 10_000, "screenshot too small to show a page");
    var image = ImageIO.read(shot.toFile());
    assertEquals(1200, image.getWidth());
  }

  /**
   * Chromium logs page console messages as {@code :CONSOLE} lines; uncaught errors say "Uncaught".
   */
  private static void assertConsoleClean(String stderr) {
    for (String line : stderr.split("\n")) {
      assertTrue(
          !line.contains("Uncaught") && !line.contains(":CONSOLE"), "console message: " + line);
    }
  }

  private record Result(int exit, String stdout, String stderr) {}

  private Result browse(Path page, String... extra) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(temp, "profile");
    List<String> command =
        new ArrayList<>(
            List.of(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--enable-logging=stderr",
                "--v=0"));
    command.addAll(List.of(extra));
    command.add(page.toUri().toString());
    Path out = temp.resolve("stdout.txt");
    Path err = temp.resolve("stderr.txt");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("chromium did not finish within 60 s: " + command);
    }
    return new Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
