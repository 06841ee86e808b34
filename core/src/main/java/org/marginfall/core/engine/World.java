package org.marginfall.core.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.agent.Population;
import org.marginfall.core.asset.Asset;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.asset.AssetKind;
import org.marginfall.core.attribution.ExogenousPath;
import org.marginfall.core.contagion.Channel;
import org.marginfall.core.contagion.ChannelSwitches;
import org.marginfall.core.event.EventSink;
import org.marginfall.core.event.LiquidationBacklog;
import org.marginfall.core.event.OracleUpdated;
import org.marginfall.core.event.ShockApplied;
import org.marginfall.core.event.SimClock;
import org.marginfall.core.event.SimEvent;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.ledger.LedgerRangeException;
import org.marginfall.core.ledger.Quantities;
import org.marginfall.core.market.Markets;
import org.marginfall.core.market.SharedMarket;
import org.marginfall.core.metric.HealthBands;
import org.marginfall.core.metric.RunListener;
import org.marginfall.core.metric.RunSettings;
import org.marginfall.core.metric.RunStart;
import org.marginfall.core.metric.StepRecord;
import org.marginfall.core.oracle.Oracle;
import org.marginfall.core.oracle.OracleDesign;
import org.marginfall.core.oracle.OracleFeed;
import org.marginfall.core.oracle.OracleId;
import org.marginfall.core.oracle.Oracles;
import org.marginfall.core.price.FundamentalPrices;
import org.marginfall.core.price.PriceProcessSpec;
import org.marginfall.core.price.PriceShock;
import org.marginfall.core.random.RandomStream;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.random.StreamSeeds;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.spec.VenueServices;
import org.marginfall.core.spec.VenueSpec;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.Venue;
import org.marginfall.core.venue.VenueId;
import org.marginfall.core.venue.VenueSnapshot;

/**
 * All mutable state of one run and the work of each phase.
 *
 * <p>The MASON model owns one world and calls {@link #runPhase(Phase)} once per phase and tick.
 * Agents see it only as an {@link AgentContext} (a {@link LedgerAgentContext}), venues only through
 * {@link VenueServices}. Mutable and not thread-safe: one run is single-threaded.
 */
public final class World implements SimClock, EventSink {

  private final RunSettings settings;
  private final int replication;
  private final AssetId base;
  private final Ledger ledger;
  private final FundamentalPrices fundamentals;
  private final Markets markets;
  private final Oracles oracles;
  private final Map<VenueId, Oracles> venueOracles = new LinkedHashMap<>();
  private final ChannelSwitches channels;
  private final ContagionTracker contagion;
  private final List<PriceShock> shocks;
  private final AgentContext agents;
  private final List<Venue> venues = new ArrayList<>();
  private final Map<VenueId, Venue> venuesById = new LinkedHashMap<>();
  private final List<Population> populations = new ArrayList<>();
  private final List<RunListener> listeners;
  private final Auditor auditor;
  private final List<Asset> assets;
  private final boolean probe;
  private final Map<VenueId, VenueSnapshot> previous = new LinkedHashMap<>();

  /** Per venue, the array its health values are written into every tick, grown when too short. */
  private final Map<VenueId, double[]> healthBuffers = new HashMap<>();

  private long step;
  private int round;

  /** The order {@link #setUp} sets the populations up in, as indexes into {@link #populations}. */
  private final List<Integer> setUpOrder;

  /** The index in the scenario's assets of each spot asset, in {@link #fundamentals}' order. */
  private final int[] spotIndex;

  private World(
      ModelSpec spec,
      RandomStreams streams,
      List<RunListener> listeners,
      boolean audit,
      boolean probe) {
    this.probe = probe;
    this.assets = spec.assets();
    this.settings = spec.settings().withSeed(streams.masterSeed());
    this.replication = streams.replication();
    this.base = spec.baseCurrency();
    this.listeners = List.copyOf(listeners);
    List<AssetId> assetIds = spec.assets().stream().map(Asset::id).toList();
    // An asset whose precision no resolution chose (a world built directly) counts in micro-units.
    this.ledger =
        new Ledger(
            assetIds,
            spec.assets().stream()
                .map(a -> a.declaresDecimals() ? a.decimals() : Quantities.DEFAULT_DECIMALS)
                .toList());
    List<AssetId> spot = spec.spotAssets();
    this.fundamentals =
        new FundamentalPrices(
            spot,
            spot.stream().map(a -> spec.prices().get(a)).toList(),
            spec.correlation(),
            settings.stepSeconds(),
            streams);
    this.channels = spec.channels();
    this.markets = new Markets(ledger, base, this, this);
    List<MarketSpec> secondary = new ArrayList<>();
    for (MarketSpec m : spec.markets()) {
      if (spot.contains(m.asset())) {
        markets.add(
            new SharedMarket(m.asset(), m.impact(), m.halfLifeSteps(), fundamental(m.asset())));
      } else {
        secondary.add(m);
      }
    }
    this.oracles = new Oracles(base);
    this.shocks = spec.shocks();
    // With the market, derived-collateral or oracle channel closed, each venue reads its own copy
    // of
    // every oracle, observing the prices that venue sees; otherwise all venues share one.
    boolean ownOracles =
        !channels.isOpen(Channel.COMMON_MARKET)
            || !channels.isOpen(Channel.DERIVED_COLLATERAL)
            || !channels.isOpen(Channel.COMMON_ORACLE);
    for (int i = 0; i < spec.venues().size(); i++) {
      VenueSpec v = spec.venues().get(i);
      Oracles read = ownOracles ? new Oracles(base) : oracles;
      venueOracles.put(v.id(), read);
      VenueServices services = new VenueServices(ledger, markets, read, this, this, base, streams);
      int entry = i;
      Venue venue = acting(venueEntry(entry), "venue " + v.id(), () -> v.resolve(services));
      venues.add(venue);
      venuesById.put(venue.id(), venue);
      for (AssetId a : v.issuedAssets()) {
        if (!markets.isDerived(a)) {
          throw new IllegalStateException(v.id() + " issues " + a + " but declared no NAV for it");
        }
      }
    }
    // A derived asset's secondary market trades around its issuer's NAV, known once the issuer
    // exists.
    for (MarketSpec m : secondary) {
      markets.add(
          new SharedMarket(m.asset(), m.impact(), m.halfLifeSteps(), markets.nav(m.asset())));
    }
    markets.configureChannels(channels);
    // Oracle feeds start at the initial prices, which for derived assets are the issuers' NAVs:
    // every oracle (and every venue's copy) gets its spot feeds before any derived feed, because
    // a NAV (a backstop vault's) may read its venue's oracle.
    Map<OracleId, VenueId> firstReader = new LinkedHashMap<>();
    for (VenueSpec v : spec.venues()) {
      v.oraclesRead().stream().sorted().forEach(id -> firstReader.putIfAbsent(id, v.id()));
    }
    for (OracleSpec o : spec.oracles()) {
      oracles.add(oracle(o.id(), o.design(), streams));
      if (ownOracles) {
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
    for (AssetId a : pricedAssets()) {
      for (OracleSpec o : spec.oracles()) {
        oracles.oracle(o.id()).addFeed(a, markets.price(a));
        if (ownOracles) {
          for (Map.Entry<VenueId, Oracles> e : venueOracles.entrySet()) {
            e.getValue().oracle(o.id()).addFeed(a, markets.priceFor(e.getKey(), a));
          }
        }
      }
    }
    List<Oracles> registries = new ArrayList<>(venueOracles.values());
    registries.add(oracles);
    this.contagion =
        new ContagionTracker(
            markets,
            venuesById,
            venueOracles,
            pricedAssets(),
            ledger,
            this,
            probe
                ? ExogenousPath.NONE
                : ExogenousReplay.replay(
                    spec, streams.masterSeed(), streams.replication(), registries));
    this.agents =
        new LedgerAgentContext(this, base, ledger, markets, venuesById, this, contagion, channels);
    for (PopulationSpec p : spec.populations()) {
      populations.add(p.resolve(streams));
    }
    this.setUpOrder = setUpOrder(spec.populations());
    this.spotIndex = new int[spot.size()];
    for (int i = 0; i < spot.size(); i++) {
      spotIndex[i] = assetIds.indexOf(spot.get(i));
    }
    this.auditor = audit ? new Auditor() : null;
  }

  /**
   * The order populations are set up in: scenario order, except that a population drawing funds
   * from a venue at set-up (borrowers) waits for every population funding that venue (suppliers),
   * so that the order of the agents list does not decide whether the reserves hold anything yet.
   * Scenario order where the waits would go round in a circle.
   */
  static List<Integer> setUpOrder(List<? extends PopulationSpec> specs) {
    int n = specs.size();
    List<Integer> order = new ArrayList<>();
    boolean[] done = new boolean[n];
    while (order.size() < n) {
      int next = -1;
      for (int i = 0; i < n && next < 0; i++) {
        if (!done[i] && !waits(specs, i, done)) {
          next = i;
        }
      }
      for (int i = 0; i < n && next < 0; i++) {
        if (!done[i]) {
          next = i;
        }
      }
      done[next] = true;
      order.add(next);
    }
    return List.copyOf(order);
  }

  private static boolean waits(List<? extends PopulationSpec> specs, int i, boolean[] done) {
    for (int j = 0; j < specs.size(); j++) {
      if (j != i && !done[j]) {
        for (VenueId v : specs.get(i).drawsAtSetUp()) {
          if (specs.get(j).fundsAtSetUp().contains(v)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static String venueEntry(int i) {
    return "venues[" + i + "]";
  }

  private static String populationEntry(int i) {
    return "agents[" + i + "]";
  }

  /**
   * Runs {@code action} of scenario entry {@code entry} (named {@code who}) at the current step: a
   * refused request or a quantity beyond the ledger's range becomes a {@link ScenarioFailure}
   * naming the entry. A range failure at set-up stays a {@link LedgerRangeException}, noted with
   * the entry, so that choosing the precision can measure the asset in coarser units and try again.
   */
  private <T> T acting(String entry, String who, java.util.function.Supplier<T> action) {
    try {
      return action.get();
    } catch (ScenarioFailure | InvariantViolationException e) {
      throw e;
    } catch (LedgerRangeException e) {
      if (step == 0) {
        throw e.within(entry, who);
      }
      throw ScenarioFailure.of(entry, who, step, round, e);
    } catch (ArithmeticException e) {
      throw ScenarioFailure.of(entry, who, step, round, e);
    } catch (IllegalStateException | IllegalArgumentException e) {
      if (step == 0) {
        // At set-up a venue refuses what the scenario asks of it (a borrow beyond the reserves).
        throw ScenarioFailure.of(entry, who, step, round, e);
      }
      throw e; // during a run, a refusal nobody handled is a bug in the model: exit 1
    }
  }

  private void acting(String entry, String who, Runnable action) {
    acting(
        entry,
        who,
        () -> {
          action.run();
          return null;
        });
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

  /** Builds the world of {@code spec} for one replication; nothing runs until {@link #setUp()}. */
  public static World create(
      ModelSpec spec, RandomStreams streams, List<RunListener> listeners, boolean audit) {
    return new World(spec, streams, listeners, audit, false);
  }

  /**
   * A world built only to be set up and measured ({@link #census()}): it records nothing and does
   * not check the ledger's range, which is what its measurement is for.
   */
  static World probe(ModelSpec spec, RandomStreams streams) {
    return new World(spec, streams, List.of(), false, true);
  }

  /** Every asset's supply after set-up, in scenario order, with the value bound of each. */
  public List<LedgerRange.Supply> census() {
    List<double[]> rows = new ArrayList<>();
    double totalValue = 0;
    for (Asset a : assets) {
      double units = ledger.precision(a.id()).units(ledger.supply(a.id()));
      // Read without side effects: Markets.price would move a secondary market to its NAV.
      double price =
          a.id().equals(base)
              ? 1
              : markets.isDerived(a.id())
                  ? markets.nav(a.id())
                  : a.kind() == AssetKind.SPOT ? markets.market(a.id()).price() : 0;
      rows.add(new double[] {units, price});
      totalValue += price > 0 ? units * price : 0;
    }
    List<LedgerRange.Supply> out = new ArrayList<>();
    for (int i = 0; i < assets.size(); i++) {
      double[] r = rows.get(i);
      Asset a = assets.get(i);
      Asset counted = a.withDecimals(ledger.precision(a.id()).decimals());
      out.add(new LedgerRange.Supply(counted, r[0], r[1] > 0 ? totalValue / r[1] : 0));
    }
    return out;
  }

  /**
   * The scenario entry whose accounts hold the most value after set-up, at set-up prices: {@code
   * {"agents[i]", "population <id>"}} or {@code {"venues[i]", "venue <id>"}}; null when no entry
   * holds anything. An account belongs to the population named in its path (a trader's margin
   * account on a venue, {@code perp/accounts/traders/0001}), otherwise to the venue it starts with.
   */
  String[] largestHolder() {
    double[] price = new double[assets.size()];
    for (int a = 0; a < assets.size(); a++) {
      AssetId id = assets.get(a).id();
      price[a] =
          id.equals(base)
              ? 1
              : markets.isDerived(id)
                  ? markets.nav(id)
                  : assets.get(a).kind() == AssetKind.SPOT ? markets.market(id).price() : 0;
    }
    java.util.Set<String> populationIds = new java.util.HashSet<>();
    populations.forEach(p -> populationIds.add(p.id()));
    Map<String, Double> held = new LinkedHashMap<>();
    for (org.marginfall.core.ledger.AccountId account : ledger.accounts()) {
      String[] path = account.value().split("/");
      String owner = path[0];
      for (String segment : path) {
        if (populationIds.contains(segment)) {
          owner = segment;
          break;
        }
      }
      double value = 0;
      for (int a = 0; a < assets.size(); a++) {
        long b = ledger.balance(account, assets.get(a).id());
        if (b > 0 && price[a] > 0) {
          value += ledger.precision(assets.get(a).id()).units(b) * price[a];
        }
      }
      held.merge(owner, value, Double::sum);
    }
    String[] best = null;
    double most = 0;
    for (int i = 0; i < populations.size(); i++) {
      double v = held.getOrDefault(populations.get(i).id(), 0.0);
      if (v > most) {
        most = v;
        best = new String[] {populationEntry(i), "population " + populations.get(i).id()};
      }
    }
    for (int i = 0; i < venues.size(); i++) {
      double v = held.getOrDefault(venues.get(i).id().value(), 0.0);
      if (v > most) {
        most = v;
        best = new String[] {venueEntry(i), "venue " + venues.get(i).id()};
      }
    }
    return best;
  }

  /** Tells listeners the run starts, lets populations set up and records step 0. */
  public void setUp() {
    List<RunStart.VenueInfo> infos = new ArrayList<>();
    for (Venue v : venues) {
      infos.add(new RunStart.VenueInfo(v.id(), v.type(), v.attributes()));
    }
    RunStart start = new RunStart(settings, replication, base, infos, channels);
    listeners.forEach(l -> l.onStart(start));
    step = 0;
    round = 0;
    for (int i : setUpOrder) {
      Population p = populations.get(i);
      acting(populationEntry(i), "population " + p.id(), () -> p.setUp(agents));
    }
    if (probe) {
      return; // a probe measures supplies only: no marks, no record
    }
    census().forEach(LedgerRange::check);
    for (int i = 0; i < venues.size(); i++) {
      Venue v = venues.get(i);
      previous.put(v.id(), acting(venueEntry(i), "venue " + v.id(), v::snapshot));
    }
    record();
  }

  /** Runs one phase of tick {@code tick}. */
  public void runPhase(Phase phase, long tick) {
    step = tick;
    round = 0;
    try {
      switch (phase) {
        case EXOGENOUS -> exogenous();
        case ORACLES -> publishOracles(false);
        case TRADING -> eachPopulation(p -> p.trade(agents));
        case ARBITRAGE -> eachPopulation(p -> p.arbitrage(agents));
        case RISK_AND_LIQUIDATION -> liquidationRounds();
        case SETTLEMENT -> settle();
        case RECORD -> record();
      }
    } catch (LedgerRangeException e) {
      throw ScenarioFailure.of(
          "run",
          "the " + phase.name().toLowerCase(java.util.Locale.ROOT) + " phase",
          step,
          round,
          e);
    } catch (ScenarioFailure | InvariantViolationException e) {
      throw e;
    } catch (ArithmeticException e) {
      throw ScenarioFailure.of(
          "run",
          "the " + phase.name().toLowerCase(java.util.Locale.ROOT) + " phase",
          step,
          round,
          e);
    }
  }

  /** Calls {@code action} on every population in scenario order, naming the one that fails. */
  private void eachPopulation(java.util.function.Consumer<Population> action) {
    for (int i = 0; i < populations.size(); i++) {
      Population p = populations.get(i);
      acting(populationEntry(i), "population " + p.id(), () -> action.accept(p));
    }
  }

  /** The health bands of {@code v}, its health values written into the venue's reused buffer. */
  private HealthBands healthBands(Venue v) {
    int capacity = v.healthCapacity();
    double[] buffer = healthBuffers.get(v.id());
    if (buffer == null || buffer.length < capacity) {
      // Headroom, so that a growing book does not reallocate every tick.
      buffer = new double[Math.max(16, capacity + capacity / 4)];
      healthBuffers.put(v.id(), buffer);
    }
    return HealthBands.ofReordering(buffer, v.healthValues(buffer));
  }

  /** Calls {@code action} on every venue in scenario order, naming the one that fails. */
  private void eachVenue(java.util.function.Consumer<Venue> action) {
    for (int i = 0; i < venues.size(); i++) {
      Venue v = venues.get(i);
      acting(venueEntry(i), "venue " + v.id(), () -> action.accept(v));
    }
  }

  /** Tells listeners the run is over. */
  public void finish() {
    listeners.forEach(RunListener::onFinish);
  }

  /** The settings, with the seed actually used. */
  public RunSettings settings() {
    return settings;
  }

  /** The venues in scenario order, for tools that measure them (the microbenchmarks). */
  public List<Venue> venues() {
    return Collections.unmodifiableList(venues);
  }

  /**
   * The context populations act through, for tools that drive it directly (the microbenchmarks).
   */
  public AgentContext agents() {
    return agents;
  }

  /** Steps the auditor checked (0 when not audited). */
  public long auditedSteps() {
    return auditor == null ? 0 : auditor.checkedSteps();
  }

  private void exogenous() {
    fundamentals.advance();
    for (int i = 0; i < fundamentals.assets().size(); i++) {
      checkFundamental(i, -1);
    }
    for (int s = 0; s < shocks.size(); s++) {
      PriceShock shock = shocks.get(s);
      double factor = shock.factorAt(step);
      if (factor != 1.0) {
        int i = fundamentals.indexOf(shock.asset());
        fundamentals.scale(i, factor);
        checkFundamental(i, s);
        emit(new ShockApplied(step, 0, shock.asset().value(), factor, s));
      }
    }
    markets.decay();
    for (SharedMarket m : markets.all()) {
      if (!markets.isDerived(m.asset())) {
        m.setFundamental(fundamental(m.asset()));
      }
    }
    for (Oracle o : oracles.all()) {
      for (OracleFeed f : o.feeds()) {
        f.observe(markets.price(f.asset()), markets.parts(f.asset()));
      }
    }
    for (Map.Entry<VenueId, Oracles> e : ownOracles().entrySet()) {
      for (Oracle o : e.getValue().all()) {
        for (OracleFeed f : o.feeds()) {
          f.observe(
              markets.priceFor(e.getKey(), f.asset()), markets.partsFor(e.getKey(), f.asset()));
        }
      }
    }
  }

  /**
   * Stops the run when spot asset {@code i}'s fundamental price has left the range prices are
   * computed in, naming the shock that has just moved it ({@code shock} >= 0) or its process.
   */
  private void checkFundamental(int i, int shock) {
    double p = fundamentals.price(i);
    if (p >= PriceProcessSpec.MIN_PRICE && p <= PriceProcessSpec.MAX_PRICE) {
      return;
    }
    AssetId a = fundamentals.assets().get(i);
    String problem =
        "the fundamental price of "
            + a
            + " reached "
            + p
            + " "
            + base
            + ", beyond the range prices are"
            + " computed in (1e-12 to 1e12 "
            + base
            + ")";
    if (shock >= 0) {
      throw new ScenarioFailure(
          "shocks[" + shock + "].change",
          step,
          problem + "; this shock moved it in this step",
          true,
          null);
    }
    throw new ScenarioFailure(
        "assets[" + spotIndex[i] + "].price",
        step,
        problem + "; lower its volatility, drift or jumps, or run fewer steps",
        true,
        null);
  }

  /** The venues' own oracle copies; empty when every venue reads the shared oracles. */
  private Map<VenueId, Oracles> ownOracles() {
    Map<VenueId, Oracles> out = new LinkedHashMap<>();
    venueOracles.forEach(
        (v, o) -> {
          if (o != oracles) {
            out.put(v, o);
          }
        });
    return out;
  }

  /**
   * Publishes oracle updates (and refusal or freeze notices, as {@code oracle_update} events whose
   * price is the value that stays); within liquidation rounds only oracles with a zero-latency
   * source re-read.
   */
  private void publishOracles(boolean intraTick) {
    // Venue copies publish silently: the recorded oracle is the shared one reading the common
    // market.
    for (Map.Entry<VenueId, Oracles> e : ownOracles().entrySet()) {
      for (Oracle o : e.getValue().all()) {
        if (intraTick && !o.rereadsIntraTick()) {
          continue;
        }
        for (OracleFeed f : o.feeds()) {
          if (intraTick) {
            f.reobserve(
                markets.priceFor(e.getKey(), f.asset()), markets.partsFor(e.getKey(), f.asset()));
          }
          f.evaluate(step);
        }
      }
    }
    for (Oracle o : oracles.all()) {
      if (intraTick && !o.rereadsIntraTick()) {
        continue;
      }
      for (OracleFeed f : o.feeds()) {
        if (intraTick) {
          f.reobserve(markets.price(f.asset()), markets.parts(f.asset()));
        }
        OracleFeed.Update u = f.evaluate(step);
        if (u != null) {
          emit(
              new OracleUpdated(
                  step,
                  round,
                  o.id().value(),
                  u.asset().value(),
                  u.price(),
                  u.previous(),
                  u.reason().label()));
        }
      }
    }
  }

  private void settle() {
    eachVenue(
        v -> {
          v.settle();
          // Losses the waterfall booked against a derived asset come from the bad debt just
          // attributed.
          contagion.end();
        });
  }

  private void liquidationRounds() {
    boolean backlog = false;
    for (int r = 1; r <= settings.maxLiquidationRounds(); r++) {
      round = r;
      publishOracles(true);
      eachPopulation(p -> p.defend(agents));
      List<LiquidationCandidate> candidates = new ArrayList<>();
      boolean[] auctions = {false};
      eachVenue(
          v -> {
            v.markLiquidationCandidates();
            candidates.addAll(v.liquidatable());
            auctions[0] |= !v.auctions().isEmpty();
          });
      backlog = !candidates.isEmpty();
      // An open auction is work for liquidators even when no account is liquidatable: its price
      // keeps falling from tick to tick, and a lot nobody takes may end in a deficit.
      if (candidates.isEmpty() && !auctions[0]) {
        break;
      }
      List<LiquidationCandidate> view = Collections.unmodifiableList(candidates);
      int[] executed = {0};
      eachPopulation(
          p -> {
            executed[0] += p.liquidate(agents, view);
            contagion.end();
          });
      if (executed[0] == 0) {
        break;
      }
    }
    if (backlog) {
      recordBacklog();
    }
    round = 0;
  }

  /**
   * Emits the liquidation backlog: what each venue still lists as liquidatable after the last round
   * (venues drop an account from the last mark's list once a liquidation made it healthy), the
   * capacity-exhaustion measure of a tick.
   */
  private void recordBacklog() {
    for (Venue v : venues) {
      List<LiquidationCandidate> left = v.liquidatable();
      if (left.isEmpty()) {
        continue;
      }
      double shortfall = 0;
      for (LiquidationCandidate c : left) {
        shortfall += Math.max(0, c.state().maintenanceRequirement() - c.state().equity());
      }
      emit(new LiquidationBacklog(step, round, v.id().value(), left.size(), shortfall));
    }
  }

  private void record() {
    List<StepRecord.AssetPoint> assets = new ArrayList<>();
    for (SharedMarket m : markets.all()) {
      AssetId a = m.asset();
      assets.add(
          markets.isDerived(a)
              ? new StepRecord.AssetPoint(a, markets.nav(a), markets.price(a))
              : new StepRecord.AssetPoint(a, m.fundamental(), m.price()));
    }
    for (AssetId d : markets.derivedAssets()) {
      // A derived asset's "fundamental" is its issuer's NAV; its market price differs from it only
      // where a secondary market trades it.
      if (!markets.has(d)) {
        double nav = markets.price(d);
        assets.add(new StepRecord.AssetPoint(d, nav, nav));
      }
    }
    List<StepRecord.OraclePoint> prices = new ArrayList<>();
    for (Oracle o : oracles.all()) {
      for (OracleFeed f : o.feeds()) {
        prices.add(new StepRecord.OraclePoint(o.id(), f.asset(), f.price()));
      }
    }
    List<StepRecord.VenuePoint> points = new ArrayList<>();
    eachVenue(
        v -> {
          v.markToMarket();
          VenueSnapshot now = v.snapshot();
          VenueSnapshot before = previous.get(v.id());
          points.add(
              new StepRecord.VenuePoint(
                  v.id(),
                  now,
                  now.liquidations() - before.liquidations(),
                  now.liquidatedNotional() - before.liquidatedNotional(),
                  healthBands(v)));
          previous.put(v.id(), now);
        });
    List<StepRecord.PopulationPoint> own = new ArrayList<>();
    for (Population p : populations) {
      Map<String, Double> m = p.metrics();
      if (!m.isEmpty()) {
        own.add(new StepRecord.PopulationPoint(p.id(), m));
      }
    }
    StepRecord record =
        new StepRecord(step, step * settings.stepSeconds(), assets, prices, points, own);
    if (auditor != null) {
      auditor.check(record, ledger, venues);
    }
    listeners.forEach(l -> l.onStep(record));
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

  private double fundamental(AssetId asset) {
    return fundamentals.price(fundamentals.indexOf(asset));
  }

  // --- SimClock

  @Override
  public long step() {
    return step;
  }

  @Override
  public int round() {
    return round;
  }

  // --- EventSink

  @Override
  public void emit(SimEvent event) {
    SimEvent attributed = contagion == null ? event : contagion.attribute(event);
    for (RunListener l : listeners) {
      l.onEvent(attributed);
    }
  }

  // --- End-of-run views

  /**
   * The venue exposure network of the current balances at current prices (market prices and NAVs);
   * {@code specs} are the venues this world was built from, in scenario order.
   */
  public org.marginfall.core.network.VenueExposures venueExposures(
      List<? extends VenueSpec> specs) {
    // Fully qualified names keep this view an addition at the end of the file.
    java.util.Set<AssetId> spot = new java.util.LinkedHashSet<>();
    markets.all().forEach(m -> spot.add(m.asset()));
    return org.marginfall.core.network.VenueExposures.measure(ledger, specs, spot, markets::price);
  }
}
