package org.marginfall.experiments.internal.network;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.marginfall.core.network.Clearing;
import org.marginfall.core.network.ClearingResult;
import org.marginfall.core.network.ExternalLiabilities;

/**
 * Eisenberg–Noe / Rogers–Veraart clearing of a network file: the table on standard output and the
 * {@code --out} JSON (docs/contagion.md, "Command line"). Stateless and thread-safe.
 */
public final class ClearingReport {

  private ClearingReport() {}

  /**
   * Clears the network, then prints the table and, if {@code json} is given, writes the results to
   * it. Computes everything before printing, so a model error prints nothing.
   */
  public static void run(
      NetworkFile f,
      ExternalLiabilities external,
      double alpha,
      double beta,
      PrintWriter w,
      JsonGenerator json)
      throws IOException {
    ClearingResult r = Clearing.rogersVeraart(f.network(), external, alpha, beta);
    String name = alpha == 1 && beta == 1 ? "Eisenberg-Noe" : "Rogers-Veraart";
    String ext = external == ExternalLiabilities.SENIOR ? "senior" : "pari-passu";
    w.printf(
        Locale.ROOT,
        "%s clearing (greatest clearing vector): external liabilities %s, alpha %s, beta %s%n",
        name,
        ext,
        alpha,
        beta);
    List<List<String>> table = new ArrayList<>();
    table.add(List.of("node", "obligation", "payment", "recovery", "net worth", "default"));
    double[] pbar = r.obligations();
    double[] p = r.payments();
    double[] nw = r.netWorth();
    int[] rounds = r.defaultRounds();
    for (int i = 0; i < r.ids().size(); i++) {
      table.add(
          List.of(
              r.ids().get(i),
              fixed(pbar[i]),
              fixed(p[i]),
              fixed(r.recoveryRate(i)),
              fixed(nw[i]),
              rounds[i] == 0 ? "-" : "round " + rounds[i]));
    }
    TextTable.lines(table).forEach(w::println);
    List<String> defaulted = r.defaultSet().stream().map(r.ids()::get).toList();
    w.printf(Locale.ROOT, "defaults: %d %s; rounds: %d%n", defaulted.size(), defaulted, r.rounds());
    if (json != null) {
      write(r, name, ext, json);
    }
  }

  private static void write(ClearingResult r, String name, String ext, JsonGenerator g)
      throws IOException {
    double[] pbar = r.obligations();
    double[] p = r.payments();
    double[] nw = r.netWorth();
    int[] rounds = r.defaultRounds();
    g.writeStartObject();
    g.writeStringField("method", "eisenberg-noe");
    g.writeStringField("model", name);
    g.writeStringField("externalLiabilities", ext);
    g.writeNumberField("alpha", r.alpha());
    g.writeNumberField("beta", r.beta());
    g.writeArrayFieldStart("nodes");
    for (int i = 0; i < r.ids().size(); i++) {
      g.writeStartObject();
      g.writeStringField("id", r.ids().get(i));
      g.writeNumberField("obligation", pbar[i]);
      g.writeNumberField("payment", p[i]);
      g.writeNumberField("recoveryRate", r.recoveryRate(i));
      g.writeNumberField("netWorth", nw[i]);
      g.writeNumberField("defaultRound", rounds[i]);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeNumberField("rounds", r.rounds());
    g.writeArrayFieldStart("iterates");
    for (double[] it : r.iterates()) {
      g.writeStartArray();
      for (double x : it) {
        g.writeNumber(x);
      }
      g.writeEndArray();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static String fixed(double x) {
    return String.format(Locale.ROOT, "%.6f", x);
  }
}
