package org.marginfall.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.marginfall.core.agent.Population;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.venue.VenueId;

/**
 * The order populations are set up in: the scenario's, with borrowers after their venue's
 * suppliers.
 */
class WorldSetUpOrderTest {

  private static final VenueId LEND = VenueId.of("lend");
  private static final VenueId OTHER = VenueId.of("other");

  private record Spec(String id, Set<VenueId> fundsAtSetUp, Set<VenueId> drawsAtSetUp)
      implements PopulationSpec {
    @Override
    public String type() {
      return "test";
    }

    @Override
    public Population resolve(RandomStreams streams) {
      throw new UnsupportedOperationException();
    }
  }

  private static Spec plain(String id) {
    return new Spec(id, Set.of(), Set.of());
  }

  private static Spec supplier(String id, VenueId v) {
    return new Spec(id, Set.of(v), Set.of());
  }

  private static Spec borrower(String id, VenueId v) {
    return new Spec(id, Set.of(), Set.of(v));
  }

  @Test
  void test_setUpOrder_scenarioOrderWhenSuppliersComeFirst() {
    // The bundled examples list suppliers first: their order, and so their results, are unchanged.
    List<Spec> specs =
        List.of(
            plain("traders"),
            supplier("lenders", LEND),
            borrower("borrowers", LEND),
            plain("keepers"));
    assertEquals(List.of(0, 1, 2, 3), World.setUpOrder(specs));
  }

  @Test
  void test_setUpOrder_borrowersWaitForEverySupplierOfTheirVenue() {
    List<Spec> specs =
        List.of(
            borrower("borrowers", LEND),
            plain("traders"),
            supplier("usd-lenders", LEND),
            supplier("eth-lenders", LEND),
            plain("keepers"));
    assertEquals(List.of(1, 2, 3, 0, 4), World.setUpOrder(specs));
  }

  @Test
  void test_setUpOrder_onlyTheSameVenueMatters() {
    List<Spec> specs = List.of(borrower("b", OTHER), supplier("s", LEND), borrower("c", LEND));
    assertEquals(List.of(0, 1, 2), World.setUpOrder(specs));
  }

  @Test
  void test_setUpOrder_aCircleKeepsScenarioOrder() {
    // Each funds what the other draws from: neither can wait for the other.
    List<Spec> specs =
        List.of(
            new Spec("a", Set.of(LEND), Set.of(OTHER)), new Spec("b", Set.of(OTHER), Set.of(LEND)));
    assertEquals(List.of(0, 1), World.setUpOrder(specs));
  }
}
