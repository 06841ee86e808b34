package org.marginfall.experiments.internal.plugin.kinds;

import java.util.List;
import org.marginfall.core.market.ImpactModel;
import org.marginfall.core.oracle.Aggregation;
import org.marginfall.core.oracle.OracleFailure;
import org.marginfall.core.spec.AggregationType;
import org.marginfall.core.spec.Contributions;
import org.marginfall.core.spec.FailureModeType;
import org.marginfall.core.spec.ImpactModelType;
import org.marginfall.core.spec.MarginfallPlugin;
import org.marginfall.core.spec.SpecNode;

/**
 * A test plug-in that adds one kind of each core section: the impact model {@code half-spread}, the
 * aggregation {@code lowest} and the failure mode {@code floor}.
 */
public final class KindsPlugin implements MarginfallPlugin {

  @Override
  public void contribute(Contributions to) {
    to.impactModel(
        new ImpactModelType() {
          @Override
          public String name() {
            return "half-spread";
          }

          @Override
          public ImpactModel read(SpecNode impact) {
            impact.allowOnly("model", "halfSpread");
            double h = impact.positive("halfSpread");
            return Double.isNaN(h) ? null : new HalfSpreadImpact(h);
          }
        });
    to.aggregation(
        new AggregationType() {
          @Override
          public String name() {
            return "lowest";
          }

          @Override
          public Aggregation read(SpecNode oracle) {
            return new LowestAggregation();
          }
        });
    to.failureMode(
        new FailureModeType() {
          @Override
          public String name() {
            return "floor";
          }

          @Override
          public List<String> fields() {
            return List.of("floor");
          }

          @Override
          public OracleFailure.Mode read(SpecNode failure) {
            double floor = failure.positive("floor");
            return Double.isNaN(floor) ? null : new FloorMode(floor);
          }
        });
  }
}
