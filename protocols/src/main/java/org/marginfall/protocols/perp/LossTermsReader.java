package org.marginfall.protocols.perp;

import java.util.Optional;
import java.util.Set;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecContext;
import org.marginfall.core.spec.SpecNode;

/**
 * Reads the sections of a perpetual venue that decide who takes a failing account's loss: {@code
 * liquidation}, {@code backstop} and {@code deleveraging}. Each returns null after a reported
 * failure. Stateless.
 */
final class LossTermsReader {

  /**
   * The longest partial-liquidation cooldown, one year; a longer one is a typo, not a venue rule.
   */
  private static final double MAX_COOLDOWN_SECONDS = 365.0 * 24 * 3600;

  private LossTermsReader() {}

  /**
   * Reads {@code liquidation: {mode, closeFactor, partialAboveNotional, cooldownSeconds}}; full
   * when absent. The cooldown is counted in whole steps: ceil(cooldownSeconds / stepSeconds), so a
   * liquidation inside it is one less than cooldownSeconds after the partial one.
   */
  static LiquidationTerms readLiquidation(SpecNode node, SpecContext context) {
    SpecNode l = node.get("liquidation");
    if (l.isMissing()) {
      return LiquidationTerms.FULL;
    }
    if (!l.requireObject()) {
      return null;
    }
    Problems.Mark mark = l.mark();
    l.allowOnly("mode", "closeFactor", "partialAboveNotional", "cooldownSeconds");
    LiquidationMode mode =
        EnumFields.choice(
            l,
            "mode",
            "liquidation mode",
            LiquidationMode.values(),
            LiquidationMode::scenarioName,
            LiquidationMode.FULL);
    double factor = l.number("closeFactor", 1);
    if (!Double.isNaN(factor) && !(factor > 0 && factor <= 1)) {
      l.get("closeFactor").fail("must be in (0, 1], was " + factor);
    }
    double above = l.nonNegative("partialAboveNotional", 0);
    double cooldown = l.nonNegative("cooldownSeconds", 0);
    if (cooldown > MAX_COOLDOWN_SECONDS) {
      l.get("cooldownSeconds")
          .fail("must be at most " + (long) MAX_COOLDOWN_SECONDS + " (one year), was " + cooldown);
    }
    if (mode == LiquidationMode.FULL && (l.has("closeFactor") || l.has("partialAboveNotional"))) {
      l.get("mode")
          .fail("closeFactor and partialAboveNotional apply only to mode partial or fixed-partial");
    }
    if (mode != LiquidationMode.FIXED_PARTIAL && l.has("cooldownSeconds")) {
      l.get("mode").fail("cooldownSeconds applies only to mode fixed-partial");
    }
    if (mark.failed()) {
      return null;
    }
    long cooldownSteps = (long) Math.ceil(cooldown / context.stepSeconds());
    return l.build(() -> new LiquidationTerms(mode, factor, above, cooldownSteps));
  }

  /**
   * Reads {@code backstop: {shareAsset, capital, takeoverBelow, unwindFraction}}; none when absent.
   */
  static Optional<BackstopTerms> readBackstop(
      SpecNode node, SpecContext context, Set<AssetId> collateral) {
    SpecNode b = node.get("backstop");
    if (b.isMissing()) {
      return Optional.empty();
    }
    if (!b.requireObject()) {
      return null;
    }
    Problems.Mark mark = b.mark();
    b.allowOnly("shareAsset", "capital", "takeoverBelow", "unwindFraction");
    AssetId share = context.issuedAssetRef(b, "shareAsset");
    if (share != null && collateral.contains(share)) {
      b.get("shareAsset")
          .fail(
              "asset '" + share + "' is this venue's own share; it cannot also be its collateral");
    }
    double capital = b.positive("capital");
    double below = b.fraction("takeoverBelow", 2.0 / 3.0);
    double unwind = b.number("unwindFraction", 0.25);
    if (!Double.isNaN(unwind) && !(unwind > 0 && unwind <= 1)) {
      b.get("unwindFraction").fail("must be in (0, 1], was " + unwind);
    }
    if (mark.failed()) {
      return null;
    }
    BackstopTerms terms = b.build(() -> new BackstopTerms(share, capital, below, unwind));
    return terms == null ? null : Optional.of(terms);
  }

  /** Reads {@code deleveraging: {rule, socializeLosses}}; none when absent. */
  static DeleveragingTerms readDeleveraging(SpecNode node) {
    SpecNode d = node.get("deleveraging");
    if (d.isMissing()) {
      return DeleveragingTerms.NONE;
    }
    if (!d.requireObject()) {
      return null;
    }
    Problems.Mark mark = d.mark();
    d.allowOnly("rule", "socializeLosses");
    DeleveragingRule rule =
        EnumFields.choice(
            d,
            "rule",
            "deleveraging rule",
            DeleveragingRule.values(),
            DeleveragingRule::scenarioName,
            DeleveragingRule.NONE);
    boolean socialize = d.bool("socializeLosses", false);
    if (mark.failed()) {
      return null;
    }
    return new DeleveragingTerms(rule, socialize);
  }
}
