package org.marginfall.core.venue;

import org.marginfall.core.asset.AssetId;

/**
 * A quantity of one asset, in ledger atoms.
 *
 * <p>Immutable and thread-safe.
 *
 * @param asset the asset
 * @param atoms the quantity in atoms
 */
public record Holding(AssetId asset, long atoms) {}
