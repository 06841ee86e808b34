package org.marginfall.core.ledger;

import org.marginfall.core.asset.AssetId;

/**
 * A quantity of an asset does not fit the ledger at the asset's precision: the asset's decimals
 * must be lower (or its quantities smaller). Names the asset so the error can point at the scenario
 * field that sets its decimals.
 */
public final class LedgerRangeException extends ArithmeticException {

  private static final long serialVersionUID = 1L;

  private final transient AssetId asset;
  private final int decimals;
  private final String entry;
  private final String who;

  /** A range failure of {@code asset} at {@code decimals}, described by {@code detail}. */
  public LedgerRangeException(AssetId asset, int decimals, String detail) {
    this(asset, decimals, asset + " at " + decimals + " decimals: " + detail, null, null, null);
  }

  private LedgerRangeException(
      AssetId asset, int decimals, String message, String entry, String who, Throwable cause) {
    super(message);
    if (cause != null) {
      initCause(cause);
    }
    this.asset = asset;
    this.decimals = decimals;
    this.entry = entry;
    this.who = who;
  }

  /**
   * This failure, noted as happening while scenario entry {@code entry} (e.g. {@code agents[2]})
   * named {@code who} (e.g. "population usd-lenders") acted; a failure already noted keeps its
   * entry.
   */
  public LedgerRangeException within(String entry, String who) {
    return this.entry != null
        ? this
        : new LedgerRangeException(asset, decimals, getMessage(), entry, who, this);
  }

  /** The scenario entry acting when the quantity left the range, or null when not known. */
  public String entry() {
    return entry;
  }

  /** What that entry is, e.g. "population usd-lenders", or null. */
  public String who() {
    return who;
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
