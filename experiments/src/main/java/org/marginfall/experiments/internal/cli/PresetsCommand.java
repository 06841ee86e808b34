package org.marginfall.experiments.internal.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.marginfall.experiments.internal.scenario.Presets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code marginfall presets}: lists the venue presets a scenario can name. Not thread-safe. */
@Command(
    name = "presets",
    mixinStandardHelpOptions = true,
    description = "List the venue presets (use one with: preset: NAME in a venue entry).")
final class PresetsCommand implements Callable<Integer> {

  @Spec private picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--verbose",
      description = "Also print each preset's sources, simplifications and fields.")
  private boolean verbose;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (Presets.Preset p : Presets.bundled().all()) {
      out.printf(
          Locale.ROOT,
          "%-28s %-10s %s%n",
          p.name(),
          p.venue().get("type"),
          p.description().lines().findFirst().orElse(""));
      if (verbose) {
        p.sources().forEach(s -> out.println("    source: " + s));
        out.println("    simplifications: " + p.simplifications().replace('\n', ' '));
        p.venue().forEach((k, v) -> out.println("    " + k + ": " + v));
      }
    }
    return Main.OK;
  }
}
