package org.marginfall.experiments.internal.calibrate.depth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginfall.experiments.Fixtures.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.experiments.Fixtures.CliResult;

/**
 * {@code calibrate --trades}: a depth drawn into synthetic trades is recovered within its standard
 * error; the hand-made fixture gives the hand-computed least-squares depth in both layouts; bad
 * input is one line per problem with file, line and column, exit 2, nothing written.
 */
class DepthCalibrationTest {

  private static final Path HAND = Path.of("src/test/resources/trades/hand-trades.csv");

  @TempDir Path dir;

  @Test
  void test_syntheticTrades_recoverTheirDepth() throws IOException {
    double depth = 5e7;
    Random random = new Random(20261208);
    StringBuilder csv = new StringBuilder("timestamp,price,size\n");
    long t = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();
    double close = 2000;
    csv.append(t).append(',').append(close).append(",1\n");
    for (int k = 1; k <= 2000; k++) {
      // Flow at the previous close, then a token trade at the new close (its notional, 1e-6 x
      // price, is negligible against a flow of tens of thousands).
      int trades = 1 + random.nextInt(4);
      double flow = 0;
      long start = t + k * 60_000L;
      for (int j = 0; j < trades; j++) {
        double size = 20 * random.nextGaussian();
        flow += size * close;
        csv.append(start + j * 1000)
            .append(',')
            .append(close)
            .append(',')
            .append(size)
            .append('\n');
      }
      close *= Math.exp(flow / depth + 5e-4 * random.nextGaussian());
      csv.append(start + 50_000).append(',').append(close).append(",1e-6\n");
    }
    DepthFit fit =
        DepthFit.fit(
            TradesFile.read(
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), "s.csv"),
            60);
    assertEquals(2000, fit.intervals());
    assertTrue(
        Math.abs(fit.depth() - depth) < 3 * fit.depthError(),
        fit.depth() + " +- " + fit.depthError());
    assertTrue(fit.depthError() / depth < 0.02, "se " + fit.depthError());
    assertTrue(fit.rSquare() > 0.5, "R^2 " + fit.rSquare());
  }

  /** The fixture's intervals as (notional, log-return), computed by hand from its rows. */
  private static double handDepth() {
    double[][] obs = {
      {2 * 100.10 + 100.30, Math.log(100.30 / 100.00)},
      {-3 * 100.00, Math.log(100.00 / 100.30)},
      {100.10, Math.log(100.10 / 100.00)},
      {4 * 100.50, Math.log(100.50 / 100.10)},
      {-2 * 100.30 - 2 * 100.10, Math.log(100.10 / 100.50)},
      {-100.00, Math.log(100.00 / 100.10)},
      {3 * 100.40, Math.log(100.40 / 100.00)},
      {-100.30, Math.log(100.30 / 100.40)},
      {2 * 100.50, Math.log(100.50 / 100.30)},
      {-5 * 99.90, Math.log(99.90 / 100.50)},
      {100.00, Math.log(100.00 / 99.90)},
    };
    double vr = 0;
    double vv = 0;
    for (double[] o : obs) {
      vr += o[0] * o[1];
      vv += o[0] * o[0];
    }
    return vv / vr;
  }

  @Test
  void test_handFixture_givesTheLeastSquaresDepth_andAFragment() throws IOException {
    Path fragment = dir.resolve("eth.yaml");
    CliResult r =
        cli(
            "calibrate",
            "--trades",
            HAND.toString(),
            "--asset",
            "ETH",
            "--write",
            fragment.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("14 trades (header layout) from 2025-01-01T00:00:10Z"), r.out());
    assertTrue(r.out().contains("11 intervals of 60 s"), r.out());
    String expected =
        String.format(
            Locale.ROOT,
            "markets:\n  - asset: ETH\n    impact: {model: linear-log, depth: %.6g}\n",
            handDepth());
    assertEquals(expected, Files.readString(fragment));
    assertTrue(r.out().contains(expected + "wrote " + fragment), r.out());
    assertTrue(Files.exists(dir.resolve("hand-trades-impact.png")));
    assertTrue(Files.exists(dir.resolve("hand-trades-impact.svg")));
  }

  @Test
  void test_aggTradesLayout_sameTradesSameDepth() throws IOException {
    // The fixture's rows as Binance aggTrades: id, price, quantity, first id, last id, time in ms,
    // whether the buyer was the maker (true: the taker sold).
    StringBuilder agg = new StringBuilder();
    int id = 1;
    for (String line : Files.readAllLines(HAND)) {
      if (line.startsWith("#") || line.startsWith("time")) {
        continue;
      }
      String[] c = line.split(",");
      agg.append(id)
          .append(',')
          .append(c[1])
          .append(',')
          .append(c[3])
          .append(',')
          .append(id)
          .append(',')
          .append(id)
          .append(',')
          .append(Instant.parse(c[0]).toEpochMilli())
          .append(',')
          .append(c[2].equals("sell") ? "true" : "false")
          .append(",true\n");
      id++;
    }
    Path file = dir.resolve("ETHUSDT-aggTrades.csv");
    Files.writeString(file, agg);
    CliResult r = cli("calibrate", "--trades", file.toString(), "--asset", "ETH");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("14 trades (aggTrades layout)"), r.out());
    assertTrue(r.out().contains(String.format(Locale.ROOT, "depth: %.6g}", handDepth())), r.out());
  }

  @Test
  void test_badInput_oneLinePerProblem_exit2_nothingWritten() throws IOException {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(
        bad,
        """
        time,price,side,size
        2025-01-01T00:00:10Z,100,buy,1
        2025-01-01T00:00:20Z,abc,buy,1
        2025-01-01T00:00:30Z,-5,sell,1
        2025-01-01T00:00:40Z,100,hold,1
        2025-01-01T00:00:05Z,100,buy,1
        2025-01-01T00:00:50Z,100,buy
        """);
    Path fragment = dir.resolve("out.yaml");
    CliResult r =
        cli(
            "calibrate",
            "--trades",
            bad.toString(),
            "--asset",
            "ETH",
            "--write",
            fragment.toString());
    assertEquals(2, r.exit());
    assertEquals(
        List.of(
            "error: " + bad + ":3:2: price 'abc' is not a finite number",
            "error: " + bad + ":4:2: price must be positive, was -5",
            "error: " + bad + ":5:3: side 'hold' is neither buy nor sell",
            "error: "
                + bad
                + ":6:1: time 2025-01-01T00:00:05Z is before the previous trade's"
                + " 2025-01-01T00:00:10Z",
            "error: " + bad + ":7:4: has 3 cells, needs 4"),
        r.errLines());
    assertFalse(Files.exists(fragment));
    assertTrue(r.out().isEmpty(), r.out());

    Path header = dir.resolve("header.csv");
    Files.writeString(header, "when,price,qty\n1,2,3\n");
    CliResult h = cli("calibrate", "--trades", header.toString(), "--asset", "ETH");
    assertEquals(2, h.exit());
    assertEquals(
        List.of(
            "error: "
                + header
                + ":1:1: the header lacks a time column (time, timestamp, transact_time, date,"
                + " datetime); it has: when,price,qty"),
        h.errLines());
    CliResult none =
        cli("calibrate", "--trades", dir.resolve("none.csv").toString(), "--asset", "ETH");
    assertEquals(
        List.of("error: --trades: " + dir.resolve("none.csv") + ": trades file not found"),
        none.errLines());
  }
}
