package org.marginfall.experiments.internal.run;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * The run directory named by {@code --out} cannot be used: it exists and is not empty, a file
 * stands where a parent directory should be, or it cannot be created. This is the user's input, not
 * a failure of the run.
 *
 * <p>Immutable and thread-safe.
 */
public final class OutputDirectoryException extends IOException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception for {@code out} with the reason it cannot be used. */
  public OutputDirectoryException(Path out, String reason) {
    super("--out " + out + ": " + reason);
  }

  /**
   * {@code out} (or a directory on the way to it) cannot be created, for the reason {@code e}
   * gives.
   */
  static OutputDirectoryException cannotCreate(Path out, IOException e) {
    return new OutputDirectoryException(out, "cannot be created (" + reason(e) + ")");
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException fs) {
      return fs.getReason() != null
          ? fs.getReason()
          : "the file system refused to create " + fs.getFile();
    }
    return String.valueOf(e.getMessage());
  }
}
