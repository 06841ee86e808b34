package org.marginfall.core.spec;

import java.util.function.Supplier;
import org.marginfall.core.util.FieldException;

/**
 * Runs a record's constructor or one of its rules for a {@link SpecNode} and turns the validation
 * exception it throws into a problem at the field it names, so a reader asks the record instead of
 * repeating its checks. Stateless.
 */
final class RecordRules {

  private RecordRules() {}

  /** As {@link SpecNode#build}: the record, or null after a failure reported at {@code node}. */
  static <T> T build(SpecNode node, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (FieldException e) {
      if (node.fieldNames().contains(e.field())) {
        node.get(e.field()).fail(e.reason());
      } else {
        node.fail(e.getMessage());
      }
      return null;
    } catch (IllegalArgumentException e) {
      String message = String.valueOf(e.getMessage());
      int colon = message.indexOf(": ");
      if (colon > 0 && node.fieldNames().contains(message.substring(0, colon))) {
        node.get(message.substring(0, colon)).fail(message.substring(colon + 2));
      } else {
        node.fail(message);
      }
      return null;
    }
  }

  /** As {@link SpecNode#check}: whether the rule held, its failure reported at {@code field}. */
  static boolean check(SpecNode node, String field, Runnable rule) {
    try {
      rule.run();
      return true;
    } catch (FieldException e) {
      node.get(field).fail(e.reason());
      return false;
    }
  }
}
