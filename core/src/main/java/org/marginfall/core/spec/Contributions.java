package org.marginfall.core.spec;

/**
 * Where a {@link MarginfallPlugin} registers what it adds. Implemented by the loader, never by a
 * plug-in, so a later kind of contribution is a new method here that no existing plug-in has to
 * implement.
 *
 * <p>Valid only during {@link MarginfallPlugin#contribute}; not thread-safe.
 */
public interface Contributions {

  /** Adds a venue family that scenario files name in {@code venues[].type}. */
  void venueType(VenueType type);

  /** Adds an agent behaviour that scenario files name in {@code agents[].type}. */
  void populationType(PopulationType type);

  /** Adds a market impact model that scenario files name in {@code markets[].impact.model}. */
  void impactModel(ImpactModelType type);

  /** Adds an oracle aggregation that scenario files name in {@code oracles[].aggregation}. */
  void aggregation(AggregationType type);

  /** Adds an oracle failure mode that scenario files name in {@code oracles[].failures[].mode}. */
  void failureMode(FailureModeType type);
}
