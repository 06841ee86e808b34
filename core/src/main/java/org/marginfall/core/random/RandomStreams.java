package org.marginfall.core.random;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Factory of named streams for one replication of one run.
 *
 * <p>Asking twice for the same name returns the same stream, so a population or a price process can
 * be rebuilt without disturbing the others. The created streams and their seeds are listed for the
 * run manifest. Mutable and not thread-safe: it belongs to one run.
 */
public final class RandomStreams {

  private final long masterSeed;
  private final int replication;
  private final Map<String, RandomStream> streams = new TreeMap<>();

  /** Creates the factory for {@code masterSeed} and {@code replication}. */
  public RandomStreams(long masterSeed, int replication) {
    if (replication < 0) {
      throw new IllegalArgumentException("replication: must be >= 0, was " + replication);
    }
    this.masterSeed = masterSeed;
    this.replication = replication;
  }

  /** The stream with this name, created on first use. */
  public RandomStream stream(String name) {
    return streams.computeIfAbsent(
        name, n -> new RandomStream(n, StreamSeeds.seed(masterSeed, n, replication)));
  }

  /** The master seed. */
  public long masterSeed() {
    return masterSeed;
  }

  /** The replication index. */
  public int replication() {
    return replication;
  }

  /** The streams created so far with their seeds, by name. */
  public Map<String, Long> seeds() {
    Map<String, Long> out = new TreeMap<>();
    streams.forEach((k, v) -> out.put(k, v.seed()));
    return Collections.unmodifiableMap(out);
  }
}
