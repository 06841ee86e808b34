package org.marginfall.protocols.perp.portfolio;

import java.util.Objects;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.util.Checks;

/**
 * The scan of one asset's position: its worst scenario and the loss there (its scanning risk).
 *
 * <p>Immutable and thread-safe.
 *
 * @param asset the asset (the SPAN combined commodity)
 * @param size the signed position size
 * @param scanRange the price scan range used, as a fraction of price
 * @param worst the worst scenario (the lowest-numbered one among equal losses)
 * @param scanningRisk the loss in the worst scenario, {@code >= 0} (scenario 1, no move, loses 0)
 */
public record AssetScan(
    AssetId asset, double size, double scanRange, Scenario worst, double scanningRisk) {

  /** Validates the fields. */
  public AssetScan {
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(worst, "worst");
    Checks.finite(size, "size");
    Checks.positive(scanRange, "scanRange");
    Checks.nonNegative(scanningRisk, "scanningRisk");
  }
}
