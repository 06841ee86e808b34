package org.marginfall.core.oracle;

import org.marginfall.core.asset.AssetId;

/**
 * One oracle's state for one asset: the market prices it has seen and the value it last published.
 *
 * <p>Latency is modelled by a ring of the last {@code latencySteps + 1} market observations, one per
 * step; before the run had that many steps, the oldest observation stands in. Mutable and not
 * thread-safe.
 */
public final class OracleFeed {

  /** Why an update was published. */
  public enum Reason {
    /** The heartbeat elapsed. */
    HEARTBEAT,
    /** The price moved by at least the deviation threshold. */
    DEVIATION
  }

  /** A published update. */
  public record Update(AssetId asset, double price, double previous, Reason reason) {}

  private final AssetId asset;
  private final OracleRule rule;
  private final double[] ring;
  private long observations;
  private double published;
  private long lastPublishStep;

  /** Creates the feed, publishing {@code initialPrice} at step 0. */
  public OracleFeed(AssetId asset, OracleRule rule, double initialPrice) {
    this.asset = asset;
    this.rule = rule;
    this.ring = new double[rule.latencySteps() + 1];
    this.published = initialPrice;
    this.lastPublishStep = 0;
    observe(initialPrice);
  }

  /** Records the market price of a new step. */
  public void observe(double marketPrice) {
    ring[(int) (observations % ring.length)] = marketPrice;
    observations++;
  }

  /** Replaces the current step's observation (intra-tick re-reads of a zero-latency oracle). */
  public void reobserve(double marketPrice) {
    ring[(int) ((observations - 1) % ring.length)] = marketPrice;
  }

  /** The market price the oracle reads now: {@code latencySteps} observations old. */
  public double candidate() {
    long back = Math.min(rule.latencySteps(), observations - 1);
    return ring[(int) ((observations - 1 - back) % ring.length)];
  }

  /**
   * Applies the update rule at {@code step}.
   *
   * @return the update, or null when the rule does not fire
   */
  public Update evaluate(long step) {
    double candidate = candidate();
    Reason reason = null;
    double move = Math.abs(candidate / published - 1);
    if (candidate != published && move >= rule.deviationThreshold()) {
      reason = Reason.DEVIATION;
    } else if (step - lastPublishStep >= rule.heartbeatSteps()) {
      reason = Reason.HEARTBEAT;
    }
    if (reason == null) {
      return null;
    }
    Update u = new Update(asset, candidate, published, reason);
    published = candidate;
    lastPublishStep = step;
    return u;
  }

  /** The step of the last publication (0: the initial price). */
  public long publishedStep() {
    return lastPublishStep;
  }

  /** The last published price. */
  public double price() {
    return published;
  }

  /** The asset. */
  public AssetId asset() {
    return asset;
  }

  /** The rule. */
  public OracleRule rule() {
    return rule;
  }
}
