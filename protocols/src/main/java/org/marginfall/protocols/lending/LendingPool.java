package org.marginfall.protocols.lending;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.event.BadDebt;
import org.marginfall.core.event.InsurancePayout;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.AccountTable;
import org.marginfall.core.ledger.AtomScale;
import org.marginfall.core.ledger.AccountType;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.oracle.StalePauses;
import org.marginfall.core.venue.Holding;
import org.marginfall.core.venue.LendingVenue;
import org.marginfall.core.venue.CandidateList;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.LiquidationOutcome;
import org.marginfall.core.venue.LiquidationScreen;
import org.marginfall.core.venue.MarginState;
import org.marginfall.core.venue.VenueId;
import org.marginfall.core.venue.VenueServices;
import org.marginfall.core.venue.VenueSnapshot;

/**
 * A pooled lending venue modelled on Aave v3.3: reserves that lend suppliers' deposits, receipt
 * tokens whose exchange rate carries the interest, health-factor liquidations with Aave's close
 * factor, bonus and protocol fee, and v3.3's burning of the debt of accounts left without
 * collateral.
 *
 * <p>Ledger layout under the venue id {@code v}: each reserve's cash in {@code v/reserves/<asset>};
 * each receipt minted from and burned back to the external issuer account {@code
 * v/issuers/<receipt>} (so the receipts outstanding are minus its balance); borrowers' collateral
 * receipts in {@code v/accounts/<owner>}; the treasury's receipts (reserve factor and protocol
 * fees, as Aave mints them to its treasury) in {@code v/treasury}. Debt is not a ledger asset: the
 * venue books it as scaled debt times the reserve's borrow index, like Aave's variable debt token.
 *
 * <p>A reserve's exchange rate is its assets per receipt, {@code (cash + debt + deficit) /
 * receipts}. Interest moves it as Aave's liquidity index moves (a relative rise of {@code
 * borrowRate · U · (1 − reserveFactor)} per unit time, the treasury taking the reserve factor as
 * newly minted receipts); debt written off in {@code socialize} mode leaves the assets and so cuts
 * it pro rata for every holder of that reserve's receipts. Mutable and not thread-safe.
 */
public final class LendingPool implements LendingVenue {

  /** Relative tolerance of the audit's comparison of summed double books. */
  private static final double BOOK_TOLERANCE = 1e-9;

  private final LendingVenueSpec spec;
  private final VenueServices services;
  private final Ledger ledger;
  private final AssetId base;
  /** How finely the ledger counts the base currency (what a liquidator spends). */
  private final Precision basePrecision;
  private final AccountId treasury;
  private final List<Reserve> reserves = new ArrayList<>();
  /** Each reserve's receipt asset's ledger index, by reserve index. */
  private final int[] receiptSlot;
  /** Each reserve's oracle price and exchange rate as {@link #readReserves} read them last. */
  private final double[] reservePrice;
  private final double[] reserveRate;
  private final Map<AssetId, Reserve> byAsset = new LinkedHashMap<>();
  private final AccountTable<Borrower> accounts = new AccountTable<>();
  private final CandidateList liquidatable = new CandidateList();
  /** Which borrowers a liquidation round must mark again; told of every change of scaled debt. */
  private final LiquidationScreen screen = new LiquidationScreen();
  /** The screen's factors: per reserve its oracle price, exchange rate and borrow index. */
  private final double[] factors;
  private long liquidations;
  private double liquidatedNotional;
  private double liquidationFees;
  private double insurancePaid;
  private double badDebt;

  /**
   * One reserve's books. Cash is counted in atoms of the underlying, receipts in atoms of the
   * receipt asset; the two may have different decimals. The exchange rate is underlying units per
   * receipt unit.
   */
  private static final class Reserve {
    final int index;
    final ReserveTerms terms;
    final AccountId pool;
    final AccountId issuer;
    /** The underlying's precision: cash, debt, deficit. */
    final Precision precision;
    /** The receipt's precision: receipts. */
    final Precision receiptPrecision;
    /** Receipt atoms to underlying atoms, {@code 10^(underlying decimals - receipt decimals)}. */
    final AtomScale scale;
    long cash;
    long receipts;
    double borrowIndex = 1;
    double scaledDebt;
    double deficit;
    /** The exchange rate as a fraction of what it would be without socialised losses. */
    double lossIndex = 1;

    Reserve(
        int index, ReserveTerms terms, AccountId pool, AccountId issuer, Precision precision,
        Precision receiptPrecision) {
      this.index = index;
      this.terms = terms;
      this.pool = pool;
      this.issuer = issuer;
      this.precision = precision;
      this.receiptPrecision = receiptPrecision;
      this.scale = AtomScale.between(receiptPrecision, precision);
    }

    /** {@code x} receipt atoms' worth (receipt atoms times the rate) in underlying atoms. */
    double cashAtoms(double x) {
      return scale.apply(x);
    }

    /** {@code x} underlying atoms' worth (underlying atoms over the rate) in receipt atoms. */
    double receiptAtoms(double x) {
      return scale.invert(x);
    }

    double debt() {
      return scaledDebt * borrowIndex;
    }

    /** Underlying the reserve owns: cash, loans and (in deficit mode) the claim it recorded. */
    double assets() {
      return precision.units(cash) + debt() + deficit;
    }

    /** Assets per receipt; 1 before anything was supplied. */
    double rate() {
      return receipts > 0 ? assets() / receiptPrecision.units(receipts) : 1.0;
    }
  }

  /** One borrower account: scaled debt per reserve, and its state at the last mark. */
  private final StalePauses stalePauses;

  private static final class Borrower {
    final AccountId id;
    /** The account's ledger index, so marking reads receipt balances without lookups. */
    final int slot;
    /** Its place in the order accounts were opened. */
    final int ordinal;
    final double[] scaledDebt;
    MarginState state = new MarginState(0, 0, 0);

    Borrower(AccountId id, int slot, int ordinal, int reserves) {
      this.id = id;
      this.slot = slot;
      this.ordinal = ordinal;
      this.scaledDebt = new double[reserves];
    }
  }

  LendingPool(LendingVenueSpec spec, VenueServices services) {
    this.spec = spec;
    this.stalePauses = new StalePauses(spec.staleness());
    this.services = services;
    this.ledger = services.ledger();
    this.base = services.baseCurrency();
    this.basePrecision = ledger.precision(base);
    String v = spec.id().value();
    this.treasury = AccountId.of(v, "treasury");
    ledger.open(treasury, AccountType.ORDINARY);
    this.receiptSlot = new int[spec.reserves().size()];
    this.reservePrice = new double[spec.reserves().size()];
    this.reserveRate = new double[spec.reserves().size()];
    this.factors = new double[3 * spec.reserves().size()];
    for (ReserveTerms t : spec.reserves()) {
      Reserve r =
          new Reserve(
              reserves.size(), t, AccountId.of(v, "reserves", t.asset().value()),
              AccountId.of(v, "issuers", t.receipt().value()), ledger.precision(t.asset()),
              ledger.precision(t.receipt()));
      ledger.open(r.pool, AccountType.ORDINARY);
      ledger.open(r.issuer, AccountType.EXTERNAL);
      reserves.add(r);
      byAsset.put(t.asset(), r);
      receiptSlot[r.index] = ledger.assetIndexOf(t.receipt());
      // NAV per receipt at the underlying's market price (what redeeming and selling would
      // fetch); the venue's own risk checks use its oracle. Oracles are built after venues and
      // read this NAV for their initial feeds, so it must not depend on an oracle.
      services.markets().defineDerived(
          t.receipt(), () -> r.rate() * services.markets().price(t.asset()), t.asset(), () -> r.lossIndex);
    }
  }

  @Override
  public VenueId id() {
    return spec.id();
  }

  @Override
  public String type() {
    return LendingVenueSpec.TYPE;
  }

  @Override
  public Map<String, Object> attributes() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("oracle", spec.oracle().value());
    a.put("badDebtMode", spec.badDebt().scenarioName());
    return a;
  }

  // --- lenders and borrowers

  @Override
  public Set<AssetId> reserveAssets() {
    return new LinkedHashSet<>(byAsset.keySet());
  }

  @Override
  public AssetId receipt(AssetId asset) {
    return reserve(asset).terms.receipt();
  }

  @Override
  public double exchangeRate(AssetId asset) {
    return reserve(asset).rate();
  }

  @Override
  public double price(AssetId asset) {
    return asset.equals(base) ? 1.0 : services.oracles().price(spec.oracle(), asset);
  }

  @Override
  public double loanToValue(AssetId asset) {
    return reserve(asset).terms.loanToValue();
  }

  @Override
  public boolean borrowable(AssetId asset) {
    return reserve(asset).terms.borrowable();
  }

  @Override
  public long supply(AccountId from, AssetId asset, long atoms) {
    return mintFor(from, from, reserve(asset), atoms);
  }

  @Override
  public long withdraw(AccountId holder, AssetId asset, long receiptAtoms) {
    Reserve r = reserve(asset);
    positive(receiptAtoms, "receiptAtoms");
    if (ledger.balance(holder, r.terms.receipt()) < receiptAtoms) {
      throw new IllegalStateException(holder + " holds " + r.receiptPrecision.units(ledger.balance(holder, r.terms.receipt()))
          + " " + r.terms.receipt() + ", cannot redeem " + r.receiptPrecision.units(receiptAtoms));
    }
    long paid = (long) Math.floor(r.cashAtoms(receiptAtoms * r.rate()));
    if (paid > r.cash) {
      throw new IllegalStateException(spec.id() + ": reserve " + asset + " holds " + r.precision.units(r.cash) + " " + asset
          + ", not the " + r.precision.units(paid) + " " + asset + " that " + r.receiptPrecision.units(receiptAtoms) + " "
          + r.terms.receipt() + " redeem for");
    }
    burn(r, holder, receiptAtoms);
    ledger.transfer(r.pool, holder, asset, paid);
    r.cash -= paid;
    return paid;
  }

  @Override
  public AccountId account(AccountId owner) {
    AccountId id = AccountId.of(spec.id().value(), "accounts").child(owner.value());
    if (!accounts.containsKey(id)) {
      ledger.open(id, AccountType.ORDINARY);
      accounts.put(id, new Borrower(id, ledger.indexOf(id), accounts.size(), reserves.size()));
    }
    return id;
  }

  @Override
  public void depositCollateral(AccountId from, AccountId account, AssetId asset, long atoms) {
    borrower(account);
    mintFor(from, account, reserve(asset), atoms);
  }

  @Override
  public void borrow(AccountId account, AssetId asset, long atoms, AccountId to) {
    lend(account, asset, atoms, to, false);
  }

  @Override
  public void openDebt(AccountId account, AssetId asset, long atoms, AccountId to) {
    lend(account, asset, atoms, to, true);
  }

  /**
   * Lends {@code atoms}, tested against the loan-to-value limit (a new borrow) or, when {@code
   * held}, against the liquidation threshold (a debt the account already holds).
   */
  private void lend(AccountId account, AssetId asset, long atoms, AccountId to, boolean held) {
    Borrower b = borrower(account);
    Reserve r = reserve(asset);
    positive(atoms, "atoms");
    if (!r.terms.borrowable()) {
      throw new IllegalStateException(spec.id() + ": " + asset + " cannot be borrowed");
    }
    if (atoms > r.cash) {
      throw new IllegalStateException(spec.id() + ": reserve " + asset + " holds " + r.precision.units(r.cash) + " " + asset
          + ", cannot lend " + r.precision.units(atoms) + " " + asset);
    }
    double units = r.precision.units(atoms);
    if (r.debt() + units > r.terms.borrowCap()) {
      throw new IllegalStateException(spec.id() + ": borrowing " + units + " " + asset + " exceeds the borrow cap");
    }
    // ValidationLogic.validateBorrow: the debt after the borrow must fit within Σ collateral × LTV;
    // a held debt only within Σ collateral × liquidation threshold (HF >= 1, GenericLogic).
    double power = 0;
    for (Reserve c : reserves) {
      power += collateralValue(b, c) * (held ? c.terms.liquidationThreshold() : c.terms.loanToValue());
    }
    double debtAfter = debtValue(b) + units * price(asset);
    if (held && debtAfter > power) {
      throw new IllegalStateException(spec.id() + ": health factor " + power / debtAfter
          + " (collateral x liquidation threshold " + power + " over debt " + debtAfter + ") is below 1: liquidatable at the start");
    }
    if (debtAfter > power) {
      throw new IllegalStateException(
          spec.id() + ": debt " + debtAfter + " would exceed the borrowing power " + power + " of " + account);
    }
    ledger.transfer(r.pool, to, asset, atoms);
    r.cash -= atoms;
    double scaled = units / r.borrowIndex;
    b.scaledDebt[r.index] += scaled;
    screen.touch(b.ordinal);
    r.scaledDebt += scaled;
    b.state = state(b);
  }

  @Override
  public long repay(AccountId from, AccountId account, AssetId asset, long atoms) {
    Borrower b = borrower(account);
    Reserve r = reserve(asset);
    positive(atoms, "atoms");
    long paid = r.precision.ceilAtomsAtMost(b.scaledDebt[r.index] * r.borrowIndex, atoms);
    ledger.transfer(from, r.pool, asset, paid);
    r.cash += paid;
    reduceDebt(b, r, r.precision.units(paid));
    b.state = state(b);
    return paid;
  }

  /**
   * Aave ValidationLogic.validateHFAndLtv: a collateral withdrawal must leave HF = Σ(coll × LT) /
   * Σ debt ≥ 1 (HEALTH_FACTOR_LIQUIDATION_THRESHOLD, GenericLogic). The receipts
   * move to {@code to} unredeemed; the HF after is computed before anything moves.
   */
  @Override
  public void withdrawCollateral(AccountId account, AssetId asset, long receiptAtoms, AccountId to) {
    Borrower b = borrower(account);
    Reserve r = reserve(asset);
    positive(receiptAtoms, "receiptAtoms");
    long held = ledger.balance(b.id, r.terms.receipt());
    if (held < receiptAtoms) {
      throw new IllegalStateException(account + " holds " + r.receiptPrecision.units(held) + " " + r.terms.receipt()
          + ", cannot withdraw " + r.receiptPrecision.units(receiptAtoms));
    }
    MarginState before = state(b);
    double debt = before.maintenanceRequirement();
    if (debt > 0) {
      double removed = r.receiptPrecision.units(receiptAtoms) * r.rate() * price(asset) * r.terms.liquidationThreshold();
      double after = (before.equity() - removed) / debt;
      if (after < 1) {
        throw new IllegalStateException(account + ": health factor after the withdrawal would be " + after + " < 1");
      }
    }
    ledger.transfer(b.id, to, r.terms.receipt(), receiptAtoms);
    b.state = state(b);
    // HF >= 1 after the withdrawal: the account cannot stay on the last mark's list.
    liquidatable.drop(b.id);
  }

  @Override
  public double debt(AccountId account, AssetId asset) {
    Reserve r = reserve(asset);
    return borrower(account).scaledDebt[r.index] * r.borrowIndex;
  }

  @Override
  public double healthFactor(AccountId account) {
    return state(borrower(account)).health();
  }

  /** The treasury's ledger account (it holds receipts). */
  public AccountId treasury() {
    return treasury;
  }

  /** The deficit of {@code asset}'s reserve, in units (deficit mode). */
  public double deficit(AssetId asset) {
    return reserve(asset).deficit;
  }

  /** The utilisation of {@code asset}'s reserve now: debt / (cash + debt). */
  @Override
  public double utilisation(AssetId asset) {
    return utilisation(reserve(asset));
  }

  /** The reserve's cash, {@code <venue>/reserves/<asset>}: what {@link #withdraw} can pay out. */
  @Override
  public long availableLiquidity(AssetId asset) {
    return reserve(asset).cash;
  }

  // --- risk

  @Override
  public void markToMarket() {
    List<LiquidationCandidate> out = new ArrayList<>();
    boolean paused = pausedByStaleness();
    readReserves();
    screen.beginFullMark(readFactors(), ledger, accounts.size());
    for (Borrower b : accounts.values()) {
      b.state = stateAtRead(b);
      allow(b);
      if (b.state.liquidatable() && !paused) {
        out.add(new LiquidationCandidate(spec.id(), b.id, b.state));
      }
    }
    LiquidationCandidate.sortMostUnderwaterFirst(out);
    liquidatable.replace(out);
  }

  /**
   * Marks only the borrowers the screen says could have become liquidatable since the last full
   * mark: the list is the one {@link #markToMarket()} would leave. Other borrowers keep the last
   * full mark's state, which only {@link #healthValues()} reads, after the record's full mark.
   */
  @Override
  public void markLiquidationCandidates() {
    List<LiquidationCandidate> out = new ArrayList<>();
    boolean paused = pausedByStaleness();
    readReserves();
    int[] due = screen.due(readFactors(), ledger, accounts.size());
    for (int j = 0, n = screen.dueCount(); j < n; j++) {
      Borrower b = accounts.at(due[j]);
      b.state = stateAtRead(b);
      if (b.state.liquidatable() && !paused) {
        out.add(new LiquidationCandidate(spec.id(), b.id, b.state));
      }
    }
    LiquidationCandidate.sortMostUnderwaterFirst(out);
    liquidatable.replace(out);
  }

  /** The prices, exchange rates and borrow indices {@link #readReserves} read, as the screen's factors. */
  private double[] readFactors() {
    for (Reserve r : reserves) {
      factors[3 * r.index] = reservePrice[r.index];
      factors[3 * r.index + 1] = reserveRate[r.index];
      factors[3 * r.index + 2] = r.borrowIndex;
    }
    return factors;
  }

  /**
   * Records {@code b}'s allowance: its slack is Σ collateral × LT less Σ debt, and every term is a
   * balance times at most three factors (receipts × rate × price, scaled debt × index × price).
   */
  private void allow(Borrower b) {
    MarginState s = b.state;
    if (!(s.maintenanceRequirement() > 0)) {
      screen.allow(b.ordinal, b.slot, Double.POSITIVE_INFINITY, 0, 0);
      return;
    }
    double moving = Math.abs(s.equity()) + Math.abs(s.maintenanceRequirement());
    screen.allow(b.ordinal, b.slot, s.equity() - s.maintenanceRequirement(), moving, moving);
  }

  /**
   * Whether a stale feed holds liquidations back: like Aave's {@code PriceOracleSentinel}, the pool
   * pauses as a whole while any of its reserves' prices is stale (counted once per step).
   */
  private boolean pausedByStaleness() {
    return stalePauses.pauses(services.oracles(), spec.oracle(), reserveAssets(), services.clock().step());
  }

  /** The health factor (Aave: Σ collateral × LT / Σ debt) of every borrower with debt, at the last mark. */
  @Override
  public double[] healthValues() {
    double[] out = new double[accounts.size()];
    int n = 0;
    for (Borrower b : accounts.values()) {
      double h = b.state.health();
      if (Double.isFinite(h)) {
        out[n++] = h;
      }
    }
    return Arrays.copyOf(out, n);
  }

  @Override
  public List<LiquidationCandidate> liquidatable() {
    return liquidatable.list();
  }

  /**
   * The liquidation bonus net of the protocol fee that {@link #liquidate} would pay on the largest
   * (collateral, debt) pair: {@code liquidatorGets * P_coll - debtRepaid * P_debt} at the oracle
   * prices (Aave v3 LiquidationLogic.executeLiquidationCall), before the cost of
   * buying a non-base debt asset in the market.
   */
  @Override
  public double expectedLiquidatorReward(LiquidationCandidate candidate) {
    Borrower b = accounts.get(candidate.account());
    if (b == null) {
      return 0;
    }
    MarginState now = state(b);
    if (!now.liquidatable()) {
      return 0;
    }
    Reserve[] pair = liquidationPair(b);
    Reserve debtReserve = pair[0];
    Reserve collReserve = pair[1];
    if (debtReserve == null || collReserve == null) {
      return 0;
    }
    double pDebt = price(debtReserve.terms.asset());
    double pColl = price(collReserve.terms.asset());
    double heldUnderlying =
        collReserve.receiptPrecision.units(ledger.balance(b.id, collReserve.terms.receipt())) * collReserve.rate();
    double collateralBalance = Math.min(heldUnderlying, collReserve.precision.units(collReserve.cash));
    if (!(collateralBalance > 0)) {
      return 0;
    }
    LendingMath.Plan plan =
        LendingMath.plan(
            new LendingMath.PairInput(
                now.health(), debtValue(b), b.scaledDebt[debtReserve.index] * debtReserve.borrowIndex, pDebt,
                collateralBalance, pColl, collReserve.terms.liquidationBonus(), collReserve.terms.protocolFee(),
                spec.closeFactorThreshold(), spec.minLeftover()));
    return Math.max(0, plan.collateralToLiquidator() * pColl - plan.debtRepaid() * pDebt);
  }

  /**
   * Liquidates the pair with the largest debt value and the largest collateral value (ties to the
   * earlier reserve), the liquidator covering as much debt as the close factor allows. The
   * liquidator pays the debt asset: base currency directly, another asset bought for it in the
   * shared market with its base currency (Markets.buy), using what it already holds first. It
   * receives the collateral as underlying (Aave's receiveAToken = false).
   */
  @Override
  public Optional<LiquidationOutcome> liquidate(AccountId account, AccountId liquidator) {
    Optional<Prepared> prepared = prepare(account);
    if (prepared.isEmpty()) {
      return Optional.empty();
    }
    Prepared p = prepared.get();
    Borrower b = p.borrower();
    MarginState before = p.before();
    Reserve debtReserve = p.debtReserve();
    Reserve collReserve = p.collReserve();
    AssetId debtAsset = debtReserve.terms.asset();
    AssetId collAsset = collReserve.terms.asset();
    double pDebt = p.pDebt();
    double pColl = p.pColl();
    double rateColl = p.rateColl();
    long held = p.held();
    boolean cashBound = p.cashBound();
    LendingMath.Plan plan = p.plan();
    long repay = p.repay();

    // 1. The liquidator must be able to pay before anything moves.
    long baseBefore = ledger.balance(liquidator, base);
    if (debtAsset.equals(base)) {
      if (baseBefore < repay) {
        return Optional.empty();
      }
    } else {
      long missing = repay - ledger.balance(liquidator, debtAsset);
      if (missing > 0) {
        try {
          services.markets().buy(liquidator, debtAsset, missing);
        } catch (IllegalStateException cannotPay) {
          return Optional.empty();
        }
      }
    }
    // Base currency the liquidator gives up: the repayment itself, or what the debt asset cost.
    long baseSpent = debtAsset.equals(base) ? repay : baseBefore - ledger.balance(liquidator, base);

    // 2. Receipts to seize: all of them when the whole balance goes, else the plan's amounts.
    boolean all = plan.cappedByCollateral() && !cashBound;
    // The plan's amounts are underlying units: over the rate they are receipt units.
    long receiptUnit = collReserve.receiptPrecision.atomsPerUnit();
    long feeReceipts = Math.min(held, (long) Math.floor(plan.protocolFee() / rateColl * receiptUnit));
    long liqReceipts =
        all ? held - feeReceipts
            : Math.min(held - feeReceipts, (long) Math.ceil(plan.collateralToLiquidator() / rateColl * receiptUnit));
    long paidOut =
        all ? Math.min(collReserve.cash, (long) Math.floor(collReserve.cashAtoms(liqReceipts * rateColl)))
            : collReserve.precision.floorAtomsAtMost(plan.collateralToLiquidator(), collReserve.cash);

    // 3. Move: debt in, debt down, receipts to the treasury and burned, underlying out.
    ledger.transfer(liquidator, debtReserve.pool, debtAsset, repay);
    debtReserve.cash += repay;
    reduceDebt(b, debtReserve, debtReserve.precision.units(repay));
    ledger.transfer(account, treasury, collReserve.terms.receipt(), feeReceipts);
    burn(collReserve, account, liqReceipts);
    ledger.transfer(collReserve.pool, liquidator, collAsset, paidOut);
    collReserve.cash -= paidOut;

    long step = services.clock().step();
    int round = services.clock().round();
    Precision receiptPrecision = collReserve.receiptPrecision;
    double repaid = debtReserve.precision.units(repay);
    double seized = receiptPrecision.units(feeReceipts + liqReceipts) * rateColl;
    double bonus = (seized - seized / (1 + collReserve.terms.liquidationBonus())) * pColl;
    double fee = receiptPrecision.units(feeReceipts) * rateColl * pColl;
    double notional = repaid * pDebt;
    services
        .events()
        .emit(
            new LoanLiquidation(
                step, round, spec.id().value(), account.value(), liquidator.value(), collAsset.value(),
                debtAsset.value(), before.health(), repaid, pDebt, seized, pColl,
                receiptPrecision.units(feeReceipts) * rateColl, bonus, plan.closeFactor(), plan.dustWaived()));
    liquidations++;
    liquidatedNotional += notional;
    liquidationFees += bonus;

    // 4. v3.3: no collateral left means every remaining debt is burned (Aave v3.3 features
    // document).
    if (!hasCollateral(b)) {
      for (Reserve r : reserves) {
        if (b.scaledDebt[r.index] > 0) {
          burnDebt(b, r);
        }
      }
    }
    b.state = state(b);
    if (!b.state.liquidatable()) {
      liquidatable.drop(account);
    }
    List<Holding> acquired =
        collAsset.equals(base) || paidOut == 0 ? List.of() : List.of(new Holding(collAsset, paidOut));
    return Optional.of(
        new LiquidationOutcome(
            spec.id(), account, notional, bonus - fee, acquired, basePrecision.units(baseSpent)));
  }

  /** Whether a liquidator able to pay would liquidate {@code account} now. */
  @Override
  public boolean liquidatesNow(AccountId account) {
    return prepare(account).isPresent();
  }

  /** A liquidation worked out before anything moves; the liquidator has not been asked to pay yet. */
  private record Prepared(
      Borrower borrower, MarginState before, Reserve debtReserve, Reserve collReserve, double pDebt, double pColl,
      double rateColl, long held, boolean cashBound, LendingMath.Plan plan, long repay) {}

  /**
   * The liquidation of {@code account} as it would go now for any liquidator, or empty when the
   * venue refuses whoever asks: no such borrower, not liquidatable, paused by a stale price, no
   * pair to liquidate, nothing to seize, or nothing to repay.
   */
  private Optional<Prepared> prepare(AccountId account) {
    Borrower b = accounts.get(account);
    if (b == null) {
      return Optional.empty();
    }
    MarginState before = state(b);
    if (!before.liquidatable() || pausedByStaleness()) {
      return Optional.empty();
    }
    Reserve[] pair = liquidationPair(b);
    Reserve debtReserve = pair[0];
    Reserve collReserve = pair[1];
    if (debtReserve == null || collReserve == null) {
      return Optional.empty();
    }
    double pDebt = price(debtReserve.terms.asset());
    double pColl = price(collReserve.terms.asset());
    double rateColl = collReserve.rate();
    long held = ledger.balance(account, collReserve.terms.receipt());
    double heldUnderlying = collReserve.receiptPrecision.units(held) * rateColl;
    // The liquidator is paid in underlying, so the reserve's cash bounds what can be seized.
    double cashUnits = collReserve.precision.units(collReserve.cash);
    boolean cashBound = cashUnits < heldUnderlying;
    double collateralBalance = Math.min(heldUnderlying, cashUnits);
    if (!(collateralBalance > 0)) {
      return Optional.empty();
    }
    LendingMath.PairInput in =
        new LendingMath.PairInput(
            before.health(), debtValue(b), b.scaledDebt[debtReserve.index] * debtReserve.borrowIndex, pDebt,
            collateralBalance, pColl, collReserve.terms.liquidationBonus(), collReserve.terms.protocolFee(),
            spec.closeFactorThreshold(), spec.minLeftover());
    LendingMath.Plan plan = LendingMath.plan(in);
    long repay = debtReserve.precision.ceilAtoms(plan.debtRepaid());
    if (repay <= 0) {
      return Optional.empty();
    }
    return Optional.of(
        new Prepared(b, before, debtReserve, collReserve, pDebt, pColl, rateColl, held, cashBound, plan, repay));
  }

  /**
   * Accrues one tick of interest on every reserve, then lets the treasury's receipts cover
   * recorded deficits (Aave v3.3 eliminateReserveDeficit, here funded by the treasury).
   */
  @Override
  public void settle() {
    for (Reserve r : reserves) {
      accrue(r);
    }
    for (Reserve r : reserves) {
      if (r.deficit > 0) {
        coverDeficit(r);
      }
    }
  }

  @Override
  public VenueSnapshot snapshot() {
    double openInterest = 0;
    double treasuryValue = 0;
    double supplied = 0;
    double deficit = 0;
    Map<String, Double> extras = new LinkedHashMap<>();
    for (Reserve r : reserves) {
      AssetId a = r.terms.asset();
      double p = price(a);
      double rate = r.rate();
      openInterest += r.debt() * p;
      treasuryValue += ledger.units(treasury, r.terms.receipt()) * rate * p;
      supplied += r.receiptPrecision.units(r.receipts) * rate * p;
      deficit += r.deficit * p;
      extras.put("utilisation_" + a.value(), utilisation(r));
      extras.put("exchange_rate_" + a.value(), rate);
      extras.put("borrow_rate_" + a.value(), r.terms.rates().borrowRate(utilisation(r)));
    }
    extras.put("total_supplied", supplied);
    if (stalePauses.enabled()) {
      extras.put("stale_paused_steps", (double) stalePauses.pausedSteps());
    }
    extras.put("deficit", deficit);
    return new VenueSnapshot(
        accounts.size(), liquidations, liquidatedNotional, liquidationFees, insurancePaid, badDebt,
        treasuryValue, openInterest, liquidatable.list().size(), extras);
  }

  @Override
  public List<String> audit() {
    List<String> problems = new ArrayList<>();
    String v = spec.id().value();
    for (Reserve r : reserves) {
      AssetId a = r.terms.asset();
      if (ledger.balance(r.pool, a) != r.cash) {
        problems.add(v + ": reserve " + a + " books " + r.cash + " atoms of cash, the ledger holds " + ledger.balance(r.pool, a));
      }
      if (-ledger.balance(r.issuer, r.terms.receipt()) != r.receipts) {
        problems.add(v + ": " + r.receipts + " receipts of " + r.terms.receipt() + " booked, issuer shows " + -ledger.balance(r.issuer, r.terms.receipt()));
      }
      double sum = 0;
      for (Borrower b : accounts.values()) {
        sum += b.scaledDebt[r.index];
        if (b.scaledDebt[r.index] < 0) {
          problems.add(v + ": negative debt of " + b.id + " in " + a);
        }
      }
      if (Math.abs(sum - r.scaledDebt) > BOOK_TOLERANCE * Math.max(1, r.scaledDebt)) {
        problems.add(v + ": scaled debt of " + a + " is " + r.scaledDebt + " but the accounts sum to " + sum);
      }
      double rate = r.rate();
      if (!Double.isFinite(rate) || rate < 0 || r.deficit < 0) {
        problems.add(v + ": exchange rate " + rate + " or deficit " + r.deficit + " of " + a + " is invalid");
      }
      if (spec.badDebt() == BadDebtMode.SOCIALIZE && r.deficit != 0) {
        problems.add(v + ": " + a + " records a deficit although bad debt is socialised");
      }
    }
    Set<AccountId> listed = new LinkedHashSet<>();
    liquidatable.list().forEach(c -> listed.add(c.account()));
    for (Borrower b : accounts.values()) {
      MarginState now = state(b);
      if (!Double.isFinite(now.equity()) || !Double.isFinite(now.maintenanceRequirement())) {
        problems.add(v + ": margin state of " + b.id + " is not finite: " + now);
      }
      // Healthy by the formula HF = Σ coll × LT / Σ debt >= 1 exactly when not reported.
      if (now.liquidatable() != listed.contains(b.id)) {
        problems.add(v + ": " + b.id + " has health factor " + now.health() + " but the last mark says otherwise");
      }
    }
    return problems;
  }

  // --- internals

  /** Aave's supply usage ratio: debt / (available cash + debt); 0 for an empty reserve. */
  private static double utilisation(Reserve r) {
    double debt = r.debt();
    double total = r.precision.units(r.cash) + debt;
    return total > 0 ? Math.min(1, debt / total) : 0;
  }

  /**
   * One tick of interest: the borrow index grows by Aave's compounded factor at the kinked rate;
   * the treasury is minted {@code m = RF ΔD S / (A + (1 − RF) ΔD)} receipts, which gives it exactly
   * the reserve factor's share of the interest ΔD at the new exchange rate
   * (ReserveLogic._accrueToTreasury).
   */
  private void accrue(Reserve r) {
    double debt = r.debt();
    if (debt <= 0) {
      return;
    }
    double assets = r.assets();
    double rate = r.terms.rates().borrowRate(utilisation(r));
    double growth = InterestRateCurve.compoundedGrowth(rate, spec.stepSeconds());
    double interest = debt * (growth - 1);
    r.borrowIndex *= growth;
    double rf = r.terms.reserveFactor();
    if (rf > 0 && r.receipts > 0) {
      long mint = (long) Math.floor(rf * interest * r.receipts / (assets + (1 - rf) * interest));
      ledger.transfer(r.issuer, treasury, r.terms.receipt(), mint);
      r.receipts += mint;
    }
  }

  /** Burns treasury receipts of the reserve to cover its recorded deficit at the current rate. */
  private void coverDeficit(Reserve r) {
    double rate = r.rate();
    long held = ledger.balance(treasury, r.terms.receipt());
    if (held == 0 || !(rate > 0)) {
      return;
    }
    // The deficit is underlying units: over the rate it is receipt units.
    long needed = (long) Math.ceil(r.deficit / rate * r.receiptPrecision.atomsPerUnit());
    long burned = Math.min(held, needed);
    double covered = burned == needed ? r.deficit : r.receiptPrecision.units(burned) * rate;
    burn(r, treasury, burned);
    r.deficit -= covered;
    double value = covered * price(r.terms.asset());
    insurancePaid += value;
    services.events().emit(
        new InsurancePayout(services.clock().step(), services.clock().round(), spec.id().value(), r.pool.value(), value));
  }

  /**
   * Burns {@code b}'s whole debt in {@code r}: the treasury's receipts of that reserve cover it
   * first (burned at the rate before the loss, so other holders keep their rate); the rest is
   * recorded as the reserve's deficit or socialised by leaving the reserve's assets.
   */
  private void burnDebt(Borrower b, Reserve r) {
    double rateBefore = r.rate();
    double units = b.scaledDebt[r.index] * r.borrowIndex;
    b.scaledDebt[r.index] = 0;
    screen.touch(b.ordinal);
    // Re-add the accounts rather than subtract: once the last borrower's debt is burned the
    // reserve must hold exactly zero, not the rounding residue of many subtractions.
    double remaining = 0;
    for (Borrower other : accounts.values()) {
      remaining += other.scaledDebt[r.index];
    }
    r.scaledDebt = remaining;
    long held = ledger.balance(treasury, r.terms.receipt());
    long needed = rateBefore > 0 ? (long) Math.ceil(units / rateBefore * r.receiptPrecision.atomsPerUnit()) : 0;
    long burned = Math.min(held, needed);
    double covered = burned == needed ? units : r.receiptPrecision.units(burned) * rateBefore;
    burn(r, treasury, burned);
    if (spec.badDebt() == BadDebtMode.SOCIALIZE && rateBefore > 0) {
      // Suppliers absorb the burned debt: the receipts' exchange rate falls by this factor.
      r.lossIndex *= r.rate() / rateBefore;
    }
    double uncovered = units - covered;
    double p = price(r.terms.asset());
    long step = services.clock().step();
    int round = services.clock().round();
    String v = spec.id().value();
    if (covered > 0) {
      insurancePaid += covered * p;
      services.events().emit(new InsurancePayout(step, round, v, b.id.value(), covered * p));
    }
    if (uncovered > 0) {
      if (spec.badDebt() == BadDebtMode.DEFICIT) {
        r.deficit += uncovered;
      }
      badDebt += uncovered * p;
      services.events().emit(new BadDebt(step, round, v, b.id.value(), uncovered * p));
    }
    services.events().emit(
        new DebtBurned(
            step, round, v, b.id.value(), r.terms.asset().value(), units, covered, uncovered,
            spec.badDebt().scenarioName()));
  }

  private long mintFor(AccountId from, AccountId holder, Reserve r, long atoms) {
    positive(atoms, "atoms");
    double units = r.precision.units(atoms);
    if (r.assets() + units > r.terms.supplyCap()) {
      throw new IllegalStateException(spec.id() + ": supplying " + units + " " + r.terms.asset() + " exceeds the supply cap");
    }
    double rate = r.rate();
    if (!(rate > 0)) {
      // Socialised losses wiped the reserve out: a new receipt would have no defined price.
      throw new IllegalStateException(spec.id() + ": reserve " + r.terms.asset() + " has lost all its assets");
    }
    long minted = (long) Math.floor(r.receiptAtoms(atoms / rate));
    if (minted <= 0) {
      throw new IllegalArgumentException(spec.id() + ": " + units + " " + r.terms.asset() + " are worth less than the smallest "
          + r.terms.receipt() + " the ledger counts (" + r.receiptPrecision.units(1) + ")");
    }
    ledger.transfer(from, r.pool, r.terms.asset(), atoms);
    r.cash += atoms;
    ledger.transfer(r.issuer, holder, r.terms.receipt(), minted);
    r.receipts += minted;
    return minted;
  }

  private void burn(Reserve r, AccountId holder, long receiptAtoms) {
    ledger.transfer(holder, r.issuer, r.terms.receipt(), receiptAtoms);
    r.receipts -= receiptAtoms;
  }

  private void reduceDebt(Borrower b, Reserve r, double units) {
    double owed = b.scaledDebt[r.index] * r.borrowIndex;
    double scaled = units >= owed ? b.scaledDebt[r.index] : units / r.borrowIndex;
    b.scaledDebt[r.index] -= scaled;
    screen.touch(b.ordinal);
    r.scaledDebt = Math.max(0, r.scaledDebt - scaled);
  }

  private boolean hasCollateral(Borrower b) {
    for (Reserve r : reserves) {
      if (r.terms.liquidationThreshold() > 0 && ledger.balance(b.id, r.terms.receipt()) > 0) {
        return true;
      }
    }
    return false;
  }

  /** Collateral value: receipts × exchange rate × price (GenericLogic, rounded in doubles). */
  private double collateralValue(Borrower b, Reserve r) {
    long held = ledger.balanceAt(b.slot, receiptSlot[r.index]);
    return held == 0 ? 0 : collateralValue(r.receiptPrecision, held, r.rate(), price(r.terms.asset()));
  }

  /**
   * Underlying value of {@code held} atoms of a receipt counted at {@code receipt}, at exchange rate
   * {@code rate} and price {@code price}.
   */
  private static double collateralValue(Precision receipt, long held, double rate, double price) {
    return receipt.units(held) * rate * price;
  }

  private double debtValue(Borrower b) {
    double d = 0;
    for (Reserve r : reserves) {
      if (b.scaledDebt[r.index] != 0) {
        d += b.scaledDebt[r.index] * r.borrowIndex * price(r.terms.asset());
      }
    }
    return d;
  }

  /**
   * The account's state as a MarginState: equity Σ coll × LT and maintenance Σ debt, so that
   * health() is Aave's health factor and liquidatable() is HF < 1; the initial requirement scales
   * the debt so that equity >= initial exactly when Σ coll × LTV >= debt.
   */
  private MarginState state(Borrower b) {
    readReserves();
    return stateAtRead(b);
  }

  /**
   * Reads every reserve's oracle price and exchange rate once, for {@link #stateAtRead}: a mark
   * over all borrowers reads them once instead of once per borrower.
   */
  private void readReserves() {
    for (Reserve r : reserves) {
      reservePrice[r.index] = price(r.terms.asset());
      reserveRate[r.index] = r.rate();
    }
  }

  /** {@link #state(Borrower)} at the prices and rates {@link #readReserves} read last, in the same order of sums. */
  private MarginState stateAtRead(Borrower b) {
    double weighted = 0;
    double power = 0;
    for (Reserve r : reserves) {
      long held = ledger.balanceAt(b.slot, receiptSlot[r.index]);
      double c = held == 0 ? 0 : collateralValue(r.receiptPrecision, held, reserveRate[r.index], reservePrice[r.index]);
      weighted += c * r.terms.liquidationThreshold();
      power += c * r.terms.loanToValue();
    }
    double debt = 0;
    for (Reserve r : reserves) {
      if (b.scaledDebt[r.index] != 0) {
        debt += b.scaledDebt[r.index] * r.borrowIndex * reservePrice[r.index];
      }
    }
    double initial = debt == 0 ? 0 : power > 0 ? debt * weighted / power : Double.POSITIVE_INFINITY;
    return new MarginState(weighted, initial, debt);
  }

  private Reserve reserve(AssetId asset) {
    Reserve r = byAsset.get(asset);
    if (r == null) {
      throw new IllegalArgumentException(spec.id() + " has no reserve for " + asset);
    }
    return r;
  }

  @Override
  public MarginState marginStateNow(AccountId account) {
    Borrower b = accounts.get(account);
    return b == null ? null : state(b);
  }

  /**
   * The pair a liquidation works on: the reserve of the largest debt and of the largest collateral
   * value, at the venue's prices (see the simplifications in venues.md); either may be null.
   */
  private Reserve[] liquidationPair(Borrower b) {
    Reserve debtReserve = null;
    double largestDebt = 0;
    Reserve collReserve = null;
    double largestColl = 0;
    for (Reserve r : reserves) {
      double d = b.scaledDebt[r.index] * r.borrowIndex * price(r.terms.asset());
      if (d > largestDebt) {
        largestDebt = d;
        debtReserve = r;
      }
      double c = r.terms.liquidationThreshold() > 0 ? collateralValue(b, r) : 0;
      if (c > largestColl) {
        largestColl = c;
        collReserve = r;
      }
    }
    return new Reserve[] {debtReserve, collReserve};
  }

  private Borrower borrower(AccountId id) {
    Borrower b = accounts.get(id);
    if (b == null) {
      throw new IllegalArgumentException(spec.id() + " has no account " + id);
    }
    return b;
  }

  private static void positive(long atoms, String name) {
    if (atoms <= 0) {
      throw new IllegalArgumentException(name + ": must be > 0, was " + atoms);
    }
  }
}
