package org.marginfall.core.spec;

import java.util.List;
import java.util.Set;
import org.marginfall.core.agent.Population;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.venue.VenueId;

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

  /**
   * The venues whose reserves this population funds at set-up (suppliers): populations that draw
   * from them at set-up are set up after it, whatever the scenario's order.
   */
  default Set<VenueId> fundsAtSetUp() {
    return Set.of();
  }

  /** The venues this population borrows from at set-up (borrowers). */
  default Set<VenueId> drawsAtSetUp() {
    return Set.of();
  }

  /**
   * The names of the metrics its populations report ({@code Population#metrics}), for sweeps to
   * check.
   */
  default List<String> metricNames() {
    return List.of();
  }
}
