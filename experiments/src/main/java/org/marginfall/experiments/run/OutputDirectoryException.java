package org.marginfall.experiments.run;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The run directory named by {@code --out} cannot be used: it exists and is not empty, a file stands
 * where a parent directory should be, or it cannot be created. This is the user's input, not a
 * failure of the run.
 *
 * <p>Immutable and thread-safe.
 */
public final class OutputDirectoryException extends IOException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception for {@code out} with the reason it cannot be used. */
  public OutputDirectoryException(Path out, String reason) {
    super("--out " + out + ": " + reason);
  }
}
