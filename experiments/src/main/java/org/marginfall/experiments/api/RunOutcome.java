package org.marginfall.experiments.api;

import java.util.List;
import java.util.Objects;
import org.marginfall.core.event.SimEvent;
import org.marginfall.core.metric.RunSummary;

/**
 * What one run of an {@link Experiment} produced, as values: the summary, the time series and the
 * events, and the texts of the run directory's {@code summary.json}, {@code timeseries.csv} and
 * {@code events.jsonl} (equal byte for byte to what {@code marginfall run} writes for the same
 * scenario and seed; docs/outputs.md describes their fields). Immutable and thread-safe.
 *
 * @param scenario the scenario's name
 * @param seed the master seed the run used
 * @param summary the run's metrics, per venue and per asset ({@code summary.json} as a record)
 * @param timeSeries {@code timeseries.csv} as columns of numbers
 * @param events every event in the order it happened ({@code events.jsonl} as records)
 * @param summaryJson the text of {@code summary.json}
 * @param timeseriesCsv the text of {@code timeseries.csv}
 * @param eventsJsonl the text of {@code events.jsonl}
 */
public record RunOutcome(
    String scenario,
    long seed,
    RunSummary summary,
    TimeSeries timeSeries,
    List<SimEvent> events,
    String summaryJson,
    String timeseriesCsv,
    String eventsJsonl) {

  /**
   * Validates the fields.
   *
   * @param scenario the scenario's name
   * @param seed the master seed the run used
   * @param summary the run's metrics, per venue and per asset ({@code summary.json} as a record)
   * @param timeSeries {@code timeseries.csv} as columns of numbers
   * @param events every event in the order it happened ({@code events.jsonl} as records)
   * @param summaryJson the text of {@code summary.json}
   * @param timeseriesCsv the text of {@code timeseries.csv}
   * @param eventsJsonl the text of {@code events.jsonl}
   */
  public RunOutcome {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(timeSeries, "timeSeries");
    events = List.copyOf(events);
    Objects.requireNonNull(summaryJson, "summaryJson");
    Objects.requireNonNull(timeseriesCsv, "timeseriesCsv");
    Objects.requireNonNull(eventsJsonl, "eventsJsonl");
  }

  /**
   * Liquidation events of every venue over the run, as {@code summary.json}'s totals count them.
   *
   * @return the count
   */
  public long liquidations() {
    return summary.totals().liquidations();
  }

  /** A short description: the texts and events are too long to print. */
  @Override
  public String toString() {
    return "RunOutcome["
        + scenario
        + ", seed "
        + seed
        + ", "
        + timeSeries.size()
        + " rows, "
        + events.size()
        + " events, "
        + liquidations()
        + " liquidations]";
  }

  /**
   * The run's events of type {@code type} (e.g. {@code LiquidationEvent.class} for every family's
   * liquidations), in order.
   *
   * @param <E> the event type
   * @param type the event class or interface; subtypes count
   * @return the events of that type, in the order they happened
   */
  public <E extends SimEvent> List<E> events(Class<E> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
