package org.marginfall.core.metric;

import java.util.LinkedHashMap;
import java.util.Map;
import org.marginfall.core.event.LiquidationBacklog;
import org.marginfall.core.event.SimEvent;
import org.marginfall.core.venue.VenueId;
import org.marginfall.core.venue.VenueSnapshot;

/**
 * Builds the {@link RunSummary} from the step records as they arrive.
 *
 * <p>Mutable and not thread-safe; one collector per run.
 */
public final class SummaryCollector implements RunListener {

  private RunStart start;
  private long lastStep;
  private final Map<String, Drawdown> fundamentals = new LinkedHashMap<>();
  private final Map<String, Drawdown> markets = new LinkedHashMap<>();
  private final Map<VenueId, VenueSnapshot> first = new LinkedHashMap<>();
  private final Map<VenueId, VenueSnapshot> last = new LinkedHashMap<>();
  private final Map<VenueId, Long> firstLiquidation = new LinkedHashMap<>();
  private final ContagionCollector contagion = new ContagionCollector();
  private final Map<VenueId, Long> backlogSteps = new LinkedHashMap<>();
  private final Map<VenueId, Double> maxBacklogShortfall = new LinkedHashMap<>();
  private final Map<String, Map<String, Double>> populations = new LinkedHashMap<>();

  @Override
  public void onStart(RunStart runStart) {
    this.start = runStart;
    contagion.onStart(runStart);
  }

  /** Counts liquidation backlogs: the engine emits at most one per venue and tick. */
  @Override
  public void onEvent(SimEvent event) {
    contagion.onEvent(event);
    if (event instanceof LiquidationBacklog b) {
      VenueId venue = VenueId.of(b.venue());
      backlogSteps.merge(venue, 1L, Long::sum);
      maxBacklogShortfall.merge(venue, b.shortfall(), Math::max);
    }
  }

  @Override
  public void onStep(StepRecord record) {
    lastStep = record.step();
    for (StepRecord.AssetPoint a : record.assets()) {
      fundamentals.computeIfAbsent(a.asset().value(), k -> new Drawdown()).add(a.fundamental());
      markets.computeIfAbsent(a.asset().value(), k -> new Drawdown()).add(a.market());
    }
    for (StepRecord.VenuePoint v : record.venues()) {
      first.putIfAbsent(v.venue(), v.snapshot());
      last.put(v.venue(), v.snapshot());
      if (v.liquidations() > 0) {
        firstLiquidation.putIfAbsent(v.venue(), record.step());
      }
    }
    for (StepRecord.PopulationPoint p : record.populations()) {
      populations.put(p.population(), p.metrics());
    }
  }

  /** The summary of the run so far. */
  public RunSummary summary(boolean auditEnabled, long auditedSteps) {
    if (start == null) {
      throw new IllegalStateException("the run has not started");
    }
    Map<String, RunSummary.AssetSummary> assets = new LinkedHashMap<>();
    for (Map.Entry<String, Drawdown> e : fundamentals.entrySet()) {
      Drawdown f = e.getValue();
      Drawdown m = markets.get(e.getKey());
      Double amplification = f.maxDrawdown() > 0 ? m.maxDrawdown() / f.maxDrawdown() : null;
      assets.put(
          e.getKey(),
          new RunSummary.AssetSummary(
              f.first(),
              f.last(),
              f.min(),
              f.maxDrawdown(),
              m.first(),
              m.last(),
              m.min(),
              m.maxDrawdown(),
              amplification));
    }
    Map<String, RunSummary.VenueSummary> venues = new LinkedHashMap<>();
    long liquidations = 0;
    double notional = 0;
    double badDebt = 0;
    for (RunStart.VenueInfo info : start.venues()) {
      VenueSnapshot s0 = first.get(info.id());
      VenueSnapshot s1 = last.get(info.id());
      venues.put(
          info.id().value(),
          new RunSummary.VenueSummary(
              info.type(),
              info.attributes(),
              s1.accounts(),
              s1.liquidations(),
              s1.liquidatedNotional(),
              s1.liquidationFees(),
              s1.badDebt(),
              s0.insuranceFund(),
              s1.insuranceFund(),
              s1.insurancePaid(),
              firstLiquidation.get(info.id()),
              backlogSteps.getOrDefault(info.id(), 0L),
              maxBacklogShortfall.getOrDefault(info.id(), 0.0)));
      liquidations += s1.liquidations();
      notional += s1.liquidatedNotional();
      badDebt += s1.badDebt();
    }
    RunSummary.RunInfo run =
        new RunSummary.RunInfo(
            start.settings().seed(),
            start.replication(),
            lastStep,
            start.settings().stepSeconds(),
            start.settings().maxLiquidationRounds(),
            start.baseCurrency().value());
    return new RunSummary(
        run,
        assets,
        venues,
        new RunSummary.Totals(liquidations, notional, badDebt),
        new RunSummary.AuditSummary(auditEnabled, auditedSteps, 0),
        contagion.summary(),
        new LinkedHashMap<>(populations));
  }
}
