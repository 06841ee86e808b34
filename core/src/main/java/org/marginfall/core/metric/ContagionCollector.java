package org.marginfall.core.metric;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marginfall.core.contagion.Cause;
import org.marginfall.core.contagion.Channel;
import org.marginfall.core.event.Attributable;
import org.marginfall.core.event.ShockApplied;
import org.marginfall.core.event.SimEvent;

/**
 * Builds the {@link ContagionSummary} from the attributed liquidation and bad-debt events.
 *
 * <p>Mutable and not thread-safe; one collector per run.
 */
public final class ContagionCollector implements RunListener {

  private RunStart start;
  private Long shockStep;
  private final List<Attributable> events = new ArrayList<>();
  private final List<Long> steps = new ArrayList<>();

  @Override
  public void onStart(RunStart runStart) {
    this.start = runStart;
  }

  @Override
  public void onEvent(SimEvent event) {
    if (event instanceof ShockApplied s && shockStep == null) {
      shockStep = s.step();
    }
    if (event instanceof Attributable a && a.cause() != null) {
      events.add(a);
      steps.add(event.step());
    }
  }

  /** The summary of the run so far. */
  public ContagionSummary summary() {
    if (start == null) {
      throw new IllegalStateException("the run has not started");
    }
    Map<String, Boolean> channels = new LinkedHashMap<>();
    for (Channel c : Channel.values()) {
      channels.put(c.scenarioName(), start.channels().isOpen(c));
    }
    List<String> to = new ArrayList<>();
    start.venues().forEach(v -> to.add(v.id().value()));
    List<String> from = new ArrayList<>();
    from.add("exogenous");
    from.addAll(to);
    // Accelerated liquidations, whatever venue's moves brought them forward, have a row of their
    // own.
    from.add(Cause.ACCELERATED);
    int acceleratedRow = from.size() - 1;
    long[][] count = new long[from.size()][to.size()];
    double[][] notional = new double[from.size()][to.size()];
    double[][] bad = new double[from.size()][to.size()];
    Integer depth = null;
    double total = 0;
    double induced = 0;
    double accelerated = 0;
    Map<Integer, double[]> byGeneration = new LinkedHashMap<>();
    Map<String, Long> firstLiquidation = new LinkedHashMap<>();
    Map<String, Long> firstBadDebt = new LinkedHashMap<>();
    for (int i = 0; i < events.size(); i++) {
      Attributable a = events.get(i);
      Cause c = a.cause();
      int row = c.accelerated() ? acceleratedRow : c.venue() == null ? 0 : from.indexOf(c.venue());
      int col = to.indexOf(a.venue());
      if (row < 0 || col < 0) {
        continue;
      }
      double[] g = byGeneration.computeIfAbsent(c.generation(), k -> new double[6]);
      // Columns 0-2: exogenous or induced; 3-5: accelerated.
      int at = c.accelerated() ? 3 : 0;
      if (a.badDebtEvent()) {
        bad[row][col] += a.attributedValue();
        g[at + 2] += a.attributedValue();
        firstBadDebt.putIfAbsent(a.venue(), steps.get(i));
      } else {
        count[row][col]++;
        notional[row][col] += a.attributedValue();
        g[at]++;
        g[at + 1] += a.attributedValue();
        total += a.attributedValue();
        if (c.induced()) {
          induced += a.attributedValue();
        } else if (c.accelerated()) {
          accelerated += a.attributedValue();
        }
        if (!c.accelerated()) {
          depth = depth == null ? c.generation() : Math.max(depth, c.generation());
        }
        firstLiquidation.putIfAbsent(a.venue(), steps.get(i));
      }
    }
    List<ContagionSummary.GenerationRow> generations = new ArrayList<>();
    int last = byGeneration.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
    for (int k = 0; k <= last; k++) {
      double[] g = byGeneration.getOrDefault(k, new double[6]);
      generations.add(
          new ContagionSummary.GenerationRow(k, (long) g[0], g[1], g[2], (long) g[3], g[4], g[5]));
    }
    Map<String, ContagionSummary.VenueTiming> venues = new LinkedHashMap<>();
    for (String v : to) {
      Long fl = firstLiquidation.get(v);
      Long fb = firstBadDebt.get(v);
      venues.put(
          v,
          new ContagionSummary.VenueTiming(
              fl, fl == null || shockStep == null ? null : fl - shockStep,
              fb, fb == null || shockStep == null ? null : fb - shockStep));
    }
    return new ContagionSummary(
        channels,
        shockStep,
        depth,
        total > 0 ? induced / total : null,
        total > 0 ? accelerated / total : null,
        generations,
        new ContagionSummary.Matrix(from, to, count, notional, bad),
        venues);
  }
}
