package org.marginfall.core.spec;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Where the data files a scenario names (position snapshots) are found: relative to the scenario
 * file on disk, or next to a bundled scenario inside the jar.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface DataFiles {

  /** No data files: the scenario was given as content without a place it came from. */
  DataFiles NONE =
      name -> {
        throw new FileNotFoundException(
            name + " (this scenario was read without a directory, so it cannot name data files)");
      };

  /**
   * Opens {@code name}, a path relative to the scenario's directory, for streaming.
   *
   * @throws IOException when the file is missing or unreadable
   */
  InputStream open(String name) throws IOException;
}
