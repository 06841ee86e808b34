package org.marginfall.core.network;

/**
 * The DebtRank variants (docs/contagion.md, "DebtRank"); they give different numbers on the same
 * input, and DR-1's "c defaults" shock separates all four.
 *
 * <p>Impact of i on j (j's loss per unit of i's distress): {@code L[i][j] / E_j}, where {@code
 * L[i][j]} is what i owes j and {@code E_j} is j's equity; "capped" means {@code min(1, L[i][j] /
 * E_j)}.
 *
 * <p>Immutable and thread-safe.
 */
public enum DebtRankVariant {
  /**
   * Original single-hit DebtRank with capped impact {@code W = min(1, A/E)}: each node propagates
   * once, its whole stress at the step after it became distressed (Battiston et al. 2012, Sci. Rep.
   * 2:541; NetworkRiskMeasures {@code R/DebtRank.R} @ 4b5c0af9).
   */
  BATTISTON_2012("battiston2012"),
  /**
   * Differential ("repeated-hit") DebtRank with uncapped Λ: every increment of stress propagates,
   * {@code h_i(t+1) = min(1, h_i(t) + Σ_j Λ_ij (h_j(t) − h_j(t−1)))}, {@code h(−1) = 0} (Bardoscia
   * et al. 2015, PLoS ONE 10(6):e0130406; NetworkRiskMeasures {@code
   * contagion(method="debtrank")}).
   */
  BARDOSCIA_2015("bardoscia2015"),
  /**
   * Single-hit dynamics of Battiston 2012 with the uncapped impact {@code A/E} (NetworkRiskMeasures
   * {@code contagion(..., single.hit = TRUE)}, R/contagion_engine.R @ 3813414a).
   */
  SINGLE_HIT_UNCAPPED("single-hit-uncapped"),
  /**
   * Threshold (Furfine) cascade: a node propagates a full unit once, when it defaults ({@code h ≥
   * 1}), and nothing before (NetworkRiskMeasures {@code contagion(method="threshold")}).
   */
  THRESHOLD("threshold");

  private final String cliName;

  DebtRankVariant(String cliName) {
    this.cliName = cliName;
  }

  /** The name used on the command line and in result files. */
  public String cliName() {
    return cliName;
  }

  /** The variant with this command-line name; throws if unknown. */
  public static DebtRankVariant fromCliName(String name) {
    for (DebtRankVariant v : values()) {
      if (v.cliName.equals(name)) {
        return v;
      }
    }
    throw new IllegalArgumentException("unknown DebtRank variant " + name);
  }
}
