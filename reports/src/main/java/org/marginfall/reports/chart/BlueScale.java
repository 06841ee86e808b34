package org.marginfall.reports.chart;

import java.awt.Color;
import org.jfree.chart.renderer.LookupPaintScale;

/**
 * The colour scale of every heatmap: a light-to-dark blue ramp in 64 steps (ColorBrewer "Blues"
 * ends, #F7FBFF to #08306B), which is ordered, safe for colour-blind readers and prints in grey.
 *
 * <p>This class has no state: it is immutable and thread-safe.
 */
final class BlueScale {

  private static final int STEPS = 64;

  private BlueScale() {}

  /** A scale from {@code min} to {@code max} (max &gt; min); values outside it are white. */
  static LookupPaintScale of(double min, double max) {
    LookupPaintScale scale = new LookupPaintScale(min, max, Color.WHITE);
    for (int k = 0; k < STEPS; k++) {
      scale.add(min + (max - min) * k / (double) STEPS, color(k / (STEPS - 1f)));
    }
    return scale;
  }

  /** The colour at {@code t} in [0, 1] along the ramp. */
  static Color color(float t) {
    return new Color(
        Math.round(247 - t * (247 - 8)),
        Math.round(251 - t * (251 - 48)),
        Math.round(255 - t * (255 - 107)));
  }

  /** Whether text on the colour of {@code t} should be white rather than black to stay readable. */
  static boolean dark(double t) {
    return t > 0.55;
  }
}
