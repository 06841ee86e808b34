package org.marginfall.core.contagion;

import java.util.Objects;

/**
 * Why an account was liquidated (or defended, or left bad debt): the attribution of
 * docs/contagion.md, which answers two questions.
 *
 * <p><em>When</em>: generation 0 means the exogenous move alone would have done it at that moment;
 * generation k means it took the endogenous moves produced by events of generations below k, and
 * {@code venue} names the venue whose moves did the most damage among those.
 *
 * <p><em>Whether</em>, for generation 1 and above: {@code contagion} is {@link #ACCELERATED} when
 * the account, holding what it held at that moment, would have been liquidatable on the exogenous
 * path alone at some step of the run ({@code exogenousStep}, the first), so contagion only brought
 * it forward; {@link #INDUCED} when at no step. Generation 0 is {@link #EXOGENOUS}. Immutable and
 * thread-safe.
 *
 * @param channel what kind of move it was
 * @param generation the generation
 * @param venue the causing venue's id, null for generation 0
 * @param contagion {@code exogenous}, {@code induced} or {@code accelerated}
 * @param exogenousStep for an accelerated liquidation the first step at which the exogenous path
 *     alone makes the account liquidatable, otherwise null
 */
public record Cause(
    String channel, int generation, String venue, String contagion, Long exogenousStep) {

  /** Generation 0. */
  public static final String EXOGENOUS_LABEL = "exogenous";

  /** Contagion needed, and the exogenous path alone never liquidates the account. */
  public static final String INDUCED = "induced";

  /**
   * Contagion needed at that moment, but the exogenous path alone liquidates the account at some
   * step.
   */
  public static final String ACCELERATED = "accelerated";

  /** Generation 0: the exogenous move. */
  public static final Cause EXOGENOUS = new Cause(CauseKind.EXOGENOUS.label(), 0, null);

  /**
   * Validates that only generation 0 has no venue, and that only an accelerated cause has a step.
   */
  public Cause {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(contagion, "contagion");
    if (generation < 0 || (generation == 0) != (venue == null)) {
      throw new IllegalArgumentException(
          "cause: generation 0 has no venue and every later generation has one, was "
              + generation
              + "/"
              + venue);
    }
    boolean valid =
        generation == 0
            ? contagion.equals(EXOGENOUS_LABEL) && exogenousStep == null
            : contagion.equals(INDUCED)
                ? exogenousStep == null
                : contagion.equals(ACCELERATED) && exogenousStep != null;
    if (!valid) {
      throw new IllegalArgumentException(
          "cause: generation "
              + generation
              + " cannot be "
              + contagion
              + " with exogenous step "
              + exogenousStep);
    }
  }

  /**
   * The <em>when</em> answer alone: generation 0 is exogenous, a later one induced until checked.
   */
  public Cause(String channel, int generation, String venue) {
    this(channel, generation, venue, generation == 0 ? EXOGENOUS_LABEL : INDUCED, null);
  }

  /**
   * This cause with the <em>whether</em> answer: accelerated when the exogenous path alone makes
   * the account liquidatable at {@code step} (>= 0), induced when {@code step < 0}. Generation 0
   * stays as it is.
   */
  public Cause withExogenousStep(long step) {
    if (generation == 0) {
      return this;
    }
    return step < 0
        ? new Cause(channel, generation, venue, INDUCED, null)
        : new Cause(channel, generation, venue, ACCELERATED, step);
  }

  /** Whether an endogenous move was needed at that moment (generation 1 or above). */
  public boolean endogenous() {
    return generation > 0;
  }

  /** Whether contagion was needed and the exogenous path alone would never have done it. */
  public boolean induced() {
    return contagion.equals(INDUCED);
  }

  /** Whether contagion only brought forward what the exogenous path alone would have done. */
  public boolean accelerated() {
    return contagion.equals(ACCELERATED);
  }
}
