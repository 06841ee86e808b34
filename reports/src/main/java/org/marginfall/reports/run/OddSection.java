package org.marginfall.reports.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.marginfall.reports.doc.Block;
import org.marginfall.reports.doc.Cell;
import org.marginfall.reports.doc.Table;

/**
 * The model description in the ODD protocol (Grimm et al. 2020, "The ODD protocol for describing
 * agent-based and other simulation models: a second update", JASSS 23(2) 7): Overview (purpose,
 * entities, state variables, scales, process overview and scheduling), Design concepts and Details
 * (initialisation and inputs as parameter tables), generated from the run's {@code scenario.yaml}
 * read generically as a tree, so it follows whatever sections the scenario has. The process order
 * is the engine's step (docs/architecture.md, "One step").
 *
 * <p>This class has no state: it is immutable and thread-safe.
 */
public final class OddSection {

  /** The scenario copy a run directory holds. */
  public static final String SCENARIO = "scenario.yaml";

  /** The engine's phases in one step, docs/architecture.md "One step". */
  static final List<String> PROCESS_ORDER =
      List.of(
          "1. Exogenous: fundamental prices advance one step, scheduled shocks multiply them, market impact"
              + " decays by its half-life, every oracle observes the new market price.",
          "2. Oracles: each feed applies its rule (latency, heartbeat, deviation) and may publish.",
          "3. Trading: populations trade.",
          "4. Arbitrage: populations arbitrage.",
          "5. Risk and liquidation, in rounds r = 1 ... maxLiquidationRounds: zero-latency oracles re-read the"
              + " market, every venue marks to market and lists its liquidatable accounts, most underwater"
              + " first, liquidator populations act on the list; the loop stops early when no account is"
              + " liquidatable or nobody liquidated anything.",
          "6. Settlement: venues settle.",
          "7. Record: venues mark to market, the step is recorded (time series, summary), audited runs check"
              + " the invariants.");

  private OddSection() {}

  /** The ODD blocks, empty when the run directory has no scenario.yaml. */
  public static List<Block> blocks(Path runDir) throws IOException {
    Path file = runDir.resolve(SCENARIO);
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    if (root == null || !root.isObject()) {
      return List.of();
    }
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Heading("Model description (ODD protocol)"));
    blocks.add(
        new Block.Paragraph(
            "Overview. Purpose: "
                + Optional.ofNullable(root.get("description"))
                    .map(JsonNode::asText)
                    .orElse(root.path("name").asText("the scenario"))
                    .replaceAll("\\s+", " ")
                    .trim()));
    List<List<String>> entities = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isArray()) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < e.getValue().size(); i++) {
          ids.add(label(e.getValue().get(i), i));
        }
        entities.add(
            List.of(e.getKey(), Integer.toString(e.getValue().size()), String.join(", ", ids)));
      }
    }
    blocks.add(
        new Block.TableBlock(
            new Table(
                "odd-entities",
                "ODD entities (scenario sections that are lists)",
                List.of("entity kind", "count", "ids"),
                entities)));
    blocks.add(
        new Block.Paragraph(
            "State variables: per account its collateral and positions on the shared"
                + " ledger; per venue its insurance fund, bad debt and family state; per asset its fundamental and"
                + " market price; per oracle its last published price. Scales: one step is run.stepSeconds"
                + " seconds; the horizon is run.steps steps."));
    blocks.add(
        new Block.Paragraph(
            "Process overview and scheduling (one step): " + String.join(" ", PROCESS_ORDER)));
    blocks.add(
        new Block.Paragraph(
            "Design concepts. Emergence: liquidation cascades and contagion across venues"
                + " arise from forced sales on a shared market; interaction is indirect, through prices and oracles;"
                + " stochasticity comes only from named random streams derived from the seed (see the manifest);"
                + " observation is the summary, time series and event log."));
    List<List<Cell>> rows = new ArrayList<>();
    flatten("", root, rows);
    blocks.add(
        new Block.TableBlock(
            Table.of(
                "odd-parameters",
                "ODD details: every scenario parameter and its value",
                List.of("parameter", "value"),
                rows)));
    return blocks;
  }

  /**
   * What names one element of a list section: its {@code id} or {@code name}; else the {@code
   * asset} it is about (markets, shocks, oracle failures), with its {@code startStep} when it has
   * one so two shocks of one asset stay apart; else its pair of {@code assets} (correlations,
   * joined by an en dash); else its {@code type}; else its position ({@code #1}).
   */
  static String label(JsonNode item, int index) {
    if (item.isValueNode()) {
      return item.asText();
    }
    for (String key : List.of("id", "name")) {
      if (item.path(key).isValueNode()) {
        return item.path(key).asText();
      }
    }
    if (item.path("asset").isValueNode()) {
      JsonNode start = item.path("startStep");
      return item.path("asset").asText()
          + (start.isValueNode() ? " from step " + start.asText() : "");
    }
    if (item.path("assets").isArray() && !item.path("assets").isEmpty()) {
      List<String> assets = new ArrayList<>();
      item.path("assets").forEach(a -> assets.add(a.asText()));
      return String.join("\u2013", assets);
    }
    if (item.path("type").isValueNode()) {
      return item.path("type").asText();
    }
    return "#" + (index + 1);
  }

  /**
   * Every scalar leaf as (path, value), paths in the scenario's own notation, e.g.
   * venues[1].insuranceFund. A number with a fraction or exponent ({@code 3.0e8}) is a quantity and
   * shown as one ({@code 300,000,000}, every digit in the CSV); an integer is shown as written,
   * because seeds and step numbers are identifiers.
   */
  static void flatten(String path, JsonNode node, List<List<Cell>> rows) {
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              e -> {
                if (!(path.isEmpty() && e.getKey().equals("description"))) {
                  flatten(
                      path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), rows);
                }
              });
    } else if (node.isArray()) {
      boolean scalars = true;
      for (JsonNode item : node) {
        scalars &= item.isValueNode();
      }
      if (scalars) {
        List<String> values = new ArrayList<>();
        node.forEach(item -> values.add(item.asText()));
        rows.add(List.of(Cell.text(path), Cell.text("[" + String.join(", ", values) + "]")));
      } else {
        for (int i = 0; i < node.size(); i++) {
          flatten(path + "[" + i + "]", node.get(i), rows);
        }
      }
    } else {
      rows.add(
          List.of(
              Cell.text(path),
              node.isFloatingPointNumber()
                  ? Cell.number(node.asDouble())
                  : Cell.text(
                      node.isNull() ? "null" : node.asText().replaceAll("\\s+", " ").trim())));
    }
  }
}
