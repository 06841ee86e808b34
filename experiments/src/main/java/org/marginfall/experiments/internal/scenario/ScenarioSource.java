package org.marginfall.experiments.internal.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.marginfall.core.spec.InvalidSpecException;

/**
 * Where a scenario argument points: a file on disk, or the name of a scenario bundled in the jar
 * (the repository's {@code examples/}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param label how to name the source in messages and manifests
 * @param content the file's bytes
 * @param json whether it is JSON (otherwise YAML)
 * @param dataRoot where the data files the scenario names are found
 */
public record ScenarioSource(String label, byte[] content, boolean json, DataRoot dataRoot) {

  /** A source whose data files are relative to the working directory. */
  public ScenarioSource(String label, byte[] content, boolean json) {
    this(label, content, json, DataRoot.workingDirectory());
  }

  private static final String BUNDLE = "scenarios/";

  /**
   * Resolves {@code argument}: an existing file wins; otherwise a bundled name, with or without
   * {@code .yaml}.
   *
   * @throws InvalidSpecException with the argument as its path when neither exists, or when what
   *     exists is not a readable scenario file
   */
  public static ScenarioSource resolve(String argument) {
    Path file = Path.of(argument);
    if (Files.exists(file)) {
      Path dir = file.toAbsolutePath().getParent();
      return new ScenarioSource(
          argument,
          SpecFiles.read(file, argument, "scenario"),
          argument.toLowerCase(java.util.Locale.ROOT).endsWith(".json"),
          DataRoot.directory(dir == null ? Path.of("") : dir));
    }
    String name =
        argument.endsWith(".yaml") ? argument.substring(0, argument.length() - 5) : argument;
    Optional<byte[]> bundled = bundled(name);
    if (bundled.isPresent()) {
      return new ScenarioSource("bundled:" + name, bundled.get(), false, new DataRoot.Bundled());
    }
    throw new InvalidSpecException(
        argument,
        "scenario file not found (bundled scenarios: " + String.join(", ", bundledNames()) + ")");
  }

  /** The bytes of the bundled scenario {@code name}, if there is one. */
  public static Optional<byte[]> bundled(String name) {
    if (!name.matches("[A-Za-z0-9_-]+")) {
      return Optional.empty();
    }
    try (InputStream in =
        ScenarioSource.class.getClassLoader().getResourceAsStream(BUNDLE + name + ".yaml")) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The names of the bundled scenarios, sorted. */
  public static List<String> bundledNames() {
    TreeSet<String> names = new TreeSet<>();
    try {
      Enumeration<URL> roots = ScenarioSource.class.getClassLoader().getResources(BUNDLE);
      while (roots.hasMoreElements()) {
        URL root = roots.nextElement();
        if ("file".equals(root.getProtocol())) {
          try (Stream<Path> s = Files.list(Path.of(root.toURI()))) {
            s.map(p -> p.getFileName().toString())
                .filter(n -> n.endsWith(".yaml"))
                .forEach(n -> names.add(n.substring(0, n.length() - 5)));
          }
        } else if ("jar".equals(root.getProtocol())) {
          String path = root.getPath();
          String jar = path.substring("file:".length(), path.indexOf("!/"));
          try (JarFile jf = new JarFile(Path.of(new java.net.URI("file:" + jar)).toFile())) {
            Enumeration<JarEntry> entries = jf.entries();
            while (entries.hasMoreElements()) {
              String n = entries.nextElement().getName();
              if (n.startsWith(BUNDLE)
                  && n.endsWith(".yaml")
                  && n.indexOf('/', BUNDLE.length()) < 0) {
                names.add(n.substring(BUNDLE.length(), n.length() - 5));
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return new ArrayList<>(names);
  }
}
