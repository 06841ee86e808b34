package org.marginfall.experiments.internal.calibrate.snapshot;

import java.util.List;

/**
 * What a snapshot calibrates to: the population entries fitted, and notes on the accounts left out
 * or the fits that could not be made.
 *
 * <p>Immutable and thread-safe.
 *
 * @param populations the fitted population entries, in the order their accounts first appear
 * @param notes one line each on accounts left out and groups too small to fit
 */
public record SnapshotCalibration(List<PopulationFit> populations, List<String> notes) {

  /** Copies the lists. */
  public SnapshotCalibration {
    populations = List.copyOf(populations);
    notes = List.copyOf(notes);
  }
}
