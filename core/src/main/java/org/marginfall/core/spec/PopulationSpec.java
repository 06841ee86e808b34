package org.marginfall.core.spec;

import org.marginfall.core.agent.Population;
import org.marginfall.core.random.RandomStreams;

/**
 * The validated, immutable definition of one agent population; {@link #resolve} builds it.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface PopulationSpec {

  /** The population id. */
  String id();

  /** The registry name of its behaviour. */
  String type();

  /**
   * Builds the runtime population; it takes its own named stream from {@code streams}. A run may
   * build and set up a world more than once (a probe measures supplies to choose undeclared
   * decimals), so every call returns a fresh population that keeps its state to itself.
   */
  Population resolve(RandomStreams streams);
}
