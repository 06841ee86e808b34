package org.marginfall.agents.snapshot;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.marginfall.core.asset.AssetId;

/**
 * One row of a perpetual snapshot: a position of an account (or only collateral, with size 0) and
 * the collateral its margin account holds.
 *
 * <p>Immutable and thread-safe.
 *
 * @param line the line it was read from
 * @param account the account's id in the file
 * @param market the market, or null for a row of collateral only
 * @param size signed size in units, 0 for no position
 * @param entryPrice average entry price (NaN without a position)
 * @param marginMode the margin mode the file gives it, or empty when the file does not say
 * @param collateral units of collateral by asset, added to the account's margin account
 */
public record PerpRow(
    long line,
    String account,
    AssetId market,
    double size,
    double entryPrice,
    String marginMode,
    Map<AssetId, Double> collateral) {

  /** Copies the collateral. */
  public PerpRow {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(marginMode, "marginMode");
    // Sorted, so every use iterates the assets in one order whatever the JVM's hash seed; the
    // common one-asset case kept small, as files hold millions of rows.
    collateral =
        collateral.isEmpty()
            ? Map.of()
            : collateral.size() == 1
                ? Collections.singletonMap(
                    collateral.keySet().iterator().next(), collateral.values().iterator().next())
                : Collections.unmodifiableMap(new TreeMap<>(collateral));
  }
}
