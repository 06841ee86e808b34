package org.marginfall.experiments.internal.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.marginfall.core.network.DebtRankVariant;
import org.marginfall.core.network.ExternalLiabilities;
import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.core.spec.Problems;
import org.marginfall.experiments.internal.cli.option.NonBlankPath;
import org.marginfall.experiments.internal.network.ClearingReport;
import org.marginfall.experiments.internal.network.DebtRankReport;
import org.marginfall.experiments.internal.network.NetworkFile;
import org.marginfall.experiments.internal.network.ResultFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code marginfall network FILE --method debtrank|eisenberg-noe}: clears an exposure network
 * (Eisenberg–Noe, with Rogers–Veraart default costs through {@code --alpha}/{@code --beta}) or
 * propagates DebtRank shocks on it, prints a table and optionally writes the results as JSON. The
 * file format is documented in docs/contagion.md. This class only reads the flags: the file is read
 * by {@link NetworkFile}, the models run and their output written by {@link ClearingReport} and
 * {@link DebtRankReport}. A model that cannot compute the file (a non-finite number) exits 2 with
 * one line naming the model and the node. Not thread-safe.
 */
@Command(
    name = "network",
    mixinStandardHelpOptions = true,
    description =
        "Network analytics on an exposure network file (JSON): Eisenberg-Noe / Rogers-Veraart clearing or DebtRank.")
final class NetworkCommand implements Callable<Integer> {

  /** The DebtRank variant {@code --method debtrank} uses when {@code --variant} is absent. */
  static final DebtRankVariant DEFAULT_VARIANT = DebtRankVariant.BARDOSCIA_2015;

  @Spec private picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "Network file (JSON), see docs/contagion.md.")
  private Path file;

  @Option(
      names = "--method",
      required = true,
      paramLabel = "METHOD",
      description = "debtrank or eisenberg-noe.")
  private String method;

  @Option(
      names = "--alpha",
      paramLabel = "A",
      description =
          "Rogers-Veraart: fraction of external assets a defaulter realises, in [0, 1] (default 1 = Eisenberg-Noe).")
  private Double alpha;

  @Option(
      names = "--beta",
      paramLabel = "B",
      description =
          "Rogers-Veraart: fraction of interbank receivables a defaulter realises, in [0, 1] (default 1 = Eisenberg-Noe).")
  private Double beta;

  @Option(
      names = "--external",
      paramLabel = "RANK",
      description = "External liabilities: pari-passu (default) or senior.")
  private String external;

  @Option(
      names = "--variant",
      paramLabel = "VARIANT",
      description =
          "DebtRank variant: bardoscia2015 (default), battiston2012, single-hit-uncapped, threshold.")
  private String variant;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      converter = NonBlankPath.class,
      description = "Also write the results to this JSON file.")
  private Path out;

  @Override
  public Integer call() {
    Options options = options();
    NetworkFile network = NetworkFile.read(file, options.debtRank);
    PrintWriter w = spec.commandLine().getOut();
    // The table goes to a buffer first: a model error after some output must leave none.
    StringWriter table = new StringWriter();
    PrintWriter tw = new PrintWriter(table);
    try (ResultFile json = out == null ? null : ResultFile.open(out)) {
      JsonGenerator g = json == null ? null : json.generator();
      try {
        if (options.debtRank) {
          DebtRankReport.run(network, options.variant, tw, g);
        } else {
          ClearingReport.run(network, options.external, options.alpha, options.beta, tw, g);
        }
      } catch (IOException e) {
        throw json.failure(e);
      } catch (ArithmeticException e) {
        // A non-finite number or a clearing that does not converge: the model cannot compute this
        // file.
        throw new InvalidSpecException(file.toString(), e.getMessage());
      }
      if (json != null) {
        json.commit();
      }
    }
    tw.flush();
    w.print(table);
    if (out != null) {
      w.println("results written to " + out);
    }
    w.flush();
    return Main.OK;
  }

  /** The validated flags. */
  private record Options(
      boolean debtRank,
      DebtRankVariant variant,
      ExternalLiabilities external,
      double alpha,
      double beta) {}

  private Options options() {
    Problems problems = new Problems();
    boolean debtRank = "debtrank".equals(method);
    if (!debtRank && !"eisenberg-noe".equals(method)) {
      problems.add("--method", "must be debtrank or eisenberg-noe, was " + method);
    }
    DebtRankVariant v = DEFAULT_VARIANT;
    if (variant != null) {
      if (!debtRank) {
        problems.add("--variant", "applies only to --method debtrank");
      }
      try {
        v = DebtRankVariant.fromCliName(variant);
      } catch (IllegalArgumentException e) {
        problems.add(
            "--variant",
            "must be one of battiston2012, bardoscia2015, single-hit-uncapped, threshold, was "
                + variant);
      }
    }
    ExternalLiabilities ext = ExternalLiabilities.PARI_PASSU;
    if (external != null) {
      if (debtRank) {
        problems.add("--external", "applies only to --method eisenberg-noe");
      }
      switch (external) {
        case "pari-passu" -> ext = ExternalLiabilities.PARI_PASSU;
        case "senior" -> ext = ExternalLiabilities.SENIOR;
        default -> problems.add("--external", "must be senior or pari-passu, was " + external);
      }
    }
    double a = fraction("--alpha", alpha, debtRank, problems);
    double b = fraction("--beta", beta, debtRank, problems);
    if (!problems.isEmpty()) {
      throw new InvalidSpecException(problems.all());
    }
    return new Options(debtRank, v, ext, a, b);
  }

  private static double fraction(String flag, Double value, boolean debtRank, Problems problems) {
    if (value == null) {
      return 1.0;
    }
    if (debtRank) {
      problems.add(flag, "applies only to --method eisenberg-noe");
    }
    if (!(value >= 0 && value <= 1)) {
      problems.add(flag, "must be between 0 and 1, was " + value);
    }
    return value;
  }
}
