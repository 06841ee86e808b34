package org.marginfall.core.ledger;

import org.marginfall.core.asset.AssetId;

/**
 * A quantity of an asset does not fit the ledger at the asset's precision: the asset's decimals
 * must be lower (or its quantities smaller). Names the asset so the error can point at the
 * scenario field that sets its decimals.
 */
public final class LedgerRangeException extends ArithmeticException {

  private static final long serialVersionUID = 1L;

  private final transient AssetId asset;
  private final int decimals;

  /** A range failure of {@code asset} at {@code decimals}, described by {@code detail}. */
  public LedgerRangeException(AssetId asset, int decimals, String detail) {
    super(asset + " at " + decimals + " decimals: " + detail);
    this.asset = asset;
    this.decimals = decimals;
  }

  /** The asset whose quantity did not fit, or null for a conversion not tied to an asset. */
  public AssetId asset() {
    return asset;
  }

  /** The precision the asset was counted at. */
  public int decimals() {
    return decimals;
  }

  /** The message without the asset and precision prefix. */
  public String detail() {
    String m = getMessage();
    int colon = m.indexOf(": ");
    return colon < 0 ? m : m.substring(colon + 2);
  }
}
