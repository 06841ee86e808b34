package org.marginfall.reports.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.marginfall.reports.doc.Block;
import org.marginfall.reports.doc.Cell;
import org.marginfall.reports.doc.Table;

/**
 * The exposure-network section of a run report, from {@code exposures.json} (docs/outputs.md): each
 * venue's capital and holdings at the end of the run, the claims and common-asset edges between
 * venues, and the DebtRank of each venue defaulting alone. A run directory without the file (an
 * older run) has no such section.
 *
 * <p>This class has no state: it is immutable and thread-safe.
 */
public final class NetworkSection {

  /** The measurement file the section reads. */
  public static final String EXPOSURES = "exposures.json";

  /** The definitions printed above the tables. */
  public static final String DEFINITIONS =
      "The venue exposure network at the end of the run, at final prices"
          + " (docs/contagion.md, \"Exposure network from a run\"). Capital: the venue's insurance fund, backstop"
          + " vault, treasury or surplus buffer. Holdings: everything its accounts hold. A claim of U on V: the"
          + " value of V's derived assets (receipts, vault shares) held in U's accounts. A common asset: a spot"
          + " asset both venues accept and hold, weighted by the smaller holding. DebtRank (Bardoscia et al."
          + " 2015, the default of marginfall network): the share of the network's value lost when the venue"
          + " defaults alone and the loss spreads through the claims. network.json holds the claims in the"
          + " format of marginfall network, e.g. marginfall network network.json --method eisenberg-noe.";

  private NetworkSection() {}

  /** The blocks of the section, none when {@code runDir} has no {@code exposures.json}. */
  public static List<Block> blocks(Path runDir) throws IOException {
    Optional<JsonNode> file = RunFilesJson.read(runDir, EXPOSURES);
    if (file.isEmpty()) {
      return List.of();
    }
    JsonNode root = file.get();
    String f = EXPOSURES;
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Heading("Venue exposure network"));
    blocks.add(new Block.Paragraph(DEFINITIONS));
    JsonNode debtRank = RunFilesJson.field(root, "debtRank", f, "");
    boolean computed = RunFilesJson.field(debtRank, "computed", f, "debtRank.").asBoolean();
    Map<String, JsonNode> ranks = new LinkedHashMap<>();
    if (computed) {
      for (JsonNode r : RunFilesJson.field(debtRank, "venues", f, "debtRank.")) {
        ranks.put(RunFilesJson.text(r, "venue", f, "debtRank.venues[]."), r);
      }
    }
    List<List<Cell>> venues = new ArrayList<>();
    for (JsonNode v : RunFilesJson.field(root, "venues", f, "")) {
      String id = RunFilesJson.text(v, "venue", f, "venues[].");
      JsonNode r = ranks.get(id);
      venues.add(
          List.of(
              Cell.text(id),
              RunFilesJson.number(v, "capital", f, "venues[]."),
              RunFilesJson.number(v, "holdings", f, "venues[]."),
              r == null
                  ? Cell.text("\u2014")
                  : RunFilesJson.number(r, "debtRank", f, "debtRank.venues[]."),
              r == null
                  ? Cell.text("\u2014")
                  : RunFilesJson.number(r, "additionalDefaults", f, "debtRank.venues[].")));
    }
    blocks.add(
        new Block.TableBlock(
            Table.of(
                "network-venues",
                "Venues: capital, holdings and DebtRank when each defaults alone",
                List.of("venue", "capital", "holdings", "DebtRank", "additional defaults"),
                venues)));
    if (!computed) {
      blocks.add(
          new Block.Paragraph(
              "DebtRank is undefined for this network: "
                  + RunFilesJson.text(debtRank, "reason", f, "debtRank.")
                  + "."));
    }
    List<List<Cell>> edges = new ArrayList<>();
    for (JsonNode c : RunFilesJson.field(root, "claims", f, "")) {
      edges.add(
          List.of(
              Cell.text("claim"),
              Cell.text(RunFilesJson.text(c, "holder", f, "claims[].")),
              Cell.text(RunFilesJson.text(c, "issuer", f, "claims[].")),
              Cell.text(RunFilesJson.text(c, "asset", f, "claims[].")),
              RunFilesJson.number(c, "value", f, "claims[].")));
    }
    for (JsonNode c : RunFilesJson.field(root, "commonAssets", f, "")) {
      edges.add(
          List.of(
              Cell.text("common asset"),
              Cell.text(RunFilesJson.text(c, "first", f, "commonAssets[].")),
              Cell.text(RunFilesJson.text(c, "second", f, "commonAssets[].")),
              Cell.text(RunFilesJson.text(c, "asset", f, "commonAssets[].")),
              RunFilesJson.number(c, "value", f, "commonAssets[].")));
    }
    if (edges.isEmpty()) {
      blocks.add(
          new Block.Paragraph(
              "No venue holds another's derived assets and no two venues hold a"
                  + " common collateral asset: the venues are not connected by exposures at the end of the run."));
    } else {
      blocks.add(
          new Block.TableBlock(
              Table.of(
                  "network-edges",
                  "Exposures between venues (claim: holder on issuer; common asset: both hold it)",
                  List.of("kind", "holder / first", "issuer / second", "asset", "value"),
                  edges)));
    }
    return blocks;
  }
}
