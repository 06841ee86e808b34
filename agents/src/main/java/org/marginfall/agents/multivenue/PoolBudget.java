package org.marginfall.agents.multivenue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.Precision;

/**
 * What one member's pool has left under its {@link SharingLimits}: per asset, each leg's reserved
 * atoms and the common atoms, and per leg the value drawn so far (against its cap).
 *
 * <p>Draws take the leg's reserved atoms first and the common atoms after, so only the common part
 * of a draw is collateral another leg could also have used. Mutable and not thread-safe.
 */
final class PoolBudget {

  /** Atoms a draw took from the leg's own reserve and from the common part. */
  record Draw(long reserved, long common) {}

  private final SharingLimits limits;
  private final Map<AssetId, Precision> precisions;

  private final Map<AssetId, long[]> reservedLeft = new LinkedHashMap<>();
  private final Map<AssetId, Long> commonLeft = new LinkedHashMap<>();
  private final double[] drawn;

  /**
   * Splits {@code poolAtoms} (per asset, in pool order) as {@code limits} say; {@code precisions}
   * counts each pool asset's atoms.
   */
  PoolBudget(
      SharingLimits limits, Map<AssetId, Long> poolAtoms, Map<AssetId, Precision> precisions) {
    this.limits = limits;
    this.precisions = Map.copyOf(precisions);
    int legs = limits.venues().size();
    this.drawn = new double[legs];
    poolAtoms.forEach(
        (asset, atoms) -> {
          long[] r = new long[legs];
          for (int i = 0; i < legs; i++) {
            r[i] = limits.reservedAtoms(asset, i, atoms);
          }
          reservedLeft.put(asset, r);
          commonLeft.put(asset, limits.commonAtoms(asset, atoms));
        });
  }

  /** The limits this budget applies. */
  SharingLimits limits() {
    return limits;
  }

  /** Atoms of {@code asset} leg {@code leg} may still draw, at {@code price} against its cap. */
  long room(int leg, AssetId asset, double price) {
    if (!limits.allowed(asset, leg) || !reservedLeft.containsKey(asset)) {
      return 0;
    }
    long atoms = reservedLeft.get(asset)[leg] + commonLeft.get(asset);
    double capLeft = limits.caps().get(leg) - drawn[leg];
    if (Double.isFinite(capLeft)) {
      atoms = precisions.get(asset).floorAtomsAtMost(Math.max(0, capLeft) / price, atoms);
    }
    return atoms;
  }

  /** Books a draw of {@code atoms} (at most {@link #room}) worth {@code price} each unit. */
  Draw take(int leg, AssetId asset, long atoms, double price) {
    long[] r = reservedLeft.get(asset);
    long own = Math.min(atoms, r[leg]);
    long common = atoms - own;
    if (common > commonLeft.get(asset)) {
      throw new IllegalStateException(
          "draw of " + atoms + " atoms of " + asset + " exceeds leg " + leg + "'s room");
    }
    r[leg] -= own;
    commonLeft.put(asset, commonLeft.get(asset) - common);
    drawn[leg] += precisions.get(asset).units(atoms) * price;
    return new Draw(own, common);
  }
}
