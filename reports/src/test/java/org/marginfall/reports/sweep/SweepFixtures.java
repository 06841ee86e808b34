package org.marginfall.reports.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Small sweep directories for the report tests: a 2 x 2 grid over maintenanceMargin {0.01, 0.02}
 * and insuranceFund {1000, 2000} with 3 replications, so 12 runs whose badDebt is {@code 10 (1 + 3
 * point + replication)}: the values 10, 20, ..., 120, one each; and liquidations {@code 5 + point}.
 * Optionally a Sobol design with a sobol.csv.
 *
 * <p>This class has no state: it is immutable and thread-safe.
 */
public final class SweepFixtures {

  public static final String COMMIT = "c0ffee1234";

  private SweepFixtures() {}

  public static Path writeGrid(Path dir) throws IOException {
    return write(dir, "grid", false);
  }

  public static Path writeSobol(Path dir) throws IOException {
    return write(dir, "sobol", true);
  }

  private static Path write(Path dir, String design, boolean sobol) throws IOException {
    Files.createDirectories(dir);
    double[] mm = {0.01, 0.02};
    double[] fund = {1000.0, 2000.0};
    StringBuilder runs =
        new StringBuilder(
            "point,replication,seed,maintenanceMargin,insuranceFund,badDebt,liquidations,status,reason,error\n");
    StringBuilder points =
        new StringBuilder(
            "point,maintenanceMargin,insuranceFund,metric,runs,failed,n,mean,sd,"
                + "ci95_low,ci95_high,min,q05,q25,q50,q75,q95,max,share_positive\n");
    for (int p = 0; p < 4; p++) {
      double m = mm[p / 2];
      double f = fund[p % 2];
      for (int r = 0; r < 3; r++) {
        runs.append(
            String.format(
                Locale.ROOT,
                "%d,%d,%d,%s,%s,%s,%s,ok,,%n",
                p,
                r,
                100 + r,
                m,
                f,
                10.0 * (1 + 3 * p + r),
                5.0 + p));
      }
      // Bad debt at a point: a, a + 10, a + 20 with a = 10 (1 + 3p): mean a + 10, sd 10.
      double mean = 10.0 * (1 + 3 * p) + 10;
      double half = 4.302652729911275 * 10 / Math.sqrt(3);
      points.append(
          String.format(
              Locale.ROOT,
              "%d,%s,%s,badDebt,3,0,3,%s,10.0,%s,%s,%s,,,,,,%s,1.0%n",
              p,
              m,
              f,
              mean,
              mean - half,
              mean + half,
              mean - 10,
              mean + 10));
      points.append(
          String.format(
              Locale.ROOT,
              "%d,%s,%s,liquidations,3,0,3,%s,0.0,%s,%s,%s,,,,,,%s,1.0%n",
              p,
              m,
              f,
              5.0 + p,
              5.0 + p,
              5.0 + p,
              5.0 + p,
              5.0 + p));
    }
    Files.writeString(dir.resolve("runs.csv"), runs.toString(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("points.csv"), points.toString(), StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("manifest.json"),
        """
                {
                  "software": { "name": "marginfall", "version": "0.1.0-SNAPSHOT", "gitCommit": "%s", "gitDirty": false },
                  "sweep": { "name": "tiny-%s", "file": "sweep.yaml", "sha256": "abc" },
                  "scenario": { "reference": "flash-crash.yaml", "file": "scenario.yaml", "sha256": "def" },
                  "design": { "type": "%s", "samples": 0, "bootstrap": 0, "points": 4 },
                  "parameters": [ { "name": "maintenanceMargin", "path": "venues[1].maintenanceMargin" },
                                  { "name": "insuranceFund", "path": "venues[1].insuranceFund" } ],
                  "metrics": [ { "name": "badDebt", "path": "venues.perp-isolated.badDebt" },
                               { "name": "liquidations", "path": "venues.perp-isolated.liquidations" } ],
                  "seed": 7, "seedDerivation": "runSeed = mix(...)", "replications": 3, "complete": true
                }
                """
            .formatted(COMMIT, design, design),
        StandardCharsets.UTF_8);
    if (sobol) {
      Files.writeString(
          dir.resolve("sobol.csv"),
          """
                    metric,parameter,S1,S1_ci95_low,S1_ci95_high,ST,ST_ci95_low,ST_ci95_high,samples_used
                    badDebt,maintenanceMargin,0.6,0.5,0.7,0.7,0.6,0.8,64
                    badDebt,insuranceFund,0.25,0.1,0.4,0.35,0.2,0.5,64
                    liquidations,maintenanceMargin,0.9,0.85,0.95,0.95,0.9,1.0,64
                    liquidations,insuranceFund,0.0,-0.05,0.05,0.02,0.0,0.04,64
                    """,
          StandardCharsets.UTF_8);
    }
    return dir;
  }
}
