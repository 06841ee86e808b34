package org.marginfall.protocols.perp.portfolio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marginfall.core.asset.AssetId;

/** The sliding mark window: append keeps the last {@code capacity} marks, oldest first. */
class PriceHistoryTest {

  private static final AssetId ETH = AssetId.of("ETH");
  private static final AssetId BTC = AssetId.of("BTC");

  @Test
  void test_append_slidesWindowAtCapacity() {
    PriceHistory h = PriceHistory.empty(List.of(ETH, BTC), 3);
    h = h.append(Map.of(ETH, 100.0, BTC, 1000.0));
    h = h.append(Map.of(ETH, 110.0, BTC, 1000.0));
    PriceHistory full = h.append(Map.of(ETH, 121.0, BTC, 900.0));
    PriceHistory slid = full.append(Map.of(ETH, 133.1, BTC, 900.0));
    assertEquals(3, full.size());
    assertArrayEquals(new double[] {100, 110, 121}, full.prices(ETH));
    // The fourth mark drops the first: capacity 3.
    assertEquals(3, slid.size());
    assertArrayEquals(new double[] {110, 121, 133.1}, slid.prices(ETH));
    assertArrayEquals(new double[] {1000, 900, 900}, slid.prices(BTC));
    // The earlier window is unchanged (immutability).
    assertArrayEquals(new double[] {100, 110, 121}, full.prices(ETH));
  }

  @Test
  void test_logReturns_oneFewerThanMarks() {
    PriceHistory h =
        PriceHistory.of(
            List.of(ETH), 10, List.of(new double[] {100}, new double[] {110}, new double[] {99}));
    // ln(110/100) = 0.0953101798..., ln(99/110) = ln(0.9) = -0.1053605156...
    assertArrayEquals(new double[] {Math.log(1.1), Math.log(0.9)}, h.logReturns(ETH), 1e-15);
  }

  @Test
  void test_append_rejectsMissingOrBadMark() {
    PriceHistory h = PriceHistory.empty(List.of(ETH, BTC), 3);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> h.append(Map.of(ETH, 100.0)));
    assertEquals("marks: no mark for tracked asset BTC", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> h.append(Map.of(ETH, 100.0, BTC, 0.0)));
  }

  @Test
  void test_of_keepsLastCapacityRows() {
    PriceHistory h =
        PriceHistory.of(
            List.of(ETH), 2, List.of(new double[] {1}, new double[] {2}, new double[] {3}));
    assertArrayEquals(new double[] {2, 3}, h.prices(ETH));
    assertTrue(h.tracks(ETH));
    assertFalse(h.tracks(BTC));
    assertThrows(IllegalArgumentException.class, () -> h.prices(BTC));
  }
}
