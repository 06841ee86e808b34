package org.marginfall.core.attribution;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.market.Markets;
import org.marginfall.core.oracle.Oracle;
import org.marginfall.core.oracle.OracleFeed;
import org.marginfall.core.oracle.Oracles;
import org.marginfall.core.venue.MarginState;
import org.marginfall.core.venue.Venue;

/**
 * The <em>whether</em> question of attribution (docs/contagion.md, "Induced or accelerated"): would
 * the account, holding what it holds now, have been liquidatable on the exogenous path alone at
 * some step of the run? The venue re-marks the account with its own margin rules at each step's
 * exogenous prices: every market price it reads at the spot asset's fundamental (with the scheduled
 * shocks) of that step, every oracle price at what that feed would have published on that path, a
 * derived asset at its issuer's NAV per unit now without any endogenous part, moved with its
 * underlying's exogenous price, and the collateral other venues' positions took from the account
 * given back.
 *
 * <p>One re-mark per distinct step of the path until the first that crosses. Not thread-safe (the
 * re-marks go through the venue's price adjustments).
 */
public final class ExogenousCheck {

  private final Markets markets;
  private final ExogenousPath path;

  /** Creates the check over {@code path}. */
  public ExogenousCheck(Markets markets, ExogenousPath path) {
    this.markets = markets;
    this.path = path;
  }

  /**
   * The first step of the run at which {@code account} on {@code venue}, as it is now, is
   * liquidatable at the exogenous prices of that step; -1 if at none.
   *
   * @param table the components of the prices the venue reads now ({@link ComponentTable#of})
   * @param assets the assets whose prices the venue may read
   * @param diverted the collateral value taken from the account for positions elsewhere
   * @param now the current step
   */
  public int firstLiquidatableStep(
      Venue venue,
      Oracles oracles,
      AccountId account,
      ComponentTable table,
      List<AssetId> assets,
      double diverted,
      long now) {
    Factors f = new Factors(venue, oracles, table, assets, now);
    for (int i = 0; i < path.stepCount(); i++) {
      f.index = i;
      MarginState s =
          markets.counterfactual(
              f.asset, () -> oracles.counterfactual(f.feed, () -> venue.marginStateNow(account)));
      if (s == null) {
        return -1;
      }
      if (diverted != 0) {
        s =
            new MarginState(
                s.equity() + diverted, s.initialRequirement(), s.maintenanceRequirement());
      }
      if (s.liquidatable()) {
        return path.step(i);
      }
    }
    return -1;
  }

  /**
   * The price factors of one check, step by step: exogenous price over the price read now. Each
   * factor is computed when the re-mark reads it, so a check that crosses early, or a venue that
   * reads few of the prices, costs only what it reads (docs/performance.md).
   */
  private final class Factors {
    private final Map<AssetId, Factor> assetFactors = new HashMap<>();
    private final Map<OracleFeed, Factor> feedFactors = new IdentityHashMap<>();

    /** The index of the path step being re-marked. */
    private int index;

    private final ToDoubleFunction<AssetId> asset = a -> at(assetFactors.get(a));
    private final ToDoubleFunction<OracleFeed> feed = f -> at(feedFactors.get(f));

    Factors(Venue venue, Oracles oracles, ComponentTable table, List<AssetId> assets, long now) {
      double[] all = table.factors(Keep.NOTHING, Keep.ANY, new double[table.rowCount()]);
      for (AssetId a : assets) {
        double current = markets.priceFor(venue.id(), a);
        if (markets.isDerived(a)) {
          int row = table.row(a);
          assetFactors.put(a, derived(a, row < 0 ? 1.0 : all[row], now));
        } else {
          assetFactors.put(a, new Factor(a, null, current, 1.0, null, Double.NaN));
        }
      }
      for (Oracle o : oracles.all()) {
        for (OracleFeed fd : o.feeds()) {
          AssetId a = fd.asset();
          if (markets.isDerived(a)) {
            int row = table.row(fd);
            feedFactors.put(fd, derived(a, row < 0 ? 1.0 : all[row], now));
          } else {
            feedFactors.put(fd, new Factor(null, fd, fd.price(), 1.0, null, Double.NaN));
          }
        }
      }
    }

    /**
     * Without its parts now ({@code withoutParts}), moved with its underlying's exogenous price.
     */
    private Factor derived(AssetId a, double withoutParts, long now) {
      AssetId u = markets.underlying(a);
      double uNow = u == null ? Double.NaN : path.spot(u, (int) now);
      return new Factor(null, null, Double.NaN, withoutParts, u, uNow);
    }

    private double at(Factor x) {
      return x == null ? 1.0 : x.at(path, path.step(index));
    }
  }

  /**
   * One price's factor: a spot asset's ({@code spot}) or a feed's ({@code feed}) exogenous price
   * over {@code current}, or a derived asset's {@code withoutParts} moved with its underlying
   * {@code u} from {@code uNow} (NaN: not moved).
   */
  private record Factor(
      AssetId spot, OracleFeed feed, double current, double withoutParts, AssetId u, double uNow) {
    double at(ExogenousPath path, int step) {
      if (spot != null) {
        return ratio(path.spot(spot, step), current);
      }
      if (feed != null) {
        return ratio(path.feed(feed, step), current);
      }
      double g = Double.isNaN(uNow) ? 1.0 : ratio(path.spot(u, step), uNow);
      return withoutParts * g;
    }
  }

  /** {@code x / y}, or 1 when either is not a positive number. */
  private static double ratio(double x, double y) {
    return x > 0 && y > 0 && Double.isFinite(x) && Double.isFinite(y) ? x / y : 1.0;
  }
}
