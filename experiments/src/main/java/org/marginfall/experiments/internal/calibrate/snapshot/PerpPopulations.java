package org.marginfall.experiments.internal.calibrate.snapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.marginfall.agents.snapshot.PerpRow;
import org.marginfall.core.asset.AssetId;

/**
 * Fits a {@code leveraged-traders} population (docs/scenarios.md) to a perpetual snapshot's
 * accounts: collateral is the value of an account's collateral at the given prices, leverage its
 * gross notional at entry prices over that value (the leverage it opened at, as a drawn trader
 * opens at the mark), long when its net notional is positive, and the markets weighted by their
 * share of the gross notional. Stateless.
 */
final class PerpPopulations {

  private PerpPopulations() {}

  /** One account's sums over its rows. */
  private static final class Account {
    double collateral;
    double gross;
    double net;
    final Map<AssetId, Double> notional = new TreeMap<>();
  }

  static SnapshotCalibration fit(List<PerpRow> rows, Prices prices, String venue) {
    Map<String, Account> accounts = accounts(rows, prices);
    List<String> notes = new ArrayList<>();
    if (!prices.missing().isEmpty()) {
      return new SnapshotCalibration(List.of(), notes);
    }
    List<Double> collateral = new ArrayList<>();
    List<Double> leverage = new ArrayList<>();
    Map<AssetId, Double> markets = new TreeMap<>();
    double gross = 0;
    long longs = 0;
    int flat = 0;
    int unfunded = 0;
    for (Account a : accounts.values()) {
      if (a.gross == 0) {
        flat++;
      } else if (!(a.collateral > 0)) {
        unfunded++;
      } else {
        collateral.add(a.collateral);
        leverage.add(a.gross / a.collateral);
        longs += a.net > 0 ? 1 : 0;
        gross += a.gross;
        a.notional.forEach((m, v) -> markets.merge(m, v, Double::sum));
      }
    }
    if (flat > 0) {
      notes.add(flat + " accounts hold no position (collateral only): left out");
    }
    if (unfunded > 0) {
      notes.add(
          unfunded + " accounts hold positions on no collateral (unbounded leverage): left out");
    }
    int n = collateral.size();
    if (LendingPopulations.tooFew(notes, venue + "-traders", n)) {
      return new SnapshotCalibration(List.of(), notes);
    }
    PopulationFit fit =
        new PopulationFit.Builder(venue + "-traders", "leveraged-traders", venue, n)
            .field("markets", weights(markets, gross))
            .field("count", Integer.toString(n))
            .fit(DistributionMle.lognormal("collateral", values(collateral)))
            .fit(DistributionMle.lognormal("leverage", values(leverage)))
            .share(DistributionMle.share("longShare", longs, n))
            .build();
    return new SnapshotCalibration(List.of(fit), notes);
  }

  /**
   * Each account's sums over its rows, in file order; missing prices are remembered by {@code
   * prices}.
   */
  private static Map<String, Account> accounts(List<PerpRow> rows, Prices prices) {
    Map<String, Account> accounts = new LinkedHashMap<>();
    for (PerpRow r : rows) {
      Account a = accounts.computeIfAbsent(r.account(), k -> new Account());
      for (Map.Entry<AssetId, Double> c : r.collateral().entrySet()) {
        if (c.getValue() == 0) {
          continue; // an empty cell of an asset the account does not hold needs no price
        }
        a.collateral +=
            c.getValue()
                * prices.of(
                    c.getKey(), "collateral of " + r.account() + " (line " + r.line() + ")");
      }
      if (r.size() != 0) {
        double notional = r.size() * r.entryPrice();
        a.gross += Math.abs(notional);
        a.net += notional;
        a.notional.merge(r.market(), Math.abs(notional), Double::sum);
      }
    }
    return accounts;
  }

  /** {@code [{asset: A, weight: w}, ...]}, each market's share of the gross notional. */
  private static String weights(Map<AssetId, Double> markets, double gross) {
    StringBuilder weights = new StringBuilder("[");
    for (Map.Entry<AssetId, Double> m : markets.entrySet()) {
      weights
          .append(weights.length() > 1 ? ", " : "")
          .append("{asset: ")
          .append(m.getKey())
          .append(", weight: ")
          .append(DistributionFit.number(m.getValue() / gross))
          .append('}');
    }
    return weights.append(']').toString();
  }

  static double[] values(List<Double> list) {
    return list.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
