package org.marginfall.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Hand-made run directories that follow docs/outputs.md: one asset (ETH) with fundamental, market
 * and one oracle price, two venues, 30 steps. Shared by the tests of every package.
 *
 * <p>This class has no state: it is immutable and thread-safe.
 */
public final class RunFixtures {

  public static final String SCENARIO = "flash-crash";
  public static final List<String> VENUES = List.of("perp-cross", "lend-pool");
  public static final int STEPS = 30;

  private RunFixtures() {}

  /** Writes summary.json, timeseries.csv and manifest.json for a scenario called {@code name}. */
  public static Path writeRunDir(Path dir, String scenarioName) throws IOException {
    Files.createDirectories(dir);
    write(dir.resolve("summary.json"), summaryJson(scenarioName));
    write(dir.resolve("timeseries.csv"), timeseriesCsv());
    write(dir.resolve("manifest.json"), MANIFEST_JSON);
    return dir;
  }

  public static Path writeRunDir(Path dir) throws IOException {
    return writeRunDir(dir, SCENARIO);
  }

  public static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  public static String summaryJson(String scenarioName) {
    return String.format(
        Locale.ROOT,
        """
                {
                  "scenario": { "name": "%s", "sha256": "9f2c" },
                  "run": { "seed": 42, "replication": 0, "steps": 30, "stepSeconds": 60.0,
                           "maxLiquidationRounds": 5, "baseCurrency": "USD" },
                  "assets": {
                    "ETH": { "initialFundamental": 3000.0, "finalFundamental": 2100.0, "minFundamental": 2099.1,
                             "fundamentalMaxDrawdown": 0.3, "initialMarket": 3000.0, "finalMarket": 2050.0,
                             "minMarket": 1890.2, "marketMaxDrawdown": 0.37, "amplification": 1.23 }
                  },
                  "venues": {
                    "perp-cross": { "type": "perpetual", "marginMode": "cross", "accounts": 400,
                                    "liquidations": 211, "liquidatedNotional": 1.2E7, "liquidationFees": 120000.0,
                                    "badDebt": 3400.0, "insuranceFundStart": 1000000.0, "insuranceFundEnd": 1051000.0,
                                    "insurancePaid": 2100.0, "firstLiquidationStep": 23 },
                    "lend-pool": { "type": "lending", "marginMode": "isolated", "accounts": 150,
                                   "liquidations": 0, "liquidatedNotional": 0.0, "liquidationFees": 0.0,
                                   "badDebt": 0.0, "insuranceFundStart": 0.0, "insuranceFundEnd": 0.0,
                                   "insurancePaid": 0.0, "firstLiquidationStep": null }
                  },
                  "totals": { "liquidations": 400, "liquidatedNotional": 2.3E7, "badDebt": 3400.0 },
                  "audit": { "enabled": true, "stepsChecked": 31, "violations": 0 },
                  "futureSection": { "whatever": [1, 2, 3] }
                }
                """,
        jsonString(scenarioName));
  }

  public static final String MANIFEST_JSON =
      """
            {
              "software": { "name": "marginfall", "version": "0.1.0-SNAPSHOT", "gitCommit": "b2d7b0e1f00d", "gitDirty": false },
              "scenario": { "file": "examples/flash-crash.yaml", "sha256": "9f2c" },
              "seed": 42, "replication": 0,
              "randomStreams": { "derivation": "splitmix", "streams": { "prices": "1" } },
              "jvm": { "vendor": "Eclipse Adoptium", "version": "17.0.15" }, "os": { "name": "Linux", "arch": "amd64" },
              "startedAt": "2026-11-21T12:00:00Z", "wallTimeSeconds": 1.9, "audit": true,
              "files": { "summary.json": "aa", "timeseries.csv": "bb", "events.jsonl": "cc" },
              "liquidationEvents": { "liquidation": ["notional"], "loan_liquidation": ["debtRepaid", "debtPrice"] }
            }
            """;

  /** 31 rows (steps 0..30): a crash from step 10, liquidations from step 12, oracle empty at 0. */
  public static String timeseriesCsv() {
    StringBuilder csv =
        new StringBuilder(
            "step,time_s,fundamental_price.ETH,market_price.ETH," + "oracle_price.chainlink.ETH");
    for (String venue : VENUES) {
      for (String metric :
          List.of(
              "liquidations",
              "liquidated_notional",
              "bad_debt",
              "insurance_fund",
              "open_interest",
              "liquidatable")) {
        csv.append(',').append(metric).append('.').append(venue);
      }
    }
    csv.append('\n');
    for (int step = 0; step <= STEPS; step++) {
      double fundamental = step < 10 ? 3000.0 : Math.max(2100.0, 3000.0 - 90.0 * (step - 9));
      double market = step < 10 ? 3000.0 : fundamental - (step < 20 ? 110.0 : 50.0);
      String oracle = step == 0 ? "" : Double.toString(step < 11 ? 3000.0 : fundamental + 20.0);
      csv.append(step)
          .append(',')
          .append(step * 60.0)
          .append(',')
          .append(fundamental)
          .append(',')
          .append(market)
          .append(',')
          .append(oracle);
      for (int v = 0; v < VENUES.size(); v++) {
        boolean active = step >= 12 + 3 * v && step <= 20;
        int liquidations = active ? 5 + step % 3 : 0;
        double notional = active ? 250000.0 * (v + 1) + 10000.0 * step : 0.0;
        csv.append(',')
            .append(liquidations)
            .append(',')
            .append(notional)
            .append(',')
            .append(step > 15 ? 3400.0 * v : 0.0)
            .append(',')
            .append(1000000.0 + 1000.0 * step)
            .append(',')
            .append(5.0E7 - 1.0E6 * step)
            .append(',')
            .append(active ? 3 : 0);
      }
      csv.append('\n');
    }
    return csv.toString();
  }

  /**
   * A run directory with contagion: summary.json with a contagion object ({@link #CONTAGION_JSON}),
   * events.jsonl with caused liquidations ({@link #CONTAGION_EVENTS}) and timeseries.csv with
   * health columns ({@link #timeseriesCsvWithHealth()}).
   */
  public static Path writeContagionRunDir(Path dir) throws IOException {
    writeRunDir(dir);
    String summary = summaryJson(SCENARIO);
    write(
        dir.resolve("summary.json"),
        summary.replace("\"futureSection\"", CONTAGION_JSON + ",\n  \"futureSection\""));
    write(dir.resolve("events.jsonl"), CONTAGION_EVENTS);
    write(dir.resolve("timeseries.csv"), timeseriesCsvWithHealth());
    return dir;
  }

  /**
   * A hand-made cascade. Shock at step 10. Generation 0 (exogenous): two liquidations on
   * perp-cross, 600,000 + 400,000 = 1,000,000. Generation 1: one loan liquidation on lend-pool
   * caused by perp-cross, 1,000 units repaid at 250 = 250,000, leaving 3,400 bad debt. Generation
   * 2: one liquidation on perp-cross caused by lend-pool, 150,000. Total 1,400,000; induced share
   * 400,000 / 1,400,000 = 0.285714.
   */
  public static final String CONTAGION_JSON =
      """
            "contagion": {
                "channels": {"commonMarket": true, "derivedCollateral": true, "sharedPool": false,
                             "collateralTransfer": true, "commonOracle": true},
                "shockStep": 10, "cascadeDepth": 2, "inducedShare": 0.2857142857142857,
                "generations": [
                  {"generation": 0, "liquidations": 2, "liquidatedNotional": 1000000.0, "badDebt": 0.0},
                  {"generation": 1, "liquidations": 1, "liquidatedNotional": 250000.0, "badDebt": 3400.0},
                  {"generation": 2, "liquidations": 1, "liquidatedNotional": 150000.0, "badDebt": 0.0}
                ],
                "matrix": {
                  "from": ["exogenous", "perp-cross", "lend-pool"],
                  "to": ["perp-cross", "lend-pool"],
                  "liquidations": [[2, 0], [0, 1], [1, 0]],
                  "liquidatedNotional": [[1000000.0, 0.0], [0.0, 250000.0], [150000.0, 0.0]],
                  "badDebt": [[0.0, 0.0], [0.0, 3400.0], [0.0, 0.0]]
                },
                "venues": {
                  "perp-cross": {"firstLiquidationStep": 12, "stepsToFirstLiquidation": 2,
                                 "firstBadDebtStep": null, "stepsToInsolvency": null},
                  "lend-pool": {"firstLiquidationStep": 13, "stepsToFirstLiquidation": 3,
                                "firstBadDebtStep": 13, "stepsToInsolvency": 3}
                }
              }""";

  /** The events of {@link #CONTAGION_JSON}, with their causes. */
  public static final String CONTAGION_EVENTS =
      """
            {"step":10,"round":0,"type":"shock","asset":"ETH","factor":0.9,"shock":0}
            {"cause":{"channel":"exogenous","generation":0,"venue":null},"notional":600000.0,"round":1,"step":12,"type":"liquidation","venue":"perp-cross","account":"a"}
            {"cause":{"channel":"exogenous","generation":0,"venue":null},"notional":400000.0,"round":1,"step":12,"type":"liquidation","venue":"perp-cross","account":"b"}
            {"cause":{"channel":"market-impact","generation":1,"venue":"perp-cross"},"debtPrice":250.0,"debtRepaid":1000.0,"round":1,"step":13,"type":"loan_liquidation","venue":"lend-pool","account":"x"}
            {"cause":{"channel":"market-impact","generation":1,"venue":"perp-cross"},"amount":3400.0,"round":0,"step":13,"type":"bad_debt","venue":"lend-pool","account":"x"}
            {"cause":{"channel":"nav-loss","generation":2,"venue":"lend-pool"},"notional":150000.0,"round":2,"step":14,"type":"liquidation","venue":"perp-cross","account":"c"}
            """;

  /**
   * {@link #timeseriesCsv()} with the six health columns of each venue appended. perp-cross has no
   * account at risk at step 0 (count 0, empty quantiles), then 3 accounts with median {@code 2 −
   * 0.05 t} and p05 = median / 2, p25 = 0.8 median, p75 = 1.5 median, p95 = 4 median, except p05 =
   * −0.1 (negative equity) from step 28. lend-pool never has an account at risk.
   */
  public static String timeseriesCsvWithHealth() {
    String[] lines = timeseriesCsv().split("\n");
    StringBuilder csv = new StringBuilder(lines[0]);
    for (String venue : VENUES) {
      for (String m :
          List.of(
              "health_count",
              "health_p05",
              "health_p25",
              "health_p50",
              "health_p75",
              "health_p95")) {
        csv.append(',').append(m).append('.').append(venue);
      }
    }
    csv.append('\n');
    for (int step = 0; step <= STEPS; step++) {
      csv.append(lines[step + 1]);
      double median = 2.0 - 0.05 * step;
      if (step == 0) {
        csv.append(",0,,,,,");
      } else {
        csv.append(",3,")
            .append(step >= 28 ? -0.1 : median / 2)
            .append(',')
            .append(0.8 * median)
            .append(',')
            .append(median)
            .append(',')
            .append(1.5 * median)
            .append(',')
            .append(4 * median);
      }
      csv.append(",0,,,,,\n");
    }
    return csv.toString();
  }

  private static String jsonString(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
