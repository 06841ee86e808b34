package org.marginfall.core.ledger;

/**
 * How atoms of one asset convert to atoms of another at a rate in units, where the two count at
 * different decimals: times {@code up / down}, two exact powers of ten of which one is 1, so a
 * conversion between assets that count alike multiplies by 1 / 1 and leaves a product untouched.
 * The one place a lending receipt's atoms and its underlying's atoms are related
 * (docs/architecture.md, "Quantities and their range").
 *
 * @param up the factor above 1 when the target counts finer, else 1
 * @param down the divisor above 1 when the source counts finer, else 1
 */
public record AtomScale(long up, long down) {

  /** Both assets count alike. */
  public static final AtomScale IDENTITY = new AtomScale(1, 1);

  /** Checks that both factors are positive and one of them is 1. */
  public AtomScale {
    if (up < 1 || down < 1 || up > 1 && down > 1) {
      throw new IllegalArgumentException(
          "an atom scale is up / down with one of them 1, was " + up + " / " + down);
    }
  }

  /** From atoms counted at {@code from} to atoms counted at {@code to}. */
  public static AtomScale between(Precision from, Precision to) {
    long f = from.atomsPerUnit();
    long t = to.atomsPerUnit();
    return new AtomScale(Math.max(1, t / f), Math.max(1, f / t));
  }

  /**
   * {@code x} source atoms' worth (times a rate already applied) in target atoms: {@code x × up /
   * down}.
   */
  public double apply(double x) {
    return x * up / down;
  }

  /** {@code x} target atoms' worth in source atoms: {@code x × down / up}. */
  public double invert(double x) {
    return x * down / up;
  }

  /** Target atoms per source atom, {@code up / down}, as the nearest double. */
  public double ratio() {
    return (double) up / down;
  }
}
