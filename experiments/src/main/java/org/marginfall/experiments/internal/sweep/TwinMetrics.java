package org.marginfall.experiments.internal.sweep;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.marginfall.core.asset.Asset;
import org.marginfall.core.engine.Simulation;
import org.marginfall.core.metric.RunSummary;
import org.marginfall.core.metric.SummaryCollector;
import org.marginfall.experiments.internal.scenario.Scenario;
import org.marginfall.experiments.internal.twin.AccountOutcomes;
import org.marginfall.experiments.internal.twin.Twin;
import org.marginfall.experiments.internal.twin.TwinComparison;
import org.marginfall.experiments.internal.twin.TwinScenarios;

/**
 * The twins a sweep's metrics name, run beside each sweep run on the run's own seed (common random
 * numbers, as {@code run --twin} does), and the metric values read from the comparisons. Immutable
 * and thread-safe.
 */
final class TwinMetrics {

  private final List<Twin> twins;
  private final TwinScenarios builder;
  private final boolean audit;

  /** The twins named by {@code metrics}, in order of first mention. */
  TwinMetrics(List<Metric> metrics, TwinScenarios builder, boolean audit) {
    Set<String> names = new LinkedHashSet<>();
    metrics.stream().filter(Metric::needsTwin).forEach(m -> names.add(m.id()));
    this.twins = names.stream().map(Twin::parse).toList();
    this.builder = builder;
    this.audit = audit;
  }

  /** Whether any metric needs a twin. */
  boolean any() {
    return !twins.isEmpty();
  }

  /** The base run's account outcomes recorder, to listen to the base run. */
  static AccountOutcomes owners(Scenario scenario) {
    Set<String> ids = new LinkedHashSet<>();
    for (Asset a : scenario.model().assets()) {
      ids.add(a.id().value());
    }
    return new AccountOutcomes(ids);
  }

  /** Runs every twin of {@code base} on {@code seed} and compares it with the base run. */
  Map<String, TwinComparison> compare(
      Scenario base, long seed, RunSummary baseSummary, AccountOutcomes baseOwners) {
    Map<String, TwinComparison> out = new java.util.LinkedHashMap<>();
    for (Twin t : twins) {
      Scenario twin = builder.scenario(t, base);
      AccountOutcomes owners = owners(twin);
      SummaryCollector summaries = new SummaryCollector();
      Simulation.Outcome o =
          Simulation.run(twin.model(), seed, 0, audit, List.of(summaries, owners));
      RunSummary twinSummary = summaries.summary(audit, o.auditedSteps());
      out.put(t.name(), TwinComparison.of(t, baseSummary, baseOwners, twinSummary, owners));
    }
    return out;
  }

  /** The value of twin metric {@code m} in {@code comparisons}. */
  static double value(Metric m, Map<String, TwinComparison> comparisons) {
    TwinComparison c = comparisons.get(Twin.parse(m.id()).name());
    int dot = m.field().lastIndexOf('.');
    String venue = m.field().substring(0, dot);
    String measure = m.field().substring(dot + 1);
    TwinComparison.Row row =
        c.rows().stream()
            .filter(r -> r.venue().equals(venue))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "metric " + m.path() + ": no venue " + venue + " in the comparison"));
    return switch (measure) {
      case "onlyInBase" -> row.onlyInBase();
      case "onlyInBaseNotional" -> row.onlyInBaseNotional();
      case "onlyInTwin" -> row.onlyInTwin();
      case "onlyInTwinNotional" -> row.onlyInTwinNotional();
      case "liquidationsDifference" -> row.difference().liquidations();
      case "liquidatedNotionalDifference" -> row.difference().liquidatedNotional();
      case "badDebtDifference" -> row.difference().badDebt();
      case "insurancePaidDifference" -> row.difference().insurancePaid();
      case "capitalSaved" -> row.capitalSaved();
      case "accountsLiquidatedDifference" ->
          row.twinLiquidatedOwners() - row.baseLiquidatedOwners();
      default -> throw new IllegalStateException("unknown twin measure " + m.path());
    };
  }
}
