package org.marginfall.core.spec;

/**
 * The kinds of the core sections shipped with Marginfall (impact models, oracle aggregations,
 * failure modes), registered as a plug-in (listed in this module's {@code META-INF/services}) so
 * they are found the way a user's jar is. Stateless.
 */
public final class BuiltInCoreTypes implements MarginfallPlugin {

  @Override
  public void contribute(Contributions to) {
    for (ImpactModelType t : ImpactModelType.standard()) {
      to.impactModel(t);
    }
    for (AggregationType t : AggregationType.standard()) {
      to.aggregation(t);
    }
    for (FailureModeType t : FailureModeType.standard()) {
      to.failureMode(t);
    }
  }
}
