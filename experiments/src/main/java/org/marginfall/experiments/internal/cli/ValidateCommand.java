package org.marginfall.experiments.internal.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.marginfall.core.engine.LedgerRange;
import org.marginfall.core.engine.Simulation;
import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.experiments.internal.scenario.Scenario;
import org.marginfall.experiments.internal.scenario.ScenarioSource;
import org.marginfall.experiments.internal.scenario.SpecFiles;
import org.marginfall.experiments.internal.sweep.SweepReader;
import org.marginfall.experiments.internal.sweep.SweepSpec;
import org.marginfall.experiments.internal.warning.ScenarioWarnings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code marginfall validate}: checks a scenario, or a sweep file (recognised by {@link
 * SweepReader#isSweep}), without running it. Not thread-safe.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Check a scenario or sweep file and report every problem with its field path.")
final class ValidateCommand implements Callable<Integer> {

  @Spec private picocli.CommandLine.Model.CommandSpec spec;

  @picocli.CommandLine.ParentCommand private Main main;

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description =
          "Scenario file (YAML or JSON), the name of a bundled scenario, or a sweep file (YAML).")
  private String scenario;

  @Override
  public Integer call() {
    ScenarioSource source = ScenarioSource.resolve(scenario);
    if (!source.label().startsWith("bundled:") && isSweep(source)) {
      // Read as `sweep` reads it: its fields, its parameters' paths and metrics, its base scenario.
      SweepSpec sweep = SweepCommand.read(Path.of(scenario), main.catalog());
      spec.commandLine()
          .getOut()
          .println(
              source.label()
                  + ": valid sweep ("
                  + sweep.design().size(sweep.parameters())
                  + " design points × "
                  + sweep.replications()
                  + " replications of "
                  + sweep.scenarioLabel()
                  + ")");
      return Main.OK;
    }
    Scenario s = ScenarioLoader.load(source, main.catalog());
    // Set the world up once: failures that only endowments reveal are reported here, not mid-run.
    List<LedgerRange.Supply> counted =
        ScenarioLoader.failingAt(
            source, () -> Simulation.check(s.model(), s.model().settings().seed()));
    String decimals =
        counted.stream()
            .map(c -> c.asset().id() + " " + c.asset().decimals())
            .collect(Collectors.joining(", "));
    spec.commandLine()
        .getOut()
        .println(
            source.label()
                + ": valid ("
                + s.model().venues().size()
                + " venues, "
                + s.model().populations().size()
                + " agent populations, "
                + s.model().settings().steps()
                + " steps; decimals: "
                + decimals
                + ")");
    ScenarioWarnings.of(s.model()).forEach(w -> spec.commandLine().getErr().println(w.line()));
    return Main.OK;
  }

  /**
   * Whether the file is a sweep; a file that does not parse is left to the scenario reader to
   * report.
   */
  private static boolean isSweep(ScenarioSource source) {
    try {
      return SweepReader.isSweep(SpecFiles.parse(source.content(), source.json(), "scenario"));
    } catch (InvalidSpecException e) {
      return false;
    }
  }
}
