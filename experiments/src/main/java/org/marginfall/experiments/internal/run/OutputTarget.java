package org.marginfall.experiments.internal.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Decides whether an output directory named by {@code --out} may be written, for {@code run},
 * {@code sweep} and {@code merge} alike: a new or empty directory always; a non-empty one only with
 * {@code --force}, and only when it is an earlier Marginfall output, recognised by the {@code
 * manifest.json} every run and sweep directory holds (a sweep writes it before its first run, so an
 * interrupted sweep is recognised too). Anything else (a user's own files, a regular file) is
 * refused before anything is touched. Stateless and thread-safe.
 */
public final class OutputTarget {

  private OutputTarget() {}

  /**
   * Checks that {@code out} may be written.
   *
   * @param force whether {@code --force} was given
   * @param howToContinue what to tell the user about a non-empty earlier output without {@code
   *     --force}, e.g. {@code "use --force to replace it"}
   * @return whether {@code out} holds an earlier output that the caller must replace
   * @throws OutputDirectoryException if {@code out} is not a directory, or is not empty and may not
   *     be replaced
   */
  public static boolean check(Path out, boolean force, String howToContinue) throws IOException {
    if (isFresh(out)) {
      return false;
    }
    if (!isMarginfallOutput(out)) {
      throw new OutputDirectoryException(
          out,
          "holds files that are not a Marginfall output (no manifest.json of an"
              + " earlier run or sweep); --force replaces only such an output or an empty directory, so choose another --out");
    }
    if (!force) {
      throw new OutputDirectoryException(out, "exists and is not empty (" + howToContinue + ")");
    }
    return true;
  }

  /**
   * Whether {@code out} does not exist or is an empty directory.
   *
   * @throws OutputDirectoryException if something other than a directory is there
   */
  public static boolean isFresh(Path out) throws IOException {
    if (!Files.exists(out)) {
      return true;
    }
    if (!Files.isDirectory(out)) {
      throw new OutputDirectoryException(out, "is a file, not a directory");
    }
    try (Stream<Path> s = Files.list(out)) {
      return s.findAny().isEmpty();
    }
  }

  /** Whether {@code dir} holds the manifest of a Marginfall run or sweep directory. */
  public static boolean isMarginfallOutput(Path dir) {
    Path manifest = dir.resolve("manifest.json");
    if (!Files.isRegularFile(manifest)) {
      return false;
    }
    JsonNode m;
    try {
      m = Json.mapper().readTree(manifest.toFile());
    } catch (IOException e) {
      return false; // not JSON: not ours
    }
    return m != null
        && "marginfall".equals(m.path("software").path("name").asText(null))
        && (m.path("scenario").path("sha256").isTextual()
            || m.path("sweep").path("sha256").isTextual());
  }
}
