package org.marginfall.agents.signal;

import org.marginfall.core.asset.AssetId;
import org.marginfall.core.asset.AssetKind;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.spec.DistributionReader;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.spec.PopulationType;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecContext;
import org.marginfall.core.spec.SpecNode;

/**
 * Reads {@code type: momentum-traders}, {@code mean-reversion-traders} and {@code noise-traders}
 * populations (one reader per rule). Stateless and thread-safe.
 */
public final class SignalTradersType implements PopulationType {

  private final SignalRule rule;

  /** The reader of {@code rule}'s type. */
  public SignalTradersType(SignalRule rule) {
    this.rule = rule;
  }

  @Override
  public String name() {
    return rule.type();
  }

  @Override
  public PopulationSpec read(SpecNode node, SpecContext context) {
    Problems.Mark mark = node.mark();
    boolean noise = rule == SignalRule.NOISE;
    if (noise) {
      node.allowOnly("id", "type", "asset", "count", "capital", "allocation", "activity");
    } else {
      node.allowOnly(
          "id", "type", "asset", "count", "capital", "allocation", "lookback", "threshold");
    }
    String id = node.id("id");
    AssetId asset = context.assetRef(node, "asset");
    if (asset != null && context.asset(asset).map(a -> a.kind() != AssetKind.SPOT).orElse(true)) {
      node.get("asset")
          .fail("asset '" + asset + "' must be a spot asset: they trade its shared market");
    }
    int count = node.integer("count", 1, 10_000_000);
    Distribution capital = DistributionReader.read(node.get("capital"));
    if (capital != null && capital.lowerBound() < 0) {
      node.get("capital").fail("must not produce negative amounts");
    }
    double allocation = node.fraction("allocation", 0.5);
    if (!(allocation > 0 && allocation < 1)) {
      node.get("allocation").fail("must be in (0, 1), was " + allocation);
    }
    int lookback = noise ? 1 : node.integer("lookback", 10, 1, 100_000);
    Distribution threshold =
        noise || !node.has("threshold")
            ? new Distribution.Constant(0)
            : DistributionReader.read(node.get("threshold"));
    if (threshold != null && threshold.lowerBound() < 0) {
      node.get("threshold").fail("must not produce negative values");
    }
    double activity = noise ? node.fraction("activity", 0.1) : 0;
    if (mark.failed()) {
      return null;
    }
    return node.build(
        () ->
            new SignalTradersSpec(
                id, rule, asset, count, capital, allocation, lookback, threshold, activity));
  }
}
