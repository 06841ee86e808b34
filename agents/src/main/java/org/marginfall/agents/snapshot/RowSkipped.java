package org.marginfall.agents.snapshot;

import org.marginfall.core.event.VenueEvent;

/**
 * A snapshot row that a population skipped at set-up because it does not fit (the scenario allowed
 * skipping with {@code onInvalidRow: skip}); {@code summary.json} counts them per reason.
 *
 * <p>Immutable and thread-safe.
 *
 * @param step always 0: the set-up
 * @param round always 0
 * @param population the population that loads the file
 * @param venue the venue it loads into
 * @param file the file as the scenario names it
 * @param line the row's line
 * @param reason the reason's key ({@link InvalidRow.Reason#key()})
 * @param detail what is wrong
 */
public record RowSkipped(
    long step,
    int round,
    String population,
    String venue,
    String file,
    long line,
    String reason,
    String detail)
    implements VenueEvent {

  @Override
  public String type() {
    return "snapshot_row_skipped";
  }
}
