package org.marginfall.core.network;

import java.util.ArrayList;
import java.util.List;

/**
 * DebtRank propagation of a distress shock on an exposure network, in the variant given by {@link
 * DebtRankVariant}.
 *
 * <p>Impact of i on j: {@code L[i][j] / E_j} (what i owes j over j's equity; Bardoscia 2015's
 * {@code Λ_ji = A_ji / E_j(0)}), capped at 1 for {@link DebtRankVariant#BATTISTON_2012}. A node
 * with interbank assets must have positive equity; one without has no impact on it. Economic values
 * are normalised to {@code v_j = value_j / Σ value}.
 *
 * <p>Tie rule: stress {@code h ≥ 1 − 1e-12} is a default (loss equal to capital defaults), which is
 * what the threshold variant propagates.
 *
 * <p>Sparse: the impacts are held by debtor (i's creditors j with {@code W_ij}), and each round
 * pushes the stress of the nodes that propagate, in index order, along their edges, so that a round
 * costs O(nodes + edges of the propagating nodes) and the sums are bit for bit those of a dense
 * loop over i. Every stress is checked to be finite ({@link NonFiniteResultException}).
 *
 * <p>Stateless; immutable and thread-safe.
 */
public final class DebtRank {

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

  private DebtRank() {}

  /** Propagates the shock {@code ψ} (stress in [0, 1] per node, in node order). */
  public static DebtRankResult run(
      ExposureNetwork network, DebtRankVariant variant, double[] shock) {
    return run(network, variant, shock, Impact.of(network, variant));
  }

  /**
   * A propagator for many shocks on one network: the impacts are computed once (O(edges)), each
   * {@code apply(shock)} is then one {@link #run}.
   */
  public static java.util.function.Function<double[], DebtRankResult> propagator(
      ExposureNetwork network, DebtRankVariant variant) {
    Impact impact = Impact.of(network, variant);
    return shock -> run(network, variant, shock, impact);
  }

  /** The DebtRank of each node: the result of that node alone defaulting ({@code ψ = e_i}). */
  public static List<DebtRankResult> eachNodeDefaulting(
      ExposureNetwork network, DebtRankVariant variant) {
    Impact impact = Impact.of(network, variant);
    List<DebtRankResult> out = new ArrayList<>();
    for (int i = 0; i < network.size(); i++) {
      double[] shock = new double[network.size()];
      shock[i] = 1.0;
      out.add(run(network, variant, shock, impact));
    }
    return List.copyOf(out);
  }

  private static DebtRankResult run(
      ExposureNetwork network, DebtRankVariant variant, double[] shock, Impact w) {
    List<String> ids = network.ids();
    int n = ids.size();
    if (shock.length != n) {
      throw new IllegalArgumentException("every input must have one entry per node (" + n + ")");
    }
    for (int j = 0; j < n; j++) {
      if (!(shock[j] >= 0 && shock[j] <= 1)) {
        throw new IllegalArgumentException(
            "shock of " + ids.get(j) + " must be in [0, 1], was " + shock[j]);
      }
    }
    DebtRankResult r =
        switch (variant) {
          case BATTISTON_2012, SINGLE_HIT_UNCAPPED -> singleHit(ids, variant, w, shock);
          case BARDOSCIA_2015, THRESHOLD -> differential(ids, variant, w, shock);
        };
    double[] h = r.finalStress();
    for (int j = 0; j < n; j++) {
      NonFiniteResultException.check(h[j], "DebtRank " + variant.cliName(), ids.get(j), "stress");
    }
    return r;
  }

  /**
   * Impact of i on j, {@code L[i][j]/E_j}, capped at 1 if asked (Battiston 2012 {@code W_ij =
   * min(1, A_ij/E_j)}), held by debtor i; and the normalised values.
   */
  private record Impact(int[] start, int[] creditor, double[] w, double[] v) {

    static Impact of(ExposureNetwork network, DebtRankVariant variant) {
      List<String> ids = network.ids();
      String model = "DebtRank " + variant.cliName();
      boolean capped = variant == DebtRankVariant.BATTISTON_2012;
      double[] equity = network.equities();
      double[] value = network.values();
      ExposureNetwork.Csr rows = network.byDebtor();
      double[] w = new double[rows.other().length];
      for (int i = 0; i < network.size(); i++) {
        for (int k = rows.begin(i); k < rows.end(i); k++) {
          int j = rows.other()[k];
          double a = rows.amount()[k];
          if (!(equity[j] > 0)) {
            throw new IllegalArgumentException(
                "bank "
                    + ids.get(j)
                    + " has interbank assets, so its equity must be > 0, was "
                    + equity[j]);
          }
          w[k] = capped ? Math.min(1.0, a / equity[j]) : a / equity[j];
          if (!Double.isFinite(w[k])) {
            throw new NonFiniteResultException(model, ids.get(j), "impact of " + ids.get(i), w[k]);
          }
        }
      }
      double total = 0;
      for (double x : value) {
        total += x;
      }
      if (!(total > 0)) {
        throw new IllegalArgumentException("the economic values must sum to a positive number");
      }
      if (!Double.isFinite(total)) {
        throw new NonFiniteResultException(model, "(all)", "the sum of the values", total);
      }
      double[] v = new double[value.length];
      for (int j = 0; j < v.length; j++) {
        v[j] = value[j] / total;
      }
      return new Impact(rows.start(), rows.other(), w, v);
    }

    /** {@code add[j] += W_ij · x} for i's creditors j; marks each j touched. */
    void push(int i, double x, double[] add, boolean[] touched) {
      for (int k = start[i]; k < start[i + 1]; k++) {
        add[creditor[k]] += w[k] * x;
        touched[creditor[k]] = true;
      }
    }
  }

  /**
   * Battiston et al. 2012 dynamics: {@code h_j(t) = min(1, h_j(t−1) + Σ_{i: s_i(t−1)=D} W_ij
   * h_i(t−1))}; D becomes I, U with positive stress becomes D; stop when no node is D. Each node
   * propagates once, so the whole run costs O(n · steps + edges).
   */
  private static DebtRankResult singleHit(
      List<String> ids, DebtRankVariant variant, Impact w, double[] shock) {
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
    double[] add = new double[n];
    boolean[] touched = new boolean[n];
    while (anyDistressed) {
      steps++;
      for (int i = 0; i < n; i++) {
        if (s[i] == distressed) {
          w.push(i, h[i], add, touched);
        }
      }
      for (int j = 0; j < n; j++) {
        if (touched[j]) {
          h[j] = Math.min(1.0, h[j] + add[j]);
          add[j] = 0;
          touched[j] = false;
        }
      }
      anyDistressed = false;
      for (int j = 0; j < n; j++) {
        if (s[j] == distressed) {
          s[j] = inactive;
        } else if (s[j] == undistressed && h[j] > 0) {
          s[j] = distressed;
          anyDistressed = true;
        }
      }
    }
    return new DebtRankResult(ids, variant, shock, h, w.v(), steps, true);
  }

  /**
   * Bardoscia et al. 2015: {@code h_j(t+1) = min(1, h_j(t) + Σ_i Λ_ji (x_i(t) − x_i(t−1)))}, {@code
   * x(−1) = 0}, with {@code x = h} (differential) or {@code x = 1{h ≥ 1 − 1e-12}} (threshold).
   * Stops when no {@code x} rises by {@link #TOLERANCE} or more; only the nodes whose {@code x}
   * rose propagate, so a step costs O(n + their edges).
   */
  private static DebtRankResult differential(
      List<String> ids, DebtRankVariant variant, Impact w, double[] shock) {
    int n = ids.size();
    boolean threshold = variant == DebtRankVariant.THRESHOLD;
    double[] h = shock.clone();
    double[] prevX = new double[n];
    double[] x = new double[n];
    double[] add = new double[n];
    boolean[] touched = new boolean[n];
    for (int step = 1; step <= MAX_STEPS; step++) {
      double maxDelta = 0;
      for (int i = 0; i < n; i++) {
        x[i] = threshold ? (DebtRankResult.isDefault(h[i]) ? 1.0 : 0.0) : h[i];
        maxDelta = Math.max(maxDelta, x[i] - prevX[i]);
      }
      if (maxDelta < TOLERANCE) {
        return new DebtRankResult(ids, variant, shock, h, w.v(), step - 1, true);
      }
      for (int i = 0; i < n; i++) {
        double dx = x[i] - prevX[i];
        if (dx != 0) {
          w.push(i, dx, add, touched);
        }
      }
      for (int j = 0; j < n; j++) {
        if (touched[j]) {
          h[j] = Math.min(1.0, h[j] + add[j]);
          add[j] = 0;
          touched[j] = false;
        }
      }
      double[] swap = prevX;
      prevX = x;
      x = swap;
    }
    return new DebtRankResult(ids, variant, shock, h, w.v(), MAX_STEPS, false);
  }
}
