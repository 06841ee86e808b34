package org.marginfall.experiments.internal.bench;

import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.marginfall.core.engine.LedgerRange;
import org.marginfall.core.engine.ModelSpec;
import org.marginfall.core.engine.Simulation;
import org.marginfall.core.metric.SummaryCollector;
import org.marginfall.experiments.internal.run.EventsJsonlWriter;
import org.marginfall.experiments.internal.run.TimeseriesCsvWriter;
import org.marginfall.experiments.internal.scenario.Catalog;
import org.marginfall.experiments.internal.scenario.ScenarioReader;
import org.marginfall.experiments.internal.scenario.ScenarioSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code marginfall bench}: the scale benchmark of docs/performance.md. Runs a scenario scaled by
 * each k in turn (see {@link ScenarioScaler}) with every feature on: contagion attribution, health
 * bands, the summary, and the timeseries and event log serialised in full (to a discarding sink, so
 * disk speed does not enter), audit off. Prints accounts, steps, simulation wall time,
 * account-steps per second, peak heap and the time ratio between successive k. Not thread-safe
 * (picocli fills it).
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Scale benchmark: run a scenario scaled by k (populations, market depth, insurance funds, backstop"
            + " capital) with every feature on and print accounts, steps, time, account-steps/s and peak heap.")
public final class BenchCommand implements Callable<Integer> {

  @Spec private picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "SCENARIO",
      defaultValue = "three-venue-crash",
      description = "Scenario file or bundled scenario name (default: ${DEFAULT-VALUE}).")
  private String scenario;

  @Option(
      names = "--k",
      split = ",",
      paramLabel = "K",
      defaultValue = "1,10",
      description = "Scale factors, comma-separated (default: ${DEFAULT-VALUE}).")
  private List<Integer> factors;

  @Option(
      names = "--steps",
      paramLabel = "N",
      description = "Run length in ticks (default: the scenario's).")
  private Integer steps;

  @Option(
      names = "--repeat",
      paramLabel = "R",
      defaultValue = "1",
      description = "Runs per k; the fastest is reported (default: ${DEFAULT-VALUE}).")
  private int repeat;

  @Option(
      names = "--quiet",
      description =
          "Remove the scenario's scheduled shocks: measures quiet steps (compare --steps N with --steps 1).")
  private boolean quiet;

  @Option(
      names = "--ledger",
      description =
          "After each k, set the scaled world up once more (untimed) and print each asset's precision and how much of 2^53 atoms its supply and value bound use.")
  private boolean ledger;

  @Option(
      names = "--warmup",
      description =
          "Run the unscaled scenario once first, untimed, so the JIT has compiled the hot paths.")
  private boolean warmup;

  /** One measured row. */
  record Row(int k, long accounts, long steps, long events, double seconds, long peakHeapBytes) {
    double accountStepsPerSecond() {
      return accounts * (double) steps / seconds;
    }
  }

  @Override
  public Integer call() {
    if (repeat < 1) {
      throw new ParameterException(
          spec.commandLine(), "--repeat must be at least 1, was " + repeat);
    }
    if (steps != null && steps < 1) {
      throw new ParameterException(spec.commandLine(), "--steps must be at least 1, was " + steps);
    }
    for (int k : factors) {
      if (k < 1) {
        throw new ParameterException(
            spec.commandLine(), "--k: every scale factor must be at least 1, was " + k);
      }
    }
    ScenarioSource source = ScenarioSource.resolve(scenario);
    ScenarioScaler scaler = new ScenarioScaler(source.content(), source.json());
    OptionalInt length = steps == null ? OptionalInt.empty() : OptionalInt.of(steps);
    ScenarioReader reader = new ScenarioReader(Catalog.standard());
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        Locale.ROOT,
        "bench %s on %d cores, max heap %d MB, %s %s%n",
        source.label(),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"));
    if (warmup) {
      measure(reader.read(scaler.scaled(1, length, quiet), true, source.dataRoot()).model(), 1, 1);
    }
    out.printf(
        Locale.ROOT,
        "%6s %10s %6s %10s %10s %14s %10s %8s%n",
        "k",
        "accounts",
        "steps",
        "events",
        "seconds",
        "acct-steps/s",
        "heap MB",
        "ratio");
    List<Row> rows = new ArrayList<>();
    for (int k : factors) {
      ModelSpec model =
          reader.read(scaler.scaled(k, length, quiet), true, source.dataRoot()).model();
      Row best = null;
      for (int r = 0; r < repeat; r++) {
        Row row = measure(model, k, scaler.accounts(k));
        if (best == null || row.seconds() < best.seconds()) {
          best = row;
        }
      }
      Row previous = rows.isEmpty() ? null : rows.get(rows.size() - 1);
      rows.add(best);
      out.printf(
          Locale.ROOT,
          "%6d %10d %6d %10d %10.3f %14.4g %10d %8s%n",
          best.k(),
          best.accounts(),
          best.steps(),
          best.events(),
          best.seconds(),
          best.accountStepsPerSecond(),
          best.peakHeapBytes() >> 20,
          previous == null
              ? ""
              : String.format(Locale.ROOT, "%.2f", best.seconds() / previous.seconds()));
      if (ledger) {
        out.println("       ledger: " + ledgerUse(model));
      }
      out.flush();
    }
    return 0;
  }

  /** Each asset's precision and the share of 2^53 atoms its range bound takes at that precision. */
  private static String ledgerUse(ModelSpec model) {
    List<String> parts = new ArrayList<>();
    for (LedgerRange.Supply s : Simulation.check(model, model.settings().seed())) {
      double bound = Math.max(s.units(), s.valueBound());
      parts.add(
          String.format(
              Locale.ROOT,
              "%s %d decimals, supply %.3g, bound %.3g units = %.2g of 2^53 atoms",
              s.asset().id(),
              s.asset().decimals(),
              s.units(),
              bound,
              bound * Math.pow(10, s.asset().decimals()) / 0x1p53));
    }
    return String.join("; ", parts);
  }

  private static Row measure(ModelSpec model, int k, long accounts) {
    System.gc();
    List<MemoryPoolMXBean> heap =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    EventsJsonlWriter events = new EventsJsonlWriter(Writer.nullWriter());
    long start = System.nanoTime();
    Simulation.Outcome outcome =
        Simulation.run(
            model,
            model.settings().seed(),
            0,
            false,
            List.of(new SummaryCollector(), new TimeseriesCsvWriter(Writer.nullWriter()), events));
    double seconds = (System.nanoTime() - start) / 1e9;
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    return new Row(k, accounts, outcome.steps(), events.written(), seconds, peak);
  }
}
