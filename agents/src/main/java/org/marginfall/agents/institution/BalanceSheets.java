package org.marginfall.agents.institution;

import java.util.List;
import org.marginfall.core.random.RandomStreams;

/**
 * The drawn structure of an institutions population: who owes whom, who holds which asset and how
 * much of it, and who fails first. Each part comes from its own named stream, so changing the
 * network's degree leaves the portfolios and the first failures of a seed unchanged (common random
 * numbers across a sweep over the degree).
 *
 * <p>Immutable after construction (the arrays are not copied; nothing writes them).
 *
 * @param owes for each institution i, the institutions it owes (its creditors), ascending
 * @param debtors for each institution, the institutions that owe it, ascending
 * @param holds for each institution, the indexes of the portfolio assets it holds, ascending
 * @param units for each institution, the units of each asset in {@code holds}, same order
 * @param shocked the institutions that fail at the shock, ascending
 */
record BalanceSheets(
    int[][] owes, int[][] debtors, int[][] holds, double[][] units, int[] shocked) {

  /**
   * Streams: {@code agents/<id>/network}, {@code agents/<id>/portfolios}, {@code
   * agents/<id>/shock}.
   */
  static BalanceSheets generate(InstitutionsSpec spec, RandomStreams streams) {
    String base = "agents/" + spec.id();
    int n = spec.count();
    // Link i -> j: i owes j, so j holds a claim on i (j's "incoming link" in Gai and Kapadia's
    // terms).
    int[][] owes =
        RandomGraphs.erdosRenyiDirected(n, spec.averageDegree(), streams.stream(base + "/network"));
    int[][] debtors = RandomGraphs.reverse(owes);
    int[][] holds = new int[n][0];
    double[][] units = new double[n][0];
    InstitutionsSpec.Portfolio p = spec.portfolio();
    if (p != null && p.holdings() != null) {
      for (int i = 0; i < n; i++) {
        List<Double> row = p.holdings().get(i);
        holds[i] =
            java.util.stream.IntStream.range(0, row.size()).filter(k -> row.get(k) > 0).toArray();
        units[i] = java.util.Arrays.stream(holds[i]).mapToDouble(row::get).toArray();
      }
    } else if (p != null) {
      int m = p.assets().size();
      holds =
          RandomGraphs.bipartite(n, m, p.perInstitution(), streams.stream(base + "/portfolios"));
      int[] holders = new int[m];
      for (int[] h : holds) {
        for (int k : h) {
          holders[k]++;
        }
      }
      for (int i = 0; i < n; i++) {
        units[i] = new double[holds[i].length];
        for (int x = 0; x < holds[i].length; x++) {
          units[i][x] = p.supply() / holders[holds[i][x]];
        }
      }
    }
    int[] shocked =
        RandomGraphs.sample(n, spec.shock().institutions(), streams.stream(base + "/shock"));
    return new BalanceSheets(owes, debtors, holds, units, shocked);
  }
}
