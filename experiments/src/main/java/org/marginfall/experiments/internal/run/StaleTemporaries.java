package org.marginfall.experiments.internal.run;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Clears the hidden staging directories that killed runs of the same output left beside it
 * (docs/outputs.md). A staging directory of {@code NAME} is removed only when its {@link
 * StagingDirectory#LOCK} file can be locked, which proves the run that wrote it is gone; one whose
 * lock is held belongs to a run still writing {@code NAME} and is left alone without a word. Those
 * that cannot be judged (no lock file, a file system without locks, an earlier output a killed
 * {@code --force} run had moved aside) are left and named. Stateless and thread-safe.
 */
final class StaleTemporaries {

  private StaleTemporaries() {}

  /**
   * Clears the staging directories of {@code out} and returns the lines to tell the user (none,
   * usually).
   */
  static List<String> clear(Path out) throws IOException {
    String name = out.getFileName().toString();
    Path parent = out.getParent();
    List<Path> candidates;
    try (Stream<Path> s = Files.list(parent)) {
      candidates =
          s.filter(
                  p ->
                      StagingDirectory.isStagingName(name, p.getFileName().toString())
                          || StagingDirectory.isReplacedName(name, p.getFileName().toString()))
              .sorted()
              .toList();
    }
    List<String> removed = new ArrayList<>();
    List<String> left = new ArrayList<>();
    for (Path dir : candidates) {
      String file = dir.getFileName().toString();
      if (StagingDirectory.isLive(dir)) {
        continue;
      }
      switch (StagingDirectory.isStagingName(name, file) ? removeIfUnused(dir) : State.UNKNOWN) {
        case REMOVED -> removed.add(file);
        case UNKNOWN -> left.add(file);
        case IN_USE -> {}
      }
    }
    List<String> notes = new ArrayList<>();
    if (removed.size() == 1) {
      notes.add(
          "removed a temporary directory that a killed run left beside "
              + out
              + ": "
              + removed.get(0));
    } else if (!removed.isEmpty()) {
      notes.add(
          "removed "
              + removed.size()
              + " temporary directories that killed runs left beside "
              + out
              + ": "
              + String.join(", ", removed));
    }
    if (left.size() == 1) {
      notes.add(
          parent
              + " holds a temporary directory of an earlier run of "
              + name
              + " that may still be in use"
              + " (remove it once no run is writing "
              + out
              + "): "
              + left.get(0));
    } else if (!left.isEmpty()) {
      notes.add(
          parent
              + " holds temporary directories of earlier runs of "
              + name
              + " that may still be in use"
              + " (remove them once no run is writing "
              + out
              + "): "
              + String.join(", ", left));
    }
    return notes;
  }

  private enum State {
    REMOVED,
    IN_USE,
    UNKNOWN
  }

  private static State removeIfUnused(Path dir) {
    try (FileChannel ch =
        FileChannel.open(dir.resolve(StagingDirectory.LOCK), StandardOpenOption.WRITE)) {
      FileLock lock = ch.tryLock();
      if (lock == null) {
        return State.IN_USE;
      }
      StagingDirectory.deleteTree(dir);
      return State.REMOVED;
    } catch (NoSuchFileException e) {
      return Files.isDirectory(dir)
          ? State.UNKNOWN
          : State.IN_USE; // published or removed meanwhile
    } catch (OverlappingFileLockException e) {
      return State.IN_USE;
    } catch (IOException e) {
      return State.UNKNOWN;
    }
  }
}
