package org.marginfall.reports.run;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.marginfall.reports.chart.ContagionCharts;
import org.marginfall.reports.data.Contagion;
import org.marginfall.reports.doc.Block;
import org.marginfall.reports.doc.Cell;
import org.marginfall.reports.doc.Numbers;
import org.marginfall.reports.doc.Table;

/**
 * The contagion section of a run report, from the {@code contagion} object of {@code summary.json}
 * and the causes of the liquidation events in {@code events.jsonl}: the cascade by generation
 * (chart and table) and the venue-to-venue contagion matrix of liquidated notional, bad debt and
 * liquidation counts (heatmaps and tables). A run directory written before contagion attribution
 * existed has no contagion object; the section then says so in one sentence.
 *
 * <p>This class has no state: it is immutable and thread-safe.
 */
public final class ContagionSection {

  /** The sentence shown in place of the section for runs without a contagion object. */
  public static final String ABSENT =
      "This run's summary.json has no contagion object (it was written before"
          + " contagion attribution existed), so the cascade by generation and the contagion matrix are not shown.";

  private ContagionSection() {}

  /**
   * @param contagion the summary's contagion object, if any
   * @param events the run's events, if any (for the per-venue split of each generation)
   * @param venues the venue ids in scenario order
   */
  public static List<Block> blocks(
      Optional<Contagion> contagion,
      Optional<RunEvents> events,
      List<String> venues,
      String baseCurrency) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Heading("Contagion"));
    if (contagion.isEmpty()) {
      blocks.add(new Block.Paragraph(ABSENT));
      return blocks;
    }
    Contagion c = contagion.get();
    blocks.add(introduction(c));

    SortedMap<Long, Map<String, Double>> byGeneration =
        events.map(RunEvents::generationNotional).orElse(new TreeMap<>());
    List<String> split = splitVenues(byGeneration, venues);
    blocks.add(new Block.TableBlock(generationTable(c, byGeneration, split, baseCurrency)));
    blocks.add(
        new Block.Figure(
            ContagionCharts.generations(byGeneration, c.generations(), venues, baseCurrency)));

    blocks.addAll(matrixBlocks(c.matrix(), baseCurrency));
    return blocks;
  }

  /** What the section shows, with the channels switched off and the headline numbers. */
  private static Block introduction(Contagion c) {
    List<String> off = new ArrayList<>();
    c.channels()
        .forEach(
            (channel, on) -> {
              if (Boolean.FALSE.equals(on)) {
                off.add(channel);
              }
            });
    return new Block.Paragraph(
        "Each liquidation answers two questions. When: what pushed the account over"
            + " the line at that moment, the exogenous shock (generation 0) or a liquidation or loss on a venue (the"
            + " next generation), through the channel that carried it. Whether: a liquidation of generation 1 or"
            + " more is induced if the account, holding what it held, would never have been liquidatable on the"
            + " exogenous path alone (fundamental prices and scheduled shocks), and accelerated if it would have"
            + " been at some step, so that contagion only brought it forward. The matrix and the cascade count"
            + " induced liquidations by cause and accelerated ones apart. Channels switched off in this run: "
            + (off.isEmpty() ? "none" : String.join(", ", off))
            + ". Cascade depth "
            + (c.cascadeDepth() == null ? Numbers.UNDEFINED : c.cascadeDepth().toString())
            + ", induced share "
            + (c.inducedShare() == null ? Numbers.UNDEFINED : Numbers.format(c.inducedShare()))
            + ", accelerated share "
            + (c.acceleratedShare() == null
                ? Numbers.UNDEFINED
                : Numbers.format(c.acceleratedShare()))
            + " (definitions under Risk metrics).");
  }

  /** The three contagion matrices as tables, with heatmaps of notional and (if any) bad debt. */
  private static List<Block> matrixBlocks(Contagion.Matrix m, String baseCurrency) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(
        new Block.TableBlock(
            matrixTable(
                "contagion-notional",
                "Contagion matrix: liquidated notional ("
                    + baseCurrency
                    + ") by cause (rows) and affected venue",
                m,
                m.liquidatedNotional())));
    blocks.add(
        new Block.Figure(
            ContagionCharts.heatmap(
                m.from(),
                m.to(),
                m.liquidatedNotional(),
                "liquidated notional",
                baseCurrency,
                "contagion-notional")));
    blocks.add(
        new Block.TableBlock(
            matrixTable(
                "contagion-bad-debt",
                "Contagion matrix: bad debt ("
                    + baseCurrency
                    + ") by cause (rows) and affected venue",
                m,
                m.badDebt())));
    if (!Contagion.Matrix.allZero(m.badDebt())) {
      blocks.add(
          new Block.Figure(
              ContagionCharts.heatmap(
                  m.from(), m.to(), m.badDebt(), "bad debt", baseCurrency, "contagion-bad-debt")));
    }
    blocks.add(
        new Block.TableBlock(
            matrixTable(
                "contagion-liquidations",
                "Contagion matrix: number of liquidations by cause (rows) and affected venue",
                m,
                m.liquidations())));
    return blocks;
  }

  /**
   * The venues with notional in some generation, scenario order first, then any other in first-seen
   * order.
   */
  static List<String> splitVenues(
      SortedMap<Long, Map<String, Double>> byGeneration, List<String> venues) {
    Set<String> seen = new LinkedHashSet<>();
    byGeneration.values().forEach(m -> seen.addAll(m.keySet()));
    List<String> out = new ArrayList<>();
    venues.stream().filter(seen::contains).forEach(out::add);
    seen.stream().filter(v -> !out.contains(v)).forEach(out::add);
    return out;
  }

  private static Table generationTable(
      Contagion c,
      SortedMap<Long, Map<String, Double>> byGeneration,
      List<String> split,
      String baseCurrency) {
    List<String> columns =
        new ArrayList<>(
            List.of(
                "generation",
                "liquidations (exogenous or induced)",
                "liquidated notional",
                "bad debt",
                "accelerated",
                "accelerated notional",
                "accelerated bad debt"));
    split.forEach(v -> columns.add("notional on " + v));
    List<List<Cell>> rows = new ArrayList<>();
    for (Contagion.Generation g : c.generations()) {
      List<Cell> row =
          new ArrayList<>(
              List.of(
                  Cell.text(Long.toString(g.generation())),
                  Cell.number(g.liquidations()),
                  Cell.number(g.liquidatedNotional()),
                  Cell.number(g.badDebt()),
                  Cell.number(g.acceleratedLiquidations()),
                  Cell.number(g.acceleratedNotional()),
                  Cell.number(g.acceleratedBadDebt())));
      Map<String, Double> perVenue = byGeneration.getOrDefault(g.generation(), Map.of());
      split.forEach(v -> row.add(Cell.number(perVenue.getOrDefault(v, 0.0))));
      rows.add(row);
    }
    return Table.of(
        "cascade-generations",
        "Cascade by generation ("
            + baseCurrency
            + "; per-venue notional from"
            + " the events' causes, accelerated liquidations in columns of their own)",
        columns,
        rows);
  }

  private static Table matrixTable(String id, String title, Contagion.Matrix m, double[][] cells) {
    List<String> columns = new ArrayList<>();
    columns.add("cause");
    columns.addAll(m.to());
    List<List<Cell>> rows = new ArrayList<>();
    for (int r = 0; r < m.from().size(); r++) {
      List<Cell> row = new ArrayList<>();
      row.add(Cell.text(m.from().get(r)));
      for (double v : cells[r]) {
        row.add(Cell.number(v));
      }
      rows.add(row);
    }
    return Table.of(id, title, columns, rows);
  }
}
