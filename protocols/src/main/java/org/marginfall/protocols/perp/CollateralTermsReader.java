package org.marginfall.protocols.perp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecContext;
import org.marginfall.core.spec.SpecNode;

/** Reads a perpetual venue's {@code collateral: [{asset, haircut, cap}]}. Stateless. */
final class CollateralTermsReader {

  private CollateralTermsReader() {}

  /**
   * The collateral entries as accepted, each asset once (an asset listed twice is reported and left
   * out the second time); an entry for the base currency is checked and kept here, and the venue
   * leaves it out of its terms (it always accepts the base currency in full).
   */
  static List<CollateralTerms> read(SpecNode node, SpecContext context) {
    List<CollateralTerms> accepted = new ArrayList<>();
    Set<AssetId> assets = new HashSet<>();
    for (SpecNode c : node.optList("collateral")) {
      CollateralTerms terms = readEntry(c, context);
      if (terms != null && !assets.add(terms.asset())) {
        c.fail("collateral " + terms.asset() + " is listed twice");
      } else if (terms != null) {
        accepted.add(terms);
      }
    }
    return accepted;
  }

  private static CollateralTerms readEntry(SpecNode c, SpecContext context) {
    Problems.Mark mark = c.mark();
    if (!c.requireObject()) {
      return null;
    }
    c.allowOnly("asset", "haircut", "cap");
    AssetId asset = context.assetRef(c, "asset");
    double haircut = c.fraction("haircut", 0);
    if (!Double.isNaN(haircut) && haircut >= 1) {
      c.get("haircut").fail("must be below 1, was " + haircut);
    }
    if (asset != null && asset.equals(context.baseCurrency()) && haircut != 0) {
      // The base currency settles every position at 1; a haircut on it would be silently ignored.
      c.get("haircut")
          .fail("the base currency " + asset + " is always accepted at haircut 0, was " + haircut);
    }
    double cap = c.positive("cap", Double.POSITIVE_INFINITY);
    if (asset != null && asset.equals(context.baseCurrency()) && c.has("cap")) {
      c.get("cap").fail("the base currency " + asset + " is always counted in full");
    }
    if (mark.failed()) {
      return null;
    }
    return c.build(() -> new CollateralTerms(asset, haircut, cap));
  }
}
