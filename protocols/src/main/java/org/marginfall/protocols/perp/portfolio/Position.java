package org.marginfall.protocols.perp.portfolio;

import java.util.Objects;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.util.Checks;

/**
 * One linear perpetual position of a portfolio: its PnL for a price move {@code dP} is {@code size
 * * dP} in the base currency.
 *
 * <p>Immutable and thread-safe.
 *
 * @param asset the underlying asset
 * @param size signed size in units of the asset (negative: short)
 * @param markPrice current mark price in the base currency, {@code > 0}
 */
public record Position(AssetId asset, double size, double markPrice) {

  /** Validates the size and the price. */
  public Position {
    Objects.requireNonNull(asset, "asset");
    Checks.finite(size, "size");
    Checks.positive(markPrice, "markPrice");
  }

  /** Signed notional {@code size * markPrice}: the exposure to a relative price move. */
  public double notional() {
    return size * markPrice;
  }
}
