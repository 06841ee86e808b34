package org.marginfall.core.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * The dense clearing of the code before the sparse rewrite (commit 9b536d4), kept verbatim as the
 * reference the sparse {@link Clearing} must match bit for bit on small networks. Below: the
 * original documentation.
 *
 * <p>Clearing of an exposure network: Eisenberg–Noe (α = β = 1) and Rogers–Veraart default costs,
 * always the <em>greatest</em> clearing vector (docs/contagion.md, "Eisenberg–Noe clearing").
 *
 * <p>Tie rule (docs/contagion.md, "Tie rule (clearing)"): node i defaults iff its value when
 * everyone pays the current vector is strictly negative, {@code e_i + Σ_j Π[j][i] p_j − p̄_i < 0};
 * net worth exactly 0 is solvent, as in Barucca's {@code Exercise2.m} ({@code E ≥ 0} solvent). The
 * comparison is made in double precision without tolerance, so it is exact whenever the inputs and
 * the sums are exactly representable (e.g. integers, halves, eighths).
 *
 * <p>A defaulter whose linear-solve payment comes out negative (possible only with senior external
 * liabilities exceeding its assets) pays 0, the {@code max(0, ·)} of the clearing map: that round
 * is then solved by monotone iteration from the previous iterate and polished by a linear solve on
 * the nodes that pay something.
 *
 * <p>Stateless; immutable and thread-safe.
 */
final class DenseClearingReference {

  /**
   * Picard iteration stops when the sup-norm step is below this (docs/contagion.md, "Network
   * analytics").
   */
  public static final double PICARD_TOLERANCE = 1e-14;

  private DenseClearingReference() {}

  /**
   * The greatest clearing vector over arrays, by the fictitious default algorithm generalised to
   * default costs: each round adds the nodes with negative value to D and solves {@code (I − β
   * Π_DD^T) Λ_D = α e_D + β Π_SD^T p̄_S} (Rogers and Veraart 2013, Management Science
   * 59(4):882–898, GA; with α = β = 1 the FDA of Eisenberg and Noe 2001, Management Science
   * 47(2):236–249). Terminates in at most n rounds because D only grows.
   *
   * @param ids node ids
   * @param liabilities {@code L[i][j]}, i owes j
   * @param externalAssets {@code Ae}
   * @param externalLiabilities {@code Le}
   * @param treatment pari passu (in p̄) or senior ({@code e = Ae − Le})
   * @param alpha fraction of external assets a defaulter realises, in [0, 1]
   * @param beta fraction of interbank receivables a defaulter realises, in [0, 1]
   */
  public static ClearingResult greatestClearingVector(
      List<String> ids,
      double[][] liabilities,
      double[] externalAssets,
      double[] externalLiabilities,
      ExternalLiabilities treatment,
      double alpha,
      double beta) {
    Setup s =
        new Setup(
            ids.size(), liabilities, externalAssets, externalLiabilities, treatment, alpha, beta);
    int n = s.n;
    double[] p = s.obligations.clone();
    int[] rounds = new int[n];
    boolean[] inD = new boolean[n];
    List<double[]> iterates = new ArrayList<>();
    iterates.add(p.clone());
    for (int round = 1; round <= n; round++) {
      double[] v = s.value(p);
      boolean added = false;
      for (int i = 0; i < n; i++) {
        if (!inD[i] && v[i] < 0) {
          inD[i] = true;
          rounds[i] = round;
          added = true;
        }
      }
      if (!added) {
        break;
      }
      p = s.solve(inD, p);
      iterates.add(p.clone());
    }
    return new ClearingResult(
        ids, treatment, alpha, beta, s.obligations, p, s.value(p), rounds, iterates);
  }

  /** The derived arrays of one clearing problem. */
  private static final class Setup {
    final int n;
    final double[] obligations;
    final double[][] pi;
    final double[] e;
    final double[] c;
    final double beta;

    Setup(
        int n,
        double[][] liabilities,
        double[] ea,
        double[] el,
        ExternalLiabilities treatment,
        double alpha,
        double beta) {
      Objects.requireNonNull(treatment, "treatment");
      if (!(alpha >= 0 && alpha <= 1) || !(beta >= 0 && beta <= 1)) {
        throw new IllegalArgumentException(
            "alpha and beta must be in [0, 1], were " + alpha + ", " + beta);
      }
      if (liabilities.length != n || ea.length != n || el.length != n) {
        throw new IllegalArgumentException("every input must have one entry per node (" + n + ")");
      }
      this.n = n;
      this.beta = beta;
      boolean senior = treatment == ExternalLiabilities.SENIOR;
      obligations = new double[n];
      pi = new double[n][n];
      e = new double[n];
      c = new double[n];
      for (int i = 0; i < n; i++) {
        if (liabilities[i].length != n) {
          throw new IllegalArgumentException(
              "liability row "
                  + i
                  + " has "
                  + liabilities[i].length
                  + " entries for "
                  + n
                  + " nodes");
        }
        double row = 0;
        for (int j = 0; j < n; j++) {
          row += liabilities[i][j];
        }
        obligations[i] = senior ? row : row + el[i];
        for (int j = 0; j < n; j++) {
          pi[i][j] = obligations[i] == 0 ? 0.0 : liabilities[i][j] / obligations[i];
        }
        // Senior: creditors outside are paid first out of external assets (Barucca: e = Ae − Le).
        e[i] = senior ? ea[i] - el[i] : ea[i];
        c[i] = senior ? alpha * ea[i] - el[i] : alpha * ea[i];
      }
    }

    /** {@code Σ_j Π[j][i] p_j}, summed in index order. */
    double inflow(double[] p, int i) {
      double s = 0;
      for (int j = 0; j < n; j++) {
        s += pi[j][i] * p[j];
      }
      return s;
    }

    /** {@code e_i + Σ_j Π[j][i] p_j − p̄_i} for every node. */
    double[] value(double[] p) {
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        v[i] = e[i] + inflow(p, i) - obligations[i];
      }
      return v;
    }

    /**
     * Solves the defaulters' payments with non-defaulters paying p̄. If the linear solve gives a
     * negative payment (senior external liabilities above assets), the round is solved instead by
     * the monotone iteration of {@code x ← min(p̄_D, max(0, c_D + β Π^T x))} from {@code upper}
     * (the previous iterate, an upper bound), and then polished by a linear solve on the nodes that
     * pay a positive amount.
     */
    double[] solve(boolean[] inD, double[] upper) {
      List<Integer> d = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (inD[i]) {
          d.add(i);
        }
      }
      double[] base = new double[n];
      for (int i = 0; i < n; i++) {
        base[i] = inD[i] ? 0.0 : obligations[i];
      }
      double[] x = solveSubsystem(d, base, upper);
      if (nonNegative(x)) {
        return place(d, base, x);
      }
      double[] start = new double[d.size()];
      for (int r = 0; r < d.size(); r++) {
        start[r] = upper[d.get(r)];
      }
      double[] iterated = place(d, base, iterateSubsystem(d, base, start));
      List<Integer> paying = new ArrayList<>();
      for (int i : d) {
        if (iterated[i] > 0) {
          paying.add(i);
        }
      }
      double[] polished = place(paying, base, solveSubsystem(paying, base, iterated));
      for (int i : d) {
        double phi = c[i] + beta * inflow(polished, i);
        boolean consistent =
            paying.contains(i) ? polished[i] >= 0 && polished[i] <= obligations[i] : phi <= 0;
        if (!consistent) {
          return iterated;
        }
      }
      return polished;
    }

    private static boolean nonNegative(double[] x) {
      for (double v : x) {
        if (v < 0) {
          return false;
        }
      }
      return true;
    }

    private double[] place(List<Integer> d, double[] base, double[] x) {
      double[] p = base.clone();
      for (int r = 0; r < d.size(); r++) {
        p[d.get(r)] = x[r];
      }
      return p;
    }

    /**
     * {@code (I − β Π_DD^T) x = c_D + β Σ_{j∉D} Π[j][D] p_j}, with p = {@code fixed} outside D;
     * falls back to the monotone iteration from {@code upper} if the matrix is singular.
     */
    private double[] solveSubsystem(List<Integer> d, double[] fixed, double[] upper) {
      int m = d.size();
      if (m == 0) {
        return new double[0];
      }
      double[][] a = new double[m][m];
      double[] rhs = new double[m];
      for (int r = 0; r < m; r++) {
        int i = d.get(r);
        for (int k = 0; k < m; k++) {
          a[r][k] = (r == k ? 1.0 : 0.0) - beta * pi[d.get(k)][i];
        }
        double in = 0;
        for (int j = 0; j < n; j++) {
          if (!d.contains(j)) {
            in += pi[j][i] * fixed[j];
          }
        }
        rhs[r] = c[i] + beta * in;
      }
      try {
        RealVector x =
            new LUDecomposition(new Array2DRowRealMatrix(a, false))
                .getSolver()
                .solve(new ArrayRealVector(rhs, false));
        return x.toArray();
      } catch (SingularMatrixException singular) {
        double[] start = new double[m];
        for (int r = 0; r < m; r++) {
          start[r] = upper[d.get(r)];
        }
        return iterateSubsystem(d, fixed, start);
      }
    }

    /**
     * The greatest solution of {@code x = min(p̄_D, max(0, c_D + β (Π^T p)_D))} below {@code start}
     * (p = {@code fixed} outside D), by monotone iteration. Used for a closed ring of defaulters
     * with β = 1 (singular system) and when some defaulter pays 0.
     */
    private double[] iterateSubsystem(List<Integer> d, double[] fixed, double[] start) {
      int m = d.size();
      double[] p = fixed.clone();
      for (int r = 0; r < m; r++) {
        p[d.get(r)] = start[r];
      }
      for (int it = 0; it < 10_000_000; it++) {
        double step = 0;
        double[] next = p.clone();
        for (int r = 0; r < m; r++) {
          int i = d.get(r);
          next[i] = Math.min(obligations[i], Math.max(0.0, c[i] + beta * inflow(p, i)));
          step = Math.max(step, Math.abs(next[i] - p[i]));
        }
        p = next;
        if (step < PICARD_TOLERANCE) {
          break;
        }
      }
      double[] x = new double[m];
      for (int r = 0; r < m; r++) {
        x[r] = p[d.get(r)];
      }
      return x;
    }
  }
}
