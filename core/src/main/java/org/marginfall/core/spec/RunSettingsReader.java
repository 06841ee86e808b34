package org.marginfall.core.spec;

import org.marginfall.core.metric.RunSettings;

/** Reads a scenario's {@code run} section into {@link RunSettings}. Stateless. */
public final class RunSettingsReader {

  private RunSettingsReader() {}

  /**
   * Reads {@code steps}, {@code stepSeconds}, {@code maxLiquidationRounds} (default 5) and {@code
   * seed}, reporting failures at their paths.
   *
   * @return the settings, or null after a failure
   */
  public static RunSettings read(SpecNode run) {
    Problems.Mark mark = run.mark();
    run.allowOnly("steps", "stepSeconds", "maxLiquidationRounds", "seed");
    long steps = run.longValue("steps");
    if (mark.clean()) {
      run.check("steps", () -> RunSettings.checkSteps(steps));
    }
    double stepSeconds =
        run.atMost("stepSeconds", run.positive("stepSeconds"), RunSettings.MAX_STEP_SECONDS);
    int rounds = run.integer("maxLiquidationRounds", 5, 1, 1000);
    long seed = run.longValue("seed");
    if (mark.failed()) {
      return null;
    }
    return run.build(() -> new RunSettings(steps, stepSeconds, rounds, seed));
  }
}
