package org.marginfall.protocols.perp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.event.BadDebt;
import org.marginfall.core.event.CollateralSale;
import org.marginfall.core.event.InsurancePayout;
import org.marginfall.core.event.Liquidation;
import org.marginfall.core.event.Trade;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.AccountType;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.ledger.Quantities;
import org.marginfall.core.market.Execution;
import org.marginfall.core.venue.Holding;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.LiquidationOutcome;
import org.marginfall.core.venue.MarginState;
import org.marginfall.core.venue.PerpetualVenue;
import org.marginfall.core.venue.VenueId;
import org.marginfall.core.venue.VenueServices;
import org.marginfall.core.venue.VenueSnapshot;

/**
 * A perpetual-futures venue: multi-collateral margin accounts (cross or isolated), positions
 * marked at the venue's oracle, full liquidation through the shared market, and a loss waterfall
 * of account margin, insurance fund, then explicit bad debt.
 *
 * <p>Ledger layout under the venue id {@code v}: margin accounts {@code v/accounts/<owner>[/<asset>]},
 * the counterparty vault {@code v/house} (the other side of every position; it settles PnL in base
 * currency), the insurance fund {@code v/insurance}, and {@code v/bad-debt}, an external account
 * whose negative balance is the venue's uncovered shortfall. A liquidation closes every position of
 * the account at the price its unwind gets in the shared market (so it moves the price other venues
 * mark at), charges the fee on the closed notional (capped at what equity remains), sells
 * non-base collateral to the liquidator at the oracle price to raise base currency, and covers any
 * remaining shortfall from the insurance fund, then as bad debt (Binance FAQ 360033525271:
 * clearance fee to the insurance fund, which tops negative balances back to zero). Mutable and not
 * thread-safe.
 */
public final class PerpetualExchange implements PerpetualVenue {

  private final PerpetualVenueSpec spec;
  private final VenueServices services;
  private final Ledger ledger;
  private final AssetId base;
  private final AccountId house;
  private final AccountId insurance;
  private final AccountId badDebtAccount;
  private final List<AssetId> marketAssets = new ArrayList<>();
  private final double[] initialMargin;
  private final double[] maintenanceMargin;
  private final List<CollateralTerms> collateral = new ArrayList<>();
  private final Map<AccountId, MarginAccount> accounts = new LinkedHashMap<>();
  private List<LiquidationCandidate> liquidatable = List.of();
  private long liquidations;
  private double liquidatedNotional;
  private long liquidationFeeAtoms;
  private long insurancePaidAtoms;
  private long badDebtAtoms;

  /** One margin account: its positions by market index. */
  private static final class MarginAccount {
    final AccountId id;
    final double[] size;
    final double[] entry;
    MarginState state = new MarginState(0, 0, 0);

    MarginAccount(AccountId id, int markets) {
      this.id = id;
      this.size = new double[markets];
      this.entry = new double[markets];
    }

    boolean hasPositions() {
      for (double s : size) {
        if (s != 0) {
          return true;
        }
      }
      return false;
    }
  }

  PerpetualExchange(PerpetualVenueSpec spec, VenueServices services) {
    this.spec = spec;
    this.services = services;
    this.ledger = services.ledger();
    this.base = services.baseCurrency();
    String v = spec.id().value();
    this.house = AccountId.of(v, "house");
    this.insurance = AccountId.of(v, "insurance");
    this.badDebtAccount = AccountId.of(v, "bad-debt");
    ledger.open(house, AccountType.ORDINARY);
    ledger.open(insurance, AccountType.ORDINARY);
    ledger.open(badDebtAccount, AccountType.EXTERNAL);
    ledger.transfer(Ledger.EXTERNAL, house, base, Quantities.floorAtoms(spec.houseCapital()));
    ledger.transfer(Ledger.EXTERNAL, insurance, base, Quantities.floorAtoms(spec.insuranceFund()));
    int n = spec.markets().size();
    this.initialMargin = new double[n];
    this.maintenanceMargin = new double[n];
    for (int i = 0; i < n; i++) {
      PerpMarket m = spec.markets().get(i);
      marketAssets.add(m.asset());
      initialMargin[i] = m.initialMargin();
      maintenanceMargin[i] = m.maintenanceMargin();
    }
    // The base currency is always collateral at face value; an entry for it in the spec (which a
    // spec built in code may carry; the scenario reader drops it) must not add a second line.
    collateral.add(new CollateralTerms(base, 0));
    for (CollateralTerms c : spec.collateral()) {
      if (!c.asset().equals(base)) {
        collateral.add(c);
      }
    }
  }

  @Override
  public VenueId id() {
    return spec.id();
  }

  @Override
  public String type() {
    return PerpetualVenueSpec.TYPE;
  }

  @Override
  public Map<String, Object> attributes() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("marginMode", spec.marginMode().scenarioName());
    a.put("oracle", spec.oracle().value());
    return a;
  }

  // --- trading

  @Override
  public Set<AssetId> markets() {
    return spec.tradableAssets();
  }

  @Override
  public Set<AssetId> collateralAssets() {
    Set<AssetId> out = new LinkedHashSet<>();
    out.add(base);
    out.addAll(spec.collateralAssets());
    return out;
  }

  @Override
  public double markPrice(AssetId market) {
    marketIndex(market);
    return oraclePrice(market);
  }

  @Override
  public double maxLeverage(AssetId market) {
    return 1 / initialMargin[marketIndex(market)];
  }

  @Override
  public AccountId marginAccount(AccountId owner, AssetId market) {
    marketIndex(market);
    AccountId id = AccountId.of(spec.id().value(), "accounts").child(owner.value());
    if (spec.marginMode() == MarginMode.ISOLATED) {
      id = id.child(market.value());
    }
    if (!accounts.containsKey(id)) {
      ledger.open(id, AccountType.ORDINARY);
      accounts.put(id, new MarginAccount(id, marketAssets.size()));
    }
    return id;
  }

  @Override
  public void deposit(AccountId from, AccountId marginAccount, AssetId asset, long atoms) {
    account(marginAccount);
    if (!collateralAssets().contains(asset)) {
      throw new IllegalArgumentException(spec.id() + " does not accept " + asset + " as collateral");
    }
    ledger.transfer(from, marginAccount, asset, atoms);
  }

  @Override
  public void open(AccountId marginAccount, AssetId market, double size) {
    MarginAccount a = account(marginAccount);
    int i = marketIndex(market);
    if (spec.marginMode() == MarginMode.ISOLATED && !marginAccount.value().endsWith("/" + market.value())) {
      throw new IllegalArgumentException("isolated account " + marginAccount + " cannot trade " + market);
    }
    if (!(Double.isFinite(size) && size != 0)) {
      throw new IllegalArgumentException("size: must be a finite non-zero number, was " + size);
    }
    double price = oraclePrice(market);
    double old = a.size[i];
    double oldEntry = a.entry[i];
    double next = old + size;
    // The part of the trade that reduces an existing position realises PnL at the trade price.
    double reduced = old != 0 && Math.signum(old) != Math.signum(size) ? Math.min(Math.abs(size), Math.abs(old)) : 0;
    double realized = Math.signum(old) * reduced * (price - oldEntry);
    long loss = realized < 0 ? Quantities.ceilAtoms(-realized) : 0;
    if (loss > ledger.balance(marginAccount, base)) {
      throw new IllegalStateException(
          marginAccount + " cannot pay the realised loss " + Quantities.units(loss) + " in " + base);
    }
    a.size[i] = next;
    if (next == 0) {
      a.entry[i] = 0;
    } else if (reduced == 0) {
      a.entry[i] = (old * oldEntry + size * price) / next;
    } else if (Math.signum(next) != Math.signum(old)) {
      a.entry[i] = price;
    }
    MarginState after = state(a);
    // The realised part is not yet in collateral, so post-trade equity is after.equity() + realized.
    // A trade adds risk when it grows the position or flips it: a flip opens a new position on the
    // other side, which must meet the initial margin like any opening trade; only a pure reduction
    // is allowed below it.
    boolean flips = old != 0 && next != 0 && Math.signum(next) != Math.signum(old);
    boolean addsRisk = Math.abs(next) > Math.abs(old) || flips;
    if (addsRisk && after.equity() + realized < after.initialRequirement()) {
      a.size[i] = old;
      a.entry[i] = oldEntry;
      throw new IllegalStateException(
          "position on " + spec.id() + " would need initial margin " + after.initialRequirement()
              + " but equity is " + after.equity());
    }
    if (realized > 0) {
      payFromHouse(marginAccount, Quantities.floorAtoms(realized));
    }
    ledger.transfer(marginAccount, house, base, loss);
    a.state = state(a);
    services
        .events()
        .emit(
            new Trade(
                services.clock().step(), services.clock().round(), spec.id().value(),
                marginAccount.value(), market.value(), size, price, Math.abs(size) * price, realized));
  }

  @Override
  public MarginState marginState(AccountId marginAccount) {
    return state(account(marginAccount));
  }

  // --- risk

  @Override
  public void markToMarket() {
    List<LiquidationCandidate> out = new ArrayList<>();
    for (MarginAccount a : accounts.values()) {
      a.state = state(a);
      if (a.state.liquidatable()) {
        out.add(new LiquidationCandidate(spec.id(), a.id, a.state));
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
    MarginAccount a = accounts.get(account);
    if (a == null) {
      return Optional.empty();
    }
    MarginState before = state(a);
    if (!before.liquidatable()) {
      return Optional.empty();
    }
    // The liquidator must be able to buy all non-base collateral, the most the waterfall may sell it.
    long needed = 0;
    for (CollateralTerms c : collateral) {
      if (!c.asset().equals(base)) {
        needed += Quantities.ceilAtoms(ledger.units(account, c.asset()) * oraclePrice(c.asset()));
      }
    }
    if (ledger.balance(liquidator, base) < needed) {
      return Optional.empty();
    }
    long step = services.clock().step();
    int round = services.clock().round();
    String venue = spec.id().value();

    // 1. Close every position through the shared market.
    int n = marketAssets.size();
    double[] closedSize = new double[n];
    double[] exec = new double[n];
    double[] pnl = new double[n];
    double[] notional = new double[n];
    double[] oracle = new double[n];
    double realized = 0;
    double nominalFee = 0;
    for (int i = 0; i < n; i++) {
      if (a.size[i] == 0) {
        continue;
      }
      AssetId asset = marketAssets.get(i);
      oracle[i] = oraclePrice(asset);
      Execution e = services.markets().tradeSynthetic(venue, asset, -a.size[i]);
      closedSize[i] = a.size[i];
      exec[i] = e.averagePrice();
      pnl[i] = a.size[i] * (exec[i] - a.entry[i]);
      notional[i] = e.value();
      realized += pnl[i];
      nominalFee += notional[i] * spec.liquidationFee();
      a.size[i] = 0;
      a.entry[i] = 0;
    }

    // 2. The fee is capped at what equity remains after the close (collateral at oracle value).
    double remaining = realized;
    for (CollateralTerms c : collateral) {
      remaining += ledger.units(account, c.asset()) * oraclePrice(c.asset());
    }
    double fee = Math.min(nominalFee, Math.max(0, remaining));
    long feeAtoms = Quantities.floorAtoms(fee);
    long toLiquidator = Quantities.floorAtoms(fee * spec.liquidatorShare());
    long toInsurance = feeAtoms - toLiquidator;

    // 3. Settle PnL with the house; then raise base currency for what the account owes.
    long gain = realized > 0 ? Quantities.floorAtoms(realized) : 0;
    long loss = realized < 0 ? Quantities.ceilAtoms(-realized) : 0;
    if (gain > 0) {
      payFromHouse(account, gain);
    }
    long owed = loss + feeAtoms;
    long shortfall = owed - ledger.balance(account, base);
    List<Holding> acquired = new ArrayList<>();
    long spent = 0;
    for (CollateralTerms c : collateral) {
      if (shortfall <= 0) {
        break;
      }
      if (c.asset().equals(base)) {
        continue;
      }
      long held = ledger.balance(account, c.asset());
      if (held == 0) {
        continue;
      }
      double price = oraclePrice(c.asset());
      long units = Math.min(held, Quantities.ceilAtoms(Quantities.units(shortfall) / price));
      long pay = Quantities.ceilValueAtoms(units, price);
      ledger.transfer(liquidator, account, base, pay);
      ledger.transfer(account, liquidator, c.asset(), units);
      acquired.add(new Holding(c.asset(), units));
      spent += pay;
      shortfall -= pay;
      services
          .events()
          .emit(
              new CollateralSale(
                  step, round, venue, account.value(), liquidator.value(), c.asset().value(),
                  Quantities.units(units), price, Quantities.units(pay)));
    }
    coverShortfall(account, shortfall);
    ledger.transfer(account, house, base, loss);
    ledger.transfer(account, liquidator, base, toLiquidator);
    ledger.transfer(account, insurance, base, toInsurance);

    // 4. Record one event per closed position, the fee split pro rata to notional.
    double totalNotional = 0;
    for (int i = 0; i < n; i++) {
      totalNotional += notional[i];
    }
    for (int i = 0; i < n; i++) {
      if (closedSize[i] == 0) {
        continue;
      }
      double w = totalNotional > 0 ? notional[i] / totalNotional : 0;
      services
          .events()
          .emit(
              new Liquidation(
                  step, round, venue, account.value(), liquidator.value(), marketAssets.get(i).value(),
                  closedSize[i], oracle[i], exec[i], notional[i], pnl[i], w * Quantities.units(feeAtoms),
                  w * Quantities.units(toLiquidator), w * Quantities.units(toInsurance), before.equity(),
                  before.maintenanceRequirement()));
      liquidations++;
    }
    liquidatedNotional += totalNotional;
    // The account is flat now: drop it from the last mark's list so the list stays truthful.
    liquidatable = liquidatable.stream().filter(c -> !c.account().equals(account)).toList();
    liquidationFeeAtoms += feeAtoms;
    a.state = state(a);
    return Optional.of(
        new LiquidationOutcome(
            spec.id(), account, totalNotional, Quantities.units(toLiquidator), acquired,
            Quantities.units(spent)));
  }

  /**
   * The perpetual venue resolves every shortfall when it liquidates (insurance fund, then bad
   * debt), so the end-of-tick settlement has nothing left to do.
   */
  @Override
  public void settle() {
    // Shortfalls were resolved in liquidate(); nothing accrues between ticks in this venue family.
  }

  @Override
  public VenueSnapshot snapshot() {
    double openInterest = 0;
    for (MarginAccount a : accounts.values()) {
      for (int i = 0; i < a.size.length; i++) {
        if (a.size[i] != 0) {
          openInterest += Math.abs(a.size[i]) * oraclePrice(marketAssets.get(i));
        }
      }
    }
    return new VenueSnapshot(
        accounts.size(), liquidations, liquidatedNotional, Quantities.units(liquidationFeeAtoms),
        Quantities.units(insurancePaidAtoms), Quantities.units(badDebtAtoms),
        ledger.units(insurance, base), openInterest, liquidatable.size());
  }

  @Override
  public List<String> audit() {
    List<String> problems = new ArrayList<>();
    Set<AccountId> listed = new LinkedHashSet<>();
    liquidatable.forEach(c -> listed.add(c.account()));
    for (MarginAccount a : accounts.values()) {
      MarginState now = state(a);
      if (!Double.isFinite(now.equity()) || !Double.isFinite(now.maintenanceRequirement())) {
        problems.add(spec.id() + ": margin state of " + a.id + " is not finite: " + now);
      }
      if (now.liquidatable() != listed.contains(a.id)) {
        problems.add(
            spec.id() + ": " + a.id + " is " + (now.liquidatable() ? "" : "not ")
                + "below maintenance (" + now + ") but the last mark says otherwise");
      }
      for (int i = 0; i < a.size.length; i++) {
        if (!Double.isFinite(a.size[i]) || (a.size[i] != 0 && !(a.entry[i] > 0))) {
          problems.add(spec.id() + ": position " + marketAssets.get(i) + " of " + a.id + " is malformed");
        }
      }
    }
    long booked = -ledger.balance(badDebtAccount, base);
    if (booked != badDebtAtoms) {
      problems.add(spec.id() + ": bad debt " + badDebtAtoms + " atoms disagrees with the bad-debt account " + booked);
    }
    return problems;
  }

  // --- internals

  private MarginState state(MarginAccount a) {
    List<PerpMarginCalculator.CollateralLine> lines = new ArrayList<>(collateral.size());
    for (CollateralTerms c : collateral) {
      long held = ledger.balance(a.id, c.asset());
      if (held != 0) {
        lines.add(
            new PerpMarginCalculator.CollateralLine(
                Quantities.units(held), oraclePrice(c.asset()), c.haircut()));
      }
    }
    List<PerpMarginCalculator.PositionLine> positions = new ArrayList<>();
    for (int i = 0; i < a.size.length; i++) {
      if (a.size[i] != 0) {
        positions.add(
            new PerpMarginCalculator.PositionLine(
                a.size[i], a.entry[i], oraclePrice(marketAssets.get(i)), initialMargin[i],
                maintenanceMargin[i]));
      }
    }
    return PerpMarginCalculator.DEFAULT.state(lines, positions);
  }

  private void payFromHouse(AccountId account, long atoms) {
    long paid = Math.min(ledger.balance(house, base), atoms);
    ledger.transfer(house, account, base, paid);
    // An exhausted counterparty vault leaves the unpaid gain as the venue's shortfall.
    coverShortfall(account, atoms - paid);
  }

  /**
   * The end of the loss waterfall: pays {@code shortfall} into {@code account} from the insurance
   * fund while it lasts, and books the rest as bad debt from the venue's bad-debt account.
   */
  private void coverShortfall(AccountId account, long shortfall) {
    long step = services.clock().step();
    int round = services.clock().round();
    long fromFund = Math.min(Math.max(shortfall, 0), ledger.balance(insurance, base));
    if (fromFund > 0) {
      ledger.transfer(insurance, account, base, fromFund);
      insurancePaidAtoms += fromFund;
      services.events().emit(
          new InsurancePayout(step, round, spec.id().value(), account.value(), Quantities.units(fromFund)));
    }
    long uncovered = shortfall - fromFund;
    if (uncovered > 0) {
      ledger.transfer(badDebtAccount, account, base, uncovered);
      badDebtAtoms += uncovered;
      services.events().emit(
          new BadDebt(step, round, spec.id().value(), account.value(), Quantities.units(uncovered)));
    }
  }

  private double oraclePrice(AssetId asset) {
    return services.oracles().price(spec.oracle(), asset);
  }

  private int marketIndex(AssetId market) {
    int i = marketAssets.indexOf(market);
    if (i < 0) {
      throw new IllegalArgumentException(spec.id() + " lists no market for " + market);
    }
    return i;
  }

  private MarginAccount account(AccountId id) {
    MarginAccount a = accounts.get(id);
    if (a == null) {
      throw new IllegalArgumentException(spec.id() + " has no margin account " + id);
    }
    return a;
  }
}
