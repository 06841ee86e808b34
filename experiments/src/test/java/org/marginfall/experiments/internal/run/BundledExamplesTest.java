package org.marginfall.experiments.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.marginfall.core.engine.ModelSpec;
import org.marginfall.core.engine.Simulation;
import org.marginfall.core.metric.RunSummary;
import org.marginfall.core.metric.SummaryCollector;
import org.marginfall.experiments.internal.scenario.Catalog;
import org.marginfall.experiments.internal.scenario.ScenarioReader;
import org.marginfall.experiments.internal.scenario.ScenarioSource;

/**
 * Every bundled example (one per venue family and mechanism) runs to its end with the audit on —
 * per-asset conservation, finiteness and each venue's own invariants checked at every step — and
 * twice with the same seed gives the same bytes.
 */
class BundledExamplesTest {

  static Stream<String> examples() {
    return ScenarioSource.bundledNames().stream();
  }

  /** The timeseries and event log of one audited run, and its summary. */
  private record Output(String timeseries, String events, RunSummary summary) {}

  private static Output run(ModelSpec model) {
    StringWriter csv = new StringWriter();
    StringWriter jsonl = new StringWriter();
    SummaryCollector summary = new SummaryCollector();
    Simulation.Outcome outcome =
        Simulation.run(
            model,
            model.settings().seed(),
            0,
            true,
            List.of(summary, new TimeseriesCsvWriter(csv), new EventsJsonlWriter(jsonl)));
    assertEquals(model.settings().steps() + 1, outcome.auditedSteps());
    return new Output(
        csv.toString(), jsonl.toString(), summary.summary(true, outcome.auditedSteps()));
  }

  @ParameterizedTest
  @MethodSource("examples")
  void test_run_isAuditedDeterministicAndLiquidates(String name) {
    ScenarioSource source = ScenarioSource.resolve(name);
    ModelSpec model = new ScenarioReader(Catalog.standard()).read(source).model();

    Output first = run(model);
    Output second = run(model);

    assertEquals(
        first.timeseries(),
        second.timeseries(),
        name + ": timeseries differ between identical runs");
    assertEquals(first.events(), second.events(), name + ": events differ between identical runs");
    // Every example exists to show a liquidation mechanism at work, institutions failing, or
    // lenders left with loans no account covers (crisis-mango: nobody liquidates the attacker).
    double failures =
        first.summary().populations().values().stream()
            .mapToDouble(m -> m.getOrDefault("defaults", 0.0))
            .sum();
    double lendersLoss =
        first.summary().populations().values().stream()
            .mapToDouble(m -> m.getOrDefault("lendersLoss", 0.0))
            .sum();
    assertTrue(
        first.summary().totals().liquidations() > 0 || failures > 1 || lendersLoss > 0,
        name + " liquidated nothing");
  }
}
