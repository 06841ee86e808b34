package org.marginfall.reports.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.marginfall.reports.doc.Block;
import org.marginfall.reports.doc.Cell;
import org.marginfall.reports.doc.Table;

/**
 * The counterfactual-twin section of a run report, from {@code twin-comparison.json}
 * (docs/outputs.md): for each twin, the summary figures of base and twin per venue with their
 * difference, and the owners liquidated in one run only, with the capital saved by sharing. A run
 * directory without the file (a run without {@code --twin}) has no such section.
 *
 * <p>This class has no state: it is immutable and thread-safe.
 */
public final class TwinSection {

    /** The comparison file the section reads. */
    public static final String COMPARISON = "twin-comparison.json";

    /** The definitions printed above the tables. */
    public static final String DEFINITIONS = "Each twin is the same scenario with one change, run with the same"
            + " seed, so both runs see the same exogenous prices and agent draws (common random numbers); its"
            + " complete run directory is twin/<name>/. Differences are twin minus base. An owner is a trader's"
            + " (or vault owner's) account on a venue, all its isolated-margin accounts together. Liquidated only"
            + " in base: owners liquidated in the base run and never in the twin (notional from the base run)."
            + " Loss of an owner: liquidation penalties its equity paid plus the shortfall it left (insurance paid"
            + " and bad debt). Capital saved by sharing: twin loss minus base loss, summed over owners; negative"
            + " when the base configuration lost more.";

    private TwinSection() {
    }

    /** The blocks of the section, none when {@code runDir} has no {@code twin-comparison.json}. */
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
            String name = RunFilesJson.text(twin, "twin", f, "twins[].");
            String id = name.replaceAll("[^A-Za-z0-9_-]", "-"); // a table id is a file name
            List<List<Cell>> figures = new ArrayList<>();
            List<List<Cell>> owners = new ArrayList<>();
            for (JsonNode v : RunFilesJson.field(twin, "venues", f, "twins[].")) {
                String venue = RunFilesJson.text(v, "venue", f, "twins[].venues[].");
                String at = "twins[].venues[].";
                List<Cell> row = new ArrayList<>(List.of(Cell.text(venue)));
                for (String metric : List.of("liquidations", "liquidatedNotional", "badDebt", "insurancePaid")) {
                    for (String side : List.of("base", "twin", "difference")) {
                        row.add(RunFilesJson.number(RunFilesJson.field(v, side, f, at), metric, f, at + side + "."));
                    }
                }
                figures.add(row);
                JsonNode onlyBase = RunFilesJson.field(v, "liquidatedOnlyInBase", f, at);
                JsonNode onlyTwin = RunFilesJson.field(v, "liquidatedOnlyInTwin", f, at);
                JsonNode loss = RunFilesJson.field(v, "liquidationLoss", f, at);
                owners.add(List.of(Cell.text(venue),
                        RunFilesJson.number(onlyBase, "accounts", f, at + "liquidatedOnlyInBase."),
                        RunFilesJson.number(onlyBase, "notional", f, at + "liquidatedOnlyInBase."),
                        RunFilesJson.number(onlyTwin, "accounts", f, at + "liquidatedOnlyInTwin."),
                        RunFilesJson.number(onlyTwin, "notional", f, at + "liquidatedOnlyInTwin."),
                        RunFilesJson.number(loss, "base", f, at + "liquidationLoss."),
                        RunFilesJson.number(loss, "twin", f, at + "liquidationLoss."),
                        RunFilesJson.number(v, "capitalSavedBySharing", f, at)));
            }
            blocks.add(new Block.TableBlock(Table.of("twin-" + id + "-figures",
                    "Twin " + name + ": base, twin and difference per venue (" + currency + ")",
                    List.of("venue", "liquidations base", "twin", "diff", "notional base", "twin", "diff",
                            "bad debt base", "twin", "diff", "insurance paid base", "twin", "diff"), figures)));
            blocks.add(new Block.TableBlock(Table.of("twin-" + id + "-owners",
                    "Twin " + name + ": owners liquidated in one run only, and capital saved by sharing (" + currency + ")",
                    List.of("venue", "only in base", "notional", "only in twin", "notional", "loss base", "loss twin",
                            "capital saved by sharing"), owners)));
        }
        return blocks;
    }
}
