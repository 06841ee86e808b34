package org.marginfall.core.network;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one DebtRank propagation.
 *
 * <p>Arrays are copied in and out. Immutable and thread-safe.
 *
 * @param ids node ids in index order
 * @param variant the dynamics used
 * @param initialStress {@code h(1) = ψ}, the shock
 * @param finalStress {@code h(T)}
 * @param weights the normalised economic values {@code v} (sum 1)
 * @param steps propagation steps taken
 * @param converged false only if the differential dynamics hit the step limit
 */
public record DebtRankResult(
    List<String> ids,
    DebtRankVariant variant,
    double[] initialStress,
    double[] finalStress,
    double[] weights,
    int steps,
    boolean converged) {

  /**
   * Stress at or above {@code 1 − DEFAULT_TOLERANCE} counts as a default (docs/contagion.md, "Tie
   * rule (DebtRank)").
   */
  public static final double DEFAULT_TOLERANCE = 1e-12;

  /** Validates sizes and copies. */
  public DebtRankResult {
    ids = List.copyOf(ids);
    Objects.requireNonNull(variant, "variant");
    int n = ids.size();
    if (initialStress.length != n || finalStress.length != n || weights.length != n) {
      throw new IllegalArgumentException("every vector must have one entry per node (" + n + ")");
    }
    initialStress = initialStress.clone();
    finalStress = finalStress.clone();
    weights = weights.clone();
  }

  @Override
  public double[] initialStress() {
    return initialStress.clone();
  }

  @Override
  public double[] finalStress() {
    return finalStress.clone();
  }

  @Override
  public double[] weights() {
    return weights.clone();
  }

  /**
   * DebtRank, the additional stress: {@code R = Σ_j h_j(T) v_j − Σ_j h_j(1) v_j} (Battiston et al.
   * 2012).
   */
  public double debtRank() {
    // Summed as Σ (h_j(T) − h_j(1)) v_j so that an unchanged node adds exactly 0 (no −0.0 noise).
    double r = 0;
    for (int j = 0; j < weights.length; j++) {
      r += (finalStress[j] - initialStress[j]) * weights[j];
    }
    return r;
  }

  /** Whether stress h counts as a default. */
  public static boolean isDefault(double h) {
    return h >= 1 - DEFAULT_TOLERANCE;
  }

  /** Nodes in default at the end that were not in default at the start. */
  public int additionalDefaults() {
    int k = 0;
    for (int j = 0; j < finalStress.length; j++) {
      if (isDefault(finalStress[j]) && !isDefault(initialStress[j])) {
        k++;
      }
    }
    return k;
  }
}
