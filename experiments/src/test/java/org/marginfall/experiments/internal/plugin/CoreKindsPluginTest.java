package org.marginfall.experiments.internal.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.core.spec.MarginfallPlugin;
import org.marginfall.experiments.api.Experiment;
import org.marginfall.experiments.api.ExperimentException;
import org.marginfall.experiments.api.Plugins;
import org.marginfall.experiments.api.RunOutcome;
import org.marginfall.experiments.api.TimeSeries;
import org.marginfall.experiments.internal.plugin.kinds.KindsPlugin;

/**
 * A plug-in adds an impact model, an oracle aggregation and a failure mode, found through {@code
 * ServiceLoader} like venue and agent types, and a run uses all three: the bundled oracle-failures
 * scenario with its market, its frozen feed's sources and its print feed's failure changed to the
 * plug-in's kinds.
 */
class CoreKindsPluginTest {

  private static final Map<String, Object> CHANGES =
      Map.of(
          "markets[0].impact",
          Map.of("model", "half-spread", "halfSpread", 0.001),
          "oracles[1].sources",
          List.of(Map.of("name", "a"), Map.of("name", "b", "bias", -0.02)),
          "oracles[1].aggregation",
          "lowest",
          "oracles[1].deviation",
          0,
          "oracles[1].heartbeatSteps",
          1,
          "oracles[0].failures",
          List.of(
              Map.of("asset", "ETH", "fromStep", 60, "steps", 5, "mode", "floor", "floor", 2800)));

  /** A class loader whose service file lists the test plug-in, over the test class path. */
  private static URLClassLoader loader(Path dir) throws IOException {
    Path services = dir.resolve("META-INF/services");
    Files.createDirectories(services);
    Files.writeString(
        services.resolve(MarginfallPlugin.class.getName()), KindsPlugin.class.getName() + "\n");
    return new URLClassLoader(
        new URL[] {dir.toUri().toURL()}, CoreKindsPluginTest.class.getClassLoader());
  }

  @Test
  void test_run_usesThePluginsImpactAggregationAndFailureMode(@TempDir Path dir)
      throws IOException {
    try (URLClassLoader loader = loader(dir)) {
      Plugins plugins = Plugins.fromClassLoader(loader);
      RunOutcome run = plugins.load("oracle-failures").with(CHANGES).run();
      TimeSeries ts = run.timeSeries();
      double[] fundamental = ts.column("fundamental_price.ETH");
      double[] market = ts.column("market_price.ETH");
      double[] frozenFeed = ts.column("oracle_price.frozen-feed.ETH");
      double[] printFeed = ts.column("oracle_price.print-feed.ETH");
      assertTrue(run.liquidations() > 0, "the crash still liquidates");
      for (int r = 0; r < ts.size(); r++) {
        // half-spread moves no price: the market is its fundamental, even through liquidations
        assertEquals(fundamental[r], market[r], 0, "market at row " + r);
      }
      for (int r = 1; r < 20; r++) {
        // lowest of an exact source and one reading 2% low, published at every change
        assertEquals(0.98 * market[r], frozenFeed[r], 1e-9 * market[r], "frozen feed at row " + r);
      }
      for (int r = 60; r < 65; r++) {
        // ETH is ~25% below 3,000 after the crash: the floor is what the print feed publishes
        assertTrue(market[r] < 2800, "market below the floor at row " + r);
        assertEquals(2800, printFeed[r], 0, "print feed at row " + r);
      }
      assertTrue(printFeed[66] < 2800, "the feed reads the market again after the failure");
    }
  }

  @Test
  void test_withoutThePlugin_theKindsAreUnknown_oneLineEach() {
    ExperimentException e =
        assertThrows(
            ExperimentException.class, () -> Experiment.load("oracle-failures").with(CHANGES));
    String all = String.join("\n", e.problems());
    assertTrue(
        all.contains(
            "markets[0].impact.model: unknown impact model 'half-spread'"
                + " (known: linear, linear-log, none)"),
        all);
    assertTrue(
        all.contains("oracles[1].aggregation: unknown aggregation 'lowest' (known: mean, median)"),
        all);
    assertTrue(
        all.contains(
            "oracles[0].failures[0].mode: unknown failure mode 'floor'"
                + " (known: frozen, lagging, wrong)"),
        all);
    // the floor's own field is unknown too without the plug-in: one line each, nothing else
    assertTrue(all.contains("oracles[0].failures[0].floor: unknown field"), all);
    assertEquals(4, e.problems().size(), all);
  }
}
