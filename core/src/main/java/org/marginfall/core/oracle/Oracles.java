package org.marginfall.core.oracle;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.marginfall.core.asset.AssetId;

/**
 * The oracles of a run, by id; what venues read their prices from.
 *
 * <p>Mutable and not thread-safe.
 */
public final class Oracles {

  private final Map<OracleId, Oracle> oracles = new LinkedHashMap<>();
  private final AssetId base;

  /** The factor of each feed's price during a counterfactual, or null outside one. */
  private ToDoubleFunction<OracleFeed> adjustment;

  /** Creates an empty registry; the base currency always reads 1. */
  public Oracles(AssetId base) {
    this.base = base;
  }

  /** Adds an oracle. */
  public void add(Oracle oracle) {
    if (oracles.putIfAbsent(oracle.id(), oracle) != null) {
      throw new IllegalArgumentException("duplicate oracle " + oracle.id());
    }
  }

  /** The oracle with this id. */
  public Oracle oracle(OracleId id) {
    Oracle o = oracles.get(id);
    if (o == null) {
      throw new IllegalArgumentException("unknown oracle " + id);
    }
    return o;
  }

  /** All oracles, in scenario order. */
  public Collection<Oracle> all() {
    return Collections.unmodifiableCollection(oracles.values());
  }

  /**
   * The step at which {@code oracle} last published {@code asset} (venues compare it with the clock
   * to refuse stale prices); the base currency is never stale, so it reports {@code now}.
   */
  public long publishedStep(OracleId oracle, AssetId asset, long now) {
    if (asset.equals(base)) {
      return now;
    }
    return feed(oracle, asset).publishedStep();
  }

  /** The last price {@code oracle} published for {@code asset}; 1 for the base currency. */
  public double price(OracleId oracle, AssetId asset) {
    if (asset.equals(base)) {
      return 1.0;
    }
    OracleFeed feed = feed(oracle, asset);
    return adjustment == null ? feed.price() : feed.price() * adjustment.applyAsDouble(feed);
  }

  /**
   * Evaluates {@code body} with every published price multiplied by {@code factor(feed)}: how
   * contagion attribution asks a venue what an account's state would be without some endogenous
   * moves, or on another price path. Prices are back to normal when this returns.
   */
  public <T> T counterfactual(ToDoubleFunction<OracleFeed> factor, Supplier<T> body) {
    ToDoubleFunction<OracleFeed> saved = adjustment;
    adjustment = factor;
    try {
      return body.get();
    } finally {
      adjustment = saved;
    }
  }

  /** A counter that changes whenever some feed's published price may have changed. */
  public long publications() {
    long n = 0;
    for (Oracle o : oracles.values()) {
      for (OracleFeed f : o.feeds()) {
        n += f.publications();
      }
    }
    return n;
  }

  private OracleFeed feed(OracleId oracle, AssetId asset) {
    OracleFeed feed = oracle(oracle).feed(asset);
    if (feed == null) {
      throw new IllegalArgumentException("oracle " + oracle + " has no feed for " + asset);
    }
    return feed;
  }
}
