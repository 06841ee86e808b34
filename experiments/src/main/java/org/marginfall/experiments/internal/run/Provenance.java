package org.marginfall.experiments.internal.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What the running software is: its version and the git commit it was built from, read from the
 * properties the build bakes into the jar.
 *
 * <p>Immutable and thread-safe.
 *
 * @param version the project version
 * @param gitCommit the full commit id, or {@code unknown} when built outside a git checkout
 * @param gitDirty whether the working tree had uncommitted changes at build time
 */
public record Provenance(String version, String gitCommit, boolean gitDirty) {

  /** Reads the provenance of the classes on the class path. */
  public static Provenance current() {
    Properties build = load("/marginfall-build.properties");
    Properties git = load("/git.properties");
    return new Provenance(
        build.getProperty("version", "unknown"),
        git.getProperty("git.commit.id", "unknown"),
        Boolean.parseBoolean(git.getProperty("git.dirty", "false")));
  }

  private static Properties load(String resource) {
    Properties p = new Properties();
    try (InputStream in = Provenance.class.getResourceAsStream(resource)) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
