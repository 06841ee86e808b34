package org.marginfall.experiments.internal.scenario;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.marginfall.core.metric.RunSettings;
import org.marginfall.core.price.HistoricalPrices;
import org.marginfall.core.price.PriceProcessSpec;
import org.marginfall.core.price.ReplayPath;
import org.marginfall.core.price.ReturnBootstrap;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.experiments.internal.history.DataFileException;
import org.marginfall.experiments.internal.history.PriceFile;
import org.marginfall.experiments.internal.history.PriceTable;
import org.marginfall.experiments.internal.history.Resampler;
import org.marginfall.experiments.internal.history.TimeParser;

/**
 * Reads an asset's {@code price.replay} or {@code price.bootstrap} section (docs/scenarios.md):
 * loads the file relative to the scenario, resamples it to the run's steps, applies the scale and
 * the volatility scaling, and records the file's hash.
 *
 * <p>Scaled replay is Risk DAO's method of stressing an asset with another's history: the
 * historical log-returns are multiplied by the ratio of the target's volatility to the history's
 * (the per-asset {@code assets_std_ratio.json} of Risk DAO's published simulation results,
 * repository Risk-DAO/simulation-results), so the path keeps its shape and timing at the target's
 * size. Stateless apart from the run settings and the data root.
 */
final class HistoricalPriceReader {

  private static final double SECONDS_PER_YEAR = 365.0 * 24 * 3600;

  private final RunSettings settings;
  private final DataRoot root;
  private final Consumer<Scenario.DataFile> files;

  HistoricalPriceReader(RunSettings settings, DataRoot root, Consumer<Scenario.DataFile> files) {
    this.settings = settings;
    this.root = root;
    this.files = files;
  }

  /** Whether price section {@code p} is historical. */
  static boolean isHistorical(SpecNode p) {
    return p.has("replay") || p.has("bootstrap");
  }

  /**
   * The fields of a {@code replay}; a {@code bootstrap} also takes {@code blockSteps}, {@code
   * blocks}.
   */
  private static final List<String> REPLAY_FIELDS =
      List.of(
          "file",
          "format",
          "column",
          "start",
          "end",
          "resample",
          "scale",
          "initial",
          "volatility",
          "volatilityRatio");

  /** The process of price section {@code p}, or null after a reported problem. */
  PriceProcessSpec read(SpecNode p) {
    p.allowOnly(p.has("replay") ? "replay" : "bootstrap");
    if (p.has("replay") && p.has("bootstrap")) {
      return null;
    }
    boolean replay = p.has("replay");
    SpecNode h = p.get(replay ? "replay" : "bootstrap");
    if (!h.requireObject()) {
      return null;
    }
    Problems.Mark mark = h.mark();
    List<String> fields = new ArrayList<>(REPLAY_FIELDS);
    if (!replay) {
      fields.addAll(List.of("blockSteps", "blocks"));
    }
    h.allowOnly(fields.toArray(String[]::new));
    Source source = source(h);
    Resampler.Rule rule = rule(h);
    Level level = level(h);
    int blockSteps = replay ? 0 : h.integer("blockSteps", 1, 100_000_000);
    ReturnBootstrap.Scheme scheme = replay ? null : scheme(h);
    if (mark.failed() || settings == null || source == null || rule == null) {
      return null;
    }
    Resampler.Window window = window(h, source, rule, replay);
    if (window == null) {
      return null;
    }
    double[] returns = ReplayPath.logReturns(window.prices());
    double k = volatilityFactor(h, level, returns);
    if (Double.isNaN(k)) {
      return null;
    }
    double first = level.initial > 0 ? level.initial : window.prices()[0] * level.scale;
    return replay
        ? replay(h, window.prices(), first, k)
        : bootstrap(h, returns, first, k, blockSteps, scheme);
  }

  /** The source's prices at the run's steps; null after a reported problem. */
  private Resampler.Window window(SpecNode h, Source source, Resampler.Rule rule, boolean replay) {
    try {
      return Resampler.resample(
          source.table,
          rule,
          source.start,
          source.end,
          settings.stepSeconds(),
          replay ? settings.steps() : -1,
          source.file);
    } catch (IllegalArgumentException e) {
      h.fail(e.getMessage());
      return null;
    }
  }

  /**
   * Where the path starts and how its moves are sized: {@code scale} or {@code initial}, and a
   * {@code volatility} target or a {@code volatilityRatio} (0 when not given).
   */
  private static Level level(SpecNode h) {
    double scale = h.positive("scale", 1.0);
    if (h.has("scale") && h.has("initial")) {
      h.get("initial")
          .fail("give either scale or initial (the first price the path is rebased to), not both");
    }
    double initial =
        h.has("initial")
            ? h.between("initial", PriceProcessSpec.MIN_INITIAL, PriceProcessSpec.MAX_INITIAL)
            : 0;
    if (h.has("volatility") && h.has("volatilityRatio")) {
      h.get("volatilityRatio")
          .fail("give either volatility (a target) or volatilityRatio, not both");
    }
    double target =
        h.has("volatility")
            ? h.atMost("volatility", h.positive("volatility"), PriceProcessSpec.MAX_VOLATILITY)
            : 0;
    double ratio =
        h.has("volatilityRatio")
            ? h.atMost("volatilityRatio", h.positive("volatilityRatio"), 100)
            : 0;
    return new Level(scale, initial, target, ratio);
  }

  /**
   * The factor the log-returns are multiplied by: the ratio given, or the target over the window's
   * realised volatility, or 1; NaN after a reported problem.
   */
  private double volatilityFactor(SpecNode h, Level level, double[] returns) {
    double ratio = level.ratio;
    if (level.target > 0) {
      double realised =
          HistoricalPrices.sd(returns) / StrictMath.sqrt(settings.stepSeconds() / SECONDS_PER_YEAR);
      if (!(realised > 0)) {
        h.get("volatility")
            .fail("the window's prices do not move, so no ratio scales them to a volatility");
        return Double.NaN;
      }
      ratio = level.target / realised;
    }
    return ratio > 0 ? ratio : 1;
  }

  private PriceProcessSpec replay(SpecNode h, double[] history, double first, double k) {
    double[] path = new double[history.length];
    for (int i = 0; i < path.length; i++) {
      path[i] = first * StrictMath.exp(k * StrictMath.log(history[i] / history[0]));
      if (!(path[i] >= PriceProcessSpec.MIN_PRICE && path[i] <= PriceProcessSpec.MAX_PRICE)) {
        h.fail(
            "the scaled path reaches "
                + path[i]
                + " at step "
                + i
                + ", beyond the range prices are computed in ("
                + SpecNode.show(PriceProcessSpec.MIN_PRICE)
                + " to "
                + SpecNode.show(PriceProcessSpec.MAX_PRICE)
                + ")");
        return null;
      }
    }
    if (first < PriceProcessSpec.MIN_INITIAL || first > PriceProcessSpec.MAX_INITIAL) {
      h.fail("the replay starts at " + first + ", outside the initial prices a scenario may give");
      return null;
    }
    return h.build(() -> PriceProcessSpec.replay(ReplayPath.of(path)));
  }

  private PriceProcessSpec bootstrap(
      SpecNode h,
      double[] returns,
      double first,
      double k,
      int blockSteps,
      ReturnBootstrap.Scheme scheme) {
    if (returns.length < 2) {
      h.fail(
          "the window holds "
              + returns.length
              + " returns at stepSeconds "
              + settings.stepSeconds()
              + "; a bootstrap needs at least two");
      return null;
    }
    if (blockSteps > returns.length) {
      h.get("blockSteps")
          .fail(
              "must be at most the "
                  + returns.length
                  + " returns the window holds, was "
                  + blockSteps);
      return null;
    }
    double[] scaled = new double[returns.length];
    for (int i = 0; i < returns.length; i++) {
      scaled[i] = k * returns[i];
    }
    if (first < PriceProcessSpec.MIN_INITIAL || first > PriceProcessSpec.MAX_INITIAL) {
      h.fail(
          "the bootstrap starts at " + first + ", outside the initial prices a scenario may give");
      return null;
    }
    return h.build(
        () -> PriceProcessSpec.bootstrap(first, ReturnBootstrap.of(scaled, blockSteps, scheme)));
  }

  /** The file, its table and the window's bounds; null after a reported problem. */
  private Source source(SpecNode h) {
    Problems.Mark mark = h.mark();
    String file = h.string("file");
    PriceFile.Format format = PriceFile.Format.of(file);
    if (h.has("format")) {
      PriceFile.Format named =
          h.choice(
              "format",
              "format",
              Map.of("csv", PriceFile.Format.CSV, "parquet", PriceFile.Format.PARQUET));
      format = named == null ? format : named;
    }
    Optional<String> column = h.optString("column");
    Long start = time(h, "start");
    Long end = time(h, "end");
    if (start != null && end != null && end <= start) {
      h.get("end")
          .fail(
              "must be after start (" + TimeParser.show(start) + "), was " + TimeParser.show(end));
    }
    if (mark.failed()) {
      return null;
    }
    SpecNode fileNode = h.get("file");
    byte[] bytes;
    try {
      Optional<byte[]> read = root.read(file);
      if (read.isEmpty()) {
        fileNode.fail(
            "data file not found: "
                + root.describe(file)
                + " (paths are relative to the scenario file)");
        return null;
      }
      bytes = read.get();
    } catch (IOException e) {
      fileNode.fail("cannot read " + root.describe(file) + ": " + e.getMessage());
      return null;
    }
    try {
      PriceTable table = PriceFile.read(bytes, file, format, column);
      files.accept(new Scenario.DataFile(fileNode.path(), file, ScenarioReader.sha256(bytes)));
      return new Source(file, table, start, end);
    } catch (DataFileException e) {
      e.problems().forEach(fileNode::fail);
      return null;
    }
  }

  private static Long time(SpecNode h, String field) {
    if (!h.has(field)) {
      return null;
    }
    SpecNode n = h.get(field);
    try {
      return n.isNumber()
          ? TimeParser.fromEpochNumber(n.asDouble())
          : TimeParser.millis(n.asString());
    } catch (IllegalArgumentException e) {
      n.fail(e.getMessage());
      return null;
    }
  }

  private static Resampler.Rule rule(SpecNode h) {
    return h.choice(
        "resample",
        "rule",
        Map.of("last", Resampler.Rule.LAST, "ohlc", Resampler.Rule.OHLC),
        Resampler.Rule.LAST);
  }

  private static ReturnBootstrap.Scheme scheme(SpecNode h) {
    return h.choice(
        "blocks",
        "block scheme",
        Map.of(
            "stationary", ReturnBootstrap.Scheme.STATIONARY, "fixed", ReturnBootstrap.Scheme.FIXED),
        ReturnBootstrap.Scheme.STATIONARY);
  }

  private record Source(String file, PriceTable table, Long start, Long end) {}

  private record Level(double scale, double initial, double target, double ratio) {}
}
