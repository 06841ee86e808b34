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
 * <p>Each event is added to the running sums as it arrives, in arrival order (the order a pass over
 * the stored events took), and not kept: a run's memory does not grow with its events (two million
 * of them held about 0.4 GB at 10^6 accounts, docs/performance.md). Events that arrive before the
 * run's start are held until it, since the matrix's rows and columns are its venues.
 *
 * <p>Mutable and not thread-safe; one collector per run.
 */
public final class ContagionCollector implements RunListener {

  private RunStart start;
  private Long shockStep;
  private final List<Attributable> early = new ArrayList<>();
  private final List<Long> earlySteps = new ArrayList<>();

  /** The matrix's rows (exogenous, each venue, accelerated) and columns (each venue). */
  private List<String> from;

  private List<String> to;
  private int acceleratedRow;
  private long[][] count;
  private double[][] notional;
  private double[][] bad;
  private Integer depth;
  private double total;
  private double induced;
  private double accelerated;
  private final Map<Integer, double[]> byGeneration = new LinkedHashMap<>();
  private final Map<String, Long> firstLiquidation = new LinkedHashMap<>();
  private final Map<String, Long> firstBadDebt = new LinkedHashMap<>();

  @Override
  public void onStart(RunStart runStart) {
    this.start = runStart;
    to = new ArrayList<>();
    runStart.venues().forEach(v -> to.add(v.id().value()));
    from = new ArrayList<>();
    from.add("exogenous");
    from.addAll(to);
    // Accelerated liquidations, whatever venue's moves brought them forward, have a row of their
    // own.
    from.add(Cause.ACCELERATED);
    acceleratedRow = from.size() - 1;
    count = new long[from.size()][to.size()];
    notional = new double[from.size()][to.size()];
    bad = new double[from.size()][to.size()];
    for (int i = 0; i < early.size(); i++) {
      add(early.get(i), earlySteps.get(i));
    }
    early.clear();
    earlySteps.clear();
  }

  @Override
  public void onEvent(SimEvent event) {
    if (event instanceof ShockApplied s && shockStep == null) {
      shockStep = s.step();
    }
    if (event instanceof Attributable a && a.cause() != null) {
      if (start == null) {
        early.add(a);
        earlySteps.add(event.step());
      } else {
        add(a, event.step());
      }
    }
  }

  /** Adds one attributed event of step {@code step} to the running sums. */
  private void add(Attributable a, long step) {
    Cause c = a.cause();
    int row = c.accelerated() ? acceleratedRow : c.venue() == null ? 0 : from.indexOf(c.venue());
    int col = to.indexOf(a.venue());
    if (row < 0 || col < 0) {
      return;
    }
    double[] g = byGeneration.computeIfAbsent(c.generation(), k -> new double[6]);
    // Columns 0-2: exogenous or induced; 3-5: accelerated.
    int at = c.accelerated() ? 3 : 0;
    if (a.badDebtEvent()) {
      bad[row][col] += a.attributedValue();
      g[at + 2] += a.attributedValue();
      firstBadDebt.putIfAbsent(a.venue(), step);
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
      firstLiquidation.putIfAbsent(a.venue(), step);
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
        new ContagionSummary.Matrix(from, to, copy(count), copy(notional), copy(bad)),
        venues);
  }

  private static long[][] copy(long[][] m) {
    long[][] out = new long[m.length][];
    for (int i = 0; i < m.length; i++) {
      out[i] = m[i].clone();
    }
    return out;
  }

  private static double[][] copy(double[][] m) {
    double[][] out = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      out[i] = m[i].clone();
    }
    return out;
  }
}
