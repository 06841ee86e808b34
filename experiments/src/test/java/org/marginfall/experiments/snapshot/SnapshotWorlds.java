package org.marginfall.experiments.snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.marginfall.core.engine.LedgerRange;
import org.marginfall.core.engine.ModelSpec;
import org.marginfall.core.engine.World;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.venue.Venue;
import org.marginfall.core.venue.VenueId;
import org.marginfall.experiments.internal.scenario.Catalog;
import org.marginfall.experiments.internal.scenario.Scenario;
import org.marginfall.experiments.internal.scenario.ScenarioReader;

/** A scenario with one venue of each family, written with its snapshot files into a directory. */
final class SnapshotWorlds {

  /** Oracle price of ETH and BTC at set-up: exact sources, no latency. */
  static final double ETH = 2000;

  static final double BTC = 40000;

  private static final String HEAD =
      """
      name: snapshot-test
      run: {steps: 3, stepSeconds: 60, seed: 11}
      baseCurrency: USD
      assets:
        - {id: USD, kind: base, decimals: 6}
        - {id: ETH, decimals: 9, price: {initial: 2000, volatility: 0}}
        - {id: BTC, decimals: 9, price: {initial: 40000, volatility: 0}}
        - {id: aETH, kind: derived, decimals: 9}
        - {id: aUSD, kind: derived, decimals: 6}
      markets:
        - {asset: ETH, impact: {model: none}}
        - {asset: BTC, impact: {model: none}}
      oracles:
        - {id: feed, latencySteps: 0, heartbeatSteps: 1, deviation: 0.0}
      venues:
        - id: perp
          type: perpetual
          oracle: feed
          initialMargin: 0.10
          maintenanceMargin: 0.05
          markets: [ETH, BTC]
        - id: lend
          type: lending
          oracle: feed
          reserves:
            - {asset: ETH, receipt: aETH, ltv: 0.80, liquidationThreshold: 0.85, liquidationBonus: 0.05,
               rates: {slope1: 0.0, slope2: 0.0, optimalUtilisation: 0.8}}
            - {asset: USD, receipt: aUSD, ltv: 0.80, liquidationThreshold: 0.85, liquidationBonus: 0.05,
               rates: {slope1: 0.0, slope2: 0.0, optimalUtilisation: 0.8}}
        - id: cdp
          preset: maker-liq2-like
          oracle: feed
          ilks: [ETH]
      agents:
      """;

  private SnapshotWorlds() {}

  /**
   * Writes {@code files} (name, content pairs) and the scenario with {@code agents} into {@code
   * dir}.
   */
  static Path write(Path dir, String agents, String... files) throws IOException {
    return writeWith(dir, "", agents, files);
  }

  /** As {@link #write}, with {@code top} (top-level sections, such as shocks) before the venues. */
  static Path writeWith(Path dir, String top, String agents, String... files) throws IOException {
    for (int i = 0; i < files.length; i += 2) {
      Files.writeString(dir.resolve(files[i]), files[i + 1], StandardCharsets.UTF_8);
    }
    Path scenario = dir.resolve("scenario.yaml");
    Files.writeString(
        scenario,
        HEAD.replace("venues:\n", top + "venues:\n") + agents.indent(2),
        StandardCharsets.UTF_8);
    return scenario;
  }

  static Scenario read(Path scenario) {
    return new ScenarioReader(Catalog.standard()).read(scenario);
  }

  /** The world of {@code scenario}, set up, audited. */
  static World setUp(Scenario scenario) {
    ModelSpec model = LedgerRange.resolve(scenario.model(), 11, 0);
    World world = World.create(model, new RandomStreams(11, 0), List.of(), true);
    world.setUp();
    return world;
  }

  static Venue venue(World world, String id) {
    return world.venues().stream()
        .filter(v -> v.id().equals(VenueId.of(id)))
        .findFirst()
        .orElseThrow();
  }
}
