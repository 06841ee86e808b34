package org.marginfall.experiments.internal.scenario;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.marginfall.core.spec.DataFiles;

/**
 * Where the data files a scenario names (a replayed price history, a position snapshot) are found:
 * relative to the scenario file's directory, or, for a bundled scenario, next to it in the jar.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface DataRoot extends DataFiles {

  /**
   * The bytes of {@code reference}, or empty when there is no such file.
   *
   * @throws IOException when the file exists but cannot be read
   */
  Optional<byte[]> read(String reference) throws IOException;

  /** Where {@code reference} was looked for, for messages. */
  String describe(String reference);

  /** Files relative to {@code dir}. */
  static DataRoot directory(Path dir) {
    return new Directory(dir.toAbsolutePath().normalize());
  }

  /**
   * Files relative to the working directory: content read without a file (a test, a built tree).
   */
  static DataRoot workingDirectory() {
    return directory(Path.of(""));
  }

  /** Data files of a scenario in {@code dir}. */
  record Directory(Path dir) implements DataRoot {
    @Override
    public Optional<byte[]> read(String reference) throws IOException {
      Path file = dir.resolve(reference);
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      return Optional.of(Files.readAllBytes(file));
    }

    @Override
    public String describe(String reference) {
      return dir.resolve(reference).normalize().toString();
    }

    @Override
    public InputStream open(String name) throws IOException {
      Path file = dir.resolve(name);
      if (!Files.isRegularFile(file)) {
        throw new FileNotFoundException(name + " (no such file: " + describe(name) + ")");
      }
      return Files.newInputStream(file);
    }
  }

  /** Data files bundled next to the bundled scenarios ({@code scenarios/} in the jar). */
  record Bundled() implements DataRoot {
    @Override
    public Optional<byte[]> read(String reference) throws IOException {
      if (reference.contains("..") || reference.startsWith("/")) {
        return Optional.empty();
      }
      try (InputStream in =
          DataRoot.class.getClassLoader().getResourceAsStream("scenarios/" + reference)) {
        return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
      }
    }

    @Override
    public String describe(String reference) {
      return "bundled:" + reference;
    }

    @Override
    public InputStream open(String name) throws IOException {
      if (name.contains("..") || name.startsWith("/") || name.contains("\\")) {
        throw new FileNotFoundException(
            name + " (a bundled scenario names files inside its own directory only)");
      }
      InputStream in = DataRoot.class.getClassLoader().getResourceAsStream("scenarios/" + name);
      if (in == null) {
        throw new FileNotFoundException(name + " (not bundled with the scenario)");
      }
      return in;
    }
  }
}
