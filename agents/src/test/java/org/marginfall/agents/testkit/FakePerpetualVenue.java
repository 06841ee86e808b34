package org.marginfall.agents.testkit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.AccountType;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.venue.HeldPosition;
import org.marginfall.core.venue.Holding;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.LiquidationOutcome;
import org.marginfall.core.venue.MarginState;
import org.marginfall.core.venue.PerpetualVenue;
import org.marginfall.core.venue.VenueId;
import org.marginfall.core.venue.VenueSnapshot;

/**
 * A small perpetual venue for agent tests, written to the same contract as the real one in {@code
 * protocols} (which {@code agents} may not depend on).
 *
 * <p>What is faithful: margin accounts are ledger accounts named {@code <venue>/accounts/<owner>}
 * under cross margin and {@code <venue>/accounts/<owner>/<market>} under isolated margin;
 * collateral lives in the real {@link Ledger}; {@code equity = sum units * mark * (1 - haircut) +
 * sum size * (mark - entry)}, {@code IMR = sum |size| mark IMF}, {@code MMR = sum |size| mark MMF};
 * {@link #open} rejects a trade that would leave equity below IMR; {@link #liquidate} refuses
 * accounts that are not below maintenance and liquidators that cannot pay for the collateral they
 * would buy.
 *
 * <p>What is simplified: a liquidation sells the liquidator a configured list of collateral
 * holdings (at most what the account holds) at the mark price and drops the account's positions
 * without settling their PnL, and the venue can be told to refuse some or all liquidators. Every
 * liquidation call is logged so tests can assert the order agents tried. Mutable, not thread-safe.
 */
public final class FakePerpetualVenue implements PerpetualVenue {

  /** One call to {@link #liquidate}. */
  public record Attempt(AccountId account, AccountId liquidator, boolean executed) {}

  private record Terms(double initialMargin, double maintenanceMargin) {}

  private static final class Position {
    double size;
    double entry;
  }

  private final VenueId id;
  private final boolean isolated;
  private final Ledger ledger;
  private final AssetId base;
  private final Map<AssetId, Terms> markets = new LinkedHashMap<>();
  private final Map<AssetId, Double> marks = new LinkedHashMap<>();
  private final Map<AssetId, Double> haircuts = new LinkedHashMap<>();
  private final Map<AccountId, Map<AssetId, Position>> accounts = new LinkedHashMap<>();
  private final Set<AccountId> refused = new HashSet<>();
  private final List<Attempt> attempts = new ArrayList<>();
  private final List<Reduction> reductions = new ArrayList<>();
  private List<Holding> acquiredPerLiquidation = List.of();
  private List<LiquidationCandidate> liquidatable = List.of();
  private boolean refuseAll;
  private long otherLiquidations;
  private long marginStateCalls;

  /** A venue with no markets yet; the base currency is always accepted without haircut. */
  public FakePerpetualVenue(String id, boolean isolated, Ledger ledger, AssetId base) {
    this.id = VenueId.of(id);
    this.isolated = isolated;
    this.ledger = ledger;
    this.base = base;
    haircuts.put(base, 0.0);
  }

  /** Lists a market with its mark price and initial / maintenance margin fractions. */
  public FakePerpetualVenue market(
      AssetId asset, double mark, double initialMargin, double maintenanceMargin) {
    markets.put(asset, new Terms(initialMargin, maintenanceMargin));
    marks.put(asset, mark);
    return this;
  }

  /**
   * Accepts a non-base collateral asset with a haircut; it needs a mark price (see {@link
   * #setMark}).
   */
  public FakePerpetualVenue collateral(AssetId asset, double haircut) {
    haircuts.put(asset, haircut);
    return this;
  }

  /** Sets the price the venue marks {@code asset} at (a market or a collateral asset). */
  public FakePerpetualVenue setMark(AssetId asset, double price) {
    marks.put(asset, price);
    return this;
  }

  /**
   * The collateral a successful liquidation sells to the liquidator (capped at what the account
   * holds).
   */
  public void acquiredPerLiquidation(List<Holding> holdings) {
    acquiredPerLiquidation = List.copyOf(holdings);
  }

  /** Makes the venue refuse every liquidation by {@code liquidator}. */
  public void refuse(AccountId liquidator) {
    refused.add(liquidator);
  }

  /** Makes the venue refuse every liquidation. */
  public void refuseAll(boolean value) {
    refuseAll = value;
  }

  /** Every liquidation call so far, in order. */
  public List<Attempt> attempts() {
    return List.copyOf(attempts);
  }

  /** The calls that executed, in order. */
  public List<Attempt> executed() {
    return attempts.stream().filter(Attempt::executed).toList();
  }

  /** The signed size of {@code account}'s position in {@code market}; 0 if none. */
  public double size(AccountId account, AssetId market) {
    Position p = accounts.get(account) == null ? null : accounts.get(account).get(market);
    return p == null ? 0 : p.size;
  }

  /** The margin accounts opened so far, in order. */
  public List<AccountId> marginAccounts() {
    return List.copyOf(accounts.keySet());
  }

  // --- PerpetualVenue

  @Override
  public VenueId id() {
    return id;
  }

  @Override
  public String type() {
    return "perpetual";
  }

  @Override
  public Map<String, Object> attributes() {
    return Map.of("marginMode", isolated ? "isolated" : "cross");
  }

  @Override
  public Set<AssetId> markets() {
    return new LinkedHashSet<>(markets.keySet());
  }

  @Override
  public Set<AssetId> collateralAssets() {
    return new LinkedHashSet<>(haircuts.keySet());
  }

  @Override
  public double markPrice(AssetId market) {
    terms(market);
    return mark(market);
  }

  /** Linear margin: the free equity over one unit's initial requirement at the mark. */
  @Override
  public double maxOpenSize(AccountId marginAccount, AssetId market, int side) {
    MarginState s = marginState(marginAccount);
    double free = s.equity() - s.initialRequirement();
    return Math.max(0, free / (markPrice(market) * terms(market).initialMargin()));
  }

  @Override
  public double maxLeverage(AssetId market) {
    return 1 / terms(market).initialMargin();
  }

  @Override
  public AccountId marginAccount(AccountId owner, AssetId market) {
    terms(market);
    AccountId account = AccountId.of(id.value(), "accounts").child(owner.value());
    if (isolated) {
      account = account.child(market.value());
    }
    if (!accounts.containsKey(account)) {
      ledger.open(account, AccountType.ORDINARY);
      accounts.put(account, new LinkedHashMap<>());
    }
    return account;
  }

  @Override
  public void discard(AccountId marginAccount) {
    Map<AssetId, Position> book = positions(marginAccount);
    List<AccountId> opened = List.copyOf(accounts.keySet());
    if (!opened.get(opened.size() - 1).equals(marginAccount) || !book.isEmpty()) {
      throw new IllegalStateException(marginAccount + " is not the last, empty account");
    }
    for (AssetId asset : ledger.assets()) {
      if (ledger.balance(marginAccount, asset) != 0) {
        throw new IllegalStateException(marginAccount + " still holds " + asset);
      }
    }
    accounts.remove(marginAccount);
  }

  @Override
  public void deposit(AccountId from, AccountId marginAccount, AssetId asset, long atoms) {
    positions(marginAccount);
    if (!haircuts.containsKey(asset)) {
      throw new IllegalArgumentException(id + " does not accept " + asset + " as collateral");
    }
    ledger.transfer(from, marginAccount, asset, atoms);
  }

  @Override
  public void open(AccountId marginAccount, AssetId market, double size) {
    Map<AssetId, Position> book = positions(marginAccount);
    terms(market);
    if (isolated && !marginAccount.value().endsWith("/" + market.value())) {
      throw new IllegalArgumentException(
          "isolated account " + marginAccount + " cannot trade " + market);
    }
    if (!(Double.isFinite(size) && size != 0)) {
      throw new IllegalArgumentException("size: must be a finite non-zero number, was " + size);
    }
    Position p = book.computeIfAbsent(market, m -> new Position());
    if (p.size != 0 && Math.signum(p.size) != Math.signum(size)) {
      throw new AssertionError("the fake venue only opens or adds to positions");
    }
    double oldSize = p.size;
    double oldEntry = p.entry;
    double price = mark(market);
    p.size = oldSize + size;
    p.entry = (oldSize * oldEntry + size * price) / p.size;
    MarginState after = marginState(marginAccount);
    if (after.equity() < after.initialRequirement()) {
      p.size = oldSize;
      p.entry = oldEntry;
      if (p.size == 0) {
        book.remove(market);
      }
      throw new IllegalStateException(
          "position on "
              + id
              + " would need initial margin "
              + after.initialRequirement()
              + " but equity is "
              + after.equity());
    }
  }

  /**
   * Sets the positions at their entry prices; refused when the account would be liquidatable, as
   * the real venue.
   */
  @Override
  public void load(AccountId marginAccount, List<HeldPosition> held) {
    Map<AssetId, Position> book = positions(marginAccount);
    if (!book.isEmpty()) {
      throw new IllegalStateException(marginAccount + " already holds positions");
    }
    for (HeldPosition h : held) {
      terms(h.market());
      Position p = book.computeIfAbsent(h.market(), m -> new Position());
      p.size = h.size();
      p.entry = h.entryPrice();
    }
    if (marginState(marginAccount).liquidatable()) {
      book.clear();
      throw new IllegalStateException("the venue would liquidate it at once");
    }
  }

  /** Withdrawable = equity − initial requirement, as the real venue; refuses before moving. */
  @Override
  public void withdraw(AccountId marginAccount, AssetId asset, long atoms, AccountId to) {
    positions(marginAccount);
    if (!haircuts.containsKey(asset) || atoms <= 0) {
      throw new IllegalArgumentException(id + " cannot withdraw " + atoms + " atoms of " + asset);
    }
    if (ledger.balance(marginAccount, asset) < atoms) {
      throw new IllegalStateException(
          marginAccount + " holds fewer than " + atoms + " atoms of " + asset);
    }
    MarginState s = marginState(marginAccount);
    double counted = Precision.MICRO.units(atoms) * mark(asset) * (1 - haircuts.get(asset));
    if (s.equity() - counted < s.initialRequirement()) {
      throw new IllegalStateException(marginAccount + " would fall below its initial margin");
    }
    ledger.transfer(marginAccount, to, asset, atoms);
  }

  @Override
  public MarginState marginStateNow(AccountId account) {
    return marginState(account);
  }

  /**
   * Reduces toward zero at the mark price, without market impact: the realised PnL {@code close *
   * (mark - entry)} is settled between the account and the venue's {@code <venue>/house} account
   * (losses must be payable in base currency). Every reduction is logged.
   */
  @Override
  public void reduce(AccountId marginAccount, AssetId market, double size) {
    Map<AssetId, Position> book = positions(marginAccount);
    terms(market);
    if (!(Double.isFinite(size) && size != 0)) {
      throw new IllegalArgumentException("size: must be a finite non-zero number, was " + size);
    }
    Position p = book.get(market);
    if (p == null || p.size == 0) {
      throw new IllegalStateException(marginAccount + " has no position in " + market);
    }
    double close = Math.signum(p.size) * Math.min(Math.abs(size), Math.abs(p.size));
    double realized = close * (mark(market) - p.entry);
    AccountId house = AccountId.of(id.value(), "house");
    ledger.open(house, AccountType.ORDINARY);
    if (realized < 0) {
      long loss = Precision.MICRO.ceilAtoms(-realized);
      if (loss > ledger.balance(marginAccount, base)) {
        throw new IllegalStateException(marginAccount + " cannot pay the realised loss");
      }
      ledger.transfer(marginAccount, house, base, loss);
    } else if (realized > 0) {
      long gain = Precision.MICRO.floorAtoms(realized);
      if (ledger.balance(house, base) < gain) {
        ledger.transfer(Ledger.EXTERNAL, house, base, gain - ledger.balance(house, base));
      }
      ledger.transfer(house, marginAccount, base, gain);
    }
    p.size -= close;
    if (Math.abs(p.size) < 1e-12) {
      book.remove(market);
    }
    reductions.add(new Reduction(marginAccount, market, close));
  }

  /** One executed {@link #reduce}: the signed size closed. */
  public record Reduction(AccountId account, AssetId market, double closed) {}

  /** The reductions executed so far, in order. */
  public List<Reduction> reductions() {
    return List.copyOf(reductions);
  }

  /** How many times {@link #marginState} was called, by agents or by the venue itself. */
  public long marginStateCalls() {
    return marginStateCalls;
  }

  @Override
  public MarginState marginState(AccountId marginAccount) {
    marginStateCalls++;
    Map<AssetId, Position> book = positions(marginAccount);
    double equity = 0;
    for (Map.Entry<AssetId, Double> c : haircuts.entrySet()) {
      long held = ledger.balance(marginAccount, c.getKey());
      if (held != 0) {
        equity += Precision.MICRO.units(held) * mark(c.getKey()) * (1 - c.getValue());
      }
    }
    double initial = 0;
    double maintenance = 0;
    for (Map.Entry<AssetId, Position> e : book.entrySet()) {
      Position p = e.getValue();
      double mark = mark(e.getKey());
      Terms t = markets.get(e.getKey());
      equity += p.size * (mark - p.entry);
      initial += Math.abs(p.size) * mark * t.initialMargin();
      maintenance += Math.abs(p.size) * mark * t.maintenanceMargin();
    }
    return new MarginState(equity, initial, maintenance);
  }

  // --- Venue

  @Override
  public void markToMarket() {
    List<LiquidationCandidate> out = new ArrayList<>();
    for (AccountId a : accounts.keySet()) {
      MarginState s = marginState(a);
      if (s.liquidatable()) {
        out.add(new LiquidationCandidate(id, a, s));
      }
    }
    out.sort(
        Comparator.comparingDouble((LiquidationCandidate c) -> c.state().health())
            .thenComparing(LiquidationCandidate::account));
    liquidatable = List.copyOf(out);
  }

  @Override
  public List<LiquidationCandidate> liquidatable() {
    return liquidatable;
  }

  @Override
  public Optional<LiquidationOutcome> liquidate(AccountId account, AccountId liquidator) {
    Optional<LiquidationOutcome> out = tryLiquidate(account, liquidator);
    attempts.add(new Attempt(account, liquidator, out.isPresent()));
    return out;
  }

  private Optional<LiquidationOutcome> tryLiquidate(AccountId account, AccountId liquidator) {
    if (refuseAll || refused.contains(liquidator) || !accounts.containsKey(account)) {
      return Optional.empty();
    }
    if (!marginState(account).liquidatable()) {
      return Optional.empty();
    }
    List<Holding> sold = new ArrayList<>();
    List<Long> price = new ArrayList<>();
    long cost = 0;
    for (Holding h : acquiredPerLiquidation) {
      long atoms = Math.min(h.atoms(), ledger.balance(account, h.asset()));
      long pay = Precision.MICRO.ceilAtoms(Precision.MICRO.units(atoms) * mark(h.asset()));
      sold.add(new Holding(h.asset(), atoms));
      price.add(pay);
      cost += pay;
    }
    if (ledger.balance(liquidator, base) < cost) {
      return Optional.empty();
    }
    double notional = 0;
    for (Map.Entry<AssetId, Position> e : accounts.get(account).entrySet()) {
      notional += Math.abs(e.getValue().size) * mark(e.getKey());
    }
    accounts.get(account).clear();
    for (int i = 0; i < sold.size(); i++) {
      ledger.transfer(liquidator, account, base, price.get(i));
      ledger.transfer(account, liquidator, sold.get(i).asset(), sold.get(i).atoms());
    }
    return Optional.of(
        new LiquidationOutcome(id, account, notional, 0, sold, Precision.MICRO.units(cost)));
  }

  @Override
  public void settle() {
    // Nothing accrues between ticks in the fake.
  }

  /**
   * Adds liquidations the snapshot counts as if executed elsewhere on the venue (for herding
   * tests).
   */
  public void countLiquidations(long n) {
    otherLiquidations += n;
  }

  @Override
  public VenueSnapshot snapshot() {
    return new VenueSnapshot(
        accounts.size(),
        executed().size() + otherLiquidations,
        0,
        0,
        0,
        0,
        0,
        0,
        liquidatable.size());
  }

  @Override
  public List<String> audit() {
    return List.of();
  }

  private Terms terms(AssetId market) {
    Terms t = markets.get(market);
    if (t == null) {
      throw new IllegalArgumentException(id + " lists no market for " + market);
    }
    return t;
  }

  private double mark(AssetId asset) {
    if (asset.equals(base)) {
      return 1.0;
    }
    Double p = marks.get(asset);
    if (p == null) {
      throw new IllegalStateException(id + " has no mark price for " + asset);
    }
    return p;
  }

  private Map<AssetId, Position> positions(AccountId marginAccount) {
    Map<AssetId, Position> book = accounts.get(marginAccount);
    if (book == null) {
      throw new IllegalArgumentException(id + " has no margin account " + marginAccount);
    }
    return book;
  }
}
