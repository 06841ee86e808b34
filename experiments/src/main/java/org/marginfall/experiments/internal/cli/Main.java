package org.marginfall.experiments.internal.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.marginfall.core.engine.InvariantViolationException;
import org.marginfall.core.engine.ScenarioFailure;
import org.marginfall.core.ledger.LedgerRangeException;
import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.core.spec.Problem;
import org.marginfall.experiments.internal.plugin.PluginJars;
import org.marginfall.experiments.internal.run.OutputDirectoryException;
import org.marginfall.experiments.internal.scenario.Catalog;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code marginfall} command line.
 *
 * <p>Exit codes: 0 success, 2 bad input (flags, scenario, files), 1 failure (a broken invariant, an
 * I/O error, a bug). Every error is printed as one line per problem on standard error, never as a
 * stack trace (set {@code MARGINFALL_DEBUG=1} to see one). One instance per command line (it holds
 * the {@code --plugin} jars until the command ends); not thread-safe.
 */
@Command(
    name = "marginfall",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Agent-based simulation of liquidation contagion across margin venues.",
    subcommands = {
      RunCommand.class, ValidateCommand.class, ScenariosCommand.class, PresetsCommand.class,
      ReportCommand.class, SweepCommand.class, MergeCommand.class, NetworkCommand.class,
      org.marginfall.experiments.internal.bench.BenchCommand.class,
          org.marginfall.experiments.internal.cli.CalibrateCommand.class, ValidateChartCommand.class
    })
public final class Main implements Runnable {

  /** Success. */
  public static final int OK = 0;

  /** The run failed (broken invariant, I/O error). */
  public static final int FAILURE = 1;

  /** The input was bad (flags, scenario file, output directory). */
  public static final int BAD_INPUT = 2;

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(
      names = "--plugin",
      paramLabel = "JAR",
      description =
          "A plug-in jar whose venue and agent types scenario files may name (repeatable;"
              + " docs/extending.md).")
  private List<Path> plugins = new ArrayList<>();

  private PluginJars opened;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "a command is required (run, validate, scenarios, presets, report, sweep, merge, network, bench, calibrate, validate-chart)");
  }

  /**
   * The venue and agent types commands read scenarios with: the built-in ones and those of the
   * {@code --plugin} jars, opened on first use (so a bad jar is reported by the command, exit 2).
   */
  Catalog catalog() {
    if (plugins.isEmpty()) {
      return Catalog.standard();
    }
    if (opened == null) {
      opened = PluginJars.open(plugins, Main.class.getClassLoader(), "--plugin");
    }
    return opened.catalog();
  }

  private void closePlugins() {
    if (opened != null) {
      opened.close();
      opened = null;
    }
  }

  /** Entry point. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(execute(args, out, err));
  }

  /** Runs the command line with the given streams and returns the exit code. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    Main main = new Main();
    CommandLine cli = new CommandLine(main);
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler((e, a) -> badArguments(e, err));
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> handle(e, err));
    try {
      return cli.execute(args);
    } finally {
      main.closePlugins();
    }
  }

  /**
   * One line, like every other error: the problem, a suggestion for a misspelt option, the help
   * hint.
   */
  private static int badArguments(CommandLine.ParameterException e, PrintWriter err) {
    StringBuilder line = new StringBuilder("error: ").append(e.getMessage());
    if (e instanceof CommandLine.UnmatchedArgumentException unmatched
        && !unmatched.getSuggestions().isEmpty()) {
      line.append(" (did you mean ")
          .append(String.join(" or ", unmatched.getSuggestions()))
          .append("?)");
    }
    line.append("; see: ")
        .append(e.getCommandLine().getCommandSpec().qualifiedName())
        .append(" --help");
    err.println(line);
    return BAD_INPUT;
  }

  private static int handle(Exception e, PrintWriter err) {
    if (System.getenv("MARGINFALL_DEBUG") != null) {
      e.printStackTrace(err);
    }
    if (e instanceof InvalidSpecException invalid) {
      for (Problem p : invalid.problems()) {
        err.println("error: " + p);
      }
      return BAD_INPUT;
    }
    if (e instanceof OutputDirectoryException bad) {
      err.println("error: " + bad.getMessage());
      return BAD_INPUT;
    }
    if (e instanceof LedgerRangeException range && range.asset() != null) {
      // The run could only find this out once its populations were set up: name the field to
      // change.
      err.println(
          "error: assets[id="
              + range.asset()
              + "].decimals: at "
              + range.decimals()
              + " decimals, "
              + range.detail());
      return BAD_INPUT;
    }
    if (e instanceof ScenarioFailure failure) {
      err.println("error: " + failure.getMessage());
      return BAD_INPUT;
    }
    if (e instanceof InvariantViolationException broken) {
      err.println("error: " + broken.getMessage());
      return FAILURE;
    }
    err.println("error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    return FAILURE;
  }
}
