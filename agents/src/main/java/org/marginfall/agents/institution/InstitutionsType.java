package org.marginfall.agents.institution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.marginfall.core.asset.Asset;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.asset.AssetKind;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.spec.PopulationType;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecContext;
import org.marginfall.core.spec.SpecNode;

/** Reads {@code type: institutions} populations (docs/agents.md). Stateless and thread-safe. */
public final class InstitutionsType implements PopulationType {

  /** The largest population: the Erdős–Rényi draw tests every ordered pair. */
  static final int MAX_COUNT = 20_000;

  @Override
  public String name() {
    return InstitutionsSpec.TYPE;
  }

  @Override
  public PopulationSpec read(SpecNode node, SpecContext context) {
    Problems.Mark mark = node.mark();
    node.allowOnly(
        "id",
        "type",
        "count",
        "externalAssets",
        "interbankAssets",
        "capital",
        "leverage",
        "recovery",
        "network",
        "portfolio",
        "shock",
        "deleveragingRounds",
        "contagionThreshold");
    String id = node.id("id");
    int count = node.integer("count", 1, MAX_COUNT);
    double external = node.nonNegative("externalAssets", 0);
    double interbank = node.nonNegative("interbankAssets", 0);
    double capital = Double.NaN;
    double leverage = Double.NaN;
    if (node.has("capital") == node.has("leverage")) {
      node.fail(
          "give exactly one of capital (equity of each institution) and leverage (assets / equity)");
    } else if (node.has("capital")) {
      capital = node.positive("capital");
    } else {
      leverage = node.number("leverage");
      if (!(leverage > 1)) {
        node.get("leverage").fail("must be > 1, was " + leverage);
      }
    }
    double recovery = node.fraction("recovery", 0);
    double degree = node.has("network") ? averageDegree(node.object("network"), count) : 0;
    InstitutionsSpec.Portfolio portfolio =
        node.has("portfolio") ? portfolio(node.object("portfolio"), context) : null;
    if (portfolio != null && portfolio.holdings() != null && portfolio.holdings().size() != count) {
      node.get("portfolio")
          .get("holdings")
          .fail(
              "must have one row per institution (count "
                  + count
                  + "), had "
                  + portfolio.holdings().size());
    }
    InstitutionsSpec.Shock shock = shock(node.object("shock"), count);
    int deleveraging = node.integer("deleveragingRounds", 0, 0, 1_000);
    double threshold = node.number("contagionThreshold", 0.05);
    if (!(threshold > 0 && threshold <= 1)) {
      node.get("contagionThreshold").fail("must be in (0, 1], was " + threshold);
    }
    if (mark.failed()) {
      return null;
    }
    InstitutionsSpec.Shock sh = shock;
    double k = capital;
    double l = leverage;
    double z = degree;
    return node.build(
        () ->
            new InstitutionsSpec(
                id,
                count,
                external,
                interbank,
                k,
                l,
                recovery,
                z,
                portfolio,
                sh,
                deleveraging,
                threshold));
  }

  /** The Erdős–Rényi network's average degree, at most {@code count - 1}; 0 after a failure. */
  private static double averageDegree(SpecNode net, int count) {
    if (!net.isObject()) {
      return 0;
    }
    net.allowOnly("type", "averageDegree");
    net.choice("type", "network", Map.of("erdos-renyi", "erdos-renyi"));
    return net.atMost("averageDegree", net.nonNegative("averageDegree"), Math.max(0, count - 1));
  }

  /** The initial shock; null after a failure. */
  private static InstitutionsSpec.Shock shock(SpecNode s, int count) {
    if (!s.isObject()) {
      return null;
    }
    Problems.Mark mark = s.mark();
    s.allowOnly("step", "institutions");
    long step = s.longValue("step");
    if (step < 1) {
      s.get("step").fail("must be >= 1, was " + step);
    }
    int institutions = s.integer("institutions", 0, 0, count);
    return mark.failed() ? null : new InstitutionsSpec.Shock(step, institutions);
  }

  private static InstitutionsSpec.Portfolio portfolio(SpecNode p, SpecContext context) {
    if (!p.isObject()) {
      return null;
    }
    Problems.Mark mark = p.mark();
    p.allowOnly("assets", "perInstitution", "supply", "holdings");
    List<AssetId> assets = new ArrayList<>();
    for (SpecNode a : p.list("assets")) {
      AssetId id = context.assetRef(a);
      if (id == null) {
        continue;
      }
      if (context.asset(id).map(Asset::kind).orElse(AssetKind.BASE) != AssetKind.SPOT) {
        a.fail("asset '" + id + "' must be a spot asset (one with a shared market)");
      } else if (assets.contains(id)) {
        a.fail("asset '" + id + "' is listed twice");
      } else {
        assets.add(id);
      }
    }
    if (p.has("holdings")) {
      if (p.has("perInstitution") || p.has("supply")) {
        p.fail("give either holdings or perInstitution and supply");
      }
      List<List<Double>> rows = holdings(p, assets.size());
      if (mark.failed()) {
        return null;
      }
      return p.build(() -> new InstitutionsSpec.Portfolio(assets, Double.NaN, Double.NaN, rows));
    }
    double per = p.positive("perInstitution");
    if (!assets.isEmpty() && per > assets.size()) {
      p.get("perInstitution")
          .fail("must be at most the number of assets (" + assets.size() + "), was " + per);
    }
    double supply = p.positive("supply");
    if (mark.failed()) {
      return null;
    }
    return p.build(() -> new InstitutionsSpec.Portfolio(assets, per, supply, null));
  }

  /** Explicit holdings: one row per institution, the units of each of {@code assets} assets. */
  private static List<List<Double>> holdings(SpecNode p, int assets) {
    List<List<Double>> rows = new ArrayList<>();
    for (SpecNode row : p.list("holdings")) {
      List<Double> units = new ArrayList<>();
      for (SpecNode u : row.elements()) {
        double v = u.asDouble();
        if (!(v >= 0)) {
          u.fail("must be >= 0, was " + v);
        }
        units.add(v);
      }
      if (units.size() != assets) {
        row.fail("must give the units of each of the " + assets + " assets, gave " + units.size());
      }
      rows.add(units);
    }
    return rows;
  }
}
