package org.marginfall.core.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StreamSeedsTest {

  private static final long MASTER = 20200312L;
  private static final int DRAWS = 50;

  @Test
  void test_fnv1a64_matchesPublishedTestVectors() {
    // FNV-1a 64-bit reference vectors (Fowler/Noll/Vo test suite): offset basis, "a", "foobar".
    assertEquals(0xCBF29CE484222325L, StreamSeeds.fnv1a64(""));
    assertEquals(0xAF63DC4C8601EC8CL, StreamSeeds.fnv1a64("a"));
    assertEquals(0x85944171F73967E8L, StreamSeeds.fnv1a64("foobar"));
  }

  @Test
  void test_mix_matchesSplitMix64ReferenceOutputs() {
    // SplitMix64 output = mix(state += 0x9E3779B97F4A7C15). Seeded with 0 its first output is
    // 0xE220A8397B1DCDAF; seeded with 1234567 its first outputs are 6457827717110365317,
    // 3203168211198807973, 9817491932198370423 (Vigna's reference implementation).
    long gamma = 0x9E3779B97F4A7C15L;
    assertEquals(0xE220A8397B1DCDAFL, StreamSeeds.mix(gamma));
    assertEquals(6457827717110365317L, StreamSeeds.mix(1234567L + gamma));
    assertEquals(3203168211198807973L, StreamSeeds.mix(1234567L + 2 * gamma));
    assertEquals(
        Long.parseUnsignedLong("9817491932198370423"), StreamSeeds.mix(1234567L + 3 * gamma));
  }

  @Test
  void test_seed_followsTheDocumentedDerivation() {
    // seed = mix(mix(mix(master) ^ fnv1a64(name)) ^ mix(replication + 1)), as the manifest records.
    long expected =
        StreamSeeds.mix(
            StreamSeeds.mix(StreamSeeds.mix(MASTER) ^ StreamSeeds.fnv1a64("prices/ETH"))
                ^ StreamSeeds.mix(3L + 1));
    assertEquals(expected, StreamSeeds.seed(MASTER, "prices/ETH", 3));
    assertTrue(StreamSeeds.DERIVATION.contains("fnv1a64(utf8(name))"));
  }

  @Test
  void test_seed_sameTripleGivesSameSeed() {
    assertEquals(
        StreamSeeds.seed(MASTER, "agents/traders", 7),
        StreamSeeds.seed(MASTER, "agents/traders", 7));
  }

  @Test
  void test_seed_differentNamesReplicationsAndMastersDiffer() {
    List<String> names =
        List.of("prices", "prices/ETH", "prices/BTC", "agents/traders", "oracles", "");
    Set<Long> seeds = new HashSet<>();
    int combinations = 0;
    for (long master : new long[] {0L, 1L, MASTER, -1L}) {
      for (String name : names) {
        for (int replication = 0; replication < 5; replication++) {
          seeds.add(StreamSeeds.seed(master, name, replication));
          combinations++;
        }
      }
    }
    assertEquals(combinations, seeds.size(), "every (master, name, replication) gets its own seed");
  }

  @Test
  void test_stream_seedIndependentOfCreationOrder() {
    RandomStreams forward = new RandomStreams(MASTER, 2);
    RandomStream a1 = forward.stream("prices/ETH");
    RandomStream b1 = forward.stream("agents/traders");

    RandomStreams backward = new RandomStreams(MASTER, 2);
    backward.stream("oracles").nextUniform();
    RandomStream b2 = backward.stream("agents/traders");
    b2.nextUniform();
    RandomStream a2 = backward.stream("prices/ETH");

    assertEquals(a1.seed(), a2.seed());
    assertEquals(StreamSeeds.seed(MASTER, "prices/ETH", 2), a1.seed());
    for (int i = 0; i < DRAWS; i++) {
      assertEquals(a1.nextUniform(), a2.nextUniform(), 0.0);
    }
    // b2 drew one uniform earlier; after that, the two are in step
    b1.nextUniform();
    for (int i = 0; i < DRAWS; i++) {
      assertEquals(b1.nextUniform(), b2.nextUniform(), 0.0);
    }
  }

  @Test
  void test_stream_sameNameReturnsSameStreamObject() {
    RandomStreams streams = new RandomStreams(MASTER, 0);
    RandomStream first = streams.stream("prices/ETH");
    first.nextUniform();
    assertTrue(first == streams.stream("prices/ETH"));
  }

  @Test
  void test_stream_differentReplicationsGiveDifferentSequences() {
    RandomStream r0 = new RandomStreams(MASTER, 0).stream("prices/ETH");
    RandomStream r1 = new RandomStreams(MASTER, 1).stream("prices/ETH");
    assertNotEquals(r0.seed(), r1.seed());
    int equal = 0;
    for (int i = 0; i < DRAWS; i++) {
      if (r0.nextUniform() == r1.nextUniform()) {
        equal++;
      }
    }
    assertEquals(0, equal);
  }

  @Test
  void test_seeds_listsCreatedStreamsByName() {
    RandomStreams streams = new RandomStreams(MASTER, 4);
    streams.stream("prices/ETH");
    streams.stream("agents/traders");
    Map<String, Long> seeds = streams.seeds();
    assertEquals(List.of("agents/traders", "prices/ETH"), List.copyOf(seeds.keySet()));
    assertEquals(StreamSeeds.seed(MASTER, "agents/traders", 4), seeds.get("agents/traders"));
    assertEquals(MASTER, streams.masterSeed());
    assertEquals(4, streams.replication());
  }

  @Test
  void test_constructor_negativeReplicationRejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new RandomStreams(MASTER, -1));
    assertTrue(e.getMessage().startsWith("replication:"), e.getMessage());
  }
}
