package org.marginfall.core.contagion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.marginfall.core.venue.VenueId;

/** The flat parts merge exactly as sorted maps merged with {@code Double::sum} do. */
class PricePartsTest {

  private static final Source A0 = new Source(VenueId.of("A"), 0);
  private static final Source B0 = new Source(VenueId.of("B"), 0);
  private static final Source A1 = new Source(VenueId.of("A"), 1);

  @Test
  void test_plus_mergesInComponentOrderAddingEqualComponentsInTheOrderGiven() {
    SortedMap<Source, Double> impact = new TreeMap<>(Map.of(A1, 0.1, B0, 0.3));
    SortedMap<Source, Double> losses = new TreeMap<>(Map.of(A0, 0.7, A1, 0.2));
    SortedMap<Source, Double> under = new TreeMap<>(Map.of(A1, 0.3));
    PriceParts flat =
        PriceParts.of(impact, CauseKind.NAV_LOSS)
            .plus(PriceParts.of(losses, CauseKind.NAV_LOSS))
            .plus(
                PriceParts.of(under, CauseKind.MARKET_IMPACT)
                    .plus(PriceParts.of(under, CauseKind.NAV_LOSS)));

    SortedMap<Component, Double> expected = new TreeMap<>();
    impact.forEach((s, v) -> expected.merge(new Component(s, CauseKind.NAV_LOSS), v, Double::sum));
    losses.forEach((s, v) -> expected.merge(new Component(s, CauseKind.NAV_LOSS), v, Double::sum));
    under.forEach(
        (s, v) -> expected.merge(new Component(s, CauseKind.MARKET_IMPACT), v, Double::sum));
    under.forEach((s, v) -> expected.merge(new Component(s, CauseKind.NAV_LOSS), v, Double::sum));

    // (0.1 + 0.2) + 0.3 is not 0.1 + (0.2 + 0.3) in binary: equality pins the order of the
    // additions.
    assertEquals(expected, flat.toMap());
    assertEquals(4, flat.size());
    assertEquals(
        new Component(A0, CauseKind.NAV_LOSS), new Component(flat.source(0), flat.kind(0)));
  }
}
