package org.marginfall.core.attribution;

import java.util.Arrays;
import org.marginfall.core.venue.VenueId;

/**
 * What attribution needs to know of a set of sources: their venues in id order, each venue's
 * smallest generation, and their generations in ascending order. Venues are few, so lookups scan.
 *
 * <p>Immutable (the arrays are never written after {@link Builder#build}) and thread-safe.
 */
final class SourceSet {

  static final SourceSet EMPTY = new Builder().build();

  private final VenueId[] venues;
  private final int[] firstGeneration;
  private final int[] generations;

  private SourceSet(VenueId[] venues, int[] firstGeneration, int[] generations) {
    this.venues = venues;
    this.firstGeneration = firstGeneration;
    this.generations = generations;
  }

  boolean isEmpty() {
    return venues.length == 0;
  }

  int venueCount() {
    return venues.length;
  }

  VenueId venue(int v) {
    return venues[v];
  }

  /** The index of {@code venue} in id order, or -1 if no source is on it. */
  int indexOf(VenueId venue) {
    for (int v = 0; v < venues.length; v++) {
      if (venues[v].equals(venue)) {
        return v;
      }
    }
    return -1;
  }

  /** The smallest generation among the sources on venue {@code v}. */
  int firstGeneration(int v) {
    return firstGeneration[v];
  }

  int generationCount() {
    return generations.length;
  }

  /** The {@code i}-th smallest distinct generation. */
  int generation(int i) {
    return generations[i];
  }

  /** A builder seeded with this set's sources (as far as the set tells them apart). */
  Builder toBuilder() {
    Builder b = new Builder();
    for (int v = 0; v < venues.length; v++) {
      b.add(venues[v], firstGeneration[v]);
    }
    for (int g : generations) {
      b.addGeneration(g);
    }
    return b;
  }

  /** Collects sources in any order. */
  static final class Builder {
    private VenueId[] venues = new VenueId[4];
    private int[] first = new int[4];
    private int count;
    private boolean[] seen = new boolean[8];
    private int distinct;

    /** Adds a source, returning the index its venue has among the venues added so far. */
    int add(VenueId venue, int generation) {
      addGeneration(generation);
      for (int v = 0; v < count; v++) {
        if (venues[v].equals(venue)) {
          first[v] = Math.min(first[v], generation);
          return v;
        }
      }
      if (count == venues.length) {
        venues = Arrays.copyOf(venues, 2 * count);
        first = Arrays.copyOf(first, 2 * count);
      }
      venues[count] = venue;
      first[count] = generation;
      return count++;
    }

    void addGeneration(int generation) {
      if (generation >= seen.length) {
        seen = Arrays.copyOf(seen, Math.max(2 * seen.length, generation + 1));
      }
      if (!seen[generation]) {
        seen[generation] = true;
        distinct++;
      }
    }

    /**
     * The set, and in {@code order} (if not null, at least as long as the venues added) the index
     * in id order of each venue by the index {@link #add} returned for it.
     */
    SourceSet build(int[] order) {
      // Insertion sort: a handful of venues.
      int[] byId = new int[count];
      for (int i = 0; i < count; i++) {
        int x = i;
        int j = i - 1;
        while (j >= 0 && venues[byId[j]].compareTo(venues[x]) > 0) {
          byId[j + 1] = byId[j];
          j--;
        }
        byId[j + 1] = x;
      }
      VenueId[] sorted = new VenueId[count];
      int[] firstSorted = new int[count];
      for (int r = 0; r < count; r++) {
        sorted[r] = venues[byId[r]];
        firstSorted[r] = first[byId[r]];
        if (order != null) {
          order[byId[r]] = r;
        }
      }
      int[] gens = new int[distinct];
      int n = 0;
      for (int g = 0; g < seen.length; g++) {
        if (seen[g]) {
          gens[n++] = g;
        }
      }
      return new SourceSet(sorted, firstSorted, gens);
    }

    SourceSet build() {
      return build(null);
    }

    int venueCount() {
      return count;
    }
  }
}
