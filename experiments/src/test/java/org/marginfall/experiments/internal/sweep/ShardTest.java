package org.marginfall.experiments.internal.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShardTest {

  @Test
  void test_fromTo_shardsPartitionTheRunsInOrder() {
    // 32 runs in 3 shards: floor(32 k / 3) = 0, 10, 21, 32 -> 10, 11, 11 runs.
    assertEquals(0, new Shard(0, 3).from(32));
    assertEquals(10, new Shard(0, 3).to(32));
    assertEquals(10, new Shard(1, 3).from(32));
    assertEquals(21, new Shard(1, 3).to(32));
    assertEquals(21, new Shard(2, 3).from(32));
    assertEquals(32, new Shard(2, 3).to(32));
    for (int n = 1; n <= 7; n++) {
      long next = 0;
      for (int k = 0; k < n; k++) {
        assertEquals(next, new Shard(k, n).from(5));
        next = new Shard(k, n).to(5);
      }
      assertEquals(5, next, "every run in exactly one shard");
    }
  }

  @Test
  void test_parse_acceptsKOverNAndRejectsTheRest() {
    assertEquals(new Shard(2, 4), Shard.parse("2/4"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("4/4"));
    assertEquals("--shard must be K/N with 0 <= K < N (e.g. 0/4), was '4/4'", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Shard.parse("1-4"));
  }

  @Test
  void test_fromSlurm_taskIdLessMinOfCount() {
    assertEquals(Optional.empty(), Shard.fromSlurm(Map.of()));
    assertEquals(
        Optional.of(new Shard(3, 8)),
        Shard.fromSlurm(Map.of("SLURM_ARRAY_TASK_ID", "3", "SLURM_ARRAY_TASK_COUNT", "8")));
    assertEquals(
        Optional.of(new Shard(0, 4)),
        Shard.fromSlurm(
            Map.of(
                "SLURM_ARRAY_TASK_ID",
                "1",
                "SLURM_ARRAY_TASK_MIN",
                "1",
                "SLURM_ARRAY_TASK_COUNT",
                "4")));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Shard.fromSlurm(Map.of("SLURM_ARRAY_TASK_ID", "9", "SLURM_ARRAY_TASK_COUNT", "4")));
    assertTrue(e.getMessage().contains("--array=0-3"), e.getMessage());
  }
}
