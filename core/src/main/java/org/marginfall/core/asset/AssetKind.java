package org.marginfall.core.asset;

/**
 * What an asset is, which decides how it is priced.
 *
 * <p>Immutable and thread-safe.
 */
public enum AssetKind {
  /** The unit of account: every price is quoted in it and its price is 1 by definition. */
  BASE,
  /** A traded token with an exogenous fundamental price and a shared market. */
  SPOT,
  /** A token whose value is backed by something else, e.g. a venue's NAV per share. */
  DERIVED
}
