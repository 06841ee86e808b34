package org.marginfall.reports.chart;

import java.awt.Color;
import java.util.List;

/**
 * The Okabe–Ito colours, which stay distinguishable under the common forms of colour blindness, in
 * a fixed order so a series' colour depends only on its position in the chart, never on run order
 * or hashing. Yellow is last because it is hard to see on white.
 *
 * <p>This class has no mutable state: it is immutable and thread-safe.
 */
final class Palette {

  private static final List<Color> COLORS =
      List.of(
          new Color(0x00, 0x72, 0xB2), // blue
          new Color(0xD5, 0x5E, 0x00), // vermillion
          new Color(0x00, 0x9E, 0x73), // bluish green
          new Color(0xE6, 0x9F, 0x00), // orange
          new Color(0xCC, 0x79, 0xA7), // reddish purple
          new Color(0x56, 0xB4, 0xE9), // sky blue
          new Color(0x00, 0x00, 0x00), // black
          new Color(0xF0, 0xE4, 0x42)); // yellow

  private Palette() {}

  /** The colour of the series at {@code index}, cycling when there are more series than colours. */
  static Color color(int index) {
    return COLORS.get(Math.floorMod(index, COLORS.size()));
  }
}
