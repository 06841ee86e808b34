package org.marginfall.experiments.internal.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.marginfall.experiments.internal.cli.option.NonBlankPath;
import org.marginfall.experiments.internal.sweep.SweepMerger;
import org.marginfall.experiments.internal.sweep.SweepOutputs;
import org.marginfall.experiments.internal.sweep.SweepReport;
import org.marginfall.experiments.internal.warning.WarningsFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code marginfall merge}: combines the output directories of every shard of a sweep into the
 * files an unsharded sweep writes. Exit code 3 when some runs failed. Not thread-safe.
 */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description = "Merge the output directories of a sharded sweep (all N shards) into one.")
final class MergeCommand implements Callable<Integer> {

  @Spec private picocli.CommandLine.Model.CommandSpec spec;

  @picocli.CommandLine.ParentCommand private Main main;

  @Parameters(
      arity = "1..*",
      paramLabel = "DIR",
      description = "The shards' output directories, in any order.")
  private List<Path> shards;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      converter = NonBlankPath.class,
      description = "Merged output directory.")
  private Path out;

  @Option(
      names = "--force",
      description =
          "Replace the merged directory if it holds an earlier Marginfall output (never other files).")
  private boolean force;

  @Override
  public Integer call() throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    SweepMerger merger = new SweepMerger(main.catalog());
    SweepOutputs.Counts counts = merger.merge(shards, out, force);
    Path dir = out.toAbsolutePath().normalize();
    SweepReport.print(dir, merger.specOf(dir), counts, o, 60);
    WarningsFile.read(dir).forEach(w -> spec.commandLine().getErr().println(w.line()));
    o.println("wrote " + dir);
    return counts.failed() == 0 ? Main.OK : SweepCommand.RUNS_FAILED;
  }
}
