package org.marginfall.core.engine;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.attribution.ExogenousPath;
import org.marginfall.core.oracle.Oracle;
import org.marginfall.core.oracle.OracleFeed;
import org.marginfall.core.oracle.Oracles;
import org.marginfall.core.price.FundamentalPrices;
import org.marginfall.core.price.PriceShock;
import org.marginfall.core.random.RandomStream;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.random.StreamSeeds;

/**
 * Replays a run's exogenous phase without any market: the fundamental prices and scheduled shocks
 * of every step, drawn from fresh streams of the same names and seeds (so the same numbers as the
 * run, docs/contagion.md "Common random numbers"), and a shadow of every oracle feed reading them.
 * The result is the {@link ExogenousPath} attribution re-marks accounts on.
 */
final class ExogenousReplay {

  private ExogenousReplay() {}

  /**
   * The exogenous path of {@code spec}'s run with {@code masterSeed} and {@code replication}; the
   * shadows copy the feeds of every registry in {@code registries} (each oracle's feeds in their
   * order, drawing from a copy of the oracle's stream as the feeds themselves do).
   */
  static ExogenousPath replay(
      ModelSpec spec, long masterSeed, int replication, List<Oracles> registries) {
    List<AssetId> spot = spec.spotAssets();
    int steps = (int) spec.settings().steps();
    FundamentalPrices prices =
        new FundamentalPrices(
            spot,
            spot.stream().map(a -> spec.prices().get(a)).toList(),
            spec.correlation(),
            spec.settings().stepSeconds(),
            new RandomStreams(masterSeed, replication));
    Map<AssetId, double[]> path = new LinkedHashMap<>();
    for (int i = 0; i < spot.size(); i++) {
      double[] p = new double[steps + 1];
      p[0] = prices.price(i);
      path.put(spot.get(i), p);
    }
    List<PriceShock> shocks = spec.shocks();
    for (int s = 1; s <= steps; s++) {
      prices.advance();
      // As the exogenous phase does: every shock in scenario order.
      for (PriceShock shock : shocks) {
        double factor = shock.factorAt(s);
        if (factor != 1.0) {
          prices.scale(prices.indexOf(shock.asset()), factor);
        }
      }
      for (int i = 0; i < spot.size(); i++) {
        path.get(spot.get(i))[s] = prices.price(i);
      }
    }
    Map<OracleFeed, double[]> feeds = new IdentityHashMap<>();
    List<Oracles> seen = new ArrayList<>();
    for (Oracles registry : registries) {
      if (seen.stream().noneMatch(r -> r == registry)) {
        seen.add(registry);
        for (Oracle o : registry.all()) {
          shadow(o, path, steps, masterSeed, replication, feeds);
        }
      }
    }
    return new ExogenousPath(path, feeds);
  }

  /** Runs a copy of each of {@code oracle}'s feeds on the path, recording what it publishes. */
  private static void shadow(
      Oracle oracle,
      Map<AssetId, double[]> path,
      int steps,
      long masterSeed,
      int replication,
      Map<OracleFeed, double[]> out) {
    RandomStream stream = null;
    if (oracle.design().needsRandomness()) {
      String name = "oracles/" + oracle.id().value();
      stream = new RandomStream(name, StreamSeeds.seed(masterSeed, name, replication));
    }
    List<OracleFeed> real = new ArrayList<>(oracle.feeds());
    List<OracleFeed> copies = new ArrayList<>();
    List<double[]> published = new ArrayList<>();
    for (OracleFeed f : real) {
      double[] p = path.get(f.asset());
      // A derived asset's feed is copied only so the noise draws stay in step; its output is
      // unused.
      copies.add(new OracleFeed(f.asset(), f.design(), p == null ? f.price() : p[0], stream));
      double[] record = new double[steps + 1];
      record[0] = p == null ? f.price() : p[0];
      published.add(record);
    }
    for (int s = 1; s <= steps; s++) {
      for (int i = 0; i < copies.size(); i++) {
        double[] p = path.get(copies.get(i).asset());
        copies.get(i).observe(p == null ? copies.get(i).price() : p[s]);
      }
      for (int i = 0; i < copies.size(); i++) {
        copies.get(i).evaluate(s);
        published.get(i)[s] = copies.get(i).price();
      }
    }
    for (int i = 0; i < real.size(); i++) {
      if (path.containsKey(real.get(i).asset())) {
        out.put(real.get(i), published.get(i));
      }
    }
  }
}
