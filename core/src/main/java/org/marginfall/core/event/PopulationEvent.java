package org.marginfall.core.event;

/**
 * An event of one agent family that happens outside any venue (an institution's default, its fire
 * sale), defined by that family's module.
 *
 * <p>Like {@link VenueEvent}, an open branch so that {@code core} never has to know a concrete
 * behaviour. Implementations are immutable records and thread-safe.
 */
public non-sealed interface PopulationEvent extends SimEvent {

  /** The population the event belongs to. */
  String population();
}
