package org.marginfall.experiments.internal.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.marginfall.experiments.internal.scenario.Scenario;
import org.marginfall.experiments.internal.scenario.ScenarioSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code marginfall scenarios}: lists the bundled example scenarios. Not thread-safe. */
@Command(
    name = "scenarios",
    mixinStandardHelpOptions = true,
    description =
        "List the bundled example scenarios (run one with: marginfall run NAME --out DIR).")
final class ScenariosCommand implements Callable<Integer> {

  @Spec private picocli.CommandLine.Model.CommandSpec spec;

  @picocli.CommandLine.ParentCommand private Main main;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (String name : ScenarioSource.bundledNames()) {
      Scenario s = ScenarioLoader.load(ScenarioSource.resolve(name), main.catalog());
      String description = s.description().strip().lines().findFirst().orElse("");
      out.printf(Locale.ROOT, "%-28s %s%n", name, description);
    }
    return Main.OK;
  }
}
