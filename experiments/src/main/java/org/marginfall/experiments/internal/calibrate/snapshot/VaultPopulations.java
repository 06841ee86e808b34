package org.marginfall.experiments.internal.calibrate.snapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.marginfall.agents.snapshot.VaultRow;
import org.marginfall.core.asset.AssetId;

/**
 * Fits a {@code vault-owners} population (docs/venues.md) per ilk to a CDP snapshot's vaults: the
 * locked collateral in units, and the collateralisation ratio {@code ink * price / (art * rate)}
 * (dss: https://docs.makerdao.com/smart-contract-modules/core-module/vat-detailed-documentation),
 * fitted as the uniform {@code targetRatio} takes. Vaults without debt have no ratio and are left
 * out. Stateless.
 */
final class VaultPopulations {

  private VaultPopulations() {}

  static SnapshotCalibration fit(List<VaultRow> rows, Prices prices, String venue) {
    Map<AssetId, List<double[]>> byIlk = new LinkedHashMap<>();
    int debtFree = 0;
    for (VaultRow r : rows) {
      if (r.debt() == 0) {
        debtFree++;
        continue;
      }
      double price = prices.of(r.ilk(), "vault " + r.vault() + " (line " + r.line() + ")");
      byIlk
          .computeIfAbsent(r.ilk(), k -> new ArrayList<>())
          .add(new double[] {r.collateral(), r.collateral() * price / r.debt()});
    }
    List<String> notes = new ArrayList<>();
    if (!prices.missing().isEmpty()) {
      return new SnapshotCalibration(List.of(), notes);
    }
    if (debtFree > 0) {
      notes.add(debtFree + " vaults owe no debt: left out");
    }
    List<PopulationFit> fits = new ArrayList<>();
    byIlk.forEach(
        (ilk, values) -> {
          String id = venue + "-owners-" + ilk.toString().toLowerCase(Locale.ROOT);
          if (LendingPopulations.tooFew(notes, id, values.size())) {
            return;
          }
          // vault-owners draws targetRatio above 1 only: underwater vaults cannot be drawn, so they
          // are left out of that fit (and said so), and the fragment stays one the reader accepts.
          double[] ratios = values.stream().mapToDouble(v -> v[1]).filter(r -> r > 1).toArray();
          int underwater = values.size() - ratios.length;
          if (underwater > 0) {
            double lowest = values.stream().mapToDouble(v -> v[1]).min().orElseThrow();
            notes.add(
                id
                    + ": "
                    + underwater
                    + " vaults owe as much as or more than their collateral is worth (ratio down to "
                    + DistributionFit.number(lowest)
                    + "): left out of targetRatio, which vault-owners draws above 1 only");
          }
          if (LendingPopulations.tooFew(notes, id + " targetRatio", ratios.length)) {
            return;
          }
          DistributionFit ratio = DistributionMle.uniform("targetRatio", ratios);
          double[] ink = values.stream().mapToDouble(v -> v[0]).filter(v -> v > 0).toArray();
          fits.add(
              new PopulationFit.Builder(id, "vault-owners", venue, values.size())
                  .field("count", Integer.toString(values.size()))
                  .field("ilk", ilk.toString())
                  .fit(DistributionMle.lognormal("collateral", ink))
                  .fit(ratio)
                  .build());
        });
    return new SnapshotCalibration(fits, notes);
  }
}
