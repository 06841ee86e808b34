package org.marginfall.protocols.perp;

import java.util.Objects;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.util.Checks;

/**
 * A backstop liquidator vault (Hyperliquid's HLP liquidator vault, docs, trading/liquidations and
 * Vaults; docs/sources.md): it takes over the positions and margin of an account the book cannot
 * absorb, at the mark price, and unwinds them into the shared market at a set pace.
 *
 * <p>Immutable and thread-safe.
 *
 * @param shareAsset the derived asset of the vault's shares (NAV = vault equity / shares)
 * @param capital base currency the depositors put in at the start; one share per unit
 * @param takeoverBelow the vault takes over when equity is below this multiple of maintenance
 *     (Hyperliquid: 2/3)
 * @param unwindFraction fraction of each of its positions the vault closes into the market per tick
 */
public record BackstopTerms(
    AssetId shareAsset, double capital, double takeoverBelow, double unwindFraction) {

  /** Validates the fields. */
  public BackstopTerms {
    Objects.requireNonNull(shareAsset, "shareAsset");
    Checks.positive(capital, "capital");
    Checks.fraction(takeoverBelow, "takeoverBelow");
    if (!(unwindFraction > 0 && unwindFraction <= 1)) {
      throw new IllegalArgumentException(
          "unwindFraction: must be in (0, 1], was " + unwindFraction);
    }
  }
}
