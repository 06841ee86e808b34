package org.marginfall.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.marginfall.core.metric.RunSummary;
import org.marginfall.experiments.run.RunDirectoryWriter;
import org.marginfall.experiments.run.RunRequest;
import org.marginfall.experiments.scenario.Scenario;
import org.marginfall.experiments.scenario.ScenarioSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code marginfall run}: runs one scenario into a run directory. Not thread-safe (picocli fills it). */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Run a scenario and write summary.json, timeseries.csv, events.jsonl, manifest.json, charts/ and report.html.")
final class RunCommand implements Callable<Integer> {

  @Spec private picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (YAML or JSON), or the name of a bundled scenario.")
  private String scenario;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Run directory to create.")
  private Path out;

  @Option(names = "--seed", paramLabel = "N", description = "Master seed (overrides run.seed of the scenario).")
  private Long seed;

  @Option(names = "--audit", description = "Check conservation, finiteness and venue invariants at every step.")
  private boolean audit;

  @Option(names = "--force", description = "Replace the run directory if it exists.")
  private boolean force;

  @Override
  public Integer call() throws Exception {
    ScenarioSource source = ScenarioSource.resolve(scenario);
    Scenario s = ScenarioLoader.load(source);
    RunRequest request =
        new RunRequest(s, source.label(), out, seed == null ? OptionalLong.empty() : OptionalLong.of(seed), audit, force);
    RunDirectoryWriter.Result r = new RunDirectoryWriter(Clock.systemUTC()).write(request);
    PrintWriter o = spec.commandLine().getOut();
    RunSummary sum = r.summary();
    o.printf(Locale.ROOT, "%s: %d steps, seed %d, %d events, %.2f s%n", s.name(), sum.run().steps(), sum.run().seed(),
        r.events(), r.wallTime().toNanos() / 1e9);
    for (Map.Entry<String, RunSummary.VenueSummary> v : sum.venues().entrySet()) {
      o.printf(Locale.ROOT, "  %-20s liquidations %6d  notional %16.2f  bad debt %14.2f%n", v.getKey(),
          v.getValue().liquidations(), v.getValue().liquidatedNotional(), v.getValue().badDebt());
    }
    for (Map.Entry<String, RunSummary.AssetSummary> a : sum.assets().entrySet()) {
      o.printf(Locale.ROOT, "  %-20s fundamental drawdown %6.2f%%  market drawdown %6.2f%%%n", a.getKey(),
          100 * a.getValue().fundamentalMaxDrawdown(), 100 * a.getValue().marketMaxDrawdown());
    }
    o.println("wrote " + r.directory() + " (open report.html)");
    return Main.OK;
  }
}
