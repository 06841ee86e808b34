package org.marginfall.core.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.contagion.Channel;
import org.marginfall.core.contagion.ChannelSwitches;
import org.marginfall.core.market.Markets;
import org.marginfall.core.oracle.Oracle;
import org.marginfall.core.oracle.OracleDesign;
import org.marginfall.core.oracle.OracleId;
import org.marginfall.core.oracle.Oracles;
import org.marginfall.core.random.RandomStream;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.random.StreamSeeds;
import org.marginfall.core.spec.VenueSpec;
import org.marginfall.core.venue.VenueId;

/**
 * Builds a {@link World}'s oracles at set-up: the shared ones and, where a channel is closed, each
 * venue's own copies, then their feeds. Static steps only.
 */
final class OracleWiring {

  private OracleWiring() {}

  /**
   * Whether each venue reads its own copy of every oracle: with the market, derived-collateral or
   * oracle channel closed it observes the prices that venue sees; otherwise all venues share one.
   */
  static boolean ownOracles(ChannelSwitches channels) {
    return !channels.isOpen(Channel.COMMON_MARKET)
        || !channels.isOpen(Channel.DERIVED_COLLATERAL)
        || !channels.isOpen(Channel.COMMON_ORACLE);
  }

  /**
   * Adds the scenario's oracles to {@code shared} and (when {@code own}) to every venue's copy,
   * then their feeds of {@code priced}. Oracle feeds start at the initial prices, which for derived
   * assets are the issuers' NAVs: every oracle (and every venue's copy) gets its spot feeds before
   * any derived feed, because a NAV (a backstop vault's) may read its venue's oracle.
   */
  static void wire(
      ModelSpec spec,
      RandomStreams streams,
      ChannelSwitches channels,
      Markets markets,
      Oracles shared,
      Map<VenueId, Oracles> venueOracles,
      boolean own,
      List<AssetId> priced) {
    Map<OracleId, VenueId> firstReader = new LinkedHashMap<>();
    for (VenueSpec v : spec.venues()) {
      v.oraclesRead().stream().sorted().forEach(id -> firstReader.putIfAbsent(id, v.id()));
    }
    for (OracleSpec o : spec.oracles()) {
      shared.add(oracle(o.id(), o.design(), streams));
      if (own) {
        for (Map.Entry<VenueId, Oracles> e : venueOracles.entrySet()) {
          OracleDesign design = o.design();
          if (!channels.isOpen(Channel.COMMON_ORACLE)
              && !e.getKey().equals(firstReader.get(o.id()))) {
            design = design.withoutFailures();
          }
          e.getValue().add(oracle(o.id(), design, streams));
        }
      }
    }
    for (AssetId a : priced) {
      for (OracleSpec o : spec.oracles()) {
        shared.oracle(o.id()).addFeed(a, markets.price(a));
        if (own) {
          for (Map.Entry<VenueId, Oracles> e : venueOracles.entrySet()) {
            e.getValue().oracle(o.id()).addFeed(a, markets.priceFor(e.getKey(), a));
          }
        }
      }
    }
  }

  /**
   * An oracle of the run. Only a noisy oracle takes a stream (so runs without one list the same
   * streams as before); a venue's own copy draws the same numbers as the shared one.
   */
  private static Oracle oracle(OracleId id, OracleDesign design, RandomStreams streams) {
    if (!design.needsRandomness()) {
      return new Oracle(id, design, null);
    }
    String name = "oracles/" + id.value();
    streams.stream(name);
    return new Oracle(
        id,
        design,
        new RandomStream(
            name, StreamSeeds.seed(streams.masterSeed(), name, streams.replication())));
  }
}
