package org.marginfall.agents.liquidator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.marginfall.core.agent.AgentAccounts;
import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.agent.Population;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.AtomScale;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.random.RandomStream;
import org.marginfall.core.venue.AuctionLot;
import org.marginfall.core.venue.AuctionTake;
import org.marginfall.core.venue.Holding;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.LiquidationOutcome;
import org.marginfall.core.venue.Venue;
import org.marginfall.core.venue.VenueId;

/**
 * Liquidators that work through the venues' liquidatable lists each round, bounded by their capital
 * and by a per-round throughput, bid in the venues' collateral auctions, and sell (or hold)
 * whatever collateral they acquire.
 *
 * <p>Each round, the candidates a population serves and whose latency has passed are taken in the
 * listed order (venue by venue, most underwater first) or, with {@link VenueChoice#MAX_PROFIT}, by
 * the venues' {@link Venue#expectedLiquidatorReward} estimates. Each candidate is offered to the
 * liquidators in the order the {@link Competition} rule gives; a liquidator passes when it has used
 * its throughput for the round, the action fails the profit test {@code reward - gas - fee >=
 * minProfit}, it cannot pay gas and fee, or the venue refuses it (it cannot pay for the
 * collateral). Gas and fee are paid out of the model before the venue is called and returned when
 * the venue refuses, so a liquidator must afford them on top of what the venue asks. Selling seized
 * collateral at once is what turns a liquidation on one venue into a price move every venue sees;
 * holding it ties up capital instead.
 *
 * <p>Auctions (Maker-style Dutch auctions, {@link Venue#auctions()}) are bid on after the barks of
 * every liquidation round; the engine runs liquidation rounds while auctions are open, even in
 * ticks where no account is liquidatable, because an auction's price keeps falling. A lot is taken
 * while its price is at most the market price times {@code 1 - minAuctionDiscount}, by the
 * liquidators in the same order, each buying as much as its base currency pays for; a take counts
 * against the round's throughput like a liquidation and pays gas and fee the same way. Mutable and
 * not thread-safe.
 */
public final class Liquidators implements Population {

  private final LiquidatorsSpec spec;
  private final LiquidatorBehaviour rules;
  private final RandomStream stream;
  private final Set<VenueId> venues;
  private final LatencyTracker latency;

  /** The base currency's precision, in which capital, gas and fees are counted; set at set-up. */
  private Precision cash;

  private long gasAtoms;
  private AccountId[] accounts;
  private List<Set<AssetId>> inventories;
  private int[] usedThisRound;

  /** This round's order of liquidators under fcfs and priority-fee competition. */
  private int[] order;

  /** This round's bid shares under priority-fee competition. */
  private double[] bids;

  private int next;
  private long lastStep = -1;
  private int lastRound = -1;

  Liquidators(LiquidatorsSpec spec, RandomStream stream) {
    this.spec = spec;
    this.rules = spec.behaviour();
    this.stream = stream;
    this.venues = new HashSet<>(spec.venues());
    this.latency = rules.latencySteps() > 0 ? new LatencyTracker(rules.latencySteps()) : null;
  }

  @Override
  public String id() {
    return spec.id();
  }

  @Override
  public void setUp(AgentContext ctx) {
    cash = ctx.precision(ctx.baseCurrency());
    gasAtoms = cash.ceilAtoms(rules.gasCost());
    accounts = new AccountId[spec.count()];
    usedThisRound = new int[spec.count()];
    inventories = new ArrayList<>(spec.count());
    for (int k = 0; k < spec.count(); k++) {
      accounts[k] = AgentAccounts.member(spec.id(), k, spec.count(), 3);
      ctx.openAccount(accounts[k]);
      ctx.endow(accounts[k], ctx.baseCurrency(), cash.floorAtoms(stream.next(spec.capital())));
      inventories.add(new LinkedHashSet<>());
    }
  }

  @Override
  public int liquidate(AgentContext ctx, List<LiquidationCandidate> candidates) {
    startRound(ctx);
    long step = ctx.clock().step();
    List<LiquidationCandidate> served = new ArrayList<>();
    for (LiquidationCandidate c : candidates) {
      if (latency != null) {
        latency.observe(step, c);
      }
      if ((venues.isEmpty() || venues.contains(c.venue()))
          && (latency == null || latency.ready(step, c))) {
        served.add(c);
      }
    }
    double[] rewards = new double[served.size()];
    if (rules.estimatesProfit()) {
      for (int i = 0; i < rewards.length; i++) {
        LiquidationCandidate c = served.get(i);
        rewards[i] = ctx.venue(c.venue()).expectedLiquidatorReward(c);
      }
    }
    int executed = 0;
    if (rules.strategy() == VenueChoice.MAX_PROFIT) {
      for (int i : LiquidatorRules.byRewardDescending(rewards)) {
        executed += offer(ctx, served.get(i), rewards[i]) ? 1 : 0;
      }
    } else {
      for (int i = 0; i < rewards.length; i++) {
        executed += offer(ctx, served.get(i), rewards[i]) ? 1 : 0;
      }
    }
    return executed + bid(ctx);
  }

  /** Offers one candidate to the liquidators in turn; returns whether one of them liquidated it. */
  private boolean offer(AgentContext ctx, LiquidationCandidate c, double reward) {
    double gas = cash.units(gasAtoms);
    if (rules.estimatesProfit()
        && rules.competition() != Competition.PRIORITY_FEE
        && !LiquidatorRules.worthIt(reward, gas, 0, rules.minProfit())) {
      return false;
    }
    Venue venue = ctx.venue(c.venue());
    if (!venue.liquidatesNow(c.account())) {
      // Refused for a reason of the venue's own (a full hole, a pause): no liquidator gets past it.
      return false;
    }
    for (int tried = 0; tried < accounts.length; tried++) {
      int k = turn(tried);
      if (usedThisRound[k] >= spec.maxPerRound()) {
        continue;
      }
      long feeAtoms = 0;
      if (rules.competition() == Competition.PRIORITY_FEE) {
        double fee = LiquidatorRules.priorityFee(bids[k], reward, gas);
        if (!LiquidatorRules.worthIt(reward, gas, fee, rules.minProfit())) {
          continue;
        }
        feeAtoms = cash.floorAtoms(fee);
      }
      long cost = gasAtoms + feeAtoms;
      if (!pay(ctx, k, cost)) {
        continue;
      }
      Optional<LiquidationOutcome> outcome = ctx.liquidate(c.venue(), c.account(), accounts[k]);
      if (outcome.isEmpty()) {
        refund(ctx, k, cost);
        continue;
      }
      usedThisRound[k]++;
      recordCost(ctx, c.venue(), k, c.account().value(), feeAtoms, reward);
      acquired(ctx, k, outcome.get().acquired());
      passTurn(k);
      return true;
    }
    return false;
  }

  /** The liquidator offered a candidate {@code tried}-th. */
  private int turn(int tried) {
    return rules.competition() == Competition.ROTATION
        ? (next + tried) % accounts.length
        : order[tried];
  }

  /** Under rotation, the next candidate goes first to the liquidator after {@code k}. */
  private void passTurn(int k) {
    if (rules.competition() == Competition.ROTATION) {
      next = (k + 1) % accounts.length;
    }
  }

  /**
   * Pays {@code cost} atoms out of the model if liquidator {@code k} can; nothing to pay is paid.
   */
  private boolean pay(AgentContext ctx, int k, long cost) {
    if (cost == 0) {
      return true;
    }
    if (ctx.balance(accounts[k], ctx.baseCurrency()) < cost) {
      return false;
    }
    ctx.payOut(accounts[k], ctx.baseCurrency(), cost);
    return true;
  }

  /** Returns a payment whose action the venue refused: a reverted action costs nothing here. */
  private void refund(AgentContext ctx, int k, long cost) {
    if (cost > 0) {
      ctx.endow(accounts[k], ctx.baseCurrency(), cost);
    }
  }

  private void recordCost(
      AgentContext ctx, VenueId venue, int k, String target, long feeAtoms, double reward) {
    if (gasAtoms + feeAtoms > 0) {
      ctx.emit(
          new LiquidatorCost(
              ctx.clock().step(),
              ctx.clock().round(),
              venue.value(),
              accounts[k].value(),
              target,
              cash.units(gasAtoms),
              cash.units(feeAtoms),
              reward));
    }
  }

  /**
   * Sells or holds what liquidator {@code k} just acquired. An asset without a market is always
   * held; under {@link InventoryPolicy#HOLD} the inventory is then cut back to its limit.
   */
  private void acquired(AgentContext ctx, int k, List<Holding> holdings) {
    List<AssetId> fresh = new ArrayList<>();
    for (Holding h : holdings) {
      if (!ctx.hasMarket(h.asset())) {
        inventories.get(k).add(h.asset());
      } else if (rules.inventory() == InventoryPolicy.SELL) {
        ctx.sell(accounts[k], h.asset(), h.atoms());
      } else {
        inventories.get(k).add(h.asset());
        fresh.add(h.asset());
      }
    }
    if (rules.inventory() == InventoryPolicy.HOLD) {
      trimInventory(ctx, k, fresh);
    }
  }

  /**
   * Sells the inventory's value above {@code maxInventory}, from the assets just acquired first,
   * then the others in the order they were first acquired; assets without a market cannot be sold
   * and stay.
   */
  private void trimInventory(AgentContext ctx, int k, List<AssetId> fresh) {
    Set<AssetId> sellOrder = new LinkedHashSet<>(fresh);
    for (AssetId a : inventories.get(k)) {
      if (ctx.hasMarket(a)) {
        sellOrder.add(a);
      }
    }
    for (AssetId a : sellOrder) {
      double excess = inventoryValue(ctx, k) - rules.maxInventory();
      if (!(excess > 0)) {
        return;
      }
      long held = ctx.balance(accounts[k], a);
      long atoms = ctx.precision(a).ceilAtomsAtMost(excess / ctx.marketPrice(a), held);
      if (atoms > 0) {
        ctx.sell(accounts[k], a, atoms);
      }
    }
  }

  /**
   * The value of liquidator {@code k}'s inventory at market prices (a derived asset at its NAV).
   */
  private double inventoryValue(AgentContext ctx, int k) {
    double value = 0;
    for (AssetId a : inventories.get(k)) {
      value += ctx.precision(a).units(ctx.balance(accounts[k], a)) * ctx.marketPrice(a);
    }
    return value;
  }

  /**
   * Starts a new round on the first call of each (step, round): throughput resets, and under fcfs
   * or priority-fee competition the round's order (and bids) are drawn from the population's
   * stream.
   */
  private void startRound(AgentContext ctx) {
    if (ctx.clock().step() != lastStep || ctx.clock().round() != lastRound) {
      Arrays.fill(usedThisRound, 0);
      lastStep = ctx.clock().step();
      lastRound = ctx.clock().round();
      if (rules.competition() == Competition.FCFS) {
        order = LiquidatorRules.shuffled(accounts.length, stream::nextUniform);
      } else if (rules.competition() == Competition.PRIORITY_FEE) {
        bids = new double[accounts.length];
        for (int k = 0; k < bids.length; k++) {
          bids[k] = stream.next(rules.priorityFee());
        }
        order = LiquidatorRules.byBidDescending(bids);
      }
    }
  }

  /** Bids in the open auctions of the venues served, in venue then lot order; returns the takes. */
  private int bid(AgentContext ctx) {
    int taken = 0;
    for (Venue venue : ctx.venues()) {
      if (!venues.isEmpty() && !venues.contains(venue.id())) {
        continue;
      }
      for (AuctionLot listed : venue.auctions()) {
        taken += bidOn(ctx, venue, listed.id());
      }
    }
    return taken;
  }

  /**
   * Takes from one lot until it is gone, its price no longer beats the market by the minimum
   * discount (the market falls as the liquidators sell), or no liquidator can act.
   */
  private int bidOn(AgentContext ctx, Venue venue, long lotId) {
    int taken = 0;
    while (true) {
      Optional<AuctionLot> current = venue.auction(lotId);
      if (current.isEmpty()) {
        return taken;
      }
      AuctionLot lot = current.get();
      double market = ctx.marketPrice(lot.asset());
      if (!(lot.price() > 0) || lot.price() > market * (1 - spec.minAuctionDiscount())) {
        return taken;
      }
      boolean took = false;
      for (int tried = 0; tried < accounts.length && !took; tried++) {
        int k = turn(tried);
        if (usedThisRound[k] < spec.maxPerRound()) {
          took = takeFrom(ctx, venue, lot, market, k);
        }
      }
      if (!took) {
        return taken;
      }
      taken++;
    }
  }

  /**
   * Liquidator {@code k} takes what it can afford of {@code lot}, if that passes the profit test.
   */
  private boolean takeFrom(AgentContext ctx, Venue venue, AuctionLot lot, double market, int k) {
    long balance = ctx.balance(accounts[k], ctx.baseCurrency());
    Precision collateral = ctx.precision(lot.asset());
    // Base atoms over the price per unit count the lot's asset at the base currency's decimals:
    // rescale them to the asset's own (a factor of exactly 1 when the decimals agree).
    double rescale = AtomScale.between(cash, collateral).ratio();
    long atoms =
        Math.min(lot.atoms(), (long) Math.floor((balance - gasAtoms) / lot.price() * rescale));
    if (atoms <= 0) {
      return false;
    }
    double reward = 0;
    long feeAtoms = 0;
    if (rules.estimatesProfit()) {
      double gas = cash.units(gasAtoms);
      reward = LiquidatorRules.auctionReward(collateral.units(atoms), market, lot.price());
      double fee =
          rules.competition() == Competition.PRIORITY_FEE
              ? LiquidatorRules.priorityFee(bids[k], reward, gas)
              : 0;
      if (!LiquidatorRules.worthIt(reward, gas, fee, rules.minProfit())) {
        return false;
      }
      feeAtoms = cash.floorAtoms(fee);
    }
    long cost = gasAtoms + feeAtoms;
    if (cost > 0) {
      atoms = Math.min(atoms, (long) Math.floor((balance - cost) / lot.price() * rescale));
      if (atoms <= 0 || !pay(ctx, k, cost)) {
        return false;
      }
    }
    Optional<AuctionTake> t = ctx.take(venue.id(), lot.id(), accounts[k], atoms, lot.price());
    if (t.isEmpty()) {
      refund(ctx, k, cost);
      return false;
    }
    usedThisRound[k]++;
    recordCost(ctx, venue.id(), k, "auction/" + lot.id(), feeAtoms, reward);
    acquired(ctx, k, List.of(new Holding(t.get().asset(), t.get().atoms())));
    passTurn(k);
    return true;
  }
}
