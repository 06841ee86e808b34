package org.marginfall.core.oracle;

import java.util.Arrays;
import java.util.Comparator;

/**
 * How an oracle combines the readings of its sources into one price per step. Open to plug-ins
 * (docs/extending.md): a new aggregation must fill the coefficients, which attribution reads.
 *
 * <p>Immutable and thread-safe.
 */
public interface Aggregation {

  /** The scenario name of the aggregation. */
  String label();

  /**
   * Combines {@code values} (one per source, in source order) with their {@code weights}.
   *
   * @throws IllegalArgumentException if the arrays are empty or of different lengths
   */
  default double aggregate(double[] values, double[] weights) {
    return aggregate(values, weights, null);
  }

  /**
   * As {@link #aggregate(double[], double[])}, also writing into {@code coefficients} (if not null)
   * each value's coefficient in the result, which is {@code sum_i coefficients[i] * values[i]}:
   * what attribution needs to know of which readings the price was made of.
   */
  double aggregate(double[] values, double[] weights, double[] coefficients);

  /**
   * Weighted median: the readings sorted ascending, the first whose cumulative weight reaches half
   * the total; when the cumulative weight equals exactly half, the mean of that reading and the
   * next, so that equal weights give the ordinary median (the mean of the two middle values of an
   * even count).
   *
   * <p>Maker's Median stores the median of the signed reporter prices (makerdao/median median.sol;
   * docs/sources.md) and Hyperliquid's validators publish a weighted median of spot venue mids,
   * weights Binance 3, OKX 2, Bybit 2, others 1 (Hyperliquid docs, hypercore/oracle).
   * Simplification: neither documents the even-split tie rule; the midpoint used here is the
   * textbook one. Immutable and thread-safe.
   */
  record Median() implements Aggregation {

    @Override
    public String label() {
      return "median";
    }

    @Override
    public double aggregate(double[] values, double[] weights, double[] coefficients) {
      check(values, weights);
      if (coefficients != null) {
        Arrays.fill(coefficients, 0.0);
      }
      Integer[] order = new Integer[values.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      // ties by source index: the sort is stable, so the order is deterministic
      Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
      double total = 0;
      for (double w : weights) {
        total += w;
      }
      double half = total / 2;
      double cumulative = 0;
      for (int k = 0; k < order.length; k++) {
        cumulative += weights[order[k]];
        if (cumulative == half && k + 1 < order.length) {
          if (coefficients != null) {
            coefficients[order[k]] = 0.5;
            coefficients[order[k + 1]] = 0.5;
          }
          return (values[order[k]] + values[order[k + 1]]) / 2;
        }
        if (cumulative >= half) {
          return select(values, order[k], coefficients);
        }
      }
      return select(values, order[order.length - 1], coefficients);
    }
  }

  /**
   * Weighted mean {@code sum(w_i x_i) / sum(w_i)}: Binance's index, a weighted average of spot
   * prices across listed exchanges (Binance FAQ 360033525071). Simplification: Binance's exclusion
   * of a source more than 5% from the median is not modelled. Immutable and thread-safe.
   */
  record WeightedMean() implements Aggregation {

    @Override
    public String label() {
      return "mean";
    }

    @Override
    public double aggregate(double[] values, double[] weights, double[] coefficients) {
      check(values, weights);
      double sum = 0;
      double total = 0;
      for (int i = 0; i < values.length; i++) {
        sum += weights[i] * values[i];
        total += weights[i];
      }
      if (coefficients != null) {
        for (int i = 0; i < values.length; i++) {
          coefficients[i] = weights[i] / total;
        }
      }
      return sum / total;
    }
  }

  private static double select(double[] values, int i, double[] coefficients) {
    if (coefficients != null) {
      coefficients[i] = 1.0;
    }
    return values[i];
  }

  private static void check(double[] values, double[] weights) {
    if (values.length == 0 || values.length != weights.length) {
      throw new IllegalArgumentException(
          "values and weights must be non-empty and of equal length, were "
              + values.length
              + " and "
              + weights.length);
    }
  }
}
