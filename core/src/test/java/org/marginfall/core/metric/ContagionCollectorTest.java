package org.marginfall.core.metric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.contagion.Cause;
import org.marginfall.core.event.AttributedLiquidation;
import org.marginfall.core.event.BadDebt;
import org.marginfall.core.venue.VenueId;

/**
 * The contagion summary counts induced liquidations by cause and accelerated ones apart: four
 * liquidations on B (notional 100 exogenous, 200 induced by A, 300 accelerated after A's moves, 400
 * accelerated after B's own) and 50 of bad debt left by the 300 one.
 */
class ContagionCollectorTest {

  /** A liquidation of some family: what the collector reads is the attributed account and value. */
  private record Closed(
      long step, int round, String venue, String account, double notional, Cause cause)
      implements AttributedLiquidation {

    @Override
    public double penalty() {
      return 0;
    }

    @Override
    public List<String> notionalFields() {
      return List.of("notional");
    }

    @Override
    public Closed withCause(Cause cause) {
      return new Closed(step, round, venue, account, notional, cause);
    }

    @Override
    public String type() {
      return "closed";
    }
  }

  private static Closed on(String venue, double notional, Cause cause) {
    return new Closed(5, 1, venue, venue + "/accounts/t/" + (int) notional, notional, cause);
  }

  @Test
  void test_summary_acceleratedLiquidationsHaveTheirOwnRowColumnsAndShare() {
    ContagionCollector c = new ContagionCollector();
    c.onStart(
        new RunStart(
            new RunSettings(10, 60, 1, 1),
            0,
            AssetId.of("USD"),
            List.of(
                new RunStart.VenueInfo(VenueId.of("A"), "perpetual", Map.of()),
                new RunStart.VenueInfo(VenueId.of("B"), "perpetual", Map.of()))));
    Cause fromA = new Cause("market-impact", 1, "A");
    Cause fromB = new Cause("market-impact", 2, "B");
    c.onEvent(on("B", 100, Cause.EXOGENOUS));
    c.onEvent(on("B", 200, fromA));
    c.onEvent(on("B", 300, fromA.withExogenousStep(7)));
    c.onEvent(on("B", 400, fromB.withExogenousStep(9)));
    c.onEvent(new BadDebt(5, 1, "B", "B/accounts/t/300", 50).withCause(fromA.withExogenousStep(7)));

    ContagionSummary s = c.summary();
    assertEquals(List.of("exogenous", "A", "B", "accelerated"), s.matrix().from());
    assertArrayEquals(new long[] {0, 1}, s.matrix().liquidations()[0]);
    assertArrayEquals(new long[] {0, 1}, s.matrix().liquidations()[1]);
    assertArrayEquals(new long[] {0, 0}, s.matrix().liquidations()[2]);
    assertArrayEquals(new long[] {0, 2}, s.matrix().liquidations()[3]);
    assertArrayEquals(new double[] {0, 700}, s.matrix().liquidatedNotional()[3]);
    assertArrayEquals(new double[] {0, 50}, s.matrix().badDebt()[3]);
    // 200 of 1000 induced, 700 of 1000 accelerated; the deepest induced generation is 1.
    assertEquals(0.2, s.inducedShare(), 1e-15);
    assertEquals(0.7, s.acceleratedShare(), 1e-15);
    assertEquals(1, s.cascadeDepth());
    assertEquals(new ContagionSummary.GenerationRow(0, 1, 100, 0, 0, 0, 0), s.generations().get(0));
    assertEquals(
        new ContagionSummary.GenerationRow(1, 1, 200, 0, 1, 300, 50), s.generations().get(1));
    assertEquals(new ContagionSummary.GenerationRow(2, 0, 0, 0, 1, 400, 0), s.generations().get(2));
  }

  @Test
  void test_summary_soFarIsNotChangedByLaterEventsAndEarlyEventsCountFromTheStart() {
    ContagionCollector c = new ContagionCollector();
    // One liquidation of 100 before the run's start (held until it), one of 200 after.
    c.onEvent(on("B", 100, Cause.EXOGENOUS));
    c.onStart(
        new RunStart(
            new RunSettings(10, 60, 1, 1),
            0,
            AssetId.of("USD"),
            List.of(
                new RunStart.VenueInfo(VenueId.of("A"), "perpetual", Map.of()),
                new RunStart.VenueInfo(VenueId.of("B"), "perpetual", Map.of()))));
    c.onEvent(on("B", 200, new Cause("market-impact", 1, "A")));
    ContagionSummary first = c.summary();
    assertArrayEquals(new long[] {0, 1}, first.matrix().liquidations()[0]);
    assertArrayEquals(new long[] {0, 1}, first.matrix().liquidations()[1]);
    assertEquals(200 / 300.0, first.inducedShare(), 1e-15);

    // A third, exogenous, of 300: the new summary has it, the first one is as it was.
    c.onEvent(on("B", 300, Cause.EXOGENOUS));
    ContagionSummary second = c.summary();
    assertArrayEquals(new long[] {0, 2}, second.matrix().liquidations()[0]);
    assertArrayEquals(new double[] {0, 400}, second.matrix().liquidatedNotional()[0]);
    assertEquals(200 / 600.0, second.inducedShare(), 1e-15);
    assertArrayEquals(new long[] {0, 1}, first.matrix().liquidations()[0]);
    assertArrayEquals(new double[] {0, 100}, first.matrix().liquidatedNotional()[0]);
    assertEquals(
        new ContagionSummary.GenerationRow(0, 2, 400, 0, 0, 0, 0), second.generations().get(0));
  }
}
