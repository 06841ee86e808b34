package org.marginfall.core.contagion;

import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The endogenous parts of one price as flat arrays in {@link Component} order: for each part its
 * source, its kind and its log move. The flat form of a {@code SortedMap<Component, Double>}, cheap
 * to build and to walk because attribution rebuilds it after every trade.
 *
 * <p>Immutable (the arrays are never handed out) and thread-safe.
 */
public final class PriceParts {

  /** No parts: a price with no endogenous move. */
  public static final PriceParts NONE =
      new PriceParts(new Source[0], new CauseKind[0], new double[0]);

  private final Source[] sources;
  private final CauseKind[] kinds;
  private final double[] values;

  private PriceParts(Source[] sources, CauseKind[] kinds, double[] values) {
    this.sources = sources;
    this.kinds = kinds;
    this.values = values;
  }

  /** The moves of {@code bySource}, each as a part of kind {@code kind}, in source order. */
  public static PriceParts of(SortedMap<Source, Double> bySource, CauseKind kind) {
    int n = bySource.size();
    if (n == 0) {
      return NONE;
    }
    Source[] s = new Source[n];
    CauseKind[] k = new CauseKind[n];
    double[] v = new double[n];
    int i = 0;
    for (Map.Entry<Source, Double> e : bySource.entrySet()) {
      s[i] = e.getKey();
      k[i] = kind;
      v[i] = e.getValue();
      i++;
    }
    return new PriceParts(s, k, v);
  }

  /**
   * The parts of this and {@code later} together, in component order; a component in both gets this
   * one's move plus the later one's, added in that order, exactly as merging {@code later} into a
   * sorted map of this one with {@code Double::sum} does.
   */
  public PriceParts plus(PriceParts later) {
    if (later.size() == 0) {
      return this;
    }
    if (size() == 0) {
      return later;
    }
    int cap = size() + later.size();
    Source[] s = new Source[cap];
    CauseKind[] k = new CauseKind[cap];
    double[] v = new double[cap];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < size() || j < later.size()) {
      int c = i == size() ? 1 : j == later.size() ? -1 : compare(i, later, j);
      if (c <= 0) {
        s[n] = sources[i];
        k[n] = kinds[i];
        v[n] = c == 0 ? values[i] + later.values[j++] : values[i];
        i++;
      } else {
        s[n] = later.sources[j];
        k[n] = later.kinds[j];
        v[n] = later.values[j++];
      }
      n++;
    }
    return n == cap
        ? new PriceParts(s, k, v)
        : new PriceParts(Arrays.copyOf(s, n), Arrays.copyOf(k, n), Arrays.copyOf(v, n));
  }

  private int compare(int i, PriceParts other, int j) {
    int c = sources[i].compareTo(other.sources[j]);
    return c != 0 ? c : kinds[i].compareTo(other.kinds[j]);
  }

  /**
   * The parts whose source is on {@code venue} (when {@code venue} is not null) and whose kind is
   * {@code kind} (when not null), in the same order; this object itself when all are kept.
   */
  public PriceParts only(org.marginfall.core.venue.VenueId venue, CauseKind kind) {
    int n = 0;
    boolean[] keep = new boolean[size()];
    for (int i = 0; i < size(); i++) {
      keep[i] =
          (venue == null || sources[i].venue().equals(venue)) && (kind == null || kinds[i] == kind);
      n += keep[i] ? 1 : 0;
    }
    if (n == size()) {
      return this;
    }
    if (n == 0) {
      return NONE;
    }
    Source[] s = new Source[n];
    CauseKind[] k = new CauseKind[n];
    double[] v = new double[n];
    int j = 0;
    for (int i = 0; i < size(); i++) {
      if (keep[i]) {
        s[j] = sources[i];
        k[j] = kinds[i];
        v[j++] = values[i];
      }
    }
    return new PriceParts(s, k, v);
  }

  /** The number of parts. */
  public int size() {
    return values.length;
  }

  /** The source of part {@code i}. */
  public Source source(int i) {
    return sources[i];
  }

  /** The kind of part {@code i}. */
  public CauseKind kind(int i) {
    return kinds[i];
  }

  /** The log move of part {@code i}. */
  public double value(int i) {
    return values[i];
  }

  /** The parts as a sorted map, each under its component. */
  public SortedMap<Component, Double> toMap() {
    SortedMap<Component, Double> out = new TreeMap<>();
    for (int i = 0; i < size(); i++) {
      out.put(new Component(sources[i], kinds[i]), values[i]);
    }
    return out;
  }
}
