package org.marginfall.core.oracle;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.marginfall.core.asset.AssetId;

/**
 * One oracle: a feed per priced asset, all under the same update rule.
 *
 * <p>Mutable and not thread-safe.
 */
public final class Oracle {

  private final OracleId id;
  private final OracleRule rule;
  private final Map<AssetId, OracleFeed> feeds = new LinkedHashMap<>();

  /** Creates an oracle with no feeds yet. */
  public Oracle(OracleId id, OracleRule rule) {
    this.id = id;
    this.rule = rule;
  }

  /** Adds the feed for {@code asset}, publishing {@code initialPrice} at step 0. */
  public void addFeed(AssetId asset, double initialPrice) {
    feeds.put(asset, new OracleFeed(asset, rule, initialPrice));
  }

  /** The id. */
  public OracleId id() {
    return id;
  }

  /** The update rule. */
  public OracleRule rule() {
    return rule;
  }

  /** The feeds, in asset order. */
  public Collection<OracleFeed> feeds() {
    return Collections.unmodifiableCollection(feeds.values());
  }

  /** The feed of {@code asset}, or null. */
  public OracleFeed feed(AssetId asset) {
    return feeds.get(asset);
  }
}
