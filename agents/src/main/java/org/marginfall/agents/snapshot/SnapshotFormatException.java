package org.marginfall.agents.snapshot;

/**
 * A snapshot file that cannot be read as its format at all (a missing column, broken JSON), at a
 * line.
 */
final class SnapshotFormatException extends Exception {

  private static final long serialVersionUID = 1L;

  final long line;

  SnapshotFormatException(long line, String message) {
    super(message);
    this.line = line;
  }
}
