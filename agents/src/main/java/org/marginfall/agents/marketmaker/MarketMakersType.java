package org.marginfall.agents.marketmaker;

import org.marginfall.core.asset.AssetId;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.spec.DistributionReader;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.spec.PopulationType;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecContext;
import org.marginfall.core.spec.SpecNode;

/** Reads {@code type: market-makers} populations. Stateless and thread-safe. */
public final class MarketMakersType implements PopulationType {

  @Override
  public String name() {
    return MarketMakersSpec.TYPE;
  }

  @Override
  public PopulationSpec read(SpecNode node, SpecContext context) {
    Problems.Mark mark = node.mark();
    node.allowOnly(
        "id",
        "type",
        "market",
        "count",
        "share",
        "withdrawAbove",
        "restoreRatio",
        "withdrawStep",
        "restoreStep",
        "maxWithdrawal",
        "lambda",
        "initialVol");
    String id = node.id("id");
    AssetId market = context.assetRef(node, "market");
    if (market != null && market.equals(context.baseCurrency())) {
      node.get("market").fail("the base currency has no market to quote");
    }
    int count = node.integer("count", 1, 1, 10_000_000);
    double share = node.fraction("share", 1.0);
    if (share == 0) {
      node.get("share").fail("must be > 0, was 0");
    }
    Distribution withdrawAbove = DistributionReader.read(node.get("withdrawAbove"));
    if (withdrawAbove != null && !(withdrawAbove.lowerBound() > 0)) {
      node.get("withdrawAbove").fail("must produce positive volatilities only");
    }
    double restoreRatio = open(node, "restoreRatio", 0.5);
    double withdrawStep = upToOne(node, "withdrawStep", 0.25);
    double restoreStep = upToOne(node, "restoreStep", 0.1);
    double maxWithdrawal = open(node, "maxWithdrawal", 0.9);
    double lambda = open(node, "lambda", 0.94);
    double initialVol = node.nonNegative("initialVol", 0);
    double stepSeconds = context.stepSeconds();
    if (!(stepSeconds > 0)) {
      node.fail("needs run.stepSeconds to annualise the realised volatility");
    }
    if (mark.failed()) {
      return null;
    }
    double stepsPerYear = DepthWithdrawal.SECONDS_PER_YEAR / stepSeconds;
    return node.build(
        () ->
            new MarketMakersSpec(
                id,
                market,
                count,
                share,
                withdrawAbove,
                restoreRatio,
                withdrawStep,
                restoreStep,
                maxWithdrawal,
                lambda,
                initialVol,
                stepsPerYear));
  }

  private static double open(SpecNode node, String field, double defaultValue) {
    double x = node.number(field, defaultValue);
    if (!Double.isNaN(x) && !(x > 0 && x < 1)) {
      node.get(field).fail("must be between 0 and 1 (exclusive), was " + x);
    }
    return x;
  }

  private static double upToOne(SpecNode node, String field, double defaultValue) {
    double x = node.number(field, defaultValue);
    if (!Double.isNaN(x) && !(x > 0 && x <= 1)) {
      node.get(field).fail("must be > 0 and <= 1, was " + x);
    }
    return x;
  }
}
