package org.marginfall.core.util;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files written whole or not at all: the content goes to a hidden temporary sibling that is then
 * moved onto the target, so a reader (or a crash) never sees half a file.
 *
 * <p>Stateless and thread-safe.
 */
public final class AtomicFiles {

  private AtomicFiles() {}

  /** The hidden temporary sibling {@code dir/.name.tmp} that {@code name} is written to first. */
  public static Path temporary(Path dir, String name) {
    return dir.resolve("." + name + ".tmp");
  }

  /**
   * Writes {@code content} to {@code target} through {@link #temporary} and {@link #move}; the
   * temporary file is removed if anything fails.
   */
  public static void write(Path target, byte[] content) throws IOException {
    // Not Files.createTempFile: its 0600 permissions would survive the move and hide the file from
    // everyone but its writer; a fixed hidden sibling gets the usual umask-based ones.
    Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
    try {
      Files.write(temp, content);
      move(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Moves {@code from} onto {@code to}, replacing it: atomically where the file system can, a plain
   * replacing move where it cannot. A directory moves the same way (a finished run directory is
   * published by this move).
   */
  public static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
