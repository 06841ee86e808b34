package org.marginfall.experiments.internal.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * How the points of a sweep are chosen from its parameters.
 *
 * <ul>
 *   <li>{@code grid}: every combination of the parameters' levels, the first parameter varying
 *       slowest.
 *   <li>{@code random}: {@code samples} points drawn independently and uniformly in the unit cube.
 *   <li>{@code lhs}: a Latin hypercube of {@code samples} points: each parameter's axis is cut into
 *       {@code samples} equal strata and each stratum holds exactly one point (McKay, Beckman and
 *       Conover 1979), the strata paired across axes by random permutations.
 *   <li>{@code sobol}: Saltelli's scheme (Saltelli et al. 2010, "Variance based sensitivity
 *       analysis of model output", Comput. Phys. Commun. 181) for first- and total-order indices:
 *       the rows of a Sobol' low-discrepancy sequence in 2k dimensions (Commons Math {@link
 *       SobolSequenceGenerator}, Joe-Kuo direction numbers; the all-zero first row skipped) give
 *       matrices A (first k columns) and B (last k); for each base sample j the points A_j, B_j and
 *       AB_j^i (A_j with column i from B_j) follow one another, so there are {@code samples (k+2)}
 *       points.
 * </ul>
 *
 * Random designs draw from a Well19937c generator seeded from the sweep seed alone, so a design is
 * the same on every machine and every shard. Immutable and thread-safe.
 *
 * @param kind the design
 * @param samples the number of sampled points (base samples for Sobol); 0 for a grid
 * @param bootstrap bootstrap resamples for the Sobol indices' confidence intervals; 0 otherwise
 */
public record Design(Kind kind, int samples, int bootstrap) {

  /** The designs. */
  public enum Kind {
    /** Full factorial. */
    GRID,
    /** Independent uniform samples. */
    RANDOM,
    /** Latin hypercube. */
    LHS,
    /** Saltelli's Sobol' scheme. */
    SOBOL;

    /** The name in sweep files. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Validates the fields. */
  public Design {
    Objects.requireNonNull(kind, "kind");
    if (kind != Kind.GRID && samples < 1) {
      throw new IllegalArgumentException("samples: must be >= 1, was " + samples);
    }
    if (bootstrap < 0) {
      throw new IllegalArgumentException("bootstrap: must be >= 0, was " + bootstrap);
    }
  }

  /**
   * The points of this design over {@code parameters}; random draws are seeded by {@code
   * designSeed}.
   */
  public List<Point> points(List<Parameter> parameters, long designSeed) {
    return switch (kind) {
      case GRID -> grid(parameters);
      case RANDOM -> random(parameters, designSeed);
      case LHS -> lhs(parameters, designSeed);
      case SOBOL -> sobol(parameters);
    };
  }

  /** The number of points, without building them. */
  public long size(List<Parameter> parameters) {
    return switch (kind) {
      case GRID -> {
        long n = 1;
        for (Parameter p : parameters) {
          n = Math.multiplyExact(n, p.gridLevels().size());
        }
        yield n;
      }
      case RANDOM, LHS -> samples;
      case SOBOL -> (long) samples * (parameters.size() + 2);
    };
  }

  private static List<Point> grid(List<Parameter> parameters) {
    List<List<Object>> levels = parameters.stream().map(Parameter::gridLevels).toList();
    int n = Math.toIntExact(new Design(Kind.GRID, 0, 0).size(parameters));
    List<Point> out = new ArrayList<>(n);
    for (int id = 0; id < n; id++) {
      List<Object> values = new ArrayList<>(parameters.size());
      int rest = id;
      int[] index = new int[parameters.size()];
      for (int p = parameters.size() - 1; p >= 0; p--) {
        index[p] = rest % levels.get(p).size();
        rest /= levels.get(p).size();
      }
      for (int p = 0; p < parameters.size(); p++) {
        values.add(levels.get(p).get(index[p]));
      }
      out.add(new Point(id, values, id, ""));
    }
    return out;
  }

  private List<Point> random(List<Parameter> parameters, long seed) {
    RandomGenerator rng = new Well19937c(new int[] {(int) (seed >>> 32), (int) seed, 1});
    List<Point> out = new ArrayList<>(samples);
    for (int id = 0; id < samples; id++) {
      List<Object> values = new ArrayList<>(parameters.size());
      for (Parameter p : parameters) {
        values.add(p.at(rng.nextDouble()));
      }
      out.add(new Point(id, values, id, ""));
    }
    return out;
  }

  /** Unit coordinates of a Latin hypercube: {@code (perm_p[i] + U) / n} for each parameter p. */
  static double[][] latinHypercube(int n, int dims, RandomGenerator rng) {
    double[][] u = new double[n][dims];
    for (int d = 0; d < dims; d++) {
      int[] perm = new int[n];
      for (int i = 0; i < n; i++) {
        perm[i] = i;
      }
      for (int i = n - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
      }
      for (int i = 0; i < n; i++) {
        u[i][d] = (perm[i] + rng.nextDouble()) / n;
      }
    }
    return u;
  }

  private List<Point> lhs(List<Parameter> parameters, long seed) {
    RandomGenerator rng = new Well19937c(new int[] {(int) (seed >>> 32), (int) seed, 2});
    double[][] u = latinHypercube(samples, parameters.size(), rng);
    List<Point> out = new ArrayList<>(samples);
    for (int id = 0; id < samples; id++) {
      List<Object> values = new ArrayList<>(parameters.size());
      for (int p = 0; p < parameters.size(); p++) {
        values.add(parameters.get(p).at(u[id][p]));
      }
      out.add(new Point(id, values, id, ""));
    }
    return out;
  }

  private List<Point> sobol(List<Parameter> parameters) {
    int k = parameters.size();
    SobolSequenceGenerator sequence = new SobolSequenceGenerator(2 * k);
    sequence.nextVector(); // the first row is all zeros: a corner, not a sample
    List<Point> out = new ArrayList<>(samples * (k + 2));
    for (int j = 0; j < samples; j++) {
      double[] row = sequence.nextVector();
      double[] a = java.util.Arrays.copyOfRange(row, 0, k);
      double[] b = java.util.Arrays.copyOfRange(row, k, 2 * k);
      out.add(point(out.size(), parameters, a, j, "A"));
      out.add(point(out.size(), parameters, b, j, "B"));
      for (int i = 0; i < k; i++) {
        double[] ab = a.clone();
        ab[i] = b[i];
        out.add(point(out.size(), parameters, ab, j, "AB" + (i + 1)));
      }
    }
    return out;
  }

  private static Point point(
      int id, List<Parameter> parameters, double[] u, int sample, String matrix) {
    List<Object> values = new ArrayList<>(u.length);
    for (int p = 0; p < u.length; p++) {
      values.add(parameters.get(p).at(u[p]));
    }
    return new Point(id, values, sample, matrix);
  }
}
