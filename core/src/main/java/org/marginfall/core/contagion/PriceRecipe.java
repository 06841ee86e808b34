package org.marginfall.core.contagion;

import java.util.Arrays;

/**
 * How a published oracle price was computed from market prices, so attribution can remove exactly
 * the endogenous moves that are in it: the price is {@code clamp(sum_t a_t)}, where each term
 * {@code a_t} is a market price as the oracle read it (scaled by its source's bias, noise,
 * aggregation weight and TWAP weight) and carries that market price's {@link PriceParts} at the
 * moment it was read. Removing log moves {@code r_t} from the terms gives {@code clamp(sum_t a_t
 * e^-r_t)}: the price the same oracle, publishing at the same times, would have published without
 * those moves (docs/contagion.md, "The exact rule for oracle prices").
 *
 * <p>A median keeps the term of the source it selected (half of each of the two middle ones for an
 * even split), a weighted mean and a TWAP keep every term with its weight, a heartbeat hold or a
 * band refusal keeps the recipe of the value that stays, and {@code [lo, hi]} are the bounds the
 * value was clamped to (a value held at {@code minAnswer} stays there whatever is removed).
 *
 * <p>Immutable (the arrays are never handed out) and thread-safe.
 */
public final class PriceRecipe {

  private final double[] coef;
  private final PriceParts[] parts;
  private final double lo;
  private final double hi;

  private PriceRecipe(double[] coef, PriceParts[] parts, double lo, double hi) {
    this.coef = coef;
    this.parts = parts;
    this.lo = lo;
    this.hi = hi;
  }

  /** A price read directly: one term, no bounds. */
  public static PriceRecipe of(double price, PriceParts parts) {
    return new PriceRecipe(
        new double[] {price},
        new PriceParts[] {parts},
        Double.NEGATIVE_INFINITY,
        Double.POSITIVE_INFINITY);
  }

  /**
   * A price with no endogenous move (a wrong value an oracle failure publishes, an initial price).
   */
  public static PriceRecipe plain(double price) {
    return of(price, PriceParts.NONE);
  }

  /** This recipe with every term and bound multiplied by {@code k > 0}. */
  public PriceRecipe scaled(double k) {
    double[] c = new double[coef.length];
    for (int i = 0; i < c.length; i++) {
      c[i] = coef[i] * k;
    }
    return new PriceRecipe(c, parts, lo * k, hi * k);
  }

  /** This recipe's terms clamped to {@code [lo, hi]} (a recipe is clamped once, at publication). */
  public PriceRecipe clamped(double lo, double hi) {
    return new PriceRecipe(coef, parts, lo, hi);
  }

  /** The number of terms. */
  public int size() {
    return coef.length;
  }

  /** Term {@code t}'s price contribution with every move in place. */
  public double coefficient(int t) {
    return coef[t];
  }

  /** The parts of term {@code t}. */
  public PriceParts parts(int t) {
    return parts[t];
  }

  /** The lower bound of the value. */
  public double lo() {
    return lo;
  }

  /** The upper bound of the value. */
  public double hi() {
    return hi;
  }

  /** Whether some term carries an endogenous move. */
  public boolean hasParts() {
    for (PriceParts p : parts) {
      if (p.size() > 0) {
        return true;
      }
    }
    return false;
  }

  /** The value with every move in place: {@code clamp(sum_t a_t)}, terms added in order. */
  public double value() {
    double sum = 0;
    for (double c : coef) {
      sum += c;
    }
    return clamp(sum);
  }

  /** {@code x} within the bounds. */
  public double clamp(double x) {
    return Math.min(Math.max(x, lo), hi);
  }

  /**
   * Sums terms into a recipe, merging terms that share the same parts object (the same market
   * reading) so a TWAP of one exact source keeps one term per step read. Mutable, not thread-safe.
   */
  public static final class Builder {
    private double[] coef = new double[4];
    private PriceParts[] parts = new PriceParts[4];
    private int n;

    /** Adds {@code k} times every term of {@code r} (its bounds are dropped: it is unclamped). */
    public Builder add(PriceRecipe r, double k) {
      for (int i = 0; i < r.coef.length; i++) {
        add(r.coef[i] * k, r.parts[i]);
      }
      return this;
    }

    /** Adds one term. */
    public Builder add(double c, PriceParts p) {
      for (int i = 0; i < n; i++) {
        if (parts[i] == p) {
          coef[i] += c;
          return this;
        }
      }
      if (n == coef.length) {
        coef = Arrays.copyOf(coef, 2 * n);
        parts = Arrays.copyOf(parts, 2 * n);
      }
      coef[n] = c;
      parts[n++] = p;
      return this;
    }

    /** The unclamped recipe of the terms added. */
    public PriceRecipe build() {
      return new PriceRecipe(
          Arrays.copyOf(coef, n),
          Arrays.copyOf(parts, n),
          Double.NEGATIVE_INFINITY,
          Double.POSITIVE_INFINITY);
    }
  }
}
