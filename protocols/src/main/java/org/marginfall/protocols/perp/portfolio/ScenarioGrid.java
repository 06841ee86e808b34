package org.marginfall.protocols.perp.portfolio;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The scenarios a scan revalues each asset's position over, with moves in multiples of the asset's
 * scan range.
 *
 * <p>Two published grids: CME SPAN's 16-scenario risk array and Deribit portfolio margin's evenly
 * spaced price buckets. Immutable and thread-safe.
 *
 * @param kind which published grid this is
 * @param scenarios the scenarios, numbered from 1 in order
 */
public record ScenarioGrid(Kind kind, List<Scenario> scenarios) {

  /** The published grid a {@link ScenarioGrid} follows. Immutable and thread-safe. */
  public enum Kind {
    /** CME SPAN 16-scenario risk array. */
    CME,
    /** Deribit portfolio-margin price buckets. */
    DERIBIT;

    /** The scenario-file name. */
    public String scenarioName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** CME's current extreme multiple k (CME Risk Arrays page; ⚠: 2 in older CBOT examples). */
  public static final double CME_EXTREME_MULTIPLE = 3;

  /** CME's cover fraction of the extreme moves (CME Risk Arrays page). */
  public static final double CME_COVER_FRACTION = 0.35;

  /** Deribit's number of price buckets including 0 (Deribit Portfolio Margin article). */
  public static final int DERIBIT_BUCKETS = 9;

  /** Validates the numbering and the move range. */
  public ScenarioGrid {
    Objects.requireNonNull(kind, "kind");
    scenarios = List.copyOf(scenarios);
    if (scenarios.isEmpty()) {
      throw new IllegalArgumentException("scenarios: must not be empty");
    }
    for (int i = 0; i < scenarios.size(); i++) {
      if (scenarios.get(i).number() != i + 1) {
        throw new IllegalArgumentException(
            "scenarios: scenario " + (i + 1) + " is numbered " + scenarios.get(i).number());
      }
    }
  }

  /**
   * CME SPAN's risk array: 0, ±1/3, ±2/3 and ±3/3 of the price scan range, each with volatility up
   * and down (weight 1), then {@code +k} and {@code -k} times the range with volatility unchanged,
   * counting {@code coverFraction} of the loss. Source: CME Risk Arrays page (docs/sources.md).
   *
   * @param extremeMultiple k, {@code >= 1} (CME now 3, older CBOT examples 2)
   * @param coverFraction fraction of the extreme loss counted, in (0, 1] (CME 0.35)
   */
  public static ScenarioGrid cme(double extremeMultiple, double coverFraction) {
    if (!(extremeMultiple >= 1) || !Double.isFinite(extremeMultiple)) {
      throw new IllegalArgumentException(
          "extremeMultiple: must be a finite number >= 1, was " + extremeMultiple);
    }
    if (!(coverFraction > 0 && coverFraction <= 1)) {
      throw new IllegalArgumentException("coverFraction: must be in (0, 1], was " + coverFraction);
    }
    List<Scenario> s = new ArrayList<>();
    double[] moves = {0, 1 / 3.0, -1 / 3.0, 2 / 3.0, -2 / 3.0, 1, -1};
    for (double m : moves) {
      s.add(new Scenario(s.size() + 1, m, VolShock.UP, 1));
      s.add(new Scenario(s.size() + 1, m, VolShock.DOWN, 1));
    }
    s.add(new Scenario(15, extremeMultiple, VolShock.UNCHANGED, coverFraction));
    s.add(new Scenario(16, -extremeMultiple, VolShock.UNCHANGED, coverFraction));
    return new ScenarioGrid(Kind.CME, s);
  }

  /**
   * Deribit portfolio margin's grid: {@code buckets} evenly spaced price moves from −1 to +1 times
   * the range (so 0 is one of them), each with volatility up, unchanged and down, all at weight 1.
   * Source: Deribit Portfolio Margin article (9 buckets; docs/sources.md).
   *
   * @param buckets number of price points, odd and {@code >= 3} so that 0 is included
   */
  public static ScenarioGrid deribit(int buckets) {
    if (buckets < 3 || buckets % 2 == 0) {
      throw new IllegalArgumentException(
          "buckets: must be an odd number >= 3 so the grid includes 0, was " + buckets);
    }
    List<Scenario> s = new ArrayList<>();
    int half = buckets / 2;
    for (int i = -half; i <= half; i++) {
      double m = (double) i / half;
      for (VolShock v : VolShock.values()) {
        s.add(new Scenario(s.size() + 1, m, v, 1));
      }
    }
    return new ScenarioGrid(Kind.DERIBIT, s);
  }

  /** The largest down move in multiples of the range (a positive number). */
  public double largestDownMove() {
    double worst = 0;
    for (Scenario s : scenarios) {
      worst = Math.max(worst, -s.move());
    }
    return worst;
  }
}
