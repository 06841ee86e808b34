package org.marginfall.protocols.perp;

import java.util.List;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecNode;

/**
 * Reads a perpetual venue's pricing fields: {@code markPrice}, {@code markBasisSteps}, the funding
 * fields and the oracle staleness guard ({@code maxOracleAgeSteps}, {@code onStale}). Stateless.
 */
final class PricingTermsReader {

  private PricingTermsReader() {}

  /** Reads the mark price, funding and staleness fields. */
  static PricingTerms read(SpecNode node) {
    Problems.Mark mark = node.mark();
    PricingTerms d = PricingTerms.DEFAULT;
    MarkPriceRule rule =
        EnumFields.choice(
            node,
            "markPrice",
            "mark price",
            MarkPriceRule.values(),
            MarkPriceRule::scenarioName,
            d.markPrice());
    int basis = node.integer("markBasisSteps", d.basisAverageSteps(), 1, 1_000_000);
    int interval = node.integer("fundingIntervalSteps", d.fundingIntervalSteps(), 0, 1_000_000);
    double interest = node.number("fundingInterestRate", d.interestRate());
    double clamp = node.nonNegative("fundingInterestClamp", d.interestClamp());
    if (interval == 0) {
      for (String f : List.of("fundingInterestRate", "fundingInterestClamp")) {
        if (node.has(f)) {
          node.get(f).fail("applies only with fundingIntervalSteps > 0");
        }
      }
    }
    long maxAge = node.longValue("maxOracleAgeSteps", d.maxOracleAgeSteps());
    if (maxAge < 0) {
      node.get("maxOracleAgeSteps").fail("must be >= 0, was " + maxAge);
    }
    StaleAction onStale =
        EnumFields.choice(
            node,
            "onStale",
            "action",
            StaleAction.values(),
            StaleAction::scenarioName,
            d.onStale());
    if (maxAge == 0 && node.has("onStale")) {
      node.get("onStale").fail("applies only with maxOracleAgeSteps > 0");
    }
    if (mark.failed()) {
      return null;
    }
    return node.build(
        () -> new PricingTerms(rule, basis, interval, interest, clamp, maxAge, onStale));
  }
}
