package org.marginfall.experiments.internal.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Candles to steps by hand, under both rules. */
class ResamplerTest {

  private static final long T0 = 1_584_000_000_000L;

  /**
   * An up candle (100 → 105, low 95, high 110) then a down candle (105 → 92, high 106, low 90), a
   * minute each.
   */
  private static final PriceTable.Candles TWO =
      new PriceTable.Candles(
          new long[] {T0, T0 + 60_000},
          60_000,
          new double[] {100, 105},
          new double[] {110, 106},
          new double[] {95, 90},
          new double[] {105, 92});

  @Test
  void test_last_takesTheFirstOpenThenEachCloseAtTheCandlesEnd() {
    Resampler.Window w = Resampler.resample(TWO, Resampler.Rule.LAST, null, null, 20, 6, "f.csv");
    assertArrayEquals(new double[] {100, 100, 100, 105, 105, 105, 92}, w.prices());
    assertEquals(T0, w.start());
  }

  @Test
  void test_ohlc_goesOpenLowHighClose_upThenOpenHighLowClose_down() {
    Resampler.Window w = Resampler.resample(TWO, Resampler.Rule.OHLC, null, null, 20, 6, "f.csv");
    assertArrayEquals(new double[] {100, 95, 110, 105, 106, 90, 92}, w.prices());
    // Four steps a candle (0, 15, 30, 45, 60 s ...): each step takes the last anchor at or before
    // it (anchors at 0, 20, 40, 60 s).
    Resampler.Window quarter =
        Resampler.resample(TWO, Resampler.Rule.OHLC, null, null, 15, 8, "f.csv");
    assertArrayEquals(new double[] {100, 100, 95, 110, 105, 105, 106, 90, 92}, quarter.prices());
  }

  @Test
  void test_startWithinTheFile_andStepsAsTheDataCovers() {
    Resampler.Window w =
        Resampler.resample(TWO, Resampler.Rule.LAST, T0 + 60_000, null, 30, -1, "f.csv");
    assertArrayEquals(new double[] {105, 105, 92}, w.prices());
  }

  @Test
  void test_ohlc_refusesFewerThanThreeStepsPerCandle() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Resampler.resample(TWO, Resampler.Rule.OHLC, null, null, 30, 4, "f.csv"));
    assertEquals(
        "resample: ohlc needs at least three steps per candle so that every wick gets a step, but candles of"
            + " 60 s hold 2 steps; use stepSeconds of at most 20 s or resample: last",
        e.getMessage());
  }

  @Test
  void test_stepsBeyondTheFile_areRefusedWithTheNumbers() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Resampler.resample(TWO, Resampler.Rule.LAST, null, null, 20, 7, "f.csv"));
    assertEquals(
        "7 steps of 20 s from 2020-03-12T08:00:00Z run to 2020-03-12T08:02:20Z, but f.csv has prices until"
            + " 2020-03-12T08:02:00Z: it covers 6 steps",
        e.getMessage());
  }

  @Test
  void test_points_areReadAsTheLastPriceAtOrBeforeEachStep() {
    PriceTable.Points p =
        new PriceTable.Points(new long[] {T0, T0 + 25_000, T0 + 40_000}, new double[] {10, 11, 12});
    assertArrayEquals(
        new double[] {10, 10, 10, 10, 11, 12},
        Resampler.resample(p, Resampler.Rule.LAST, null, null, 8, 5, "p").prices());
    assertThrows(
        IllegalArgumentException.class,
        () -> Resampler.resample(p, Resampler.Rule.OHLC, null, null, 10, 3, "p"));
  }
}
