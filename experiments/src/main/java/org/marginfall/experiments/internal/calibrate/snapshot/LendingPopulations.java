package org.marginfall.experiments.internal.calibrate.snapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.marginfall.agents.snapshot.LendingRow;
import org.marginfall.core.asset.AssetId;

/**
 * Fits {@code lending-borrowers} and {@code lending-suppliers} populations (docs/venues.md) to a
 * lending snapshot's accounts. An account with debt is a borrower of its largest debt (by value)
 * against its largest collateral (by value), one population per such pair: its collateral is the
 * value of all its collateral in units of that asset, its LTV the value of all its debt over the
 * value of all its collateral (Aave's loan-to-value, https://aave.com/docs/concepts/liquidations);
 * LTVs are fitted as the uniform {@code targetLtv} takes. An account without debt is a supplier;
 * each asset's supplies are fitted as one population's amounts. Stateless.
 */
final class LendingPopulations {

  private LendingPopulations() {}

  /** One account's rows. */
  private static final class Account {
    final Map<AssetId, Double> collateral = new LinkedHashMap<>();
    final Map<AssetId, Double> supplied = new LinkedHashMap<>();
    final Map<AssetId, Double> borrowed = new LinkedHashMap<>();
  }

  /** A borrower group's values. */
  private record Pair(AssetId collateral, AssetId debt) {}

  static SnapshotCalibration fit(List<LendingRow> rows, Prices prices, String venue) {
    Map<String, Account> accounts = new LinkedHashMap<>();
    for (LendingRow r : rows) {
      Account a = accounts.computeIfAbsent(r.account(), k -> new Account());
      if (r.supplied() > 0) {
        (r.collateral() ? a.collateral : a.supplied).merge(r.asset(), r.supplied(), Double::sum);
      }
      if (r.borrowed() > 0) {
        a.borrowed.merge(r.asset(), r.borrowed(), Double::sum);
      }
    }
    Map<Pair, List<double[]>> borrowers = new LinkedHashMap<>();
    Map<AssetId, List<Double>> supplies = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    int unsecured = 0;
    for (Map.Entry<String, Account> e : accounts.entrySet()) {
      Account a = e.getValue();
      if (a.borrowed.isEmpty()) {
        a.collateral.forEach(
            (asset, units) -> supplies.computeIfAbsent(asset, k -> new ArrayList<>()).add(units));
        a.supplied.forEach(
            (asset, units) -> supplies.computeIfAbsent(asset, k -> new ArrayList<>()).add(units));
        continue;
      }
      String who = "account " + e.getKey();
      AssetId[] largest = new AssetId[2];
      double collateral = value(a.collateral, prices, who, largest, 0);
      double debt = value(a.borrowed, prices, who, largest, 1);
      if (Double.isNaN(collateral) || Double.isNaN(debt)) {
        continue;
      }
      if (collateral == 0) {
        unsecured++;
        continue;
      }
      borrowers
          .computeIfAbsent(new Pair(largest[0], largest[1]), k -> new ArrayList<>())
          .add(new double[] {collateral / prices.of(largest[0], who), debt / collateral});
    }
    if (!prices.missing().isEmpty()) {
      return new SnapshotCalibration(List.of(), notes);
    }
    if (unsecured > 0) {
      notes.add(unsecured + " accounts owe debt on no collateral: left out");
    }
    List<PopulationFit> fits = new ArrayList<>();
    borrowers.forEach(
        (pair, values) -> borrowerFit(venue, pair, values, notes).ifPresent(fits::add));
    supplies.forEach(
        (asset, amounts) -> supplierFit(venue, asset, amounts, notes).ifPresent(fits::add));
    return new SnapshotCalibration(fits, notes);
  }

  /**
   * A {@code lending-borrowers} entry for one pair, from {@code {collateral units, LTV}} per
   * account.
   */
  private static java.util.Optional<PopulationFit> borrowerFit(
      String venue, Pair pair, List<double[]> values, List<String> notes) {
    String id = venue + "-borrowers-" + lower(pair.collateral()) + "-" + lower(pair.debt());
    if (tooFew(notes, id, values.size())) {
      return java.util.Optional.empty();
    }
    // lending-borrowers draws targetLtv in [0, 1] only: accounts owing more than their collateral
    // is worth cannot be drawn, so they are left out of that fit (and said so), and the fragment
    // stays one the reader accepts.
    double[] ltvs = values.stream().mapToDouble(v -> v[1]).filter(l -> l <= 1).toArray();
    int over = values.size() - ltvs.length;
    if (over > 0) {
      double highest = values.stream().mapToDouble(v -> v[1]).max().orElseThrow();
      notes.add(
          id
              + ": "
              + over
              + " accounts owe more than their collateral is worth (LTV up to "
              + DistributionFit.number(highest)
              + "): left out of targetLtv, which lending-borrowers draws in [0, 1] only");
    }
    if (tooFew(notes, id + " targetLtv", ltvs.length)) {
      return java.util.Optional.empty();
    }
    DistributionFit ltvFit = DistributionMle.uniform("targetLtv", ltvs);
    return java.util.Optional.of(
        new PopulationFit.Builder(id, "lending-borrowers", venue, values.size())
            .field("count", Integer.toString(values.size()))
            .field("collateralAsset", pair.collateral().toString())
            .fit(
                DistributionMle.lognormal(
                    "collateral", values.stream().mapToDouble(v -> v[0]).toArray()))
            .field("debtAsset", pair.debt().toString())
            .fit(ltvFit)
            .build());
  }

  /** A {@code lending-suppliers} entry for one asset's supplies. */
  private static java.util.Optional<PopulationFit> supplierFit(
      String venue, AssetId asset, List<Double> amounts, List<String> notes) {
    String id = venue + "-suppliers-" + lower(asset);
    if (tooFew(notes, id, amounts.size())) {
      return java.util.Optional.empty();
    }
    DistributionFit amount = DistributionMle.lognormal("amount", PerpPopulations.values(amounts));
    return java.util.Optional.of(
        new PopulationFit.Builder(id, "lending-suppliers", venue, amounts.size())
            .field("count", Integer.toString(amounts.size()))
            .field("supplies", "[{asset: " + asset + ", amount: " + amount.yaml() + "}]")
            .nestedFit(amount)
            .build());
  }

  /**
   * Sum of units times price; the largest term's asset goes to {@code largest[slot]}; NaN on a
   * missing price.
   */
  private static double value(
      Map<AssetId, Double> units, Prices prices, String who, AssetId[] largest, int slot) {
    double sum = 0;
    double top = -1;
    for (Map.Entry<AssetId, Double> u : units.entrySet()) {
      double v = u.getValue() * prices.of(u.getKey(), who);
      sum += v;
      if (v > top) {
        top = v;
        largest[slot] = u.getKey();
      }
    }
    return sum;
  }

  static boolean tooFew(List<String> notes, String id, int n) {
    if (n >= DistributionMle.MIN_VALUES) {
      return false;
    }
    notes.add(
        id + ": " + n + " accounts, too few to fit (at least " + DistributionMle.MIN_VALUES + ")");
    return true;
  }

  private static String lower(AssetId asset) {
    return asset.toString().toLowerCase(Locale.ROOT);
  }
}
