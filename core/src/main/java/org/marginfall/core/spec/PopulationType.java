package org.marginfall.core.spec;

/**
 * An agent behaviour that scenario files can name in {@code type:}.
 *
 * <p>Implementations are stateless, immutable and thread-safe.
 */
public interface PopulationType {

  /** The name used in scenario files. */
  String name();

  /**
   * Reads a population of this type, reporting every failure to the node's problems.
   *
   * @return the spec, or null when the node has failures
   */
  PopulationSpec read(SpecNode node, SpecContext context);
}
