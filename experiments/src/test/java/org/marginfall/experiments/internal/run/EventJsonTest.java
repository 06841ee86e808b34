package org.marginfall.experiments.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.marginfall.agents.arbitrage.ArbitrageTrade;
import org.marginfall.agents.liquidator.LiquidatorCost;
import org.marginfall.core.contagion.Cause;
import org.marginfall.core.event.SimEvent;
import org.marginfall.protocols.cdp.AuctionReset;
import org.marginfall.protocols.perp.Liquidation;
import org.marginfall.protocols.perp.SocializedLoss;

/**
 * The direct event serializer writes exactly the bytes of the generic form it replaced (the event
 * converted to a sorted map of its fields plus {@code type}), including for event types no bundled
 * example emits, nested causes, missing causes and non-finite or negative-zero numbers.
 */
class EventJsonTest {

  private static final TypeReference<TreeMap<String, Object>> TREE = new TypeReference<>() {};

  /** The reference: the event as a sorted map of its fields with its type added. */
  private static String generic(SimEvent event) throws Exception {
    Map<String, Object> fields = Json.mapper().convertValue(event, TREE);
    fields.put("type", event.type());
    return Json.mapper().writeValueAsString(fields);
  }

  @Test
  void test_line_isByteIdenticalToTheSortedMapOfFields() throws Exception {
    List<SimEvent> events =
        List.of(
            new ArbitrageTrade(
                7, 2, "perp", "arbs/01", "aETH", 1.5, 4500.25, 0, -0.0, true, 3000.1, 2999.9),
            new AuctionReset(12, 1, "cdp", 3, "keepers/002", 2875.5, 100),
            new LiquidatorCost(
                3,
                4,
                "lend",
                "keepers/001",
                "auction/7",
                12.5,
                Double.NaN,
                Double.POSITIVE_INFINITY),
            new SocializedLoss(
                9, 0, "perp", "perp/accounts/traders/0001", "perp/accounts/traders/0002", 1e-6),
            new Liquidation(
                30, 1, "perp", "a/1", "k/1", "ETH", -2.5, 2799.43, 2790.0, 6975.0, -120.0, 3.5, 1.0,
                2.5, 100.0, 150.0),
            new Liquidation(
                    30, 1, "perp", "a/1", "k/1", "ETH", -2.5, 2799.43, 2790.0, 6975.0, -120.0, 3.5,
                    1.0, 2.5, 100.0, 150.0)
                .withCause(new Cause("market-impact", 3, "perp-cross")));
    for (SimEvent e : events) {
      assertEquals(generic(e), EventJson.line(e), e.type());
    }
  }
}
