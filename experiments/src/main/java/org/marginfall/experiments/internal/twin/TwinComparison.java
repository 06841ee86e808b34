package org.marginfall.experiments.internal.twin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.marginfall.core.metric.RunSummary;
import org.marginfall.experiments.internal.run.Json;

/**
 * A run compared with one counterfactual twin, venue by venue and in total (docs/outputs.md, {@code
 * twin-comparison.json}). Differences are twin minus base.
 *
 * <p>Immutable and thread-safe.
 *
 * @param twin the twin
 * @param rows one per venue in scenario order, then the total (venue {@code "total"})
 */
public record TwinComparison(Twin twin, List<Row> rows) {

  /** The venue name of the total row. */
  public static final String TOTAL = "total";

  /** Copies the list. */
  public TwinComparison {
    Objects.requireNonNull(twin, "twin");
    rows = List.copyOf(rows);
  }

  /**
   * The summary figures of one venue (or all) in one run.
   *
   * @param liquidations liquidation events ({@code summary.json} {@code liquidations})
   * @param liquidatedNotional notional closed by liquidations
   * @param badDebt bad debt left
   * @param insurancePaid what the insurance fund paid to cover shortfalls
   */
  public record Figures(
      long liquidations, double liquidatedNotional, double badDebt, double insurancePaid) {
    static final Figures ZERO = new Figures(0, 0, 0, 0);

    Figures plus(Figures o) {
      return new Figures(
          liquidations + o.liquidations,
          liquidatedNotional + o.liquidatedNotional,
          badDebt + o.badDebt,
          insurancePaid + o.insurancePaid);
    }

    /** This minus {@code o}. */
    public Figures minus(Figures o) {
      return new Figures(
          liquidations - o.liquidations,
          liquidatedNotional - o.liquidatedNotional,
          badDebt - o.badDebt,
          insurancePaid - o.insurancePaid);
    }

    static Figures of(RunSummary.VenueSummary v) {
      return new Figures(v.liquidations(), v.liquidatedNotional(), v.badDebt(), v.insurancePaid());
    }
  }

  /**
   * One venue (or the total) compared.
   *
   * @param venue the venue id, or {@link #TOTAL}
   * @param base the base run's figures
   * @param twin the twin's figures
   * @param onlyInBase owners liquidated in the base run and never in the twin
   * @param onlyInBaseNotional their liquidated notional in the base run
   * @param onlyInTwin owners liquidated in the twin and never in the base run
   * @param onlyInTwinNotional their liquidated notional in the twin
   * @param baseLoss sum over owners of their liquidation loss (penalty plus shortfall) in the base
   *     run
   * @param twinLoss the same in the twin
   * @param baseLiquidatedOwners owners liquidated at least once in the base run (one owner however
   *     many liquidation events it had)
   * @param twinLiquidatedOwners the same in the twin
   */
  public record Row(
      String venue,
      Figures base,
      Figures twin,
      long onlyInBase,
      double onlyInBaseNotional,
      long onlyInTwin,
      double onlyInTwinNotional,
      double baseLoss,
      double twinLoss,
      long baseLiquidatedOwners,
      long twinLiquidatedOwners) {

    /** Twin minus base. */
    public Figures difference() {
      return twin.minus(base);
    }

    /**
     * Capital saved by what the twin removes ({@link TwinComparison#savedBy}): sum over owners of
     * (loss in twin - loss in base); negative when the base lost more.
     */
    public double capitalSaved() {
      return twinLoss - baseLoss;
    }

    Row plus(Row o) {
      return new Row(
          TOTAL,
          base.plus(o.base),
          twin.plus(o.twin),
          onlyInBase + o.onlyInBase,
          onlyInBaseNotional + o.onlyInBaseNotional,
          onlyInTwin + o.onlyInTwin,
          onlyInTwinNotional + o.onlyInTwinNotional,
          baseLoss + o.baseLoss,
          twinLoss + o.twinLoss,
          baseLiquidatedOwners + o.baseLiquidatedOwners,
          twinLiquidatedOwners + o.twinLiquidatedOwners);
    }
  }

  /** Compares the base run with its twin; the twin must have the base run's venues. */
  public static TwinComparison of(
      Twin twin,
      RunSummary base,
      AccountOutcomes baseOwners,
      RunSummary other,
      AccountOutcomes twinOwners) {
    if (!base.venues().keySet().equals(other.venues().keySet())) {
      throw new IllegalArgumentException(
          "the twin's venues "
              + other.venues().keySet()
              + " differ from the base run's "
              + base.venues().keySet());
    }
    List<Row> rows = new ArrayList<>();
    Row total = new Row(TOTAL, Figures.ZERO, Figures.ZERO, 0, 0, 0, 0, 0, 0, 0, 0);
    for (Map.Entry<String, RunSummary.VenueSummary> v : base.venues().entrySet()) {
      String id = v.getKey();
      Map<String, AccountOutcomes.Outcome> b = baseOwners.owners(id);
      Map<String, AccountOutcomes.Outcome> t = twinOwners.owners(id);
      long onlyBase = 0;
      double onlyBaseNotional = 0;
      long onlyTwin = 0;
      double onlyTwinNotional = 0;
      double baseLoss = 0;
      double twinLoss = 0;
      long baseLiquidated = 0;
      long twinLiquidated = 0;
      Set<String> owners = new TreeSet<>(b.keySet());
      owners.addAll(t.keySet());
      for (String owner : owners) {
        AccountOutcomes.Outcome ob = b.getOrDefault(owner, AccountOutcomes.Outcome.NONE);
        AccountOutcomes.Outcome ot = t.getOrDefault(owner, AccountOutcomes.Outcome.NONE);
        if (ob.liquidated() && !ot.liquidated()) {
          onlyBase++;
          onlyBaseNotional += ob.notional();
        }
        if (ot.liquidated() && !ob.liquidated()) {
          onlyTwin++;
          onlyTwinNotional += ot.notional();
        }
        baseLoss += ob.loss();
        twinLoss += ot.loss();
        baseLiquidated += ob.liquidated() ? 1 : 0;
        twinLiquidated += ot.liquidated() ? 1 : 0;
      }
      Row row =
          new Row(
              id,
              Figures.of(v.getValue()),
              Figures.of(other.venues().get(id)),
              onlyBase,
              onlyBaseNotional,
              onlyTwin,
              onlyTwinNotional,
              baseLoss,
              twinLoss,
              baseLiquidated,
              twinLiquidated);
      rows.add(row);
      total = total.plus(row);
    }
    rows.add(total);
    return new TwinComparison(twin, rows);
  }

  /** The comparison as one element of {@code twin-comparison.json}'s {@code twins} list. */
  public ObjectNode json() {
    ObjectNode o = Json.mapper().createObjectNode();
    o.put("twin", twin.name());
    o.put("directory", "twin/" + twin.directory());
    o.put("capitalSavedBy", savedBy(twin));
    ArrayNode venues = o.putArray("venues");
    for (Row r : rows) {
      ObjectNode v = venues.addObject();
      v.put("venue", r.venue());
      figures(v.putObject("base"), r.base());
      figures(v.putObject("twin"), r.twin());
      figures(v.putObject("difference"), r.difference());
      ObjectNode accounts = v.putObject("accountsLiquidated");
      accounts.put("base", r.baseLiquidatedOwners());
      accounts.put("twin", r.twinLiquidatedOwners());
      accounts.put("difference", r.twinLiquidatedOwners() - r.baseLiquidatedOwners());
      ObjectNode ob = v.putObject("liquidatedOnlyInBase");
      ob.put("accounts", r.onlyInBase());
      ob.put("notional", r.onlyInBaseNotional());
      ObjectNode ot = v.putObject("liquidatedOnlyInTwin");
      ot.put("accounts", r.onlyInTwin());
      ot.put("notional", r.onlyInTwinNotional());
      ObjectNode loss = v.putObject("liquidationLoss");
      loss.put("base", r.baseLoss());
      loss.put("twin", r.twinLoss());
      v.put("capitalSavedBySharing", r.capitalSaved());
    }
    return o;
  }

  private static void figures(ObjectNode o, Figures f) {
    o.put("liquidations", f.liquidations());
    o.put("liquidatedNotional", f.liquidatedNotional());
    o.put("badDebt", f.badDebt());
    o.put("insurancePaid", f.insurancePaid());
  }

  /** The header of {@code twin-comparison.csv}. */
  public static final String CSV_HEADER =
      String.join(
          ",",
          List.of(
              "twin",
              "venue",
              "base_liquidations",
              "twin_liquidations",
              "diff_liquidations",
              "base_liquidated_notional",
              "twin_liquidated_notional",
              "diff_liquidated_notional",
              "base_bad_debt",
              "twin_bad_debt",
              "diff_bad_debt",
              "base_insurance_paid",
              "twin_insurance_paid",
              "diff_insurance_paid",
              "only_base_accounts",
              "only_base_notional",
              "only_twin_accounts",
              "only_twin_notional",
              "base_loss",
              "twin_loss",
              "capital_saved_by_sharing",
              "base_accounts_liquidated",
              "twin_accounts_liquidated",
              "diff_accounts_liquidated"));

  /** The rows of {@code twin-comparison.csv}, one per venue and the total, without line ends. */
  public List<String> csvRows() {
    List<String> out = new ArrayList<>();
    for (Row r : rows) {
      Figures d = r.difference();
      out.add(
          String.join(
              ",",
              List.of(
                  twin.name(),
                  r.venue(),
                  Long.toString(r.base().liquidations()),
                  Long.toString(r.twin().liquidations()),
                  Long.toString(d.liquidations()),
                  num(r.base().liquidatedNotional()),
                  num(r.twin().liquidatedNotional()),
                  num(d.liquidatedNotional()),
                  num(r.base().badDebt()),
                  num(r.twin().badDebt()),
                  num(d.badDebt()),
                  num(r.base().insurancePaid()),
                  num(r.twin().insurancePaid()),
                  num(d.insurancePaid()),
                  Long.toString(r.onlyInBase()),
                  num(r.onlyInBaseNotional()),
                  Long.toString(r.onlyInTwin()),
                  num(r.onlyInTwinNotional()),
                  num(r.baseLoss()),
                  num(r.twinLoss()),
                  num(r.capitalSaved()),
                  Long.toString(r.baseLiquidatedOwners()),
                  Long.toString(r.twinLiquidatedOwners()),
                  Long.toString(r.twinLiquidatedOwners() - r.baseLiquidatedOwners()))));
    }
    return out;
  }

  /**
   * What the twin removes from the base configuration, so "capital saved by ..." says what saved
   * it: {@code isolated} removes shared margin (cross margin and shared collateral pools), {@code
   * no-impact} removes price impact, {@code no-channel:c} the channel c, {@code set:p=v} the base
   * run's value of p (the twin has v).
   */
  public static String savedBy(Twin twin) {
    return switch (twin.kind()) {
      case ISOLATED -> "sharing margin (cross margin and shared collateral pools)";
      case NO_IMPACT -> "price impact";
      case NO_CHANNEL -> "the " + twin.channel() + " channel";
      case SET ->
          "the base value of "
              + twin.channel().substring(0, twin.channel().indexOf('='))
              + " (the twin sets "
              + twin.channel().substring(twin.channel().indexOf('=') + 1)
              + ")";
    };
  }

  private static String num(double x) {
    return String.format(Locale.ROOT, "%s", x);
  }
}
