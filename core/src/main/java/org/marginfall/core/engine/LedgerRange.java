package org.marginfall.core.engine;

import java.util.ArrayList;
import java.util.List;
import org.marginfall.core.asset.Asset;
import org.marginfall.core.asset.AssetKind;
import org.marginfall.core.ledger.LedgerRangeException;
import org.marginfall.core.random.RandomStreams;

/**
 * Chooses each asset's precision for a run, and refuses a run whose supplies do not fit the ledger.
 *
 * <p>An asset declared without decimals gets the finest precision, up to its kind's cap (6 for the
 * base currency, USD-like; 18 for tokens, ETH-like), at which its range bound times {@link
 * #HEADROOM} fits a {@code long}. The range bound is the larger of the asset's supply after set-up
 * and the whole world's value after set-up expressed in the asset, since value can flow into any
 * asset during a run. The supplies come from a probe: the world built and set up once, without
 * recording, at six decimals (or fewer for an asset too large for six). A declared precision is
 * kept and checked against the asset's own supply. Stateless.
 */
public final class LedgerRange {

  /**
   * How many times its set-up range bound an asset's quantities may grow during a run: 2^10, so
   * that the bound itself stays within 2^53 atoms, where a double counts atoms exactly and the
   * venues' atom arithmetic in doubles (receipts times an exchange rate, a lot over a price) is
   * exact too.
   */
  public static final double HEADROOM = 1024;

  private static final int PROBE_DECIMALS = 6;

  private LedgerRange() {}

  /**
   * An asset's supply after set-up.
   *
   * @param asset the asset as the run counts it
   * @param units the sum of positive balances, in units
   * @param valueBound the value of every asset in the world after set-up, in units of this one (0
   *     when the asset has no price yet)
   */
  public record Supply(Asset asset, double units, double valueBound) {}

  /** The model with every undeclared precision chosen for this seed and replication. */
  public static ModelSpec resolve(ModelSpec spec, long seed, int replication) {
    if (spec.assets().stream().allMatch(Asset::declaresDecimals)) {
      return spec;
    }
    List<Asset> probe = new ArrayList<>();
    for (Asset a : spec.assets()) {
      probe.add(a.declaresDecimals() ? a : a.withDecimals(Math.min(PROBE_DECIMALS, cap(a.kind()))));
    }
    List<Supply> census = null;
    World measured = null;
    for (int attempt = 0; census == null; attempt++) {
      try {
        World world = World.probe(spec.withAssets(probe), new RandomStreams(seed, replication));
        world.setUp();
        census = world.census();
        measured = world;
      } catch (LedgerRangeException e) {
        int i = indexOf(probe, e);
        if (i >= 0 && spec.assets().get(i).declaresDecimals()) {
          throw explain(spec.withAssets(probe), seed, replication, e);
        }
        if (i < 0 || probe.get(i).decimals() == 0 || attempt > probe.size()) {
          throw e;
        }
        probe.set(
            i,
            probe.get(i).withDecimals(0)); // too large for six decimals: measure it in whole units
      }
    }
    List<Asset> chosen = new ArrayList<>();
    for (int i = 0; i < spec.assets().size(); i++) {
      Asset a = spec.assets().get(i);
      if (a.declaresDecimals()) {
        chosen.add(a);
        continue;
      }
      Supply s = census.get(i);
      double bound = Math.max(s.units(), s.valueBound());
      int fit = fit(bound);
      if (fit < 0) {
        String[] holder = measured.largestHolder();
        String problem =
            "the world after set-up is worth "
                + bound
                + " "
                + a.id()
                + " (the "
                + a.id()
                + " a run must be able to count), which times the ledger's headroom of "
                + (int) HEADROOM
                + " exceeds what it counts even in whole units ("
                + (Long.MAX_VALUE / HEADROOM)
                + " "
                + a.id()
                + ")";
        if (holder == null) {
          throw new LedgerRangeException(a.id(), 0, problem);
        }
        throw new ScenarioFailure(
            holder[0],
            0,
            holder[1] + " holds the most of it: " + problem + "; lower the amounts",
            true,
            null);
      }
      chosen.add(a.withDecimals(Math.min(cap(a.kind()), fit)));
    }
    return spec.withAssets(chosen);
  }

  /**
   * Refuses a supply that does not fit its asset's precision with headroom.
   *
   * @throws LedgerRangeException naming the asset, its supply, the bound and the finest precision
   *     that would fit
   */
  public static void check(Supply s) {
    Asset a = s.asset();
    double bound = Long.MAX_VALUE / HEADROOM / Math.pow(10, a.decimals());
    if (s.units() > bound) {
      int fit = fit(s.units());
      throw new LedgerRangeException(
          a.id(),
          a.decimals(),
          "the supply of "
              + s.units()
              + " units after set-up exceeds the bound of "
              + bound
              + " units (2^53 atoms: the ledger's range over "
              + (int) HEADROOM
              + " of headroom); "
              + (fit < 0 ? "no precision fits it" : "declare at most " + fit + " decimals"));
    }
  }

  /**
   * The error to report when {@code failure} stopped the set-up of {@code spec} (already resolved)
   * on an asset whose precision was declared: the asset's supply, measured by a probe that counts
   * it in whole units, and the finest precision that fits it. {@code failure} itself when the asset
   * was not declared or the probe fails too.
   */
  public static LedgerRangeException explain(
      ModelSpec spec, long seed, int replication, LedgerRangeException failure) {
    int i = indexOf(spec.assets(), failure);
    if (i < 0 || !spec.assets().get(i).declaresDecimals()) {
      return failure;
    }
    List<Asset> probe = new ArrayList<>(spec.assets());
    probe.set(i, probe.get(i).withDecimals(0));
    try {
      World world = World.probe(spec.withAssets(probe), new RandomStreams(seed, replication));
      world.setUp();
      Supply s = world.census().get(i);
      check(new Supply(spec.assets().get(i), s.units(), s.valueBound()));
    } catch (LedgerRangeException explained) {
      return explained;
    } catch (RuntimeException other) {
      return failure;
    }
    return failure;
  }

  /** The kind's finest default precision: USD-like base currencies 6, tokens 18. */
  static int cap(AssetKind kind) {
    return kind == AssetKind.BASE ? 6 : Asset.MAX_DECIMALS;
  }

  /** The finest precision at which {@code units} times the headroom fits, or -1 if none does. */
  static int fit(double units) {
    for (int d = Asset.MAX_DECIMALS; d >= 0; d--) {
      if (units * HEADROOM * Math.pow(10, d) <= Long.MAX_VALUE) {
        return d;
      }
    }
    return -1;
  }

  private static int indexOf(List<Asset> assets, LedgerRangeException e) {
    for (int i = 0; i < assets.size(); i++) {
      if (assets.get(i).id().equals(e.asset())) {
        return i;
      }
    }
    return -1;
  }
}
