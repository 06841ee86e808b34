package org.marginfall.core.oracle;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.random.RandomStream;

/**
 * One oracle: a feed per priced asset, all under the same design; its feeds draw noise, in asset
 * order, from the oracle's own stream only.
 *
 * <p>Mutable and not thread-safe.
 */
public final class Oracle {

  private final OracleId id;
  private final OracleDesign design;
  private final RandomStream stream;
  private final Map<AssetId, OracleFeed> feeds = new LinkedHashMap<>();

  /** Creates an oracle of the Chainlink-style {@code rule} alone, with no feeds yet. */
  public Oracle(OracleId id, OracleRule rule) {
    this(id, OracleDesign.of(rule), null);
  }

  /**
   * Creates an oracle with no feeds yet.
   *
   * @param stream the oracle's stream ("oracles/&lt;id&gt;"); may be null when no source is noisy
   */
  public Oracle(OracleId id, OracleDesign design, RandomStream stream) {
    this.id = Objects.requireNonNull(id, "id");
    this.design = Objects.requireNonNull(design, "design");
    if (design.needsRandomness() && stream == null) {
      throw new IllegalArgumentException(
          "oracle " + id + " has noisy sources and needs a random stream");
    }
    this.stream = stream;
  }

  /** Adds the feed for {@code asset}, publishing {@code initialPrice} at step 0. */
  public void addFeed(AssetId asset, double initialPrice) {
    feeds.put(asset, new OracleFeed(asset, design, initialPrice, stream));
  }

  /** The id. */
  public OracleId id() {
    return id;
  }

  /** The deviation-threshold and heartbeat rule. */
  public OracleRule rule() {
    return design.rule();
  }

  /** The design. */
  public OracleDesign design() {
    return design;
  }

  /** Whether re-reading the market within a tick can change a feed: some source has no latency. */
  public boolean rereadsIntraTick() {
    return design.readsCurrentPrice();
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
