package org.marginfall.reports.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code contagion} object of {@code summary.json} (docs/outputs.md): which contagion channels
 * were on, the cascade's headline numbers, liquidations by generation, the cause-by-affected-venue
 * matrix and each venue's time to its first liquidation and first bad debt. Absent numbers (no
 * liquidation, no shock) are {@code null}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param channels channel name to whether it was on, in file order
 * @param shockStep the first step with a scheduled shock, or null
 * @param cascadeDepth the highest generation of any liquidation that is not accelerated, or null
 * @param inducedShare liquidated notional of induced liquidations (generation ≥ 1, never
 *     liquidatable on the exogenous path alone) over all liquidated notional, or null
 * @param acceleratedShare liquidated notional of accelerated liquidations (generation ≥ 1,
 *     liquidatable on the exogenous path alone at some step) over all liquidated notional, or null
 *     (also for older summaries)
 * @param generations one entry per generation, ascending from 0
 * @param matrix cause (rows; the last is "accelerated" in summaries that tell them apart) by
 *     affected venue (columns)
 * @param venues venue id to its timing, in file (scenario) order
 */
public record Contagion(
    Map<String, Boolean> channels,
    Long shockStep,
    Long cascadeDepth,
    Double inducedShare,
    Double acceleratedShare,
    List<Generation> generations,
    Matrix matrix,
    Map<String, Timing> venues) {

  public Contagion {
    channels = Collections.unmodifiableMap(new LinkedHashMap<>(channels));
    generations = List.copyOf(generations);
    Objects.requireNonNull(matrix, "matrix");
    venues = Collections.unmodifiableMap(new LinkedHashMap<>(venues));
  }

  /**
   * Liquidations of one generation: 0 are caused by the exogenous shock, {@code g ≥ 1} by a
   * liquidation or loss of generation {@code g − 1}. Immutable and thread-safe.
   */
  public record Generation(
      long generation,
      long liquidations,
      double liquidatedNotional,
      double badDebt,
      long acceleratedLiquidations,
      double acceleratedNotional,
      double acceleratedBadDebt) {

    /** A generation of a summary written before liquidations were told induced or accelerated. */
    public Generation(
        long generation, long liquidations, double liquidatedNotional, double badDebt) {
      this(generation, liquidations, liquidatedNotional, badDebt, 0, 0, 0);
    }
  }

  /**
   * The contagion matrix: {@code from} are the causes ({@code exogenous}, then the venues), {@code
   * to} the affected venues; each table has {@code from.size()} rows of {@code to.size()} values.
   * Immutable and thread-safe (arrays are copied in and out).
   */
  public record Matrix(
      List<String> from,
      List<String> to,
      double[][] liquidations,
      double[][] liquidatedNotional,
      double[][] badDebt) {

    public Matrix {
      from = List.copyOf(from);
      to = List.copyOf(to);
      liquidations = copy(liquidations, from.size(), to.size(), "liquidations");
      liquidatedNotional = copy(liquidatedNotional, from.size(), to.size(), "liquidatedNotional");
      badDebt = copy(badDebt, from.size(), to.size(), "badDebt");
    }

    @Override
    public double[][] liquidations() {
      return copy(liquidations, from.size(), to.size(), "liquidations");
    }

    @Override
    public double[][] liquidatedNotional() {
      return copy(liquidatedNotional, from.size(), to.size(), "liquidatedNotional");
    }

    @Override
    public double[][] badDebt() {
      return copy(badDebt, from.size(), to.size(), "badDebt");
    }

    /** Whether every cell of {@code table} is zero. */
    public static boolean allZero(double[][] table) {
      for (double[] row : table) {
        for (double v : row) {
          if (v != 0) {
            return false;
          }
        }
      }
      return true;
    }

    private static double[][] copy(double[][] table, int rows, int columns, String name) {
      if (table.length != rows) {
        throw new IllegalArgumentException(
            name + ": " + table.length + " rows for " + rows + " causes");
      }
      List<double[]> out = new ArrayList<>();
      for (double[] row : table) {
        if (row.length != columns) {
          throw new IllegalArgumentException(
              name + ": a row has " + row.length + " values for " + columns + " venues");
        }
        out.add(row.clone());
      }
      return out.toArray(double[][]::new);
    }

    // Records compare arrays by identity; compare cells instead.
    @Override
    public boolean equals(Object o) {
      return o instanceof Matrix m
          && from.equals(m.from)
          && to.equals(m.to)
          && java.util.Arrays.deepEquals(liquidations, m.liquidations)
          && java.util.Arrays.deepEquals(liquidatedNotional, m.liquidatedNotional)
          && java.util.Arrays.deepEquals(badDebt, m.badDebt);
    }

    @Override
    public int hashCode() {
      return Objects.hash(from, to, java.util.Arrays.deepHashCode(liquidatedNotional));
    }

    @Override
    public String toString() {
      return "Matrix[from="
          + from
          + ", to="
          + to
          + ", liquidatedNotional="
          + java.util.Arrays.deepToString(liquidatedNotional)
          + "]";
    }
  }

  /**
   * When a venue was first reached: the step of its first liquidation and of its first bad debt,
   * and how many steps after the first shock each came ({@code null} when it never happened).
   * Immutable and thread-safe.
   */
  public record Timing(
      Long firstLiquidationStep,
      Long stepsToFirstLiquidation,
      Long firstBadDebtStep,
      Long stepsToInsolvency) {}
}
