package org.marginfall.core.spec;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the plain-Java trees a YAML or JSON parser produces, with keys in file order. */
final class Trees {

  private Trees() {}

  /** A map of alternating keys and values, in order; values may be null. */
  static Map<String, Object> map(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values must alternate");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }
}
