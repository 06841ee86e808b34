package org.marginfall.experiments.internal.network;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.marginfall.core.network.DebtRank;
import org.marginfall.core.network.DebtRankResult;
import org.marginfall.core.network.DebtRankVariant;
import org.marginfall.core.network.ExposureNetwork;

/**
 * DebtRank of a network file, one propagation per shock (or per node defaulting alone when the file
 * lists no shocks): the table on standard output and the {@code --out} JSON (docs/contagion.md,
 * "Command line"). Results are streamed to the JSON one shock at a time, so memory stays O(nodes +
 * edges) whatever the number of shocks. Stateless and thread-safe.
 */
public final class DebtRankReport {

  /**
   * The table lists each node's final stress as a column only up to this many nodes; --out always
   * does.
   */
  public static final int STRESS_COLUMNS_LIMIT = 16;

  private DebtRankReport() {}

  /**
   * Runs every shock, then prints the table; the JSON, if given, is written shock by shock (the
   * caller discards it if a later shock fails).
   */
  public static void run(NetworkFile f, DebtRankVariant v, PrintWriter w, JsonGenerator json)
      throws IOException {
    ExposureNetwork network = f.network();
    List<String> ids = network.ids();
    boolean columns = ids.size() <= STRESS_COLUMNS_LIMIT;
    List<List<String>> table = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("shock", "DebtRank", "defaults"));
    if (columns) {
      ids.forEach(id -> header.add("h(" + id + ")"));
    }
    table.add(header);
    if (json != null) {
      json.writeStartObject();
      json.writeStringField("method", "debtrank");
      json.writeStringField("variant", v.cliName());
      json.writeArrayFieldStart("shocks");
    }
    int count = f.shocks().isEmpty() ? network.size() : f.shocks().size();
    List<Map.Entry<String, double[]>> listed = new ArrayList<>(f.shocks().entrySet());
    Function<double[], DebtRankResult> propagate = DebtRank.propagator(network, v);
    for (int k = 0; k < count; k++) {
      String name;
      double[] shock;
      if (listed.isEmpty()) {
        name = ids.get(k) + " defaults";
        shock = new double[network.size()];
        shock[k] = 1.0;
      } else {
        name = listed.get(k).getKey();
        shock = listed.get(k).getValue();
      }
      DebtRankResult r = propagate.apply(shock);
      List<String> line =
          new ArrayList<>(
              List.of(
                  name,
                  String.format(Locale.ROOT, "%.7f", r.debtRank()),
                  Integer.toString(r.additionalDefaults())));
      if (columns) {
        for (double h : r.finalStress()) {
          line.add(String.format(Locale.ROOT, "%.6f", h));
        }
      }
      table.add(line);
      if (json != null) {
        write(name, r, json);
      }
    }
    if (json != null) {
      json.writeEndArray();
      json.writeEndObject();
    }
    w.printf(Locale.ROOT, "DebtRank, variant %s%n", v.cliName());
    TextTable.lines(table).forEach(w::println);
  }

  private static void write(String name, DebtRankResult r, JsonGenerator g) throws IOException {
    double[] h = r.finalStress();
    double[] h0 = r.initialStress();
    double[] weights = r.weights();
    g.writeStartObject();
    g.writeStringField("name", name);
    g.writeNumberField("debtRank", r.debtRank());
    g.writeNumberField("additionalDefaults", r.additionalDefaults());
    g.writeNumberField("steps", r.steps());
    g.writeBooleanField("converged", r.converged());
    g.writeArrayFieldStart("nodes");
    for (int i = 0; i < h.length; i++) {
      g.writeStartObject();
      g.writeStringField("id", r.ids().get(i));
      g.writeNumberField("weight", weights[i]);
      g.writeNumberField("initialStress", h0[i]);
      g.writeNumberField("finalStress", h[i]);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
