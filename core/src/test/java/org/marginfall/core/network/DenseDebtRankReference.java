package org.marginfall.core.network;

import java.util.List;

/**
 * The dense DebtRank of the code before the sparse rewrite (commit 9b536d4), kept verbatim as the
 * reference the sparse {@link DebtRank} must match bit for bit. Below: the original documentation.
 *
 * <p>DebtRank propagation of a distress shock on an exposure network, in the variant given by
 * {@link DebtRankVariant}.
 *
 * <p>Impact of i on j: {@code L[i][j] / E_j} (what i owes j over j's equity; Bardoscia 2015's
 * {@code Λ_ji = A_ji / E_j(0)}), capped at 1 for {@link DebtRankVariant#BATTISTON_2012}. A node
 * with interbank assets must have positive equity; one without has no impact on it. Economic values
 * are normalised to {@code v_j = value_j / Σ value}.
 *
 * <p>Tie rule: stress {@code h ≥ 1 − 1e-12} is a default (loss equal to capital defaults), which is
 * what the threshold variant propagates.
 *
 * <p>Stateless; immutable and thread-safe.
 */
final class DenseDebtRankReference {

  /**
   * The differential dynamics stop when no stress moves by this much (docs/contagion.md, "Network
   * analytics").
   */
  public static final double TOLERANCE = 1e-14;

  /**
   * A bound on steps; single-hit and threshold need at most 2n, differential converges
   * geometrically.
   */
  public static final int MAX_STEPS = 1_000_000;

  private DenseDebtRankReference() {}

  /** The same over arrays: {@code L[i][j]} (i owes j), equities, values and the shock. */
  public static DebtRankResult run(
      List<String> ids,
      double[][] liabilities,
      double[] equity,
      double[] value,
      DebtRankVariant variant,
      double[] shock) {
    int n = ids.size();
    if (liabilities.length != n || equity.length != n || value.length != n || shock.length != n) {
      throw new IllegalArgumentException("every input must have one entry per node (" + n + ")");
    }
    double total = 0;
    for (int j = 0; j < n; j++) {
      total += value[j];
      if (!(shock[j] >= 0 && shock[j] <= 1)) {
        throw new IllegalArgumentException(
            "shock of " + ids.get(j) + " must be in [0, 1], was " + shock[j]);
      }
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("the economic values must sum to a positive number");
    }
    double[] v = new double[n];
    for (int j = 0; j < n; j++) {
      v[j] = value[j] / total;
    }
    double[][] impact = impact(ids, liabilities, equity, variant == DebtRankVariant.BATTISTON_2012);
    return switch (variant) {
      case BATTISTON_2012, SINGLE_HIT_UNCAPPED -> singleHit(ids, variant, impact, v, shock);
      case BARDOSCIA_2015, THRESHOLD -> differential(ids, variant, impact, v, shock);
    };
  }

  /**
   * Impact of i on j: {@code L[i][j]/E_j}, capped at 1 if asked (Battiston 2012 {@code W_ij =
   * min(1, A_ij/E_j)}).
   */
  static double[][] impact(
      List<String> ids, double[][] liabilities, double[] equity, boolean capped) {
    int n = ids.size();
    double[][] w = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double a = liabilities[i][j];
        if (a == 0) {
          continue;
        }
        if (!(equity[j] > 0)) {
          throw new IllegalArgumentException(
              "bank "
                  + ids.get(j)
                  + " has interbank assets, so its equity must be > 0, was "
                  + equity[j]);
        }
        w[i][j] = capped ? Math.min(1.0, a / equity[j]) : a / equity[j];
      }
    }
    return w;
  }

  /**
   * Battiston et al. 2012 dynamics: {@code h_j(t) = min(1, h_j(t−1) + Σ_{i: s_i(t−1)=D} W_ij
   * h_i(t−1))}; D becomes I, U with positive stress becomes D; stop when no node is D.
   */
  private static DebtRankResult singleHit(
      List<String> ids, DebtRankVariant variant, double[][] w, double[] v, double[] shock) {
    int n = ids.size();
    final int undistressed = 0;
    final int distressed = 1;
    final int inactive = 2;
    double[] h = shock.clone();
    int[] s = new int[n];
    boolean anyDistressed = false;
    for (int j = 0; j < n; j++) {
      s[j] = h[j] > 0 ? distressed : undistressed;
      anyDistressed |= s[j] == distressed;
    }
    int steps = 0;
    while (anyDistressed) {
      steps++;
      double[] next = new double[n];
      for (int j = 0; j < n; j++) {
        double add = 0;
        for (int i = 0; i < n; i++) {
          if (s[i] == distressed) {
            add += w[i][j] * h[i];
          }
        }
        next[j] = Math.min(1.0, h[j] + add);
      }
      anyDistressed = false;
      for (int j = 0; j < n; j++) {
        if (s[j] == distressed) {
          s[j] = inactive;
        } else if (s[j] == undistressed && next[j] > 0) {
          s[j] = distressed;
          anyDistressed = true;
        }
      }
      h = next;
    }
    return new DebtRankResult(ids, variant, shock, h, v, steps, true);
  }

  /**
   * Bardoscia et al. 2015: {@code h_j(t+1) = min(1, h_j(t) + Σ_i Λ_ji (x_i(t) − x_i(t−1)))}, {@code
   * x(−1) = 0}, with {@code x = h} (differential) or {@code x = 1{h ≥ 1 − 1e-12}} (threshold).
   */
  private static DebtRankResult differential(
      List<String> ids, DebtRankVariant variant, double[][] w, double[] v, double[] shock) {
    int n = ids.size();
    boolean threshold = variant == DebtRankVariant.THRESHOLD;
    double[] h = shock.clone();
    double[] prevX = new double[n];
    for (int step = 1; step <= MAX_STEPS; step++) {
      double[] x = new double[n];
      double maxDelta = 0;
      for (int i = 0; i < n; i++) {
        x[i] = threshold ? (DebtRankResult.isDefault(h[i]) ? 1.0 : 0.0) : h[i];
        maxDelta = Math.max(maxDelta, x[i] - prevX[i]);
      }
      if (maxDelta < TOLERANCE) {
        return new DebtRankResult(ids, variant, shock, h, v, step - 1, true);
      }
      double[] next = new double[n];
      for (int j = 0; j < n; j++) {
        double add = 0;
        for (int i = 0; i < n; i++) {
          add += w[i][j] * (x[i] - prevX[i]);
        }
        next[j] = Math.min(1.0, h[j] + add);
      }
      prevX = x;
      h = next;
    }
    return new DebtRankResult(ids, variant, shock, h, v, MAX_STEPS, false);
  }
}
