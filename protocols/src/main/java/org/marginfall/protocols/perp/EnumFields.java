package org.marginfall.protocols.perp;

import java.util.function.Function;
import org.marginfall.core.spec.SpecNode;

/**
 * Reads the enumerated fields of a perpetual venue's sections by their scenario names. Stateless.
 */
final class EnumFields {

  private EnumFields() {}

  /**
   * Reads an enumerated field by its scenario names; the default after a reported failure, so the
   * rest of the entry is still read.
   */
  static <E> E choice(
      SpecNode node,
      String field,
      String what,
      E[] values,
      Function<E, String> name,
      E defaultValue) {
    E e = node.choice(field, what, SpecNode.byName(name, values), defaultValue);
    return e == null ? defaultValue : e;
  }
}
