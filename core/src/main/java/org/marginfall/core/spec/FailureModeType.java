package org.marginfall.core.spec;

import java.util.List;
import org.marginfall.core.oracle.OracleFailure;
import org.marginfall.core.price.PriceProcessSpec;

/**
 * A way a feed fails that a scenario's oracle failure names ({@code mode:}), with the parameter
 * fields it takes: the members of {@link CoreTypes#failureModes()}.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface FailureModeType {

  /** The name in scenario files ({@code mode:}). */
  String name();

  /** The fields of a failure entry this mode takes besides the common ones. */
  List<String> fields();

  /**
   * Reads the mode from the failure entry {@code failure}, reporting failures at their paths.
   *
   * @return the mode, or null after a failure
   */
  OracleFailure.Mode read(SpecNode failure);

  /** The modes shipped with Marginfall: {@code frozen}, {@code lagging} and {@code wrong}. */
  static FailureModeType[] standard() {
    return new FailureModeType[] {new Frozen(), new Lagging(), new Wrong()};
  }

  /** {@code frozen}: the feed publishes nothing. */
  record Frozen() implements FailureModeType {

    @Override
    public String name() {
      return "frozen";
    }

    @Override
    public List<String> fields() {
      return List.of();
    }

    @Override
    public OracleFailure.Mode read(SpecNode failure) {
      return new OracleFailure.Frozen();
    }
  }

  /** {@code lagging}: the feed reads {@code lagSteps} older prices. */
  record Lagging() implements FailureModeType {

    @Override
    public String name() {
      return "lagging";
    }

    @Override
    public List<String> fields() {
      return List.of("lagSteps");
    }

    @Override
    public OracleFailure.Mode read(SpecNode failure) {
      Problems.Mark mark = failure.mark();
      int lag = failure.integer("lagSteps", 1, 100_000);
      return mark.failed() ? null : new OracleFailure.Lagging(lag);
    }
  }

  /** {@code wrong}: the feed publishes a fixed {@code value} or a {@code factor} of the price. */
  record Wrong() implements FailureModeType {

    @Override
    public String name() {
      return "wrong";
    }

    @Override
    public List<String> fields() {
      return List.of("value", "factor");
    }

    @Override
    public OracleFailure.Mode read(SpecNode failure) {
      if (failure.has("value") == failure.has("factor")) {
        failure.fail(
            "a wrong failure takes exactly one of value (a price) or factor (a multiple of the true price)");
        return null;
      }
      Problems.Mark mark = failure.mark();
      if (failure.has("value")) {
        double value =
            failure.atMost("value", failure.positive("value"), PriceProcessSpec.MAX_PRICE);
        return mark.failed() ? null : new OracleFailure.WrongValue(value);
      }
      double factor =
          failure.atMost("factor", failure.positive("factor"), OracleFailure.MAX_FACTOR);
      return mark.failed() ? null : new OracleFailure.WrongFactor(factor);
    }
  }
}
