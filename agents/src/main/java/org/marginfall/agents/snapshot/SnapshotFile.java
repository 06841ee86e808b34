package org.marginfall.agents.snapshot;

import java.util.List;
import java.util.Objects;

/**
 * A snapshot file as read: what the scenario named, its format and hash, how many rows it held, and
 * the rows that did not fit (found while reading; the venue's own refusals come at set-up).
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the path as the scenario names it, relative to the scenario file
 * @param format the layout it was read as
 * @param sha256 hex SHA-256 of its bytes
 * @param rows the data rows read (or records, for JSON exports)
 * @param onInvalidRow whether rows that do not fit stop the run or are skipped
 * @param invalid the rows found not to fit while reading, in file order
 */
public record SnapshotFile(
    String name,
    String format,
    String sha256,
    long rows,
    OnInvalidRow onInvalidRow,
    List<InvalidRow> invalid) {

  /** Validates and copies. */
  public SnapshotFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(onInvalidRow, "onInvalidRow");
    invalid = List.copyOf(invalid);
  }
}
