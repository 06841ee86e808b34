package org.marginfall.experiments.api;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.marginfall.core.engine.ScenarioFailure;
import org.marginfall.core.engine.Simulation;
import org.marginfall.core.event.SimEvent;
import org.marginfall.core.ledger.LedgerRangeException;
import org.marginfall.core.metric.RunListener;
import org.marginfall.core.metric.RunSummary;
import org.marginfall.core.metric.SummaryCollector;
import org.marginfall.experiments.internal.run.EventsJsonlWriter;
import org.marginfall.experiments.internal.run.Json;
import org.marginfall.experiments.internal.run.SkippedRows;
import org.marginfall.experiments.internal.run.SummaryJson;
import org.marginfall.experiments.internal.run.TimeseriesCsvWriter;
import org.marginfall.experiments.internal.scenario.Scenario;

/**
 * Runs an experiment's scenario in memory with the run directory's own writers (the listeners of
 * {@code RunDirectoryWriter}, in the same order, writing to strings), so the texts equal the files
 * of {@code marginfall run} byte for byte. Stateless.
 */
final class ExperimentRun {

  private ExperimentRun() {}

  static RunOutcome run(Experiment x, Long seedOverride) {
    Scenario scenario = x.scenario();
    long seed = seedOverride != null ? seedOverride : scenario.model().settings().seed();
    SummaryCollector summaries = new SummaryCollector();
    SkippedRows skipped = new SkippedRows();
    StringWriter csv = new StringWriter();
    StringWriter jsonl = new StringWriter();
    List<SimEvent> events = new ArrayList<>();
    RunListener collect =
        new RunListener() {
          @Override
          public void onEvent(SimEvent event) {
            events.add(event);
          }
        };
    List<RunListener> listeners =
        List.of(
            summaries,
            new TimeseriesCsvWriter(csv),
            new EventsJsonlWriter(jsonl),
            skipped,
            collect);
    Simulation.Outcome outcome;
    try {
      outcome = Simulation.runMeasured(scenario.model(), seed, 0, x.audit(), listeners).outcome();
    } catch (ScenarioFailure f) {
      throw ExperimentException.of(x.label(), f);
    } catch (LedgerRangeException range) {
      if (range.asset() == null) {
        throw range;
      }
      // As the CLI says it: the run could only find this out once its populations were set up.
      throw new ExperimentException(
          List.of(
              "assets[id="
                  + range.asset()
                  + "].decimals: at "
                  + range.decimals()
                  + " decimals, "
                  + range.detail()));
    }
    RunSummary summary = summaries.summary(x.audit(), outcome.auditedSteps());
    String summaryJson;
    try {
      summaryJson =
          Json.pretty().writeValueAsString(SummaryJson.tree(scenario, summary, skipped)) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a summary tree is always writable", e);
    }
    return new RunOutcome(
        scenario.name(),
        seed,
        summary,
        TimeSeries.parse(csv.toString()),
        List.copyOf(events),
        summaryJson,
        csv.toString(),
        jsonl.toString());
  }
}
