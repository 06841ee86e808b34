package org.marginfall.core.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.agent.Population;
import org.marginfall.core.asset.Asset;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.attribution.ExogenousPath;
import org.marginfall.core.contagion.ChannelSwitches;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.ledger.Quantities;
import org.marginfall.core.market.Markets;
import org.marginfall.core.market.SharedMarket;
import org.marginfall.core.oracle.Oracles;
import org.marginfall.core.price.FundamentalPrices;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.spec.VenueServices;
import org.marginfall.core.spec.VenueSpec;
import org.marginfall.core.venue.Venue;
import org.marginfall.core.venue.VenueId;

/**
 * The set-up of a {@link World}'s parts from its spec, in the order their random streams are drawn
 * and their ledger effects happen: ledger, fundamentals, spot markets, venues, secondary markets,
 * oracles, contagion, agents' context, populations. The world is the clock and event sink of every
 * part. Used once, while the world is built.
 */
final class WorldWiring {

  final Ledger ledger;
  final FundamentalPrices fundamentals;
  final ChannelSwitches channels;
  final Markets markets;
  final Oracles oracles;
  final Map<VenueId, Oracles> venueOracles = new LinkedHashMap<>();
  final List<Venue> venues = new ArrayList<>();
  final Map<VenueId, Venue> venuesById = new LinkedHashMap<>();
  final ContagionTracker contagion;
  final AgentContext agents;
  final List<Population> populations = new ArrayList<>();

  /** The index in the scenario's assets of each spot asset, in {@link #fundamentals}' order. */
  final int[] spotIndex;

  final AssetId base;

  private final World world;

  WorldWiring(World world, ModelSpec spec, RandomStreams streams, boolean probe) {
    this.world = world;
    this.base = spec.baseCurrency();
    this.ledger = newLedger(spec);
    List<AssetId> spot = spec.spotAssets();
    this.fundamentals =
        new FundamentalPrices(
            spot,
            spot.stream().map(a -> spec.prices().get(a)).toList(),
            spec.correlation(),
            world.settings().stepSeconds(),
            streams);
    this.channels = spec.channels();
    this.markets = new Markets(ledger, base, world, world);
    List<MarketSpec> secondary = addSpotMarkets(spec);
    this.oracles = new Oracles(base);
    boolean ownOracles = OracleWiring.ownOracles(channels);
    resolveVenues(spec, streams, ownOracles);
    addSecondaryMarkets(secondary);
    OracleWiring.wire(
        spec, streams, channels, markets, oracles, venueOracles, ownOracles, pricedAssets());
    this.contagion = newContagion(spec, streams, probe);
    this.agents =
        new LedgerAgentContext(
            world, base, ledger, markets, venuesById, world, contagion, channels);
    for (PopulationSpec p : spec.populations()) {
      populations.add(p.resolve(streams));
    }
    this.spotIndex = spotIndex(spec);
  }

  /**
   * An asset whose precision no resolution chose (a world built directly) counts in micro-units.
   */
  private static Ledger newLedger(ModelSpec spec) {
    return new Ledger(
        spec.assets().stream().map(Asset::id).toList(),
        spec.assets().stream()
            .map(a -> a.declaresDecimals() ? a.decimals() : Quantities.DEFAULT_DECIMALS)
            .toList());
  }

  /** Adds the spot assets' markets; returns the derived assets' ones, added once issuers exist. */
  private List<MarketSpec> addSpotMarkets(ModelSpec spec) {
    List<AssetId> spot = spec.spotAssets();
    List<MarketSpec> secondary = new ArrayList<>();
    for (MarketSpec m : spec.markets()) {
      if (spot.contains(m.asset())) {
        markets.add(
            new SharedMarket(
                m.asset(),
                m.impact(),
                m.halfLifeSteps(),
                PricePhases.fundamental(fundamentals, m.asset())));
      } else {
        secondary.add(m);
      }
    }
    return secondary;
  }

  /** Resolves the venues in scenario order, each reading the shared oracles or its own copy. */
  private void resolveVenues(ModelSpec spec, RandomStreams streams, boolean ownOracles) {
    for (int i = 0; i < spec.venues().size(); i++) {
      VenueSpec v = spec.venues().get(i);
      Oracles read = ownOracles ? new Oracles(base) : oracles;
      venueOracles.put(v.id(), read);
      VenueServices services =
          new VenueServices(ledger, markets, read, world, world, base, streams);
      Venue venue = world.acting(World.venueEntry(i), "venue " + v.id(), () -> v.resolve(services));
      venues.add(venue);
      venuesById.put(venue.id(), venue);
      for (AssetId a : v.issuedAssets()) {
        if (!markets.isDerived(a)) {
          throw new IllegalStateException(v.id() + " issues " + a + " but declared no NAV for it");
        }
      }
    }
  }

  /**
   * A derived asset's secondary market trades around its issuer's NAV, known once the issuer
   * exists; then the markets learn which channels are open.
   */
  private void addSecondaryMarkets(List<MarketSpec> secondary) {
    for (MarketSpec m : secondary) {
      markets.add(
          new SharedMarket(m.asset(), m.impact(), m.halfLifeSteps(), markets.nav(m.asset())));
    }
    markets.configureChannels(channels);
  }

  /** The contagion tracker, with the run's exogenous path replayed unless this is a probe. */
  private ContagionTracker newContagion(ModelSpec spec, RandomStreams streams, boolean probe) {
    List<Oracles> registries = new ArrayList<>(venueOracles.values());
    registries.add(oracles);
    return new ContagionTracker(
        markets,
        venuesById,
        venueOracles,
        pricedAssets(),
        ledger,
        world,
        probe
            ? ExogenousPath.NONE
            : ExogenousReplay.replay(
                spec, streams.masterSeed(), streams.replication(), registries));
  }

  /** Spot assets (with markets) then derived assets (priced at their issuer's NAV). */
  private List<AssetId> pricedAssets() {
    List<AssetId> out = new ArrayList<>();
    markets.all().forEach(m -> out.add(m.asset()));
    for (AssetId d : markets.derivedAssets()) {
      if (!out.contains(d)) {
        out.add(d);
      }
    }
    return out;
  }

  /** The index in the scenario's assets of each spot asset, in the fundamentals' order. */
  private static int[] spotIndex(ModelSpec spec) {
    List<AssetId> assetIds = spec.assets().stream().map(Asset::id).toList();
    List<AssetId> spot = spec.spotAssets();
    int[] index = new int[spot.size()];
    for (int i = 0; i < spot.size(); i++) {
      index[i] = assetIds.indexOf(spot.get(i));
    }
    return index;
  }
}
