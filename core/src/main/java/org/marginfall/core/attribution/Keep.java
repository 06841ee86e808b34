package org.marginfall.core.attribution;

import org.marginfall.core.contagion.CauseKind;

/**
 * Which endogenous moves a counterfactual re-mark keeps in place: those of generations up to {@code
 * maxGeneration}, of one venue or any, of one kind or any. Ints rather than predicates so a re-mark
 * walks flat arrays.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxGeneration the last generation kept; -1 keeps nothing
 * @param venue the venue kept, as an index into the attribution's {@link SourceSet}, or {@link
 *     #ANY}
 * @param kind the ordinal of the {@link CauseKind} kept, or {@link #ANY}
 */
record Keep(int maxGeneration, int venue, int kind) {

  /** Any venue, or any kind. */
  static final int ANY = -1;

  /** Keeps nothing: the exogenous state. */
  static final Keep NOTHING = new Keep(-1, ANY, ANY);

  /** Keeps every move of generations up to {@code k}. */
  static Keep upTo(int k) {
    return new Keep(k, ANY, ANY);
  }

  /** Keeps the moves of kind {@code kind} by venue {@code venue} of generations up to {@code k}. */
  static Keep only(int venue, CauseKind kind, int k) {
    return new Keep(k, venue, kind.ordinal());
  }

  /** Keeps every move by venue {@code venue} of generations up to {@code k}, whatever its kind. */
  static Keep only(int venue, int k) {
    return new Keep(k, venue, ANY);
  }
}
