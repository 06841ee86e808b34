package org.marginfall.experiments.internal.sweep;

import java.util.Arrays;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecNode;

/**
 * Reads a sweep file's {@code design} section: a type name alone or a mapping with {@code type},
 * {@code samples} and {@code bootstrap} (docs/experiments.md). Stateless.
 */
final class DesignReader {

  private DesignReader() {}

  /** The design, or null after a problem (reported on {@code d}); a grid when absent. */
  static Design design(SpecNode d) {
    if (d.isMissing()) {
      return new Design(Design.Kind.GRID, 0, 0);
    }
    Problems.Mark mark = d.mark();
    String type = d.isObject() ? typeOfObject(d) : d.asString();
    Design.Kind kind = byLabel(type);
    if (kind == null && !type.isEmpty()) {
      (d.isObject() ? d.get("type") : d)
          .fail("unknown design '" + type + "' (known: grid, lhs, random, sobol)");
      return null;
    }
    if (kind == null) {
      return null;
    }
    int samples = samples(d, kind, type);
    int bootstrap = bootstrap(d, kind);
    if (mark.failed()) {
      return null;
    }
    return new Design(kind, samples, bootstrap);
  }

  /**
   * The design's kind when its type reads, whatever else is wrong with it (its problems are
   * reported by {@link #design}).
   */
  static Design.Kind kindOf(SpecNode d) {
    if (d.isMissing()) {
      return Design.Kind.GRID;
    }
    SpecNode t = d.isObject() ? d.get("type") : d;
    if (t.isMissing() || t.isObject() || t.isList()) {
      return null;
    }
    return byLabel(t.asString()); // a scalar: reads without a problem
  }

  private static String typeOfObject(SpecNode d) {
    d.allowOnly("type", "samples", "bootstrap");
    return d.string("type");
  }

  private static Design.Kind byLabel(String type) {
    return Arrays.stream(Design.Kind.values())
        .filter(k -> k.label().equals(type))
        .findFirst()
        .orElse(null);
  }

  /** A sampled design's sample count; a grid takes none (every combination of levels). */
  private static int samples(SpecNode d, Design.Kind kind, String type) {
    if (kind == Design.Kind.GRID) {
      if (d.isObject() && d.has("samples")) {
        d.get("samples").fail("a grid takes every combination of levels; remove this field");
      }
      return 0;
    }
    if (!d.isObject()) {
      d.fail("a " + type + " design needs samples, e.g. {type: " + type + ", samples: 64}");
      return 0;
    }
    return d.integer("samples", 1, 10_000_000);
  }

  private static int bootstrap(SpecNode d, Design.Kind kind) {
    if (kind == Design.Kind.SOBOL && d.isObject()) {
      return d.integer("bootstrap", 500, 0, 100_000);
    }
    if (d.isObject() && d.has("bootstrap")) {
      d.get("bootstrap")
          .fail("only a sobol design has bootstrap confidence intervals; remove this field");
    }
    return 0;
  }
}
