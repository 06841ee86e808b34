package org.marginfall.experiments.internal.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.marginfall.core.util.AtomicFiles;

/**
 * The hidden sibling {@code .NAME.tmp-PID-NANOS} a run directory {@code NAME} is written in before
 * it is renamed into place. While the run writes, the directory holds {@link #LOCK}, a file the run
 * keeps locked: the operating system releases the lock when the process dies, however it dies, so a
 * later run can tell a staging directory in use from one a killed run left ({@link
 * StaleTemporaries}). The lock file is created under another name and renamed only once locked, and
 * is deleted before the directory is published. Not thread-safe: one per run.
 */
final class StagingDirectory implements AutoCloseable {

  /** The lock file of a staging directory in use. */
  static final String LOCK = ".marginfall-writing";

  /** Staging directories of this JVM still being written, which a cleaner must not even open. */
  private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

  private final Path dir;
  private final FileChannel lock;

  private StagingDirectory(Path dir, FileChannel lock) {
    this.dir = dir;
    this.lock = lock;
  }

  /**
   * Creates the staging directory of {@code out}, whose parent exists.
   *
   * @throws OutputDirectoryException if it cannot be created
   */
  static StagingDirectory create(Path out) throws IOException {
    Path dir;
    try {
      dir = Files.createDirectory(sibling(out, "tmp"));
    } catch (IOException e) {
      throw OutputDirectoryException.cannotCreate(out, e);
    }
    LIVE.add(dir);
    try {
      return new StagingDirectory(dir, lock(dir, out));
    } catch (IOException | RuntimeException e) {
      LIVE.remove(dir);
      deleteTree(dir);
      throw e;
    }
  }

  /**
   * Locks {@link #LOCK} in {@code dir}; {@code null} where the file system has no locks (then there
   * is no lock file).
   */
  private static FileChannel lock(Path dir, Path out) throws IOException {
    Path fresh = dir.resolve(LOCK + ".new");
    FileChannel ch =
        FileChannel.open(fresh, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    FileLock held;
    try {
      held = ch.tryLock();
    } catch (IOException e) {
      held = null;
    }
    if (held == null) {
      ch.close();
      Files.delete(fresh);
      return null;
    }
    String text =
        "marginfall run writing " + out + " (process " + ProcessHandle.current().pid() + ")\n";
    ch.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    Files.move(fresh, dir.resolve(LOCK));
    return ch;
  }

  /** The directory to write in. */
  Path path() {
    return dir;
  }

  /**
   * Moves the finished directory to {@code out}, replacing an earlier one only after the new one is
   * complete.
   */
  void publish(Path out) throws IOException {
    Files.deleteIfExists(dir.resolve(LOCK));
    Path old = null;
    if (Files.exists(out)) {
      old = sibling(out, "old");
      Files.move(out, old);
    }
    AtomicFiles.move(dir, out);
    if (old != null) {
      deleteTree(old);
    }
  }

  /** Removes the directory unless it was published, and releases the lock. */
  @Override
  public void close() throws IOException {
    try {
      deleteTree(dir);
    } finally {
      LIVE.remove(dir);
      if (lock != null) {
        lock.close();
      }
    }
  }

  /** Whether {@code dir} is a staging directory of this JVM still being written. */
  static boolean isLive(Path dir) {
    return LIVE.contains(dir);
  }

  /** Whether {@code file} is the name of a staging directory of the output named {@code name}. */
  static boolean isStagingName(String name, String file) {
    return Pattern.matches("\\." + Pattern.quote(name) + "\\.tmp-\\d+-\\d+", file);
  }

  /**
   * Whether {@code file} is the name an earlier output {@code name} takes while a new one replaces
   * it.
   */
  static boolean isReplacedName(String name, String file) {
    return Pattern.matches("\\." + Pattern.quote(name) + "\\.old-\\d+-\\d+", file);
  }

  /**
   * A hidden sibling of {@code out} (created with default permissions, unlike a temp directory).
   */
  private static Path sibling(Path out, String kind) {
    String unique = ProcessHandle.current().pid() + "-" + System.nanoTime();
    return out.resolveSibling("." + out.getFileName() + "." + kind + "-" + unique);
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
