package org.marginfall.reports.chart;

/**
 * Puts AWT into headless mode before the first chart is drawn. Reports are written by a CLI, often
 * on a server or in CI without a display; without headless mode AWT may try to reach an X server
 * and fail. An explicit setting by the user (on the command line) is respected.
 *
 * <p>This class has no state: it is immutable and thread-safe.
 */
final class Headless {

  private Headless() {}

  static void ensure() {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }
}
