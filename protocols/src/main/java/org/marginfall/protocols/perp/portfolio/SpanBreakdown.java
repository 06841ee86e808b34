package org.marginfall.protocols.perp.portfolio;

import java.util.List;
import java.util.Optional;
import org.marginfall.core.util.Checks;

/**
 * A scenario-grid requirement: the scan of each asset, their sum, and the inter-commodity credits.
 *
 * <p>Immutable and thread-safe.
 *
 * @param scans one scan per non-zero position, in the portfolio's order
 * @param grossScanningRisk the sum of the scanning risks
 * @param credits the credits applied, in the configured order
 * @param totalCredit the sum of the credits, at most {@code grossScanningRisk}
 */
public record SpanBreakdown(
    List<AssetScan> scans,
    double grossScanningRisk,
    List<AppliedCredit> credits,
    double totalCredit)
    implements RiskBreakdown {

  /** Validates the amounts. */
  public SpanBreakdown {
    scans = List.copyOf(scans);
    credits = List.copyOf(credits);
    Checks.nonNegative(grossScanningRisk, "grossScanningRisk");
    Checks.nonNegative(totalCredit, "totalCredit");
  }

  /** The scan with the largest scanning risk (the first among equals), empty for no positions. */
  public Optional<AssetScan> worst() {
    AssetScan worst = null;
    for (AssetScan s : scans) {
      if (worst == null || s.scanningRisk() > worst.scanningRisk()) {
        worst = s;
      }
    }
    return Optional.ofNullable(worst);
  }
}
