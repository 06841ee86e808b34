package org.marginfall.core.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.agent.Population;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.contagion.ChannelSwitches;
import org.marginfall.core.event.EventSink;
import org.marginfall.core.event.SimClock;
import org.marginfall.core.event.SimEvent;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.ledger.LedgerRangeException;
import org.marginfall.core.market.Markets;
import org.marginfall.core.metric.RunListener;
import org.marginfall.core.metric.RunSettings;
import org.marginfall.core.metric.RunStart;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.spec.VenueServices;
import org.marginfall.core.spec.VenueSpec;
import org.marginfall.core.venue.Venue;
import org.marginfall.core.venue.VenueId;

/**
 * All mutable state of one run and the order of its phases; each phase's work is a package-private
 * collaborator's ({@code PricePhases}, {@code LiquidationRounds}, {@code StepRecorder}), and the
 * parts are built by {@code WorldWiring}.
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
  private final Markets markets;
  private final ChannelSwitches channels;
  private final ContagionTracker contagion;
  private final AgentContext agents;
  private final List<Venue> venues;
  private final List<Population> populations;
  private final List<RunListener> listeners;
  private final Auditor auditor;
  private final WorldCensus census;
  private final PricePhases prices;
  private final LiquidationRounds liquidation;
  private final StepRecorder recorder;
  private final boolean probe;

  private long step;
  private int round;

  /** The order {@link #setUp} sets the populations up in, as indexes into {@link #populations}. */
  private final List<Integer> setUpOrder;

  /** Wires the parts (see {@link WorldWiring}), then the collaborators that run the phases. */
  private World(
      ModelSpec spec,
      RandomStreams streams,
      List<RunListener> listeners,
      boolean audit,
      boolean probe) {
    this.probe = probe;
    this.settings = spec.settings().withSeed(streams.masterSeed());
    this.replication = streams.replication();
    this.base = spec.baseCurrency();
    this.listeners = List.copyOf(listeners);
    WorldWiring w = new WorldWiring(this, spec, streams, probe);
    this.ledger = w.ledger;
    this.markets = w.markets;
    this.channels = w.channels;
    this.contagion = w.contagion;
    this.agents = w.agents;
    this.venues = w.venues;
    this.populations = w.populations;
    this.setUpOrder = setUpOrder(spec.populations());
    this.auditor = audit ? new Auditor() : null;
    this.census = new WorldCensus(spec.assets(), base, ledger, markets);
    this.prices = new PricePhases(this, w, spec.shocks());
    this.liquidation =
        new LiquidationRounds(
            this, settings.maxLiquidationRounds(), prices, agents, contagion, venues);
    this.recorder = new StepRecorder(this, w, this.listeners, auditor);
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

  static String venueEntry(int i) {
    return "venues[" + i + "]";
  }

  static String populationEntry(int i) {
    return "agents[" + i + "]";
  }

  /**
   * Runs {@code action} of scenario entry {@code entry} (named {@code who}) at the current step: a
   * refused request or a quantity beyond the ledger's range becomes a {@link ScenarioFailure}
   * naming the entry. A range failure at set-up stays a {@link LedgerRangeException}, noted with
   * the entry, so that choosing the precision can measure the asset in coarser units and try again.
   */
  <T> T acting(String entry, String who, java.util.function.Supplier<T> action) {
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
    return census.supplies();
  }

  /**
   * The scenario entry whose accounts hold the most value after set-up, at set-up prices: {@code
   * {"agents[i]", "population <id>"}} or {@code {"venues[i]", "venue <id>"}}; null when no entry
   * holds anything.
   */
  String[] largestHolder() {
    return census.largestHolder(populations, venues);
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
    recorder.start();
    recorder.record();
  }

  /** Runs one phase of tick {@code tick}. */
  public void runPhase(Phase phase, long tick) {
    step = tick;
    round = 0;
    try {
      switch (phase) {
        case EXOGENOUS -> prices.exogenous();
        case ORACLES -> prices.publishOracles(false);
        case TRADING -> eachPopulation(p -> p.trade(agents));
        case ARBITRAGE -> eachPopulation(p -> p.arbitrage(agents));
        case RISK_AND_LIQUIDATION -> liquidation.run();
        case SETTLEMENT -> settle();
        case RECORD -> recorder.record();
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
  void eachPopulation(java.util.function.Consumer<Population> action) {
    for (int i = 0; i < populations.size(); i++) {
      Population p = populations.get(i);
      acting(populationEntry(i), "population " + p.id(), () -> action.accept(p));
    }
  }

  /** Calls {@code action} on every venue in scenario order, naming the one that fails. */
  void eachVenue(java.util.function.Consumer<Venue> action) {
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

  private void settle() {
    eachVenue(
        v -> {
          v.settle();
          // Losses the waterfall booked against a derived asset come from the bad debt just
          // attributed.
          contagion.end();
        });
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

  /** Sets the liquidation round the phase is in (0 outside liquidation rounds). */
  void setRound(int round) {
    this.round = round;
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
