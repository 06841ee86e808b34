package org.marginfall.experiments.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.marginfall.core.event.LiquidationEvent;
import org.marginfall.experiments.api.Experiment;
import org.marginfall.experiments.api.RunOutcome;

/**
 * Every bundled family's liquidation events state their notional twice, as a value and as the
 * fields of their {@code events.jsonl} line whose product it is (what the report reads through
 * {@code manifest.json}); the two agree bit for bit on every liquidation of the three-venue crash
 * (perpetual, lending, CDP) and the backstop example (takeovers and ADL closes).
 */
class LiquidationKindsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void test_notionalFields_productIsTheNotionalOfEveryEvent() throws Exception {
    Set<String> types = new TreeSet<>();
    for (String example : List.of("three-venue-crash", "perp-backstop-adl")) {
      RunOutcome run = Experiment.load(example).run();
      LiquidationKinds kinds = new LiquidationKinds();
      Set<String> seen = new TreeSet<>();
      for (LiquidationEvent e : run.events(LiquidationEvent.class)) {
        kinds.onEvent(e);
        JsonNode line = JSON.readTree(EventJson.line(e));
        double product = 1;
        for (String field : e.notionalFields()) {
          product *= line.path(field).asDouble();
        }
        assertEquals(e.notional(), product, 0, example + ": " + line);
        seen.add(e.type());
      }
      // What the manifest lists: every liquidation type the run emitted, once.
      assertEquals(seen, kinds.kinds().keySet(), example);
      types.addAll(seen);
    }
    assertEquals(
        Set.of("auction_started", "backstop_takeover", "liquidation", "loan_liquidation"), types);
  }
}
