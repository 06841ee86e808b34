package org.marginfall.core.attribution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.contagion.PriceParts;
import org.marginfall.core.contagion.PriceRecipe;
import org.marginfall.core.contagion.Source;
import org.marginfall.core.market.Markets;
import org.marginfall.core.oracle.Oracle;
import org.marginfall.core.oracle.OracleFeed;
import org.marginfall.core.oracle.Oracles;
import org.marginfall.core.venue.VenueId;

/**
 * The price components one venue's prices carry at one moment, flattened for attribution. A row is
 * either a market price the venue reads directly (its components are those in the market now) or an
 * oracle feed it reads (its components are those of the market prices the published value was
 * computed from, by the feed's {@link PriceRecipe}). Per row, parallel arrays of each term's
 * coefficient and of each component's generation, venue (an index into the table's {@link
 * SourceSet}), kind ordinal and log move. Built once per components and publications version and
 * read by every attribution until the next trade, loss, decay or publication.
 *
 * <p>The price factors of the re-marks every attribution makes (keeping nothing, keeping the
 * generations up to some k) depend on the table alone, so they are kept once computed. Not
 * thread-safe for that reason.
 */
public final class ComponentTable {

  private final Map<AssetId, Integer> index;
  private final Map<OracleFeed, Integer> feedIndex;

  /** By row: each term's price contribution with everything kept. */
  private final double[][] coef;

  /** By row: the end (exclusive) of each term's components in the row's flat arrays. */
  private final int[][] termEnd;

  private final int[][] generation;
  private final int[][] venue;
  private final int[][] kind;
  private final double[][] value;
  private final double[] lo;
  private final double[] hi;

  /** By row: the clamped sum of the coefficients, the value every factor is relative to. */
  private final double[] base;

  private final SourceSet sources;

  /**
   * Factors by row for keeping generations up to k, at index k + 1 (k = -1: nothing); filled as
   * asked.
   */
  private final double[][] upTo;

  private ComponentTable(
      Map<AssetId, Integer> index, Map<OracleFeed, Integer> feedIndex, List<PriceRecipe> rows) {
    this.index = index;
    this.feedIndex = feedIndex;
    int n = rows.size();
    coef = new double[n][];
    termEnd = new int[n][];
    generation = new int[n][];
    venue = new int[n][];
    kind = new int[n][];
    value = new double[n][];
    lo = new double[n];
    hi = new double[n];
    base = new double[n];
    SourceSet.Builder b = new SourceSet.Builder();
    int last = -1;
    for (int i = 0; i < n; i++) {
      PriceRecipe r = rows.get(i);
      int terms = r.size();
      coef[i] = new double[terms];
      termEnd[i] = new int[terms];
      int size = 0;
      for (int t = 0; t < terms; t++) {
        size += r.parts(t).size();
      }
      generation[i] = new int[size];
      venue[i] = new int[size];
      kind[i] = new int[size];
      value[i] = new double[size];
      int j = 0;
      for (int t = 0; t < terms; t++) {
        coef[i][t] = r.coefficient(t);
        PriceParts p = r.parts(t);
        for (int c = 0; c < p.size(); c++, j++) {
          Source s = p.source(c);
          generation[i][j] = s.generation();
          venue[i][j] = b.add(s.venue(), s.generation());
          kind[i][j] = p.kind(c).ordinal();
          value[i][j] = p.value(c);
          last = Math.max(last, s.generation());
        }
        termEnd[i][t] = j;
      }
      lo[i] = r.lo();
      hi[i] = r.hi();
      base[i] = r.value();
    }
    // Venues were numbered as first met; renumber them in id order, as the source set lists them.
    int[] order = new int[b.venueCount()];
    this.sources = b.build(order);
    for (int[] row : venue) {
      for (int j = 0; j < row.length; j++) {
        row[j] = order[row[j]];
      }
    }
    this.upTo = new double[last + 2][];
  }

  /**
   * The components of {@code assets} in {@code markets} now, as every venue sees them; no oracle
   * rows.
   */
  public static ComponentTable of(Markets markets, List<AssetId> assets) {
    return of(markets, assets, null, null);
  }

  /**
   * The components of the prices {@code venue} reads: {@code assets} in {@code markets} now (as the
   * venue sees them, {@link Markets#partsFor}), and the published prices of {@code oracles}' feeds.
   *
   * @param venue the venue, or null for the markets' common prices
   * @param oracles the oracles the venue reads, or null for none
   */
  public static ComponentTable of(
      Markets markets, List<AssetId> assets, VenueId venue, Oracles oracles) {
    Map<AssetId, Integer> index = new HashMap<>();
    Map<OracleFeed, Integer> feedIndex = new IdentityHashMap<>();
    List<PriceRecipe> rows = new ArrayList<>();
    for (AssetId a : assets) {
      PriceParts p = venue == null ? markets.parts(a) : markets.partsFor(venue, a);
      if (p.size() > 0 && !index.containsKey(a)) {
        index.put(a, rows.size());
        rows.add(PriceRecipe.of(1.0, p));
      }
    }
    if (oracles != null) {
      for (Oracle o : oracles.all()) {
        for (OracleFeed f : o.feeds()) {
          PriceRecipe r = f.recipe();
          if (r.hasParts()) {
            feedIndex.put(f, rows.size());
            rows.add(r);
          }
        }
      }
    }
    return new ComponentTable(index, feedIndex, rows);
  }

  /** The sources of the components. */
  SourceSet sources() {
    return sources;
  }

  /** The number of rows. */
  int rowCount() {
    return value.length;
  }

  /** The row of {@code asset}'s market price, or -1 if it has no components. */
  int row(AssetId asset) {
    Integer i = index.get(asset);
    return i == null ? -1 : i;
  }

  /** The row of {@code feed}'s published price, or -1 if it has no components. */
  int row(OracleFeed feed) {
    Integer i = feedIndex.get(feed);
    return i == null ? -1 : i;
  }

  /**
   * The price factor of each row for a re-mark keeping what {@code keep} keeps: the row's price
   * with the removed moves taken out of each term, over its price with all of them in; 1 if none is
   * removed. {@code venue} is {@code keep}'s venue as an index into {@link #sources}; {@code
   * scratch} receives the factors unless they are kept here.
   */
  double[] factors(Keep keep, int venue, double[] scratch) {
    if (venue != Keep.ANY || keep.kind() != Keep.ANY) {
      return fill(scratch, keep, venue);
    }
    // Generations past the last keep every component: the same factors as the last.
    int at = Math.min(keep.maxGeneration() + 1, upTo.length - 1);
    if (upTo[at] == null) {
      upTo[at] = fill(new double[value.length], keep, venue);
    }
    return upTo[at];
  }

  private double[] fill(double[] f, Keep keep, int venue) {
    for (int i = 0; i < value.length; i++) {
      f[i] = factor(i, keep, venue);
    }
    return f;
  }

  private double factor(int i, Keep keep, int venue) {
    double[] c = coef[i];
    if (c.length == 1 && lo[i] == Double.NEGATIVE_INFINITY && hi[i] == Double.POSITIVE_INFINITY) {
      double r = removed(i, 0, termEnd[i][0], keep, venue);
      return r == 0 ? 1.0 : StrictMath.exp(-r);
    }
    double sum = 0;
    int from = 0;
    boolean any = false;
    for (int t = 0; t < c.length; t++) {
      double r = removed(i, from, termEnd[i][t], keep, venue);
      any |= r != 0;
      sum += r == 0 ? c[t] : c[t] * StrictMath.exp(-r);
      from = termEnd[i][t];
    }
    if (!any) {
      return 1.0;
    }
    return Math.min(Math.max(sum, lo[i]), hi[i]) / base[i];
  }

  /**
   * The total log move of row {@code i}'s components {@code from..to} (one term) that {@code keep}
   * does not keep, added in component order.
   */
  private double removed(int i, int from, int to, Keep keep, int venue) {
    int[] g = generation[i];
    int[] v = this.venue[i];
    int[] k = kind[i];
    double[] x = value[i];
    double removed = 0;
    for (int j = from; j < to; j++) {
      boolean kept =
          g[j] <= keep.maxGeneration()
              && (venue == Keep.ANY || v[j] == venue)
              && (keep.kind() == Keep.ANY || k[j] == keep.kind());
      if (!kept) {
        removed += x[j];
      }
    }
    return removed;
  }
}
