package org.marginfall.core.spec;

import java.util.function.Supplier;
import org.marginfall.core.oracle.Aggregation;

/**
 * A way of combining an oracle's sources that a scenario's {@code aggregation:} names: the members
 * of {@link CoreTypes#aggregations()}.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface AggregationType {

  /** The name in scenario files ({@code aggregation:}). */
  String name();

  /**
   * Reads the aggregation for the oracle {@code oracle}, reporting failures at their paths.
   *
   * @return the aggregation, or null after a failure
   */
  Aggregation read(SpecNode oracle);

  /** The aggregations shipped with Marginfall: {@code median} and {@code mean}. */
  static AggregationType[] standard() {
    return new AggregationType[] {
      new Plain("median", Aggregation.Median::new), new Plain("mean", Aggregation.WeightedMean::new)
    };
  }

  /**
   * An aggregation without parameters.
   *
   * @param name its name
   * @param create the aggregation
   */
  record Plain(String name, Supplier<Aggregation> create) implements AggregationType {

    @Override
    public Aggregation read(SpecNode oracle) {
      return create.get();
    }
  }
}
