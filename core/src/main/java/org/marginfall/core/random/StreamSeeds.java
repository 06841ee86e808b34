package org.marginfall.core.random;

import java.nio.charset.StandardCharsets;

/**
 * Derives the seed of a named random stream from (master seed, stream name, replication).
 *
 * <p>{@code seed = mix(mix(mix(master) ^ fnv1a64(name)) ^ mix(replication + 1))}, where {@code mix}
 * is the SplitMix64 finaliser (Steele, Lea and Flood 2014, "Fast splittable pseudorandom number
 * generators") and {@code fnv1a64} the 64-bit FNV-1a hash of the name's UTF-8 bytes. A stream's
 * seed therefore depends on its name, never on how many streams were made before it, and
 * replication {@code r} gets the same substream at every sweep point (common random numbers).
 * Stateless and thread-safe.
 */
public final class StreamSeeds {

  /** The derivation, as recorded in run manifests. */
  public static final String DERIVATION =
      "seed = mix(mix(mix(master) ^ fnv1a64(utf8(name))) ^ mix(replication + 1)), 64-bit two's complement,"
          + " where mix(z) is the SplitMix64 finaliser: z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9;"
          + " z = (z ^ (z >>> 27)) * 0x94D049BB133111EB; return z ^ (z >>> 31);"
          + " fnv1a64 starts at 0xCBF29CE484222325 with prime 0x100000001B3;"
          + " generator = Commons Math Well19937c seeded with int[] {(int) (seed >>> 32), (int) seed}";

  private StreamSeeds() {}

  /** The seed of stream {@code name} for {@code replication} under {@code master}. */
  public static long seed(long master, String name, int replication) {
    return mix(mix(mix(master) ^ fnv1a64(name)) ^ mix(replication + 1L));
  }

  /** SplitMix64 finaliser (variant 13 of Stafford's mixers), shared by every seed derivation. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** 64-bit FNV-1a of the UTF-8 bytes of {@code s}. */
  static long fnv1a64(String s) {
    long h = 0xCBF29CE484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= (b & 0xFF);
      h *= 0x100000001B3L;
    }
    return h;
  }
}
