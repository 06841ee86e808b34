package org.marginfall.reports.data;

import java.util.Objects;

/**
 * One field value of a {@code summary.json} section, kept with the JSON type it was written with:
 * counts are written as JSON integers and money or prices as doubles, and the page formats the two
 * differently. {@code null} is a value in its own right (e.g. {@code amplification} when the
 * fundamental never fell), not an absent field.
 *
 * <p>All implementations are immutable records and thread-safe.
 */
public sealed interface SummaryValue
    permits SummaryValue.Int,
        SummaryValue.Real,
        SummaryValue.Text,
        SummaryValue.Bool,
        SummaryValue.Null,
        SummaryValue.Structured {

  /** Whether this value is a number (integer or real). */
  default boolean isNumber() {
    return this instanceof Int || this instanceof Real;
  }

  /** A JSON integer, e.g. a count or a step number. Immutable and thread-safe. */
  record Int(long value) implements SummaryValue {}

  /**
   * A JSON number with a fraction or exponent, e.g. money, a price or a ratio. Immutable and
   * thread-safe.
   */
  record Real(double value) implements SummaryValue {}

  /** A JSON string. Immutable and thread-safe. */
  record Text(String value) implements SummaryValue {
    public Text {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A JSON boolean. Immutable and thread-safe. */
  record Bool(boolean value) implements SummaryValue {}

  /**
   * JSON {@code null}: the metric is undefined for this run (documented per field). Immutable and
   * thread-safe.
   */
  record Null() implements SummaryValue {}

  /**
   * A nested object or array, which the contract does not define inside a section yet; kept as its
   * compact JSON text so a newer engine's extra structure still shows up instead of failing.
   * Immutable and thread-safe.
   */
  record Structured(String json) implements SummaryValue {
    public Structured {
      Objects.requireNonNull(json, "json");
    }
  }
}
