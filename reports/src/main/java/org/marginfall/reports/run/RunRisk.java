package org.marginfall.reports.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.marginfall.reports.data.Contagion;
import org.marginfall.reports.data.RunSummary;
import org.marginfall.reports.data.SummaryFields;
import org.marginfall.reports.data.SummaryValue;
import org.marginfall.reports.doc.Block;
import org.marginfall.reports.doc.Cell;
import org.marginfall.reports.doc.Numbers;
import org.marginfall.reports.doc.Table;
import org.marginfall.reports.risk.AccountShortfalls;

/**
 * The risk section of a run report: its definitions, each venue's insurance-fund coverage of its
 * largest one and two account failures (cover 1 / cover 2, from {@code events.jsonl}), liquidation
 * rounds, the contagion headline numbers (cascade depth, induced share, time to each venue's first
 * liquidation and insolvency) and each asset's amplification (from {@code summary.json}). A single
 * run has one outcome per metric, so VaR and expected shortfall, which need a distribution, are in
 * sweep reports.
 *
 * <p>This class has no state: it is immutable and thread-safe.
 */
public final class RunRisk {

  /** The definitions printed in every run report. */
  public static final String DEFINITIONS =
      "Definitions (horizon: the whole run, all its steps). Shortfall of an"
          + " account: what the venue's insurance fund paid for it plus the bad debt it left (insurance_payout"
          + " and bad_debt events). Cover 1 = insurance fund at the start / largest single-account shortfall;"
          + " cover 2 = fund / sum of the two largest (CPMI-IOSCO PFMI Principle 4, applied per venue); at least 1"
          + " means the fund alone absorbs those failures, inf that no account fell short. Liquidation rounds: the"
          + " largest liquidation round any step needed (1 = no liquidation triggered another in the same step)."
          + " Amplification: market max drawdown / fundamental max drawdown of an asset (1 = price impact added"
          + " nothing). VaR, expected shortfall and liquidations-at-risk are distributions over runs: see the sweep"
          + " report.";

  /**
   * The definitions of the contagion headline numbers, printed when the summary has a contagion
   * object.
   */
  public static final String CONTAGION_DEFINITIONS =
      "Contagion (summary.json contagion object). Every"
          + " liquidation has a generation (when): 0 when the exogenous shock caused it, g + 1 when a liquidation"
          + " or loss of generation g on some venue caused it through a contagion channel. A liquidation of"
          + " generation 1 or more is accelerated (whether) if the account, holding what it held then, would have"
          + " been liquidatable on the exogenous path alone (fundamental prices and scheduled shocks) at some step"
          + " of the run, and induced if at none. Cascade depth: the highest generation of any liquidation that is"
          + " not accelerated (0 = no liquidation induced another; — = nothing was liquidated). Induced share:"
          + " liquidated notional of induced liquidations / all liquidated notional (the part of the liquidations"
          + " that exists only because of contagion). Accelerated share: the same for accelerated liquidations"
          + " (contagion only brought them forward). Steps to first liquidation and to"
          + " insolvency: steps from the first scheduled shock to the venue's first liquidation and to its first"
          + " bad debt (— when it never happened or the scenario has no shock).";

  private RunRisk() {}

  /** The blocks of the risk section of a run without a contagion object. */
  public static List<Block> blocks(RunSummary summary, Optional<RunEvents> events) {
    return blocks(summary, events, Optional.empty());
  }

  /**
   * The blocks of the risk section, with the contagion headline numbers when the summary has them.
   */
  public static List<Block> blocks(
      RunSummary summary, Optional<RunEvents> events, Optional<Contagion> contagion) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Heading("Risk metrics"));
    blocks.add(new Block.Paragraph(DEFINITIONS));
    contagion.ifPresent(c -> addContagion(blocks, c));
    if (events.isEmpty()) {
      blocks.add(
          new Block.Paragraph(
              "The run directory has no events.jsonl, so per-account shortfalls and"
                  + " cascade depth are unknown."));
    } else {
      blocks.add(venueRisk(summary, events.get()));
    }
    blocks.add(amplification(summary));
    return blocks;
  }

  /** The contagion definitions, headline numbers and each venue's time to failure. */
  private static void addContagion(List<Block> blocks, Contagion c) {
    blocks.add(new Block.Paragraph(CONTAGION_DEFINITIONS));
    blocks.add(
        new Block.TableBlock(
            Table.of(
                "contagion-headline",
                "Contagion headline numbers",
                List.of("metric", "value"),
                List.of(
                    List.of(Cell.text("first shock step"), Cell.text(count(c.shockStep()))),
                    List.of(
                        Cell.text("cascade depth (generations)"),
                        Cell.text(count(c.cascadeDepth()))),
                    List.of(
                        Cell.text("induced share"),
                        c.inducedShare() == null
                            ? Cell.text(Numbers.UNDEFINED)
                            : Cell.number(c.inducedShare())),
                    List.of(
                        Cell.text("accelerated share"),
                        c.acceleratedShare() == null
                            ? Cell.text(Numbers.UNDEFINED)
                            : Cell.number(c.acceleratedShare()))))));
    List<List<String>> timing = new ArrayList<>();
    c.venues()
        .forEach(
            (id, t) ->
                timing.add(
                    List.of(
                        id,
                        count(t.firstLiquidationStep()),
                        count(t.stepsToFirstLiquidation()),
                        count(t.firstBadDebtStep()),
                        count(t.stepsToInsolvency()))));
    blocks.add(
        new Block.TableBlock(
            new Table(
                "contagion-timing",
                "Time from the first shock to each venue's"
                    + " first liquidation and first bad debt (steps)",
                List.of(
                    "venue",
                    "first liquidation step",
                    "steps to first liquidation",
                    "first bad debt step",
                    "steps to insolvency"),
                timing)));
  }

  /** Insurance-fund coverage and liquidation rounds per venue. */
  private static Block venueRisk(RunSummary summary, RunEvents events) {
    List<List<Cell>> rows = new ArrayList<>();
    for (Map.Entry<String, SummaryFields> venue : summary.venues().entrySet()) {
      String id = venue.getKey();
      AccountShortfalls s = shortfalls(id, venue.getValue(), events);
      Integer depth = events.cascadeDepth().get(id);
      rows.add(
          List.of(
              Cell.text(id),
              Cell.number(s.fund()),
              Cell.number(s.shortfalls().size()),
              Cell.number(s.largest()),
              Cell.number(s.largestTwo()),
              Cell.number(s.cover1()),
              Cell.number(s.cover2()),
              Cell.number(depth == null ? 0 : depth)));
    }
    return new Block.TableBlock(
        Table.of(
            "venue-risk",
            "Insurance-fund coverage and liquidation rounds per venue ("
                + summary.run().baseCurrency()
                + ")",
            List.of(
                "venue",
                "fund",
                "accounts short",
                "largest shortfall",
                "two largest",
                "cover 1",
                "cover 2",
                "liquidation rounds"),
            rows));
  }

  /** Price amplification per asset. */
  private static Block amplification(RunSummary summary) {
    List<List<Cell>> assets = new ArrayList<>();
    summary
        .assets()
        .forEach(
            (asset, f) ->
                assets.add(
                    List.of(
                        Cell.text(asset),
                        Cell.number(number(f, "fundamentalMaxDrawdown")),
                        Cell.number(number(f, "marketMaxDrawdown")),
                        Cell.number(number(f, "amplification")))));
    return new Block.TableBlock(
        Table.of(
            "amplification",
            "Price amplification per asset",
            List.of("asset", "fundamental max drawdown", "market max drawdown", "amplification"),
            assets));
  }

  /**
   * The venue's account shortfalls against its starting insurance fund (0 when the summary has
   * none).
   */
  public static AccountShortfalls shortfalls(String venue, SummaryFields fields, RunEvents events) {
    return shortfalls(
        venue,
        number(fields, "insuranceFundStart"),
        events.shortfalls().getOrDefault(venue, Map.of()));
  }

  /**
   * The venue's account shortfalls against {@code insuranceFundStart} (NaN, an absent field, counts
   * as no fund): how the run report and sweeps compute cover 1 and cover 2.
   */
  public static AccountShortfalls shortfalls(
      String venue, double insuranceFundStart, Map<String, Double> byAccount) {
    return new AccountShortfalls(
        venue, Double.isNaN(insuranceFundStart) ? 0 : insuranceFundStart, byAccount);
  }

  private static String count(Long value) {
    return value == null ? Numbers.UNDEFINED : value.toString();
  }

  static double number(SummaryFields fields, String name) {
    Optional<SummaryValue> v = fields.get(name);
    if (v.isPresent() && v.get() instanceof SummaryValue.Int i) {
      return i.value();
    }
    if (v.isPresent() && v.get() instanceof SummaryValue.Real r) {
      return r.value();
    }
    return Double.NaN;
  }
}
