package org.marginfall.core.spec;

/**
 * A venue family that scenario files can name in {@code type:}.
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
}
