package org.marginfall.experiments.cli;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.marginfall.core.engine.LedgerRange;
import org.marginfall.core.engine.Simulation;
import org.marginfall.experiments.scenario.Scenario;
import org.marginfall.experiments.scenario.ScenarioSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code marginfall validate}: checks a scenario without running it. Not thread-safe. */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Check a scenario file and report every problem with its field path.")
final class ValidateCommand implements Callable<Integer> {

  @Spec private picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (YAML or JSON), or the name of a bundled scenario.")
  private String scenario;

  @Override
  public Integer call() {
    ScenarioSource source = ScenarioSource.resolve(scenario);
    Scenario s = ScenarioLoader.load(source);
    // Set the world up once: failures that only endowments reveal are reported here, not mid-run.
    List<LedgerRange.Supply> counted =
        ScenarioLoader.failingAt(source, () -> Simulation.check(s.model(), s.model().settings().seed()));
    String decimals =
        counted.stream().map(c -> c.asset().id() + " " + c.asset().decimals()).collect(Collectors.joining(", "));
    spec.commandLine().getOut().println(
        source.label() + ": valid (" + s.model().venues().size() + " venues, " + s.model().populations().size()
            + " agent populations, " + s.model().settings().steps() + " steps; decimals: " + decimals + ")");
    return Main.OK;
  }
}
