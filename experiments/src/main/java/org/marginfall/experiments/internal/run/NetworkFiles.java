package org.marginfall.experiments.internal.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.marginfall.core.network.Bank;
import org.marginfall.core.network.DebtRank;
import org.marginfall.core.network.DebtRankResult;
import org.marginfall.core.network.DebtRankVariant;
import org.marginfall.core.network.ExposureNetwork;
import org.marginfall.core.network.VenueExposures;

/**
 * The two network files of a run directory (docs/outputs.md): {@code network.json}, the venue
 * exposure network at the end of the run in the file format {@code marginfall network} reads, and
 * {@code exposures.json}, the measurement behind it (capital, holdings, every claim and
 * common-asset edge) with the DebtRank of each venue defaulting. Stateless and thread-safe.
 */
public final class NetworkFiles {

  /**
   * The DebtRank variant of the run report: the one {@code marginfall network --method debtrank}
   * uses by default.
   */
  public static final DebtRankVariant DEBTRANK_VARIANT = DebtRankVariant.BARDOSCIA_2015;

  private NetworkFiles() {}

  /**
   * {@code network.json}: nodes with equity, value and external items; claims as liabilities
   * (issuer owes holder).
   */
  public static ObjectNode network(String scenario, VenueExposures exposures) {
    ExposureNetwork n = exposures.network();
    ObjectNode root = Json.mapper().createObjectNode();
    root.put(
        "description",
        "Venue exposure network at the end of scenario "
            + scenario
            + ": a liability from V to U is the value of V's derived assets held in U's accounts; equity is the"
            + " venue's insurance fund, backstop vault, treasury or surplus buffer; value is everything its"
            + " accounts hold (docs/contagion.md, Exposure network from a run).");
    ArrayNode nodes = root.putArray("nodes");
    for (Bank b : n.banks()) {
      ObjectNode o = nodes.addObject();
      o.put("id", b.id());
      o.put("externalAssets", b.externalAssets());
      o.put("externalLiabilities", b.externalLiabilities());
      o.put("equity", b.equity());
      o.put("value", b.value());
    }
    ArrayNode liabilities = root.putArray("liabilities");
    List<String> ids = n.ids();
    for (ExposureNetwork.Liability l : n.liabilities()) {
      ObjectNode e = liabilities.addObject();
      e.put("from", ids.get(l.from()));
      e.put("to", ids.get(l.to()));
      e.put("amount", l.amount());
    }
    return root;
  }

  /** {@code exposures.json}: the measurement and the DebtRank of each venue defaulting alone. */
  public static ObjectNode exposures(VenueExposures exposures) {
    ObjectNode root = Json.mapper().createObjectNode();
    ArrayNode nodes = root.putArray("venues");
    for (VenueExposures.Node n : exposures.nodes()) {
      ObjectNode o = nodes.addObject();
      o.put("venue", n.venue());
      o.put("capital", n.capital());
      o.put("holdings", n.holdings());
    }
    ArrayNode claims = root.putArray("claims");
    for (VenueExposures.Claim c : exposures.claims()) {
      ObjectNode o = claims.addObject();
      o.put("holder", c.holder());
      o.put("issuer", c.issuer());
      o.put("asset", c.asset());
      o.put("units", c.units());
      o.put("value", c.value());
    }
    ArrayNode common = root.putArray("commonAssets");
    for (VenueExposures.CommonAsset c : exposures.commonAssets()) {
      ObjectNode o = common.addObject();
      o.put("first", c.first());
      o.put("second", c.second());
      o.put("asset", c.asset());
      o.put("firstValue", c.firstValue());
      o.put("secondValue", c.secondValue());
      o.put("value", c.value());
    }
    root.set("debtRank", debtRank(exposures.network()));
    return root;
  }

  /**
   * DebtRank of each venue defaulting alone, or the reason it is undefined: every venue holding a
   * claim needs capital above zero (its stress is loss over capital), and the values must not all
   * be zero.
   */
  static ObjectNode debtRank(ExposureNetwork n) {
    ObjectNode d = Json.mapper().createObjectNode();
    d.put("variant", DEBTRANK_VARIANT.cliName());
    String reason = undefinedReason(n);
    if (reason != null) {
      d.put("computed", false);
      d.put("reason", reason);
      return d;
    }
    d.put("computed", true);
    ArrayNode rows = d.putArray("venues");
    List<DebtRankResult> each = DebtRank.eachNodeDefaulting(n, DEBTRANK_VARIANT);
    for (int i = 0; i < n.size(); i++) {
      DebtRankResult r = each.get(i);
      ObjectNode o = rows.addObject();
      o.put("venue", n.ids().get(i));
      o.put("debtRank", r.debtRank());
      o.put("additionalDefaults", r.additionalDefaults());
      ArrayNode stress = o.putArray("finalStress");
      for (double h : r.finalStress()) {
        stress.add(h);
      }
    }
    return d;
  }

  private static String undefinedReason(ExposureNetwork n) {
    double total = 0;
    for (int j = 0; j < n.size(); j++) {
      total += n.values()[j];
      if (n.hasInterbankAssets(j) && !(n.equities()[j] > 0)) {
        return "venue "
            + n.ids().get(j)
            + " holds claims on other venues but has no capital buffer";
      }
    }
    return total > 0 ? null : "no venue holds anything";
  }
}
