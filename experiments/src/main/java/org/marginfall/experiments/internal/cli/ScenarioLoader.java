package org.marginfall.experiments.internal.cli;

import java.util.List;
import java.util.function.Supplier;
import org.marginfall.core.engine.ScenarioFailure;
import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.core.spec.Problem;
import org.marginfall.experiments.internal.scenario.Catalog;
import org.marginfall.experiments.internal.scenario.Scenario;
import org.marginfall.experiments.internal.scenario.ScenarioReader;
import org.marginfall.experiments.internal.scenario.ScenarioSource;

/**
 * Loads a scenario named on the command line, prefixing every failure with the source so the user
 * knows which file is wrong. Stateless and thread-safe.
 */
final class ScenarioLoader {

  private ScenarioLoader() {}

  /**
   * Runs {@code work} on a scenario of {@code source}; a {@link ScenarioFailure} (a set-up a venue
   * refused, a quantity that left the range during the run) becomes bad input at its entry,
   * prefixed with the source like every other problem of the file.
   */
  static <T> T failingAt(ScenarioSource source, Supplier<T> work) {
    try {
      return work.get();
    } catch (ScenarioFailure f) {
      throw new InvalidSpecException(
          List.of(new Problem(source.label() + ": " + f.field(), f.detail())));
    }
  }

  static Scenario load(ScenarioSource source, Catalog catalog) {
    try {
      return new ScenarioReader(catalog).read(source);
    } catch (InvalidSpecException e) {
      throw new InvalidSpecException(
          e.problems().stream()
              .map(
                  p ->
                      new Problem(
                          p.path().isEmpty() ? source.label() : source.label() + ": " + p.path(),
                          p.message()))
              .toList());
    }
  }
}
