package org.marginfall.core.spec;

import org.marginfall.core.asset.AssetId;
import org.marginfall.core.event.EventSink;
import org.marginfall.core.event.SimClock;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.market.Markets;
import org.marginfall.core.oracle.Oracles;
import org.marginfall.core.random.RandomStreams;

/**
 * The shared run state a venue is built against: the ledger it keeps its accounts in, the markets
 * it unwinds into, the oracles it marks with, the event sink and the clock.
 *
 * <p>The record is immutable; the objects it holds are the run's mutable state, not thread-safe.
 *
 * @param ledger the run's ledger
 * @param markets the shared markets
 * @param oracles the oracles
 * @param events where events go
 * @param clock simulated time
 * @param baseCurrency the unit of account
 * @param streams the run's named random streams; a venue draws only from streams named {@code
 *     venues/<id>/...}
 */
public record VenueServices(
    Ledger ledger,
    Markets markets,
    Oracles oracles,
    EventSink events,
    SimClock clock,
    AssetId baseCurrency,
    RandomStreams streams) {}
