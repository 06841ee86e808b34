package org.marginfall.protocols.perp.portfolio;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.marginfall.core.asset.AssetId;

/**
 * Scenario-grid portfolio margin (CME SPAN; Deribit portfolio margin with its own grid) for linear
 * perpetual positions.
 *
 * <pre>
 * loss_a(s)        = -w_s * size_a * P_a * m_s * PSR_a                     (risk array, losses positive)
 * scanRisk_a       = max_s loss_a(s)                                        (>= 0: scenario "no move" loses 0)
 * credit(a, b)     = 2 * rate_ab * min(rem_a, rem_b)   if size_a * size_b &lt; 0, pairs in configured order
 * maintenance      = sum_a scanRisk_a - sum credit
 * initial          = maintenance * initialToMaintenance
 * </pre>
 *
 * Source: CME SPAN algorithm steps 2-5 (CME SPAN overview, Risk Arrays page); Deribit S:PM price
 * buckets (Portfolio Margin article); docs/sources.md. Simplifications: one position per asset, so
 * there is no intra-commodity (calendar) spread or delivery charge, no short-option minimum and no
 * option premium; the volatility legs change nothing for linear positions; inter-commodity legs are
 * matched in units of scanning risk rather than by CME's delta-per-spread ratios, each leg's
 * matched risk is used once, and only opposite-direction pairs earn credit; Deribit's contingencies
 * (1-2% of underlying for offsetting futures) are not added. Immutable and thread-safe.
 *
 * @param priceScanRange the price scan range of each asset as a fraction of price, in (0, 1), such
 *     that the largest down move stays below 100%
 * @param grid the scenarios
 * @param credits inter-commodity credits in priority order, each pair once, both assets scanned
 * @param initialToMaintenance initial / maintenance ratio, {@code >= 1} (CME about 1.1, ⚠)
 */
public record SpanGrid(
    Map<AssetId, Double> priceScanRange,
    ScenarioGrid grid,
    List<InterCommodityCredit> credits,
    double initialToMaintenance)
    implements PortfolioMarginModel {

  /** CME's initial-to-maintenance ratio (⚠ about 1.1; 1.35 historically for speculators). */
  public static final double CME_INITIAL_TO_MAINTENANCE = 1.1;

  /** Validates the ranges, the credits and the ratio. */
  public SpanGrid {
    Objects.requireNonNull(grid, "grid");
    priceScanRange = Collections.unmodifiableMap(new LinkedHashMap<>(priceScanRange));
    credits = List.copyOf(credits);
    if (priceScanRange.isEmpty()) {
      throw new IllegalArgumentException("priceScanRange: must name at least one asset");
    }
    double down = grid.largestDownMove();
    for (Map.Entry<AssetId, Double> e : priceScanRange.entrySet()) {
      double r = Objects.requireNonNull(e.getValue(), "priceScanRange");
      if (!(r > 0 && r < 1)) {
        throw new IllegalArgumentException(
            "priceScanRange: " + e.getKey() + " must be in (0, 1), was " + r);
      }
      if (!(down * r < 1)) {
        throw new IllegalArgumentException(
            "priceScanRange: "
                + e.getKey()
                + " "
                + r
                + " times the largest down move "
                + down
                + " would take the price to zero or below");
      }
    }
    for (int i = 0; i < credits.size(); i++) {
      InterCommodityCredit c = credits.get(i);
      for (AssetId a : List.of(c.first(), c.second())) {
        if (!priceScanRange.containsKey(a)) {
          throw new IllegalArgumentException(
              "interCommodityCredit: asset " + a + " has no price scan range");
        }
      }
      for (int j = 0; j < i; j++) {
        if (credits.get(j).pairs(c.first(), c.second())) {
          throw new IllegalArgumentException(
              "interCommodityCredit: the pair "
                  + c.first()
                  + "/"
                  + c.second()
                  + " is listed twice");
        }
      }
    }
    if (!(initialToMaintenance >= 1) || !Double.isFinite(initialToMaintenance)) {
      throw new IllegalArgumentException(
          "initialToMaintenance: must be a finite number >= 1, was " + initialToMaintenance);
    }
  }

  @Override
  public String method() {
    return "span";
  }

  @Override
  public boolean covers(Portfolio portfolio) {
    for (Position p : portfolio.positions()) {
      if (p.size() != 0 && !priceScanRange.containsKey(p.asset())) {
        return false;
      }
    }
    return true;
  }

  /**
   * The scan of one position: the maximum counted loss over the grid, the first scenario among
   * equal losses (CME SPAN step 3).
   */
  public AssetScan scan(Position position) {
    Double range = priceScanRange.get(position.asset());
    if (range == null) {
      throw new IllegalArgumentException(
          "positions: no price scan range for asset " + position.asset());
    }
    Scenario worst = null;
    double worstLoss = Double.NEGATIVE_INFINITY;
    for (Scenario s : grid.scenarios()) {
      double loss = s.loss(position.notional(), range);
      if (loss > worstLoss) {
        worst = s;
        worstLoss = loss;
      }
    }
    return new AssetScan(position.asset(), position.size(), range, worst, worstLoss);
  }

  @Override
  public MarginRequirement requirement(Portfolio portfolio) {
    List<AssetScan> scans = new ArrayList<>();
    Map<AssetId, Double> unmatched = new LinkedHashMap<>();
    Map<AssetId, Double> sizes = new LinkedHashMap<>();
    double gross = 0;
    for (Position p : portfolio.positions()) {
      if (p.size() == 0) {
        continue;
      }
      AssetScan s = scan(p);
      scans.add(s);
      unmatched.put(p.asset(), s.scanningRisk());
      sizes.put(p.asset(), p.size());
      gross += s.scanningRisk();
    }
    List<AppliedCredit> applied = new ArrayList<>();
    double totalCredit = 0;
    for (InterCommodityCredit c : credits) {
      Double a = unmatched.get(c.first());
      Double b = unmatched.get(c.second());
      // Only a long against a short of related assets offsets; same-direction legs lose together.
      if (a == null || b == null || !(sizes.get(c.first()) * sizes.get(c.second()) < 0)) {
        continue;
      }
      double matched = Math.min(a, b);
      if (matched <= 0) {
        continue;
      }
      double credit = 2 * c.rate() * matched;
      unmatched.put(c.first(), a - matched);
      unmatched.put(c.second(), b - matched);
      applied.add(new AppliedCredit(c, matched, credit));
      totalCredit += credit;
    }
    double maintenance = Math.max(0, gross - totalCredit);
    return new MarginRequirement(
        maintenance * initialToMaintenance,
        maintenance,
        new SpanBreakdown(scans, gross, applied, totalCredit));
  }
}
