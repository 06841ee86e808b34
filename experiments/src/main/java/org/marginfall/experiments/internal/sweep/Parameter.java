package org.marginfall.experiments.internal.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.marginfall.experiments.internal.scenario.FieldPath;

/**
 * One swept parameter: where it goes in the scenario and which values it takes.
 *
 * <p>A parameter either lists its {@code values} (any scalars, taken in order by a grid and as
 * equally likely levels by the sampled designs) or spans a range {@code [min, max]} on a linear or
 * logarithmic scale, with {@code points} levels for a grid. Sampled designs map a unit coordinate
 * {@code u} in [0, 1) to a value with {@link #at(double)}. Immutable and thread-safe.
 *
 * @param name the column name in the outputs
 * @param path where the value is written in the scenario
 * @param values the listed levels, or empty for a range
 * @param min the range's lower end (NaN for listed values)
 * @param max the range's upper end (NaN for listed values)
 * @param scale how a range is spread
 * @param points the number of grid levels of a range (0 when not given)
 * @param integer whether range values are rounded to whole numbers
 */
public record Parameter(
    String name,
    FieldPath path,
    List<Object> values,
    double min,
    double max,
    Scale scale,
    int points,
    boolean integer) {

  /** How a range is spread between its ends. */
  public enum Scale {
    /** Evenly in the value. */
    LINEAR,
    /** Evenly in the logarithm of the value (both ends positive). */
    LOG
  }

  /** Validates the fields. */
  public Parameter {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(scale, "scale");
    values = List.copyOf(values);
    if (values.isEmpty()) {
      if (!(Double.isFinite(min) && Double.isFinite(max) && max > min)) {
        throw new IllegalArgumentException("max: must be above min (" + min + "), was " + max);
      }
      if (scale == Scale.LOG && !(min > 0)) {
        throw new IllegalArgumentException("min: a log scale needs a positive range, was " + min);
      }
      if (points < 0 || points == 1) {
        throw new IllegalArgumentException("points: must be at least 2, was " + points);
      }
    }
  }

  /** Whether the parameter lists its values rather than spanning a range. */
  public boolean listed() {
    return !values.isEmpty();
  }

  /**
   * The value at unit coordinate {@code u} in [0, 1): the level {@code floor(u n)} of listed
   * values, else {@code min + u (max - min)} (linear) or {@code exp(ln min + u (ln max - ln min))}
   * (log), rounded when integer.
   */
  public Object at(double u) {
    if (listed()) {
      int i = Math.min(values.size() - 1, (int) Math.floor(u * values.size()));
      return values.get(i);
    }
    double x =
        scale == Scale.LINEAR
            ? min + u * (max - min)
            : StrictMath.exp(StrictMath.log(min) + u * (StrictMath.log(max) - StrictMath.log(min)));
    return integer ? (Object) Math.round(x) : (Object) x;
  }

  /**
   * The grid levels: the listed values, or {@code points} levels from {@code min} to {@code max}
   * inclusive, evenly spaced in the value (linear) or its logarithm (log).
   *
   * @throws IllegalStateException for a range without {@code points}
   */
  public List<Object> gridLevels() {
    if (listed()) {
      return values;
    }
    if (points < 2) {
      throw new IllegalStateException(name + ": a grid needs points or values");
    }
    List<Object> out = new ArrayList<>(points);
    for (int i = 0; i < points; i++) {
      double f = (double) i / (points - 1);
      double x;
      if (i == points - 1) {
        x = max;
      } else if (scale == Scale.LINEAR) {
        x = min + f * (max - min);
      } else {
        x = StrictMath.exp(StrictMath.log(min) + f * (StrictMath.log(max) - StrictMath.log(min)));
      }
      out.add(integer ? (Object) Math.round(x) : (Object) x);
    }
    return out;
  }
}
