package org.marginfall.experiments.internal.calibrate.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.core.random.Distribution;
import org.marginfall.experiments.internal.calibrate.Estimate;

/**
 * Populations drawn with known parameters (the scenario's own distributions), exported as
 * snapshots, calibrated: every estimate lies within three standard errors of the truth.
 */
class SnapshotCalibratorTest {

  private static final int N = 3000;

  @Test
  void test_perpetual_recoversCollateralLeverageAndLongShare(@TempDir Path dir) throws IOException {
    Distribution collateral = new Distribution.LogNormal(5000, 0.8);
    Distribution leverage = new Distribution.LogNormal(4, 0.4);
    double longShare = 0.7;
    SplittableRandom rng = new SplittableRandom(20261208);
    StringBuilder csv =
        new StringBuilder("account,market,size,entryPrice,collateral.USD,collateral.ETH\n");
    for (int i = 0; i < N; i++) {
      double c = draw(collateral, rng);
      double lev = draw(leverage, rng);
      int side = rng.nextDouble() < longShare ? 1 : -1;
      // Half the collateral in ETH at 2000, so the value needs --price; ETH and BTC split 3:1.
      double entryEth = 2000 * (0.95 + 0.1 * rng.nextDouble());
      double entryBtc = 60000 * (0.95 + 0.1 * rng.nextDouble());
      csv.append(
          String.format(
              Locale.ROOT,
              "t%d,ETH,%.17g,%.17g,%.17g,%.17g%n",
              i,
              side * 0.75 * lev * c / entryEth,
              entryEth,
              c / 2,
              c / 2 / 2000));
      csv.append(
          String.format(
              Locale.ROOT,
              "t%d,BTC,%.17g,%.17g,,%n",
              i,
              side * 0.25 * lev * c / entryBtc,
              entryBtc));
    }
    Path file = Files.writeString(dir.resolve("perp.csv"), csv, StandardCharsets.UTF_8);
    SnapshotCalibrator.Result r =
        SnapshotCalibrator.calibrate(options(file, Map.of("ETH", "2000")));
    assertEquals("perpetual", r.family());
    PopulationFit p = r.calibration().populations().get(0);
    assertEquals(N, p.accounts());
    assertEquals(
        "[{asset: BTC, weight: 0.25}, {asset: ETH, weight: 0.75}]", p.fields().get("markets"));
    within3(p.fits().get(0).estimates(), 5000, 0.8);
    within3(p.fits().get(1).estimates(), 4, 0.4);
    Estimate share = p.shares().get(0);
    assertTrue(Math.abs(share.value() - longShare) < 3 * share.standardError(), share.toString());
  }

  @Test
  void test_lending_recoversCollateralAndLtv(@TempDir Path dir) throws IOException {
    Distribution collateral = new Distribution.LogNormal(10, 0.9);
    Distribution ltv = new Distribution.Uniform(0.3, 0.7);
    SplittableRandom rng = new SplittableRandom(20261209);
    StringBuilder csv = new StringBuilder("account,asset,supplied,borrowed\n");
    for (int i = 0; i < N; i++) {
      double c = draw(collateral, rng);
      csv.append(
          String.format(
              Locale.ROOT,
              "b%d,ETH,%.17g,0%nb%d,USD,0,%.17g%n",
              i,
              c,
              i,
              c * 3000 * draw(ltv, rng)));
    }
    Path file = Files.writeString(dir.resolve("lend.csv"), csv, StandardCharsets.UTF_8);
    SnapshotCalibrator.Result r =
        SnapshotCalibrator.calibrate(options(file, Map.of("ETH", "3000")));
    assertEquals("lending", r.family());
    PopulationFit p = r.calibration().populations().get(0);
    assertEquals("lending-borrowers", p.type());
    assertEquals("ETH", p.fields().get("collateralAsset"));
    assertEquals("USD", p.fields().get("debtAsset"));
    within3(p.fits().get(0).estimates(), 10, 0.9);
    within3(p.fits().get(1).estimates(), 0.3, 0.7);
  }

  @Test
  void test_cdp_recoversCollateralAndRatio_atTheRate(@TempDir Path dir) throws IOException {
    Distribution collateral = new Distribution.LogNormal(20, 1.0);
    Distribution ratio = new Distribution.Uniform(1.5, 3.0);
    SplittableRandom rng = new SplittableRandom(20261210);
    StringBuilder csv = new StringBuilder("vault,ilk,collateral,art\n");
    for (int i = 0; i < N; i++) {
      double ink = draw(collateral, rng);
      csv.append(
          String.format(
              Locale.ROOT, "v%d,ETH,%.17g,%.17g%n", i, ink, ink * 2500 / draw(ratio, rng) / 1.05));
    }
    Path file = Files.writeString(dir.resolve("vaults.csv"), csv, StandardCharsets.UTF_8);
    SnapshotCalibrator.Result r =
        SnapshotCalibrator.calibrate(
            new SnapshotCalibrator.Options(
                file,
                null,
                null,
                Map.of("ETH", "2500"),
                Map.of(),
                Map.of("ETH", "1.05"),
                "USD",
                "cdp",
                false));
    assertEquals("cdp", r.family());
    PopulationFit p = r.calibration().populations().get(0);
    assertEquals("vault-owners", p.type());
    within3(p.fits().get(0).estimates(), 20, 1.0);
    within3(p.fits().get(1).estimates(), 1.5, 3.0);
  }

  private static SnapshotCalibrator.Options options(Path file, Map<String, String> prices) {
    return new SnapshotCalibrator.Options(
        file, null, null, prices, Map.of(), Map.of(), "USD", "v", false);
  }

  private static double draw(Distribution d, SplittableRandom rng) {
    return d.quantile(Math.max(1e-12, rng.nextDouble()));
  }

  private static void within3(java.util.List<Estimate> estimates, double... truth) {
    for (int i = 0; i < truth.length; i++) {
      Estimate e = estimates.get(i);
      assertTrue(
          Math.abs(e.value() - truth[i]) < 3 * e.standardError(),
          e + " is more than three standard errors from " + truth[i]);
    }
  }
}
