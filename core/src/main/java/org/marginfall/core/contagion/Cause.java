package org.marginfall.core.contagion;

import java.util.Objects;

/**
 * Why an account was liquidated (or defended, or left bad debt): the attribution of
 * docs/contagion.md, "Attribution: cause and generation".
 *
 * <p>Generation 0 means the exogenous move alone would have done it; generation k means it took the
 * endogenous moves produced by events of generations below k, and {@code venue} names the venue
 * whose moves did the most damage among those. Immutable and thread-safe.
 *
 * @param channel what kind of move it was
 * @param generation the generation
 * @param venue the causing venue's id, null for generation 0
 */
public record Cause(String channel, int generation, String venue) {

  /** Generation 0: the exogenous move. */
  public static final Cause EXOGENOUS = new Cause(CauseKind.EXOGENOUS.label(), 0, null);

  /** Validates that only generation 0 has no venue. */
  public Cause {
    Objects.requireNonNull(channel, "channel");
    if (generation < 0 || (generation == 0) != (venue == null)) {
      throw new IllegalArgumentException(
          "cause: generation 0 has no venue and every later generation has one, was " + generation + "/" + venue);
    }
  }

  /** Whether an endogenous move was needed. */
  public boolean induced() {
    return generation > 0;
  }
}
