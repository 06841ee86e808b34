package org.marginfall.core.network;

import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * Clearing of an exposure network: Eisenberg–Noe (α = β = 1) and Rogers–Veraart default costs,
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
 * <p>Sparse throughout: the liabilities are read by creditor ({@code Σ_j Π[j][i] p_j} over i's
 * debtors, in debtor order, which gives bit for bit the sums of a dense row-by-row loop), so a
 * clearing round costs O(nodes + edges). A round's default set of at most {@link
 * #DENSE_SOLVE_LIMIT} nodes is solved exactly by LU decomposition; a larger one by monotone
 * Gauss–Seidel iteration of the clearing map on the default set, O(edges) per sweep
 * (docs/contagion.md, "Eisenberg–Noe clearing"). Every payment and value is checked to be finite
 * ({@link NonFiniteResultException}).
 *
 * <p>Stateless; immutable and thread-safe.
 */
public final class Clearing {

  /**
   * Picard iteration stops when the sup-norm step is below this (docs/contagion.md, "Network
   * analytics").
   */
  public static final double PICARD_TOLERANCE = 1e-14;

  /** The largest default set a round solves by dense LU; larger ones are iterated sparse. */
  public static final int DENSE_SOLVE_LIMIT = 300;

  /**
   * A sparse round's iteration stops when no payment moves by more than this times the largest
   * obligation in the default set (at least 1): a few ulps of it.
   */
  public static final double SPARSE_TOLERANCE = 1e-15;

  /** A sparse round that has not converged after this many sweeps is an error, not a hang. */
  public static final int MAX_SWEEPS = 100_000;

  private Clearing() {}

  /** A Picard iteration's limit and how many steps it took. Immutable and thread-safe. */
  public record Picard(double[] payments, int iterations, boolean converged) {
    /** Copies the vector. */
    public Picard {
      payments = payments.clone();
    }

    @Override
    public double[] payments() {
      return payments.clone();
    }
  }

  /** Eisenberg–Noe greatest clearing vector by the fictitious default algorithm. */
  public static ClearingResult eisenbergNoe(
      ExposureNetwork network, ExternalLiabilities treatment) {
    return rogersVeraart(network, treatment, 1.0, 1.0);
  }

  /** Rogers–Veraart greatest clearing vector (their Greatest Clearing Vector Algorithm). */
  public static ClearingResult rogersVeraart(
      ExposureNetwork network, ExternalLiabilities treatment, double alpha, double beta) {
    return greatestClearingVector(network, treatment, alpha, beta, DENSE_SOLVE_LIMIT);
  }

  /**
   * The greatest clearing vector by the fictitious default algorithm generalised to default costs:
   * each round adds the nodes with negative value to D and solves {@code (I − β Π_DD^T) Λ_D = α e_D
   * + β Π_SD^T p̄_S} (Rogers and Veraart 2013, Management Science 59(4):882–898, GA; with α = β = 1
   * the FDA of Eisenberg and Noe 2001, Management Science 47(2):236–249). Terminates in at most n
   * rounds because D only grows.
   *
   * @param denseLimit default sets up to this size are solved by LU, larger ones by sparse
   *     iteration (0 = always sparse; the tests compare both)
   */
  static ClearingResult greatestClearingVector(
      ExposureNetwork network,
      ExternalLiabilities treatment,
      double alpha,
      double beta,
      int denseLimit) {
    Setup s = new Setup(network, treatment, alpha, beta);
    int n = s.n;
    double[] p = s.obligations.clone();
    int[] rounds = new int[n];
    boolean[] inD = new boolean[n];
    RoundIterates iterates = RoundIterates.start(p);
    int defaulters = 0;
    for (int round = 1; round <= n; round++) {
      double[] v = s.value(p);
      boolean added = false;
      for (int i = 0; i < n; i++) {
        if (!inD[i] && v[i] < 0) {
          inD[i] = true;
          rounds[i] = round;
          added = true;
          defaulters++;
        }
      }
      if (!added) {
        break;
      }
      double[] next = defaulters <= denseLimit ? s.solve(inD, p) : s.solveSparse(inD, p);
      s.requireFinite(next, "payment");
      iterates.append(p, next);
      p = next;
    }
    double[] netWorth = s.value(p);
    s.requireFinite(netWorth, "net worth");
    return new ClearingResult(
        s.ids, treatment, alpha, beta, s.obligations, p, netWorth, rounds, iterates);
  }

  /**
   * Picard iteration of the clearing map from p̄; converges down to the greatest clearing vector.
   */
  public static Picard picard(
      ExposureNetwork network,
      ExternalLiabilities treatment,
      double alpha,
      double beta,
      int maxIterations) {
    Setup s = new Setup(network, treatment, alpha, beta);
    return picard(network, treatment, alpha, beta, s.obligations, maxIterations);
  }

  /**
   * Picard iteration {@code Λ ← Φ(Λ)} from {@code start}, where {@code Φ_i(Λ) = p̄_i} if {@code e_i
   * + Σ_j Π[j][i] Λ_j ≥ p̄_i}, else {@code max(0, α e_i + β Σ_j Π[j][i] Λ_j)}; with α = β = 1 this
   * is {@code min(p̄, max(0, e + Π^T p))} (Eisenberg and Noe 2001). Stops when the sup-norm step is
   * below {@link #PICARD_TOLERANCE}. From p̄ it reaches the greatest fixed point, from 0 the least.
   */
  public static Picard picard(
      ExposureNetwork network,
      ExternalLiabilities treatment,
      double alpha,
      double beta,
      double[] start,
      int maxIterations) {
    Setup s = new Setup(network, treatment, alpha, beta);
    if (start.length != s.n) {
      throw new IllegalArgumentException(
          "start has " + start.length + " entries for " + s.n + " nodes");
    }
    double[] p = start.clone();
    for (int it = 1; it <= maxIterations; it++) {
      double[] next = new double[s.n];
      double step = 0;
      for (int i = 0; i < s.n; i++) {
        double in = s.inflow(p, i);
        next[i] =
            s.e[i] + in >= s.obligations[i]
                ? s.obligations[i]
                : Math.max(0.0, s.c[i] + s.beta * in);
        step = Math.max(step, Math.abs(next[i] - p[i]));
      }
      p = next;
      if (step < PICARD_TOLERANCE) {
        return new Picard(p, it, true);
      }
    }
    return new Picard(p, maxIterations, false);
  }

  /** The derived arrays of one clearing problem, sparse: Π is held by creditor. */
  private static final class Setup {
    final java.util.List<String> ids;
    final String model;
    final int n;
    final double[] obligations;

    /**
     * Creditor i's debtors j are {@code debtor[start[i] .. start[i+1])}, with {@code pi[k] =
     * Π[j][i]}.
     */
    final int[] start;

    final int[] debtor;
    final double[] pi;
    final double[] e;
    final double[] c;
    final double beta;

    Setup(ExposureNetwork network, ExternalLiabilities treatment, double alpha, double beta) {
      Objects.requireNonNull(treatment, "treatment");
      if (!(alpha >= 0 && alpha <= 1) || !(beta >= 0 && beta <= 1)) {
        throw new IllegalArgumentException(
            "alpha and beta must be in [0, 1], were " + alpha + ", " + beta);
      }
      ids = network.ids();
      model = alpha == 1 && beta == 1 ? "Eisenberg-Noe" : "Rogers-Veraart";
      n = network.size();
      this.beta = beta;
      boolean senior = treatment == ExternalLiabilities.SENIOR;
      double[] ea = network.externalAssets();
      double[] el = network.externalLiabilities();
      ExposureNetwork.Csr rows = network.byDebtor();
      obligations = new double[n];
      e = new double[n];
      c = new double[n];
      for (int i = 0; i < n; i++) {
        double row = 0;
        for (int k = rows.begin(i); k < rows.end(i); k++) {
          row += rows.amount()[k];
        }
        obligations[i] = senior ? row : row + el[i];
        // Senior: creditors outside are paid first out of external assets (Barucca: e = Ae − Le).
        e[i] = senior ? ea[i] - el[i] : ea[i];
        c[i] = senior ? alpha * ea[i] - el[i] : alpha * ea[i];
        NonFiniteResultException.check(obligations[i], model, ids.get(i), "obligation");
        NonFiniteResultException.check(e[i], model, ids.get(i), "external assets");
      }
      ExposureNetwork.Csr cols = network.byCreditor();
      start = cols.start();
      debtor = cols.other();
      pi = new double[debtor.length];
      for (int k = 0; k < pi.length; k++) {
        pi[k] = cols.amount()[k] / obligations[debtor[k]];
      }
    }

    void requireFinite(double[] x, String quantity) {
      for (int i = 0; i < n; i++) {
        NonFiniteResultException.check(x[i], model, ids.get(i), quantity);
      }
    }

    /** {@code Σ_j Π[j][i] p_j}, summed in debtor order. */
    double inflow(double[] p, int i) {
      double s = 0;
      for (int k = start[i]; k < start[i + 1]; k++) {
        s += pi[k] * p[debtor[k]];
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

    /** The members of D in index order. */
    private int[] members(boolean[] inD) {
      int m = 0;
      for (boolean b : inD) {
        m += b ? 1 : 0;
      }
      int[] d = new int[m];
      int r = 0;
      for (int i = 0; i < n; i++) {
        if (inD[i]) {
          d[r++] = i;
        }
      }
      return d;
    }

    private double[] base(boolean[] inD) {
      double[] base = new double[n];
      for (int i = 0; i < n; i++) {
        base[i] = inD[i] ? 0.0 : obligations[i];
      }
      return base;
    }

    /**
     * Solves the defaulters' payments with non-defaulters paying p̄, by LU. If the linear solve
     * gives a negative payment (senior external liabilities above assets), the round is solved
     * instead by the monotone iteration of {@code x ← min(p̄_D, max(0, c_D + β Π^T x))} from {@code
     * upper} (the previous iterate, an upper bound), and then polished by a linear solve on the
     * nodes that pay a positive amount.
     */
    double[] solve(boolean[] inD, double[] upper) {
      int[] d = members(inD);
      double[] base = base(inD);
      double[] x = solveSubsystem(d, inD, base, upper);
      if (nonNegative(x)) {
        return place(d, base, x);
      }
      double[] iterated = place(d, base, iterateSubsystem(d, base, pick(d, upper)));
      boolean[] paying = new boolean[n];
      for (int i : d) {
        paying[i] = iterated[i] > 0;
      }
      int[] payers = members(paying);
      double[] polished = place(payers, base, solveSubsystem(payers, paying, base, iterated));
      for (int i : d) {
        double phi = c[i] + beta * inflow(polished, i);
        boolean consistent =
            paying[i] ? polished[i] >= 0 && polished[i] <= obligations[i] : phi <= 0;
        if (!consistent) {
          return iterated;
        }
      }
      return polished;
    }

    /**
     * Solves the round without any dense matrix: Gauss–Seidel sweeps, in index order, of {@code x_i
     * ← min(p̄_i, max(0, c_i + β Σ_j Π[j][i] x_j))} on D from {@code upper} (the previous iterate,
     * above the round's greatest solution), with p̄ outside D. The map is monotone, so the sweeps
     * decrease to that greatest solution; each costs O(edges into D).
     */
    double[] solveSparse(boolean[] inD, double[] upper) {
      int[] d = members(inD);
      double[] p = base(inD);
      double scale = 1;
      for (int i : d) {
        p[i] = upper[i];
        scale = Math.max(scale, obligations[i]);
      }
      for (int sweep = 1; sweep <= MAX_SWEEPS; sweep++) {
        double step = 0;
        for (int i : d) {
          double x = Math.min(obligations[i], Math.max(0.0, c[i] + beta * inflow(p, i)));
          step = Math.max(step, Math.abs(x - p[i]));
          p[i] = x;
        }
        if (!(step > SPARSE_TOLERANCE * scale)) {
          return p;
        }
      }
      throw new ArithmeticException(
          model
              + ": the payments of "
              + d.length
              + " defaulting nodes did not converge in "
              + MAX_SWEEPS
              + " sweeps (a nearly closed ring of defaulters; docs/contagion.md, Eisenberg–Noe clearing)");
    }

    private static boolean nonNegative(double[] x) {
      for (double v : x) {
        if (v < 0) {
          return false;
        }
      }
      return true;
    }

    private static double[] pick(int[] d, double[] x) {
      double[] out = new double[d.length];
      for (int r = 0; r < d.length; r++) {
        out[r] = x[d[r]];
      }
      return out;
    }

    private static double[] place(int[] d, double[] base, double[] x) {
      double[] p = base.clone();
      for (int r = 0; r < d.length; r++) {
        p[d[r]] = x[r];
      }
      return p;
    }

    /**
     * {@code (I − β Π_DD^T) x = c_D + β Σ_{j∉D} Π[j][D] p_j}, with p = {@code fixed} outside D;
     * falls back to the monotone iteration from {@code upper} if the matrix is singular. D is small
     * ({@link #DENSE_SOLVE_LIMIT}), so the m×m matrix is.
     */
    private double[] solveSubsystem(int[] d, boolean[] inD, double[] fixed, double[] upper) {
      int m = d.length;
      if (m == 0) {
        return new double[0];
      }
      int[] position = new int[n];
      Arrays.fill(position, -1);
      for (int r = 0; r < m; r++) {
        position[d[r]] = r;
      }
      double[][] a = new double[m][m];
      double[] rhs = new double[m];
      for (int r = 0; r < m; r++) {
        int i = d[r];
        a[r][r] = 1.0;
        double in = 0;
        for (int k = start[i]; k < start[i + 1]; k++) {
          int j = debtor[k];
          if (inD[j]) {
            a[r][position[j]] = -beta * pi[k];
          } else {
            in += pi[k] * fixed[j];
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
        return iterateSubsystem(d, fixed, pick(d, upper));
      }
    }

    /**
     * The greatest solution of {@code x = min(p̄_D, max(0, c_D + β (Π^T p)_D))} below {@code start}
     * (p = {@code fixed} outside D), by monotone iteration. Used for a closed ring of defaulters
     * with β = 1 (singular system) and when some defaulter pays 0.
     */
    private double[] iterateSubsystem(int[] d, double[] fixed, double[] start) {
      int m = d.length;
      double[] p = place(d, fixed, start);
      for (int it = 0; it < 10_000_000; it++) {
        double step = 0;
        double[] next = p.clone();
        for (int r = 0; r < m; r++) {
          int i = d[r];
          next[i] = Math.min(obligations[i], Math.max(0.0, c[i] + beta * inflow(p, i)));
          step = Math.max(step, Math.abs(next[i] - p[i]));
        }
        p = next;
        if (step < PICARD_TOLERANCE) {
          break;
        }
      }
      return pick(d, p);
    }
  }
}
