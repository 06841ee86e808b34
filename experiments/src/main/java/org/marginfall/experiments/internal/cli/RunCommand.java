package org.marginfall.experiments.internal.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.marginfall.core.metric.RunSummary;
import org.marginfall.experiments.internal.cli.option.NonBlankPath;
import org.marginfall.experiments.internal.run.RunDirectoryWriter;
import org.marginfall.experiments.internal.run.RunRequest;
import org.marginfall.experiments.internal.scenario.Scenario;
import org.marginfall.experiments.internal.scenario.ScenarioSource;
import org.marginfall.experiments.internal.twin.Twin;
import org.marginfall.experiments.internal.twin.TwinComparison;
import org.marginfall.experiments.internal.twin.TwinRunner;
import org.marginfall.experiments.internal.twin.TwinScenarios;
import org.marginfall.experiments.internal.warning.ScenarioWarnings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code marginfall run}: runs one scenario into a run directory. Not thread-safe (picocli fills
 * it).
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Run a scenario and write summary.json, timeseries.csv, timeseries-long.parquet, events.jsonl,"
            + " manifest.json, network.json,"
            + " exposures.json, charts/ and report.html; with --twin, also its counterfactual twins.")
final class RunCommand implements Callable<Integer> {

  @Spec private picocli.CommandLine.Model.CommandSpec spec;

  @picocli.CommandLine.ParentCommand private Main main;

  @Parameters(
      index = "0",
      paramLabel = "SCENARIO",
      description = "Scenario file (YAML or JSON), or the name of a bundled scenario.")
  private String scenario;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      converter = NonBlankPath.class,
      description = "Run directory to create.")
  private Path out;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Master seed (overrides run.seed of the scenario).")
  private Long seed;

  @Option(
      names = "--audit",
      description = "Check conservation, finiteness and venue invariants at every step.")
  private boolean audit;

  @Option(
      names = "--force",
      description =
          "Replace the run directory if it holds an earlier Marginfall output (never other files).")
  private boolean force;

  @Option(
      names = "--no-report",
      description =
          "Write the result files only, without charts/, tables/, report.html and report.pdf"
              + " (render them later with: marginfall report DIR).")
  private boolean noReport;

  @Option(
      names = "--no-long-parquet",
      description =
          "Do not write timeseries-long.parquet, the tidy long form of timeseries.csv"
              + " (columns step, time, entity, metric, value).")
  private boolean noLongParquet;

  @Option(
      names = "--twin",
      paramLabel = "TWIN",
      description =
          "Also run a counterfactual twin with the same seed and compare (repeatable): isolated,"
              + " no-impact or no-channel:<channel>. Writes twin/<name>/ and twin-comparison.json/.csv.")
  private List<String> twinNames = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    List<Twin> twins = parseTwins();
    ScenarioSource source = ScenarioSource.resolve(scenario);
    Scenario s = ScenarioLoader.load(source, main.catalog());
    PrintWriter err = spec.commandLine().getErr();
    ScenarioWarnings.of(s.model()).forEach(w -> err.println(w.line()));
    RunRequest request =
        new RunRequest(
            s,
            source.label(),
            out,
            seed == null ? OptionalLong.empty() : OptionalLong.of(seed),
            audit,
            force,
            !noReport,
            !noLongParquet);
    boolean terminal = System.console() != null;
    RunDirectoryWriter writer =
        new RunDirectoryWriter(
            Clock.systemUTC(), new ConsoleWatcher(spec.commandLine().getErr(), terminal));
    TwinRunner twinRunner =
        twins.isEmpty()
            ? null
            : new TwinRunner(writer, request, twins, new TwinScenarios(main.catalog()));
    RunDirectoryWriter.Result r = execute(source, writer, request, twinRunner);
    PrintWriter o = spec.commandLine().getOut();
    printSummary(o, s, r);
    if (twinRunner != null) {
      printTwins(o, twinRunner);
      twinRunner.warnings().forEach(w -> err.println(w.line()));
    }
    o.println("wrote " + r.directory() + (noReport ? "" : " (open report.html)"));
    return Main.OK;
  }

  /** The {@code --twin} options, each named once; a bad one is a usage error. */
  private List<Twin> parseTwins() {
    List<Twin> twins = new ArrayList<>();
    for (String name : twinNames) {
      try {
        twins.add(Twin.parse(name));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
    }
    if (new LinkedHashSet<>(twins).size() != twins.size()) {
      throw new ParameterException(
          spec.commandLine(), "--twin: each twin may be named once, was " + twinNames);
    }
    return twins;
  }

  /**
   * Writes the run directory (and the twins' with it); a failure of the scenario during the run is
   * bad input at its entry.
   */
  private static RunDirectoryWriter.Result execute(
      ScenarioSource source, RunDirectoryWriter writer, RunRequest request, TwinRunner twinRunner)
      throws java.io.IOException {
    try {
      return ScenarioLoader.failingAt(
          source,
          () -> {
            try {
              return twinRunner == null ? writer.write(request) : twinRunner.run();
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** One line for the run, one per venue and one per asset. */
  private static void printSummary(PrintWriter o, Scenario s, RunDirectoryWriter.Result r) {
    RunSummary sum = r.summary();
    o.printf(
        Locale.ROOT,
        "%s: %d steps, seed %d, %d events, %.2f s%n",
        s.name(),
        sum.run().steps(),
        sum.run().seed(),
        r.events(),
        r.wallTime().toNanos() / 1e9);
    for (Map.Entry<String, RunSummary.VenueSummary> v : sum.venues().entrySet()) {
      o.printf(
          Locale.ROOT,
          "  %-20s liquidations %6d  notional %16.2f  bad debt %14.2f%n",
          v.getKey(),
          v.getValue().liquidations(),
          v.getValue().liquidatedNotional(),
          v.getValue().badDebt());
    }
    for (Map.Entry<String, RunSummary.AssetSummary> a : sum.assets().entrySet()) {
      o.printf(
          Locale.ROOT,
          "  %-20s fundamental drawdown %6.2f%%  market drawdown %6.2f%%%n",
          a.getKey(),
          100 * a.getValue().fundamentalMaxDrawdown(),
          100 * a.getValue().marketMaxDrawdown());
    }
  }

  /** Three lines per twin: its last row against the base run's. */
  private static void printTwins(PrintWriter o, TwinRunner twinRunner) {
    for (TwinComparison c : twinRunner.comparisons()) {
      TwinComparison.Row t = c.rows().get(c.rows().size() - 1);
      o.printf(
          Locale.ROOT,
          "  twin %-15s liquidations %6d -> %6d  bad debt %14.2f -> %14.2f%n",
          c.twin().name(),
          t.base().liquidations(),
          t.twin().liquidations(),
          t.base().badDebt(),
          t.twin().badDebt());
      o.printf(
          Locale.ROOT,
          "  %-20s accounts liquidated %6d -> %6d%n",
          "",
          t.baseLiquidatedOwners(),
          t.twinLiquidatedOwners());
      o.printf(
          Locale.ROOT,
          "  %-20s liquidated only in base: %d owners (notional %.2f); only in twin: %d (notional %.2f);"
              + " capital saved by %s %.2f%n",
          "",
          t.onlyInBase(),
          t.onlyInBaseNotional(),
          t.onlyInTwin(),
          t.onlyInTwinNotional(),
          TwinComparison.savedBy(c.twin()),
          t.capitalSaved());
    }
  }
}
