package org.marginfall.core.event;

/**
 * Something that happened in a run, stamped with its tick and liquidation round.
 *
 * <p>The family is closed so that writers and analyses can switch over it exhaustively; ids are
 * plain strings so events serialise as flat JSON objects. All implementations are immutable and
 * thread-safe.
 */
public sealed interface SimEvent
    permits ShockApplied,
        OracleUpdated,
        Trade,
        Liquidation,
        CollateralSale,
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
