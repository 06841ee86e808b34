package org.marginfall.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.marginfall.core.util.Sha256;
import org.marginfall.experiments.internal.cli.Main;

/** Shared test helpers: the scenario files, the CLI called in-process, CSV and hashing. */
public final class Fixtures {

  /** The test resource every malformed scenario is derived from. */
  public static final String MINIMAL_RESOURCE = "/minimal.yaml";

  private Fixtures() {}

  /** The bundled example, as checked into the repository ({@code examples/flash-crash.yaml}). */
  public static Path example() {
    Path moduleDir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    Path file = moduleDir.resolve("../examples/flash-crash.yaml").toAbsolutePath().normalize();
    assertTrue(Files.isRegularFile(file), "the example scenario is missing: " + file);
    return file;
  }

  /** The text of the minimal valid scenario. */
  public static String minimalYaml() {
    try (InputStream in = Fixtures.class.getResourceAsStream(MINIMAL_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(MINIMAL_RESOURCE + " is not on the test class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code text} with {@code target} replaced; fails unless {@code target} occurs exactly once. */
  public static String replaceOnce(String text, String target, String replacement) {
    int at = text.indexOf(target);
    assertTrue(at >= 0, "the scenario does not contain: " + target);
    assertEquals(
        -1, text.indexOf(target, at + 1), "the scenario contains more than once: " + target);
    return text.substring(0, at) + replacement + text.substring(at + target.length());
  }

  /** Writes {@code content} as UTF-8 to {@code dir/name}. */
  public static Path write(Path dir, String name, String content) {
    try {
      return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a UTF-8 text file. */
  public static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Hex SHA-256 of a file's bytes. */
  public static String sha256(Path file) {
    try {
      return Sha256.hex(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The exit code and the two output streams of one CLI call. */
  public record CliResult(int exit, String out, String err) {

    /** The non-empty lines of standard error. */
    public List<String> errLines() {
      return err.lines().filter(l -> !l.isEmpty()).toList();
    }
  }

  /** Runs {@code marginfall args...} in-process. */
  public static CliResult cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit;
    try (PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err)) {
      exit = Main.execute(args, o, e);
    }
    return new CliResult(exit, out.toString(), err.toString());
  }

  /** A CSV file: its header and rows, split at commas (the run files never quote). */
  public record Csv(List<String> header, List<String[]> rows) {

    /** The index of a column; fails if it is absent. */
    public int column(String name) {
      int i = header.indexOf(name);
      assertTrue(i >= 0, "no column " + name + " in " + header);
      return i;
    }

    /** A column's cells, top to bottom, as written. */
    public List<String> text(String name) {
      int i = column(name);
      List<String> out = new ArrayList<>();
      rows.forEach(r -> out.add(r[i]));
      return out;
    }

    /** A column's cells as numbers. */
    public double[] numbers(String name) {
      return text(name).stream().mapToDouble(Double::parseDouble).toArray();
    }
  }

  /** Reads a CSV file written by a run. */
  public static Csv csv(Path file) {
    List<String> lines = read(file).lines().toList();
    List<String[]> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      rows.add(line.split(",", -1));
    }
    return new Csv(List.of(lines.get(0).split(",", -1)), rows);
  }
}
