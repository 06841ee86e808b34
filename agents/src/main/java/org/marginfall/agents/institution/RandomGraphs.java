package org.marginfall.agents.institution;

import java.util.ArrayList;
import java.util.List;
import org.marginfall.core.random.RandomStream;

/**
 * Random graphs drawn from one named stream, each possible link tested with one uniform in a fixed
 * order, so a graph depends only on its parameters and the stream's seed.
 *
 * <p>Stateless and thread-safe (the stream is not).
 */
public final class RandomGraphs {

  private RandomGraphs() {}

  /**
   * A directed Erdős–Rényi graph G(n, p) with {@code p = z / (n - 1)}: each ordered pair (i, j), i
   * != j, is a link with probability p, tested in row order (Gai and Kapadia 2010, Proc. R. Soc. A
   * 466:2401-2423, section 3). In- and out-degrees are Binomial(n - 1, p), Poisson(z) in the limit.
   *
   * @return for each node i, the nodes j it links to (i -> j), ascending
   */
  public static int[][] erdosRenyiDirected(int n, double z, RandomStream stream) {
    int[][] out = new int[n][];
    if (n < 2 || z <= 0) {
      for (int i = 0; i < n; i++) {
        out[i] = new int[0];
      }
      return out;
    }
    double p = z / (n - 1);
    int[] row = new int[n];
    for (int i = 0; i < n; i++) {
      int k = 0;
      for (int j = 0; j < n; j++) {
        if (j != i && stream.nextUniform() < p) {
          row[k++] = j;
        }
      }
      out[i] = java.util.Arrays.copyOf(row, k);
    }
    return out;
  }

  /**
   * A random bipartite graph of n holders and m items: each pair is linked with probability {@code
   * mu / m}, tested holder by holder, so a holder's degree is Binomial(m, mu / m) with mean mu
   * (Caccioli, Shrestha, Moore and Farmer 2014, J. Banking & Finance 46:233-245, section 2).
   *
   * @return for each holder, the items it holds, ascending
   */
  public static int[][] bipartite(int n, int m, double mu, RandomStream stream) {
    double p = Math.min(1.0, mu / m);
    int[][] out = new int[n][];
    int[] row = new int[m];
    for (int i = 0; i < n; i++) {
      int k = 0;
      for (int j = 0; j < m; j++) {
        if (stream.nextUniform() < p) {
          row[k++] = j;
        }
      }
      out[i] = java.util.Arrays.copyOf(row, k);
    }
    return out;
  }

  /**
   * {@code k} distinct indices of {@code 0..n-1} drawn uniformly (a partial Fisher–Yates shuffle),
   * ascending.
   */
  public static int[] sample(int n, int k, RandomStream stream) {
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    for (int i = 0; i < k; i++) {
      int j = i + (int) (stream.nextUniform() * (n - i));
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    int[] picked = java.util.Arrays.copyOf(idx, k);
    java.util.Arrays.sort(picked);
    return picked;
  }

  /** The reverse of a directed graph: for each node, the nodes that link to it, ascending. */
  public static int[][] reverse(int[][] graph) {
    List<List<Integer>> in = new ArrayList<>();
    for (int i = 0; i < graph.length; i++) {
      in.add(new ArrayList<>());
    }
    for (int i = 0; i < graph.length; i++) {
      for (int j : graph[i]) {
        in.get(j).add(i);
      }
    }
    int[][] out = new int[graph.length][];
    for (int i = 0; i < graph.length; i++) {
      out[i] = in.get(i).stream().mapToInt(Integer::intValue).toArray();
    }
    return out;
  }
}
