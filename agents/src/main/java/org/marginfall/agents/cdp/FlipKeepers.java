package org.marginfall.agents.cdp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marginfall.core.agent.AgentAccounts;
import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.agent.Population;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.random.RandomStream;
import org.marginfall.core.venue.EnglishAuctions;
import org.marginfall.core.venue.EnglishLot;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.VaultVenue;
import org.marginfall.core.venue.Venue;

/**
 * Flip-auction keepers under network congestion (Black Thursday, 12-13 March 2020). Each keeper
 * values collateral at the market price less {@code margin} and bids that value at once: a {@code
 * tend} of {@code min(tab, value of the lot)}, or in the dent phase a {@code dent} to the lot the
 * tab buys at that value. A keeper's transaction lands only while the {@link GasPriceRule}'s price
 * is within its gas budget; otherwise the bid is priced out. Zero-bid bots, whose budget always
 * covers the gas price, bite every unsafe vault and bid one base atom in every auction without a
 * bid, so an auction nobody can outbid within {@code ttl} goes to them for nothing
 * (https://www.cryptoscoop.io/the-makerdao-auction-is-happening-heres-what-to-expect/: default
 * keepers "choked" on gas prices; four addresses won about 62,890 ETH with zero bids). Keepers keep
 * what they win. Mutable and not thread-safe.
 */
public final class FlipKeepers implements Population {

  private final FlipKeepersSpec spec;
  private final RandomStream stream;
  private AccountId[] keepers;
  private double[] budgets;
  private AccountId[] bots;
  private EnglishAuctions auctions;
  private Precision cash;
  private double high;
  private double gwei;
  private long landed;
  private long pricedOut;
  private long zeroBids;

  /** The venue's collateral types, and how many atoms of each the bots held when last seen. */
  private List<AssetId> collateral;

  private long[] botsHeld;
  private double zeroBidCollateral;
  private double zeroBidValue;

  FlipKeepers(FlipKeepersSpec spec, RandomStream stream) {
    this.spec = spec;
    this.stream = stream;
  }

  @Override
  public String id() {
    return spec.id();
  }

  @Override
  public void setUp(AgentContext ctx) {
    Venue v = ctx.venue(spec.venue());
    if (!(v instanceof EnglishAuctions english)) {
      throw new IllegalStateException(
          "population " + spec.id() + ": venue " + spec.venue() + " runs no English auctions");
    }
    auctions = english;
    cash = ctx.precision(ctx.baseCurrency());
    int all = spec.count() + spec.zeroBidders();
    keepers = new AccountId[spec.count()];
    budgets = new double[spec.count()];
    for (int k = 0; k < keepers.length; k++) {
      keepers[k] = AgentAccounts.member(spec.id(), k, all, 3);
      ctx.openAccount(keepers[k]);
      ctx.endow(keepers[k], ctx.baseCurrency(), cash.floorAtoms(stream.next(spec.capital())));
      budgets[k] = stream.next(spec.gasBudget());
    }
    bots = new AccountId[spec.zeroBidders()];
    for (int b = 0; b < bots.length; b++) {
      bots[b] = AgentAccounts.member(spec.id(), keepers.length + b, all, 3);
      ctx.openAccount(bots[b]);
      // One base unit pays for as many one-atom bids as there are atoms in it.
      ctx.endow(bots[b], ctx.baseCurrency(), cash.floorAtoms(1.0));
    }
    collateral =
        v instanceof VaultVenue vaults ? new ArrayList<>(vaults.collateralTypes()) : List.of();
    botsHeld = new long[collateral.size()];
    high = ctx.marketPrice(spec.gas().asset());
    observeGas(ctx);
  }

  /** Bids once a tick, so auctions move in ticks without liquidation rounds. */
  @Override
  public void arbitrage(AgentContext ctx) {
    observeGas(ctx);
    bid(ctx);
  }

  /** Bites the venue's unsafe vaults (bots, or keepers the gas price lets through), then bids. */
  @Override
  public int liquidate(AgentContext ctx, List<LiquidationCandidate> candidates) {
    observeGas(ctx);
    int executed = 0;
    for (LiquidationCandidate c : candidates) {
      if (!c.venue().equals(spec.venue())) {
        continue;
      }
      AccountId biter = biter();
      if (biter != null && ctx.liquidate(spec.venue(), c.account(), biter).isPresent()) {
        executed++;
      }
    }
    return executed + bid(ctx);
  }

  private AccountId biter() {
    if (bots.length > 0) {
      return bots[0];
    }
    for (int k = 0; k < keepers.length; k++) {
      if (budgets[k] >= gwei) {
        return keepers[k];
      }
    }
    return null;
  }

  /**
   * Reads the gas price now, and values what the bots won since last seen at the market price now.
   */
  private void observeGas(AgentContext ctx) {
    double price = ctx.marketPrice(spec.gas().asset());
    high = Math.max(high, price);
    gwei = spec.gas().gwei(price, high);
    for (int a = 0; a < collateral.size(); a++) {
      long held = 0;
      for (AccountId bot : bots) {
        held += ctx.balance(bot, collateral.get(a));
      }
      if (held > botsHeld[a]) {
        double units = ctx.precision(collateral.get(a)).units(held - botsHeld[a]);
        zeroBidCollateral += units;
        zeroBidValue += units * ctx.marketPrice(collateral.get(a));
      }
      botsHeld[a] = held;
    }
  }

  /**
   * Keepers bid their value in every auction, then bots bid one atom where nobody has; returns bids
   * landed.
   */
  private int bid(AgentContext ctx) {
    int bids = 0;
    for (int k = 0; k < keepers.length; k++) {
      for (EnglishLot lot : auctions.englishLots(keepers[k])) {
        if (!lot.highBidder() && bidOn(ctx, k, lot)) {
          bids++;
        }
      }
    }
    if (bots.length == 0) {
      return bids;
    }
    int turn = 0;
    for (EnglishLot lot : auctions.englishLots(bots[0])) {
      if (lot.bid() == 0 && auctions.tend(lot.id(), bots[turn++ % bots.length], 1)) {
        zeroBids++;
        bids++;
      }
    }
    return bids;
  }

  /**
   * Keeper {@code k}'s best bid in {@code lot}, if it beats the high bid and the gas price lets it
   * land.
   */
  private boolean bidOn(AgentContext ctx, int k, EnglishLot lot) {
    Precision collateral = ctx.precision(lot.asset());
    double value = ctx.marketPrice(lot.asset()) * (1 - spec.margin());
    long balance = ctx.balance(keepers[k], ctx.baseCurrency());
    if (!(value > 0)) {
      return false;
    }
    if (!lot.dentPhase()) {
      long bid =
          Math.min(
              Math.min(lot.tab(), cash.floorAtoms(value * collateral.units(lot.atoms()))), balance);
      if (!(bid > lot.bid() && (bid >= lot.beg() * lot.bid() || bid == lot.tab()))) {
        return false;
      }
      return land(k) && auctions.tend(lot.id(), keepers[k], bid) && counted();
    }
    long atoms = collateral.ceilAtoms(cash.units(lot.tab()) / value);
    if (atoms <= 0 || lot.beg() * atoms > lot.atoms() || balance < lot.bid()) {
      return false;
    }
    return land(k) && auctions.dent(lot.id(), keepers[k], atoms) && counted();
  }

  /**
   * Whether keeper {@code k}'s transaction lands at the current gas price; counts it priced out if
   * not.
   */
  private boolean land(int k) {
    if (budgets[k] >= gwei) {
      return true;
    }
    pricedOut++;
    return false;
  }

  private boolean counted() {
    landed++;
    return true;
  }

  /**
   * {@code gasPriceGwei}: the gas price at the end of the run; {@code bidsLanded}: keeper bids that
   * landed; {@code bidsPricedOut}: keeper bids the gas price stopped; {@code zeroBids}: bots'
   * one-atom bids; {@code zeroBidCollateral}: collateral units the bots won; {@code zeroBidValue}:
   * its value at the market price when they won it (seen at the next tick's arbitrage phase).
   */
  @Override
  public Map<String, Double> metrics() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("gasPriceGwei", gwei);
    m.put("bidsLanded", (double) landed);
    m.put("bidsPricedOut", (double) pricedOut);
    m.put("zeroBids", (double) zeroBids);
    m.put("zeroBidCollateral", zeroBidCollateral);
    m.put("zeroBidValue", zeroBidValue);
    return m;
  }
}
