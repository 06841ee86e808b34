package org.marginfall.experiments.internal.sweep;

import java.util.Map;
import java.util.Optional;

/**
 * A deterministic slice of a sweep's runs: shard {@code index} of {@code count} (from 0) runs the
 * run indices {@code [floor(index T / count), floor((index + 1) T / count))} of the T runs in run
 * order (point, then replication). Immutable and thread-safe.
 *
 * @param index the shard, from 0
 * @param count the number of shards
 */
public record Shard(int index, int count) {

  /** The whole sweep. */
  public static final Shard ALL = new Shard(0, 1);

  /** Validates the fields. */
  public Shard {
    if (count < 1 || index < 0 || index >= count) {
      throw new IllegalArgumentException(
          "a shard is K/N with 0 <= K < N, was " + index + "/" + count);
    }
  }

  /**
   * Parses {@code K/N}.
   *
   * @throws IllegalArgumentException with a message for the user
   */
  public static Shard parse(String text) {
    String[] parts = text.split("/", -1);
    try {
      if (parts.length == 2) {
        return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
      }
    } catch (IllegalArgumentException e) {
      // not numbers, or not 0 <= K < N: reported below in the option's own terms
    }
    throw new IllegalArgumentException(
        "--shard must be K/N with 0 <= K < N (e.g. 0/4), was '" + text + "'");
  }

  /**
   * The shard of a Slurm array task: {@code SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN} (MIN taken
   * as 0 when unset) of {@code SLURM_ARRAY_TASK_COUNT}; empty outside an array job.
   */
  public static Optional<Shard> fromSlurm(Map<String, String> environment) {
    String id = environment.get("SLURM_ARRAY_TASK_ID");
    String count = environment.get("SLURM_ARRAY_TASK_COUNT");
    if (id == null || count == null) {
      return Optional.empty();
    }
    String min = environment.getOrDefault("SLURM_ARRAY_TASK_MIN", "0");
    try {
      return Optional.of(
          new Shard(
              Integer.parseInt(id.strip()) - Integer.parseInt(min.strip()),
              Integer.parseInt(count.strip())));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "SLURM_ARRAY_TASK_ID="
              + id
              + ", SLURM_ARRAY_TASK_MIN="
              + min
              + ", SLURM_ARRAY_TASK_COUNT="
              + count
              + " do not make a shard (the array must be contiguous, e.g. --array=0-3)");
    }
  }

  /** The first run index of this shard among {@code total} runs. */
  public long from(long total) {
    return Math.multiplyExact((long) index, total) / count;
  }

  /** One past the last run index of this shard among {@code total} runs. */
  public long to(long total) {
    return index + 1 == count ? total : new Shard(index + 1, count).from(total);
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
