package org.marginfall.core.spec;

import java.util.List;

/**
 * The small pluggable kinds of the core sections a scenario file names: impact models, oracle
 * aggregations and oracle failure modes. The scenario reader looks names up here, so a typo lists
 * the known names and a new kind is one registration.
 *
 * <p>Immutable and thread-safe.
 *
 * @param impactModels market impact models by {@code model:}
 * @param aggregations oracle aggregations by {@code aggregation:}
 * @param failureModes oracle failure modes by {@code mode:}
 */
public record CoreTypes(
    Registry<ImpactModelType> impactModels,
    Registry<AggregationType> aggregations,
    Registry<FailureModeType> failureModes) {

  /** The kinds shipped with Marginfall. */
  public static CoreTypes standard() {
    return of(
        List.of(ImpactModelType.standard()),
        List.of(AggregationType.standard()),
        List.of(FailureModeType.standard()));
  }

  /** Registries of the given kinds (a repeated name fails). */
  public static CoreTypes of(
      List<ImpactModelType> impactModels,
      List<AggregationType> aggregations,
      List<FailureModeType> failureModes) {
    return new CoreTypes(
        Registry.of(
            "impact model", ImpactModelType::name, impactModels.toArray(ImpactModelType[]::new)),
        Registry.of(
            "aggregation", AggregationType::name, aggregations.toArray(AggregationType[]::new)),
        Registry.of(
            "failure mode", FailureModeType::name, failureModes.toArray(FailureModeType[]::new)));
  }
}
