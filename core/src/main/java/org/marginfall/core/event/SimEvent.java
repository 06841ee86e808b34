package org.marginfall.core.event;

/**
 * Something that happened in a run, stamped with its tick and liquidation round.
 *
 * <p>The family is closed so that writers and analyses can switch over it exhaustively; ids are
 * plain strings so events serialise as flat JSON objects. Venue families' events (a perpetual's
 * trades and liquidations among them) live in the family's package, on the open {@link VenueEvent}
 * branch; liquidation-like ones implement {@link LiquidationEvent}. All implementations are
 * immutable and thread-safe.
 */
public sealed interface SimEvent
    permits ShockApplied,
        OracleUpdated,
        MarketTrade,
        InsurancePayout,
        BadDebt,
        LiquidationBacklog,
        VenueEvent,
        PopulationEvent {

  /** The tick. */
  long step();

  /** The liquidation round, 0 outside the liquidation phase. */
  int round();

  /** The event type as written to {@code events.jsonl}. */
  String type();
}
