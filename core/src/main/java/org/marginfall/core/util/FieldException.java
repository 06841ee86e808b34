package org.marginfall.core.util;

/**
 * A value's rule broken, naming the field (the record component or scenario field) it belongs to,
 * so that a scenario reader can place the failure at that field's path instead of repeating the
 * rule.
 *
 * <p>The message is {@code "field: reason"}, as every check of {@link Checks} writes it. Immutable.
 */
public final class FieldException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String field;
  private final String reason;

  /** A failure of {@code field}: {@code reason} says what is wrong, e.g. {@code must be > 0}. */
  public FieldException(String field, String reason) {
    super(field + ": " + reason);
    this.field = field;
    this.reason = reason;
  }

  /** The field whose rule failed. */
  public String field() {
    return field;
  }

  /** What is wrong, without the field name. */
  public String reason() {
    return reason;
  }
}
