package org.marginfall.experiments.cli;

import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.core.spec.Problem;
import org.marginfall.experiments.scenario.Catalog;
import org.marginfall.experiments.scenario.Scenario;
import org.marginfall.experiments.scenario.ScenarioReader;
import org.marginfall.experiments.scenario.ScenarioSource;

/**
 * Loads a scenario named on the command line, prefixing every failure with the source so the user
 * knows which file is wrong. Stateless and thread-safe.
 */
final class ScenarioLoader {

  private ScenarioLoader() {}

  static Scenario load(ScenarioSource source) {
    try {
      return new ScenarioReader(Catalog.standard()).read(source.content(), source.json());
    } catch (InvalidSpecException e) {
      throw new InvalidSpecException(
          e.problems().stream()
              .map(p -> new Problem(p.path().isEmpty() ? source.label() : source.label() + ": " + p.path(), p.message()))
              .toList());
    }
  }
}
