package org.marginfall.core.oracle;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.contagion.PriceAdjustment;

/**
 * The oracles of a run, by id; what venues read their prices from.
 *
 * <p>Mutable and not thread-safe.
 */
public final class Oracles {

  private final Map<OracleId, Oracle> oracles = new LinkedHashMap<>();
  private final AssetId base;
  private final PriceAdjustment adjustment = new PriceAdjustment();

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
    double p = feed(oracle, asset).price();
    return adjustment.apply(asset, p);
  }

  /**
   * Evaluates {@code body} with every published price multiplied by {@code factor(asset)}: how
   * contagion attribution asks a venue what an account's state would be without some endogenous
   * moves. Prices are back to normal when this returns.
   */
  public <T> T counterfactual(ToDoubleFunction<AssetId> factor, Supplier<T> body) {
    return adjustment.during(factor, body);
  }

  private OracleFeed feed(OracleId oracle, AssetId asset) {
    OracleFeed feed = oracle(oracle).feed(asset);
    if (feed == null) {
      throw new IllegalArgumentException("oracle " + oracle + " has no feed for " + asset);
    }
    return feed;
  }
}
