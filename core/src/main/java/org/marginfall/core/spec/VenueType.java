package org.marginfall.core.spec;

import java.util.Map;

/**
 * A venue family that scenario files can name in {@code type:}, with what the family contributes to
 * the tools that work on scenario trees, so that they never name a family: the change an {@code
 * isolated} twin makes to its entries (docs/contagion.md, twins).
 *
 * <p>Implementations are stateless, immutable and thread-safe.
 */
public interface VenueType {

  /** The name used in scenario files. */
  String name();

  /**
   * Reads a venue of this type, reporting every failure to the node's problems.
   *
   * @return the spec, or null when the node has failures
   */
  VenueSpec read(SpecNode node, SpecContext context);

  /**
   * Changes a venue entry of this type, in place, into its isolated-margin form for an {@code
   * isolated} twin: what shares margin between an owner's positions no longer does. The entry is a
   * plain scenario tree (maps, lists, scalars) with its preset's fields already written out.
   *
   * @return whether the family has margin to isolate (the default: none, the entry is left alone)
   */
  default boolean isolate(Map<Object, Object> entry) {
    return false;
  }
}
