package org.marginfall.protocols.perp.portfolio;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.marginfall.core.asset.AssetId;

/**
 * The explicit input of a portfolio-margin model: an account's positions at their current marks,
 * plus the price window that history-based models read.
 *
 * <p>Positions keep the caller's order, which is also the order of every per-asset breakdown; an
 * asset may appear at most once (the venue nets its positions per market). Immutable and
 * thread-safe.
 *
 * @param positions the positions, at most one per asset
 * @param history the recent marks, {@link PriceHistory#empty} for models that need none
 */
public record Portfolio(List<Position> positions, PriceHistory history) {

  /** Validates that each asset appears once. */
  public Portfolio {
    positions = List.copyOf(Objects.requireNonNull(positions, "positions"));
    Objects.requireNonNull(history, "history");
    Set<AssetId> seen = new HashSet<>();
    for (Position p : positions) {
      if (!seen.add(p.asset())) {
        throw new IllegalArgumentException("positions: asset " + p.asset() + " is listed twice");
      }
    }
  }

  /** A portfolio without price history (enough for the scenario-grid models). */
  public static Portfolio of(List<Position> positions) {
    return new Portfolio(positions, PriceHistory.empty(List.of(), 1));
  }
}
