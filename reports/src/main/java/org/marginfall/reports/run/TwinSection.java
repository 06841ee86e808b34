package org.marginfall.reports.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.marginfall.reports.chart.TwinCharts;
import org.marginfall.reports.data.RunFiles;
import org.marginfall.reports.data.TimeSeriesReader;
import org.marginfall.reports.doc.Block;
import org.marginfall.reports.doc.Cell;
import org.marginfall.reports.doc.RenderedChart;
import org.marginfall.reports.doc.Table;

/**
 * The counterfactual-twin section of a run report, from {@code twin-comparison.json}
 * (docs/outputs.md): for each twin, the summary figures of base and twin per venue with their
 * difference (liquidation events and accounts liquidated), the owners liquidated in one run only
 * with the capital saved by what the twin removes, and base-versus-twin overlay charts. A run
 * directory without the file (a run without {@code --twin}) has no such section.
 *
 * <p>This class has no state: it is immutable and thread-safe.
 */
public final class TwinSection {

  /** The comparison file the section reads. */
  public static final String COMPARISON = "twin-comparison.json";

  /** The definitions printed above the tables. */
  public static final String DEFINITIONS =
      "Each twin is the same scenario with one change, run with the same"
          + " seed, so both runs see the same exogenous prices and agent draws (common random numbers); its"
          + " complete run directory is twin/<name>/. Differences are twin minus base. Liquidation events count"
          + " every liquidation (an account liquidated in three rounds counts three); accounts liquidated count"
          + " owners liquidated at least once. An owner is a trader's (or vault owner's) account on a venue, all"
          + " its isolated-margin accounts together. Liquidated only in base: owners liquidated in the base run"
          + " and never in the twin (notional from the base run). Loss of an owner: liquidation penalties its"
          + " equity paid plus the shortfall it left (insurance paid and bad debt). Capital saved by what the twin"
          + " removes (sharing margin for isolated, price impact for no-impact, a channel for no-channel): twin"
          + " loss minus base loss, summed over owners; negative when the base configuration lost more. The"
          + " charts overlay the base run (solid) and the twin (dashed).";

  private static final Cell NONE = Cell.text("\u2014");

  private TwinSection() {}

  /**
   * The blocks of the section, none when {@code runDir} has no {@code twin-comparison.json}. A twin
   * whose run directory holds {@code timeseries.csv} gets its overlay charts ({@link TwinCharts}).
   * Files written before accounts were counted show a dash for them, and "sharing" as what was
   * removed.
   */
  public static List<Block> blocks(Path runDir) throws IOException {
    Optional<JsonNode> file = RunFilesJson.read(runDir, COMPARISON);
    if (file.isEmpty()) {
      return List.of();
    }
    String f = COMPARISON;
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Heading("Counterfactual twins"));
    blocks.add(new Block.Paragraph(DEFINITIONS));
    String currency = RunFilesJson.text(file.get(), "baseCurrency", f, "");
    for (JsonNode twin : RunFilesJson.field(file.get(), "twins", f, "")) {
      blocks.addAll(twinBlocks(runDir, twin, currency));
    }
    return blocks;
  }

  /** One twin's figures and owners tables and its overlay charts. */
  private static List<Block> twinBlocks(Path runDir, JsonNode twin, String currency)
      throws IOException {
    String f = COMPARISON;
    String name = RunFilesJson.text(twin, "twin", f, "twins[].");
    String id = name.replaceAll("[^A-Za-z0-9_-]", "-"); // a table id is a file name
    String savedBy =
        twin.hasNonNull("capitalSavedBy")
            ? RunFilesJson.text(twin, "capitalSavedBy", f, "twins[].")
            : "sharing";
    List<List<Cell>> figures = new ArrayList<>();
    List<List<Cell>> owners = new ArrayList<>();
    for (JsonNode v : RunFilesJson.field(twin, "venues", f, "twins[].")) {
      String venue = RunFilesJson.text(v, "venue", f, "twins[].venues[].");
      figures.add(figuresRow(v, venue));
      owners.add(ownersRow(v, venue));
    }
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.TableBlock(figuresTable(id, name, currency, figures)));
    blocks.add(new Block.TableBlock(ownersTable(id, name, savedBy, currency, owners)));
    blocks.addAll(charts(runDir, twin, name, id, currency));
    return blocks;
  }

  /** Base, twin and difference of each counted metric per venue. */
  private static Table figuresTable(
      String id, String name, String currency, List<List<Cell>> figures) {
    return Table.of(
        "twin-" + id + "-figures",
        "Twin " + name + ": base, twin and difference per venue (" + currency + ")",
        List.of(
            "venue",
            "liquidation events base",
            "twin",
            "diff",
            "accounts liquidated base",
            "twin",
            "diff",
            "notional base",
            "twin",
            "diff",
            "bad debt base",
            "twin",
            "diff",
            "insurance paid base",
            "twin",
            "diff"),
        figures);
  }

  /** Owners liquidated in one run only, their losses and the capital saved, per venue. */
  private static Table ownersTable(
      String id, String name, String savedBy, String currency, List<List<Cell>> owners) {
    return Table.of(
        "twin-" + id + "-owners",
        "Twin "
            + name
            + ": owners liquidated in one run only, and capital saved by "
            + savedBy
            + " ("
            + currency
            + ")",
        List.of(
            "venue",
            "only in base",
            "notional",
            "only in twin",
            "notional",
            "loss base",
            "loss twin",
            "capital saved by " + savedBy),
        owners);
  }

  /** A venue's base, twin and difference for each counted metric. */
  private static List<Cell> figuresRow(JsonNode v, String venue) {
    String f = COMPARISON;
    String at = "twins[].venues[].";
    List<Cell> row = new ArrayList<>(List.of(Cell.text(venue)));
    for (String metric :
        List.of(
            "liquidations",
            "accountsLiquidated",
            "liquidatedNotional",
            "badDebt",
            "insurancePaid")) {
      for (String side : List.of("base", "twin", "difference")) {
        row.add(
            metric.equals("accountsLiquidated")
                ? accounts(v, side, f, at)
                : RunFilesJson.number(
                    RunFilesJson.field(v, side, f, at), metric, f, at + side + "."));
      }
    }
    return row;
  }

  /** A venue's owners liquidated in one run only, their losses and the capital saved. */
  private static List<Cell> ownersRow(JsonNode v, String venue) {
    String f = COMPARISON;
    String at = "twins[].venues[].";
    JsonNode onlyBase = RunFilesJson.field(v, "liquidatedOnlyInBase", f, at);
    JsonNode onlyTwin = RunFilesJson.field(v, "liquidatedOnlyInTwin", f, at);
    JsonNode loss = RunFilesJson.field(v, "liquidationLoss", f, at);
    return List.of(
        Cell.text(venue),
        RunFilesJson.number(onlyBase, "accounts", f, at + "liquidatedOnlyInBase."),
        RunFilesJson.number(onlyBase, "notional", f, at + "liquidatedOnlyInBase."),
        RunFilesJson.number(onlyTwin, "accounts", f, at + "liquidatedOnlyInTwin."),
        RunFilesJson.number(onlyTwin, "notional", f, at + "liquidatedOnlyInTwin."),
        RunFilesJson.number(loss, "base", f, at + "liquidationLoss."),
        RunFilesJson.number(loss, "twin", f, at + "liquidationLoss."),
        RunFilesJson.number(v, "capitalSavedBySharing", f, at));
  }

  /** The accounts liquidated on one side, a dash when the file predates the count. */
  private static Cell accounts(JsonNode venue, String side, String file, String at) {
    JsonNode accounts = venue.get("accountsLiquidated");
    return accounts == null
        ? NONE
        : RunFilesJson.number(accounts, side, file, at + "accountsLiquidated.");
  }

  /**
   * The overlay charts of one twin, none when either run's time series is not in the run directory.
   */
  private static List<Block> charts(
      Path runDir, JsonNode twin, String name, String id, String currency) throws IOException {
    String directory = RunFilesJson.text(twin, "directory", COMPARISON, "twins[].");
    Path base = runDir.resolve(RunFiles.TIMESERIES);
    Path other = runDir.resolve(directory).normalize().resolve(RunFiles.TIMESERIES);
    // The directory comes from a file: only a twin inside this run directory is read.
    if (!other.startsWith(runDir.normalize())
        || !Files.isRegularFile(base)
        || !Files.isRegularFile(other)) {
      return List.of();
    }
    List<Block> out = new ArrayList<>();
    for (RenderedChart c :
        TwinCharts.overlays(
            TimeSeriesReader.read(base), TimeSeriesReader.read(other), name, id, currency)) {
      out.add(new Block.Figure(c));
    }
    return out;
  }
}
