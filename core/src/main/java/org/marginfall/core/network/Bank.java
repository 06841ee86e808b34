package org.marginfall.core.network;

import java.util.Objects;

/**
 * One node of an exposure network: its balance-sheet items outside the network.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id unique, non-blank identifier
 * @param externalAssets assets held outside the network ({@code e_i}, or {@code Ae_i}), ≥ 0
 * @param externalLiabilities liabilities to creditors outside the network ({@code Le_i}), ≥ 0
 * @param equity capital buffer used by DebtRank ({@code E_i(0)}), ≥ 0; clearing ignores it and
 *     derives net worth from the balance sheet
 * @param value DebtRank's economic value weight ({@code v_i} before normalisation), ≥ 0
 */
public record Bank(
    String id, double externalAssets, double externalLiabilities, double equity, double value) {

  /** Validates every field. */
  public Bank {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("bank id must not be blank");
    }
    requireNonNegative(id, "externalAssets", externalAssets);
    requireNonNegative(id, "externalLiabilities", externalLiabilities);
    requireNonNegative(id, "equity", equity);
    requireNonNegative(id, "value", value);
  }

  /** A node with external assets and liabilities only (equity and value 0), for clearing. */
  public static Bank of(String id, double externalAssets, double externalLiabilities) {
    return new Bank(id, externalAssets, externalLiabilities, 0.0, 0.0);
  }

  private static void requireNonNegative(String id, String field, double x) {
    if (!Double.isFinite(x) || x < 0) {
      throw new IllegalArgumentException(
          "bank " + id + ": " + field + " must be finite and >= 0, was " + x);
    }
  }
}
