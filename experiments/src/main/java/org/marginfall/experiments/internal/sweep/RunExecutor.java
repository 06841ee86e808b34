package org.marginfall.experiments.internal.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.marginfall.core.engine.InvariantViolationException;
import org.marginfall.core.engine.Simulation;
import org.marginfall.core.event.BadDebt;
import org.marginfall.core.event.InsurancePayout;
import org.marginfall.core.event.SimEvent;
import org.marginfall.core.metric.RunListener;
import org.marginfall.core.metric.RunSummary;
import org.marginfall.core.metric.SummaryCollector;
import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.experiments.internal.run.RunDirectoryWriter;
import org.marginfall.experiments.internal.run.RunRequest;
import org.marginfall.experiments.internal.run.SkippedRows;
import org.marginfall.experiments.internal.run.SummaryJson;
import org.marginfall.experiments.internal.scenario.Scenario;
import org.marginfall.experiments.internal.twin.AccountOutcomes;
import org.marginfall.experiments.internal.twin.TwinComparison;
import org.marginfall.experiments.internal.twin.TwinScenarios;
import org.marginfall.reports.risk.AccountShortfalls;
import org.marginfall.reports.risk.ShortfallTally;
import org.marginfall.reports.run.RunEvents;
import org.marginfall.reports.run.RunRisk;

/**
 * Runs one (point, replication) of a sweep and turns whatever happens into a {@link RunResult}: an
 * exception inside the model becomes a failed row with its reason, never an escape that would stop
 * the sweep. With a run-directory root it writes the run's full directory through {@link
 * RunDirectoryWriter} (the same files as {@code marginfall run}). Immutable and thread-safe.
 */
public final class RunExecutor {

  private final SweepSpec spec;
  private final PointScenarios scenarios;
  private final Path runDirectories;
  private final Clock clock;
  private final TwinMetrics twins;

  /**
   * Creates an executor.
   *
   * @param runDirectories where to write per-run directories, or null for none
   * @param clock wall time for per-run manifests only
   */
  public RunExecutor(SweepSpec spec, PointScenarios scenarios, Path runDirectories, Clock clock) {
    this.spec = spec;
    this.scenarios = scenarios;
    this.runDirectories = runDirectories;
    this.clock = clock;
    this.twins =
        new TwinMetrics(spec.metrics(), new TwinScenarios(scenarios.catalog()), spec.audit());
  }

  /** The name of a run's directory under {@code runs/}. */
  public static String directoryName(int point, int replication) {
    return String.format(Locale.ROOT, "p%06d-r%04d", point, replication);
  }

  /** Runs replication {@code replication} at {@code point}. */
  public RunResult run(Point point, int replication) {
    long seed = RunSeeds.runSeed(spec.seed(), replication);
    int n = spec.metrics().size();
    Scenario scenario;
    try {
      scenario = scenarios.scenario(point);
    } catch (InvalidSpecException e) {
      String why = e.problems().stream().map(Object::toString).collect(Collectors.joining("; "));
      return RunResult.failed(
          point.id(), replication, seed, FailureReason.INVALID_SCENARIO, why, n);
    }
    try {
      ShortfallListener shortfalls = new ShortfallListener();
      AccountOutcomes owners = twins.any() ? TwinMetrics.owners(scenario) : null;
      SkippedRows skipped = new SkippedRows();
      RunSummary summary =
          simulate(scenario, seed, point, replication, shortfalls, owners, skipped);
      // Each twin runs on the run's own seed: the comparison uses common random numbers.
      Map<String, TwinComparison> comparisons =
          twins.any() ? twins.compare(scenario, seed, summary, owners) : Map.of();
      List<Double> values =
          metrics(SummaryJson.tree(scenario, summary, skipped), shortfalls.tally(), comparisons);
      for (int m = 0; m < n; m++) {
        Double v = values.get(m);
        if (v != null && !Double.isFinite(v)) {
          return RunResult.failed(
              point.id(),
              replication,
              seed,
              FailureReason.NUMERICAL,
              "metric " + spec.metrics().get(m).name() + " is " + v,
              n);
        }
      }
      return new RunResult(point.id(), replication, seed, null, "", values);
    } catch (RuntimeException | IOException | StackOverflowError e) {
      return RunResult.failed(point.id(), replication, seed, reasonOf(e), message(e), n);
    }
  }

  /** The reason recorded for a run that threw {@code e}. */
  static FailureReason reasonOf(Throwable e) {
    if (e instanceof InvalidSpecException) {
      return FailureReason.INVALID_SCENARIO;
    }
    if (e instanceof InvariantViolationException) {
      return FailureReason.INVARIANT_BROKEN;
    }
    if (e instanceof org.marginfall.core.engine.ScenarioFailure f) {
      return f.outOfRange() ? FailureReason.NUMERICAL : FailureReason.INVALID_SCENARIO;
    }
    if (e instanceof ArithmeticException) {
      return FailureReason.NUMERICAL;
    }
    return FailureReason.ERROR;
  }

  /**
   * Runs the scenario; when a metric needs account shortfalls, {@code shortfalls} tallies them:
   * from the live run's events, or, when the run writes its directory (whose listeners are fixed),
   * by reading its {@code events.jsonl} back as the run report does.
   */
  private RunSummary simulate(
      Scenario scenario,
      long seed,
      Point point,
      int replication,
      ShortfallListener shortfalls,
      AccountOutcomes owners,
      SkippedRows skipped)
      throws IOException {
    boolean needed = spec.metrics().stream().anyMatch(Metric::needsShortfalls);
    if (runDirectories != null) {
      Path dir = runDirectories.resolve(directoryName(point.id(), replication));
      // Kept run directories hold the result files; a sweep never renders per-run reports
      // (marginfall report DIR renders one on demand).
      RunRequest request =
          new RunRequest(
              scenario,
              "sweep " + spec.name() + " point " + point.id(),
              dir,
              OptionalLong.of(seed),
              spec.audit(),
              true,
              false);
      RunSummary summary =
          new RunDirectoryWriter(clock)
              .write(
                  request,
                  new RunDirectoryWriter.Extension() {
                    @Override
                    public List<RunListener> listeners() {
                      return owners == null ? List.of(skipped) : List.of(skipped, owners);
                    }
                  })
              .summary();
      if (needed) {
        RunEvents.read(dir)
            .ifPresent(
                e ->
                    e.shortfalls()
                        .forEach(
                            (venue, byAccount) ->
                                byAccount.forEach(
                                    (account, amount) ->
                                        shortfalls.tally().add(venue, account, amount))));
      }
      return summary;
    }
    SummaryCollector summaries = new SummaryCollector();
    List<RunListener> listeners = new ArrayList<>(List.of(summaries, skipped));
    if (needed) {
      listeners.add(shortfalls);
    }
    if (owners != null) {
      listeners.add(owners);
    }
    Simulation.Outcome outcome = Simulation.run(scenario.model(), seed, 0, spec.audit(), listeners);
    return summaries.summary(spec.audit(), outcome.auditedSteps());
  }

  /**
   * The sweep's metrics: read from a summary laid out as {@code summary.json}, or for the {@code
   * risk} section computed from the account shortfalls as the run report computes them ({@link
   * RunRisk#shortfalls(String, double, java.util.Map)}). A cover ratio is infinite when no account
   * fell short; it is then recorded as no value. A contagion field is no value when the summary has
   * no contagion object.
   */
  List<Double> metrics(ObjectNode summary, ShortfallTally shortfalls) {
    return metrics(summary, shortfalls, Map.of());
  }

  /**
   * As {@link #metrics(ObjectNode, ShortfallTally)}, with the comparisons with the twins the
   * metrics name.
   */
  List<Double> metrics(
      ObjectNode summary, ShortfallTally shortfalls, Map<String, TwinComparison> comparisons) {
    List<Double> out = new ArrayList<>(spec.metrics().size());
    for (Metric m : spec.metrics()) {
      if (m.needsTwin()) {
        out.add(TwinMetrics.value(m, comparisons));
        continue;
      }
      if (m.section().equals("risk")) {
        out.add(risk(m, summary, shortfalls));
        continue;
      }
      JsonNode node = summary.path(m.section());
      if (!m.id().isEmpty()) {
        node = node.path(m.id());
      }
      if (m.section().equals("snapshots")) {
        out.add(snapshotCounter(node, m.field()));
        continue;
      }
      node = node.path(m.field());
      if (node.isNull() || (node.isMissingNode() && m.section().equals("contagion"))) {
        // An undefined statistic (a population's extent of contagion when there was none) is no
        // value.
        out.add(null);
      } else if (node.isNumber()) {
        out.add(node.doubleValue());
      } else {
        throw new IllegalStateException(
            "metric " + m.path() + " is not a number in the run summary");
      }
    }
    return out;
  }

  /**
   * A snapshot population's counter; a reason no row was skipped for is absent from the summary, so
   * 0.
   */
  private static Double snapshotCounter(JsonNode population, String field) {
    JsonNode node =
        field.startsWith("skipped.")
            ? population.path("skipped").path(field.substring("skipped.".length()))
            : population.path(field);
    if (node.isMissingNode()
        && field.startsWith("skipped.")
        && population.path("skipped").isObject()) {
      return 0.0;
    }
    if (!node.isNumber()) {
      throw new IllegalStateException(
          "metric snapshots." + field + " is not a number in the run summary");
    }
    return node.doubleValue();
  }

  private static Double risk(Metric m, ObjectNode summary, ShortfallTally shortfalls) {
    JsonNode fund = summary.path("venues").path(m.id()).path("insuranceFundStart");
    AccountShortfalls s =
        RunRisk.shortfalls(
            m.id(),
            fund.isNumber() ? fund.doubleValue() : Double.NaN,
            shortfalls.shortfalls().getOrDefault(m.id(), java.util.Map.of()));
    double v =
        switch (m.field()) {
          case "cover1" -> s.cover1();
          case "cover2" -> s.cover2();
          case "largestShortfall" -> s.largest();
          case "largestTwoShortfalls" -> s.largestTwo();
          default -> throw new IllegalStateException("unknown risk metric " + m.path());
        };
    return Double.isInfinite(v) ? null : v;
  }

  /**
   * Tallies the run's {@code insurance_payout} and {@code bad_debt} amounts per venue and account.
   */
  private static final class ShortfallListener implements RunListener {
    private final ShortfallTally tally = new ShortfallTally();

    ShortfallTally tally() {
      return tally;
    }

    @Override
    public void onEvent(SimEvent event) {
      if (event instanceof InsurancePayout p) {
        tally.add(p.venue(), p.account(), p.amount());
      } else if (event instanceof BadDebt b) {
        tally.add(b.venue(), b.account(), b.amount());
      }
    }
  }

  static String message(Throwable e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }
}
