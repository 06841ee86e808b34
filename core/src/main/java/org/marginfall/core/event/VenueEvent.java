package org.marginfall.core.event;

/**
 * An event specific to one venue family (a perpetual's trades, liquidations and funding payments,
 * auto-deleveraging, auctions, loan liquidations), defined in that family's package; its
 * liquidation-like events also implement {@link LiquidationEvent}.
 *
 * <p>The engine's own events form a closed family; venue families extend this open branch so that
 * {@code core} never has to know a concrete venue. Writers serialise any event record generically.
 * Implementations are immutable records and thread-safe.
 */
public non-sealed interface VenueEvent extends SimEvent {

  /** The venue the event happened on. */
  String venue();
}
