package org.marginfall.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginfall.core.spec.Trees.map;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RegistryTest {

  private static final Registry<String> VENUE_TYPES =
      Registry.of("venue type", Function.identity(), "perpetual", "lending", "cdp");

  @Test
  void test_lookup_knownNameReturnsMember() {
    SpecNode node = SpecNode.root(map("type", "lending"), new Problems());
    assertEquals("lending", VENUE_TYPES.lookup(node, "type"));
    assertTrue(node.problems().isEmpty());
  }

  @Test
  void test_lookup_unknownNameListsKnownNamesSorted() {
    SpecNode node = SpecNode.root(map("venues", List.of(map("type", "perp2"))), new Problems());
    SpecNode venue = node.list("venues").get(0);
    assertNull(VENUE_TYPES.lookup(venue, "type"));
    assertEquals(
        List.of(
            new Problem(
                "venues[0].type", "unknown venue type 'perp2' (known: cdp, lending, perpetual)")),
        node.problems().all());
  }

  @Test
  void test_lookup_missingNameIsRequired() {
    SpecNode node = SpecNode.root(map(), new Problems());
    assertNull(VENUE_TYPES.lookup(node, "type"));
    assertEquals(List.of(new Problem("type", "is required")), node.problems().all());
  }

  @Test
  void test_names_sortedAndFindByName() {
    assertEquals(List.of("cdp", "lending", "perpetual"), List.copyOf(VENUE_TYPES.names()));
    assertEquals("cdp", VENUE_TYPES.find("cdp").orElseThrow());
    assertTrue(VENUE_TYPES.find("perp2").isEmpty());
  }

  @Test
  void test_of_duplicateNameRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Registry.of("impact model", Function.identity(), "none", "none"));
    assertEquals("duplicate impact model 'none'", e.getMessage());
  }
}
