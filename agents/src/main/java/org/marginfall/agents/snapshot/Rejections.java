package org.marginfall.agents.snapshot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.marginfall.core.agent.AgentContext;

/**
 * The rows a snapshot population leaves out at set-up: those found while reading and those the
 * venue refuses. Under {@code onInvalidRow: skip} each becomes a {@link RowSkipped} event, in line
 * order; under {@code refuse} a venue refusal stops the set-up with every refused row named.
 * Mutable; one per set-up.
 */
public final class Rejections {

  private final String population;
  private final String venue;
  private final SnapshotFile file;
  private final List<InvalidRow> atSetUp = new ArrayList<>();

  /** Rejections of {@code population} loading {@code file} into {@code venue}. */
  public Rejections(String population, String venue, SnapshotFile file) {
    this.population = population;
    this.venue = venue;
    this.file = file;
  }

  /** Records that the row at {@code line} was refused at set-up. */
  public void reject(long line, InvalidRow.Reason reason, String detail) {
    atSetUp.add(
        new InvalidRow(
            file.name(), line, reason, detail, file.format().equals(SnapshotReading.PARQUET)));
  }

  /**
   * Ends the set-up: emits a {@link RowSkipped} for every row left out, or, under {@code refuse},
   * throws when the venue refused any.
   *
   * @throws IllegalStateException naming every refused row (file and line) under {@code refuse}
   */
  public void finish(AgentContext ctx) {
    if (file.onInvalidRow() == OnInvalidRow.REFUSE && !atSetUp.isEmpty()) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < Math.min(SnapshotReading.MAX_LISTED, atSetUp.size()); i++) {
        b.append(i == 0 ? "" : "; ").append(atSetUp.get(i).message());
      }
      if (atSetUp.size() > SnapshotReading.MAX_LISTED) {
        b.append("; and ").append(atSetUp.size() - SnapshotReading.MAX_LISTED).append(" more");
      }
      throw new IllegalStateException(
          b
              + "; set onInvalidRow: skip to leave "
              + (atSetUp.size() == 1 ? "it" : "them")
              + " out");
    }
    List<InvalidRow> all = new ArrayList<>(file.invalid());
    all.addAll(atSetUp);
    all.sort(Comparator.comparingLong(InvalidRow::line));
    for (InvalidRow r : all) {
      ctx.emit(
          new RowSkipped(
              0, 0, population, venue, r.file(), r.line(), r.reason().key(), r.detail()));
    }
  }
}
