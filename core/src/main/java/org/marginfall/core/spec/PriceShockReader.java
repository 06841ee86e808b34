package org.marginfall.core.spec;

import org.marginfall.core.asset.AssetId;
import org.marginfall.core.asset.AssetKind;
import org.marginfall.core.metric.RunSettings;
import org.marginfall.core.price.PriceShock;

/** Reads one entry of a scenario's {@code shocks} into a {@link PriceShock}. Stateless. */
public final class PriceShockReader {

  private PriceShockReader() {}

  /**
   * Reads {@code asset} (a declared spot asset), {@code startStep} (within the run of {@code
   * settings}, when they were read), {@code steps} and {@code change}, reporting failures at their
   * paths; the shock's own rules are {@link PriceShock}'s.
   *
   * @return the shock, or null after a failure
   */
  public static PriceShock read(SpecNode s, SpecContext context, RunSettings settings) {
    Problems.Mark mark = s.mark();
    s.allowOnly("asset", "startStep", "steps", "change");
    AssetId asset = context.assetRef(s, "asset");
    if (asset != null && context.asset(asset).orElseThrow().kind() != AssetKind.SPOT) {
      s.get("asset").fail("only spot assets have a fundamental price to shock");
    }
    long start = s.longValue("startStep");
    int steps = s.integer("steps", 1, 1, 10_000_000);
    double change = s.number("change");
    if (!Double.isNaN(change)) {
      s.check("change", () -> PriceShock.checkChange(change));
    }
    if (mark.clean()) {
      s.check("startStep", () -> PriceShock.checkStart(start));
    }
    if (settings != null && start > settings.steps()) {
      s.get("startStep").fail("is after the last step (" + settings.steps() + ")");
    }
    return mark.failed() ? null : s.build(() -> new PriceShock(asset, start, steps, change));
  }
}
