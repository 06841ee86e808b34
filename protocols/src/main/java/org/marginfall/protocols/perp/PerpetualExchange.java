package org.marginfall.protocols.perp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
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
import org.marginfall.core.ledger.AccountTable;
import org.marginfall.core.ledger.AccountType;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.market.Execution;
import org.marginfall.core.market.SharedMarket;
import org.marginfall.core.random.RandomStream;
import org.marginfall.core.venue.Holding;
import org.marginfall.core.venue.CandidateList;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.LiquidationOutcome;
import org.marginfall.core.venue.MarginState;
import org.marginfall.core.venue.PerpetualVenue;
import org.marginfall.core.venue.VenueId;
import org.marginfall.core.venue.VenueServices;
import org.marginfall.core.venue.VenueSnapshot;
import org.marginfall.protocols.perp.portfolio.Portfolio;
import org.marginfall.protocols.perp.portfolio.PortfolioMarginCalculator;
import org.marginfall.protocols.perp.portfolio.Position;
import org.marginfall.protocols.perp.portfolio.ValueAtRisk;

/**
 * A perpetual-futures venue: multi-collateral margin accounts (cross or isolated), positions
 * marked at the venue's mark price (the oracle, or Binance's median mark), full or partial
 * liquidation through the shared market, an optional backstop vault, funding, and a loss waterfall
 * of account margin, insurance fund, auto-deleveraging, socialized loss, then explicit bad debt.
 *
 * <p>Ledger layout under the venue id {@code v}: margin accounts {@code v/accounts/<owner>[/<asset>]},
 * the counterparty vault {@code v/house} (the other side of every position; it settles PnL and
 * funding in base currency), the insurance fund {@code v/insurance}, {@code v/bad-debt}, an external
 * account whose negative balance is the venue's uncovered shortfall, and with a backstop the vault
 * {@code v/backstop} (a margin account holding positions), its share issuer {@code
 * v/backstop/issuer} (external) and its depositors {@code v/backstop/depositors}. A book
 * liquidation closes positions at the price its unwind gets in the shared market, charges the fee
 * on the closed notional (capped at what equity remains), sells non-base collateral to the
 * liquidator at the oracle price to raise base currency, and covers any remaining shortfall from the
 * insurance fund, then as bad debt (Binance FAQ 360033525271). Mutable and not thread-safe.
 */
public final class PerpetualExchange implements PerpetualVenue {

  private final PerpetualVenueSpec spec;
  private final VenueServices services;
  private final Ledger ledger;
  private final AssetId base;
  /** How finely the ledger counts the base currency: fees, PnL, funding, insurance, bad debt. */
  private final Precision basePrecision;
  private final AccountId house;
  private final AccountId insurance;
  private final AccountId badDebtAccount;
  private final List<AssetId> marketAssets = new ArrayList<>();
  /** Marks of past steps, read by a VaR portfolio-margin model (unused otherwise). */
  private org.marginfall.protocols.perp.portfolio.PriceHistory markHistory;
  private long markHistoryStep = -1;
  private final double[] initialMargin;
  private final double[] maintenanceMargin;
  private final List<MarginTiers> tiers = new ArrayList<>();
  private final List<CollateralTerms> collateral = new ArrayList<>();
  /** Each collateral line's asset's ledger index, in the order of {@link #collateral}. */
  private final int[] collateralSlot;
  /** Each collateral line's asset's precision, in the order of {@link #collateral}. */
  private final Precision[] collateralPrecision;
  /** Prices read by {@link #readPrices}: one per collateral line, one mark per market. */
  private final double[] collateralPrice;
  private final double[] markBuffer;
  private final AccountTable<MarginAccount> accounts = new AccountTable<>();
  /** Every account by its ordinal, in the order accounts were opened. */
  private final List<MarginAccount> byOrdinal = new ArrayList<>();
  /**
   * Per market, the ordinals of the accounts long (and short) in it: auto-deleveraging looks for
   * opposite positions among these instead of among every account.
   */
  private final BitSet[] longs;
  private final BitSet[] shorts;
  /** Scratch columns of the opposite positions of one deleveraging, reused between calls. */
  private AccountId[] oppositeIds = new AccountId[0];
  private double[] oppositeSizes = new double[0];
  private double[] oppositeScores = new double[0];
  private final PricingTerms pricing;
  private final PriceHistory history;
  private final MarginAccount vault;
  private final AccountId shareIssuer;
  private final AccountId depositors;
  /** The precision of the backstop's share asset, null without a backstop. */
  private final Precision sharePrecision;
  private final RandomStream adlStream;
  private final CandidateList liquidatable = new CandidateList();
  private long liquidations;
  private double liquidatedNotional;
  private long liquidationFeeAtoms;
  private long insurancePaidAtoms;
  private long badDebtAtoms;
  private long partialLiquidations;
  private long takeovers;
  private double takenOverNotional;
  /** Whether the backstop vault's equity was at or below zero at the last settlement. */
  private boolean vaultInsolvent;
  private long adlFills;
  private double adlShortfall;
  private double adlProfitTaken;
  private double adlOverDeleveraging;
  private long socializedAtoms;
  private long fundingPaidAtoms;
  private long fundingReceivedAtoms;
  private long fundingDeferredAtoms;
  private long stalePausedSteps;
  private long lastPausedStep = -1;
  private int staleNow;

  /** One margin account: its positions by market index. */
  private static final class MarginAccount {
    final AccountId id;
    /** The account's ledger index, so marking reads collateral balances without lookups. */
    final int slot;
    /** The account's place in the venue's account order (the order accounts were opened in). */
    final int ordinal;
    final double[] size;
    final double[] entry;
    MarginState state = new MarginState(0, 0, 0);

    MarginAccount(AccountId id, int slot, int ordinal, int markets) {
      this.id = id;
      this.slot = slot;
      this.ordinal = ordinal;
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
    this.basePrecision = ledger.precision(base);
    this.pricing = spec.pricing();
    String v = spec.id().value();
    this.house = AccountId.of(v, "house");
    this.insurance = AccountId.of(v, "insurance");
    this.badDebtAccount = AccountId.of(v, "bad-debt");
    ledger.open(house, AccountType.ORDINARY);
    ledger.open(insurance, AccountType.ORDINARY);
    ledger.open(badDebtAccount, AccountType.EXTERNAL);
    ledger.transfer(Ledger.EXTERNAL, house, base, basePrecision.floorAtoms(spec.houseCapital()));
    ledger.transfer(Ledger.EXTERNAL, insurance, base, basePrecision.floorAtoms(spec.insuranceFund()));
    int n = spec.markets().size();
    this.longs = new BitSet[n];
    this.shorts = new BitSet[n];
    for (int i = 0; i < n; i++) {
      longs[i] = new BitSet();
      shorts[i] = new BitSet();
    }
    this.initialMargin = new double[n];
    this.maintenanceMargin = new double[n];
    this.history = new PriceHistory(spec.pricing(), n);
    for (int i = 0; i < n; i++) {
      PerpMarket m = spec.markets().get(i);
      marketAssets.add(m.asset());
      initialMargin[i] = m.initialMargin();
      maintenanceMargin[i] = m.maintenanceMargin();
      tiers.add(new MarginTiers(m.tiers()));
    }
    int window =
        spec.portfolio().orElse(null) instanceof ValueAtRisk risk ? Math.max(1, risk.marksNeeded()) : 1;
    this.markHistory = org.marginfall.protocols.perp.portfolio.PriceHistory.empty(marketAssets, window);
    // The base currency is always collateral at face value; an entry for it in the spec (which a
    // spec built in code may carry; the scenario reader drops it) must not add a second line.
    collateral.add(new CollateralTerms(base, 0));
    for (CollateralTerms c : spec.collateral()) {
      if (!c.asset().equals(base)) {
        collateral.add(c);
      }
    }
    this.collateralSlot = new int[collateral.size()];
    this.collateralPrecision = new Precision[collateral.size()];
    this.collateralPrice = new double[collateral.size()];
    this.markBuffer = new double[n];
    for (int k = 0; k < collateralSlot.length; k++) {
      collateralSlot[k] = ledger.assetIndexOf(collateral.get(k).asset());
      collateralPrecision[k] = ledger.precisionAt(collateralSlot[k]);
    }
    this.adlStream =
        spec.deleveraging().rule() == DeleveragingRule.RANDOM_START
            ? services.streams().stream("venues/" + v + "/adl")
            : null;
    if (spec.backstop().isPresent()) {
      BackstopTerms b = spec.backstop().get();
      AccountId vaultId = AccountId.of(v, "backstop");
      this.shareIssuer = vaultId.child("issuer");
      this.depositors = vaultId.child("depositors");
      this.sharePrecision = ledger.precision(b.shareAsset());
      ledger.open(vaultId, AccountType.ORDINARY);
      ledger.open(shareIssuer, AccountType.EXTERNAL);
      ledger.open(depositors, AccountType.ORDINARY);
      this.vault = open(vaultId, n);
      // Depositors bring the capital and receive one share per unit: NAV starts at exactly 1.
      // Each side is counted at its own asset's precision.
      ledger.transfer(Ledger.EXTERNAL, vaultId, base, basePrecision.floorAtoms(b.capital()));
      ledger.transfer(shareIssuer, depositors, b.shareAsset(), sharePrecision.floorAtoms(b.capital()));
      services.markets().defineDerived(b.shareAsset(), this::backstopNav);
    } else {
      this.vault = null;
      this.shareIssuer = null;
      this.depositors = null;
      this.sharePrecision = null;
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
    // Mechanisms beyond the original ones are listed only when switched on, so summaries of
    // existing scenarios stay as they were.
    if (spec.liquidation().mode() != LiquidationMode.FULL) {
      a.put("liquidation", spec.liquidation().mode().scenarioName());
    }
    if (pricing.markPrice() != MarkPriceRule.INDEX) {
      a.put("markPrice", pricing.markPrice().scenarioName());
    }
    if (spec.deleveraging().rule() != DeleveragingRule.NONE) {
      a.put("deleveraging", spec.deleveraging().rule().scenarioName());
    }
    spec.backstop().ifPresent(b -> a.put("backstop", b.shareAsset().value()));
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
    return markPrice(marketIndex(market));
  }

  /** The last funding rate of {@code market}, 0 before the first settlement. */
  public double lastFundingRate(AssetId market) {
    return history.lastRate(marketIndex(market));
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
      open(id, marketAssets.size());
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

  /**
   * Bisects on the same test {@link #open} applies (equity against the initial requirement after
   * the trade), so the answer holds under tiers and portfolio margin, whose requirement is not a
   * single fraction of notional. The position is restored after every probe.
   */
  @Override
  public double maxOpenSize(AccountId marginAccount, AssetId market, int side) {
    MarginAccount a = account(marginAccount);
    int i = marketIndex(market);
    if (a == vault || Math.abs(side) != 1 || (a.size[i] != 0 && Math.signum(a.size[i]) != side)) {
      throw new IllegalArgumentException("maxOpenSize covers increases of a position on its own side only");
    }
    double price = markPrice(i);
    double equity = state(a).equity();
    if (!(equity > 0)) {
      return 0;
    }
    // No initial-margin fraction is below 1e-4 (10,000x), so this bound is never accepted.
    double hi = equity / price * 1.0e4;
    double lo = 0;
    for (int k = 0; k < 100 && hi - lo > 1e-12 * hi; k++) {
      double mid = 0.5 * (lo + hi);
      if (accepts(a, i, side * mid, price)) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private boolean accepts(MarginAccount a, int i, double size, double price) {
    double old = a.size[i];
    double oldEntry = a.entry[i];
    setSize(a, i, old + size);
    a.entry[i] = (old * oldEntry + size * price) / a.size[i];
    MarginState after = state(a);
    setSize(a, i, old);
    a.entry[i] = oldEntry;
    return after.equity() >= after.initialRequirement();
  }

  @Override
  public void open(AccountId marginAccount, AssetId market, double size) {
    MarginAccount a = account(marginAccount);
    if (a == vault) {
      throw new IllegalArgumentException(marginAccount + " is the backstop vault; it trades only by itself");
    }
    int i = marketIndex(market);
    if (spec.marginMode() == MarginMode.ISOLATED && !marginAccount.value().endsWith("/" + market.value())) {
      throw new IllegalArgumentException("isolated account " + marginAccount + " cannot trade " + market);
    }
    if (!(Double.isFinite(size) && size != 0)) {
      throw new IllegalArgumentException("size: must be a finite non-zero number, was " + size);
    }
    double price = markPrice(i);
    double old = a.size[i];
    double oldEntry = a.entry[i];
    double reducedPreview =
        old != 0 && Math.signum(old) != Math.signum(size) ? Math.min(Math.abs(size), Math.abs(old)) : 0;
    double realizedPreview = Math.signum(old) * reducedPreview * (price - oldEntry);
    long loss = realizedPreview < 0 ? basePrecision.ceilAtoms(-realizedPreview) : 0;
    if (loss > ledger.balance(marginAccount, base)) {
      throw new IllegalStateException(
          marginAccount + " cannot pay the realised loss " + basePrecision.units(loss) + " in " + base);
    }
    double realized = applyTrade(a, i, size, price);
    double next = a.size[i];
    MarginState after = state(a);
    // The realised part is not yet in collateral, so post-trade equity is after.equity() + realized.
    // A trade adds risk when it grows the position or flips it: a flip opens a new position on the
    // other side, which must meet the initial margin like any opening trade; only a pure reduction
    // is allowed below it.
    boolean flips = old != 0 && next != 0 && Math.signum(next) != Math.signum(old);
    boolean addsRisk = Math.abs(next) > Math.abs(old) || flips;
    if (addsRisk && after.equity() + realized < after.initialRequirement()) {
      setSize(a, i, old);
      a.entry[i] = oldEntry;
      throw new IllegalStateException(
          "position on " + spec.id() + " would need initial margin " + after.initialRequirement()
              + " but equity is " + after.equity());
    }
    settlePnl(a.id, realized);
    a.state = state(a);
    services
        .events()
        .emit(
            new Trade(
                services.clock().step(), services.clock().round(), spec.id().value(),
                marginAccount.value(), market.value(), size, price, Math.abs(size) * price, realized));
  }

  /**
   * Closes part of a position through the shared market as a book liquidation does (a synthetic
   * trade of {@code -close}), realising {@code close * (execution price - entry)} and settling it
   * with the house through {@link #settlePnl}, without a fee. The loss is quoted from the market's
   * impact model before trading, so a reduction the account cannot pay moves nothing.
   */
  @Override
  public void reduce(AccountId marginAccount, AssetId market, double size) {
    MarginAccount a = account(marginAccount);
    if (a == vault) {
      throw new IllegalArgumentException(marginAccount + " is the backstop vault; it trades only by itself");
    }
    int i = marketIndex(market);
    if (!(Double.isFinite(size) && size != 0)) {
      throw new IllegalArgumentException("size: must be a finite non-zero number, was " + size);
    }
    double held = a.size[i];
    if (held == 0) {
      throw new IllegalStateException(marginAccount + " has no position in " + market + " to reduce");
    }
    double close = Math.signum(held) * Math.min(Math.abs(size), Math.abs(held));
    SharedMarket m = services.markets().market(market);
    Execution quote = m.impactModel().execute(m.price(), m.fundamental(), -close);
    double previewLoss = -close * (quote.averagePrice() - a.entry[i]);
    long loss = previewLoss > 0 ? basePrecision.ceilAtoms(previewLoss) : 0;
    if (loss > ledger.balance(marginAccount, base)) {
      throw new IllegalStateException(
          marginAccount + " cannot pay the realised loss " + basePrecision.units(loss) + " in " + base);
    }
    Execution e = services.markets().tradeSynthetic(marginAccount.value(), market, -close);
    double realized = applyTrade(a, i, -close, e.averagePrice());
    settlePnl(a.id, realized);
    a.state = state(a);
    services
        .events()
        .emit(
            new Trade(
                services.clock().step(), services.clock().round(), spec.id().value(),
                marginAccount.value(), market.value(), -close, e.averagePrice(), e.value(), realized));
  }

  @Override
  public MarginState marginState(AccountId marginAccount) {
    return state(account(marginAccount));
  }

  /**
   * Withdrawable = equity − initial margin requirement (shared/reference/venues.md 5.1,
   * Hyperliquid: "transfer or withdrawal ... requires remaining margin ≥ IM_required"; the further
   * 10%-of-notional floor there is not modelled). Collateral counts line by line ({@link
   * PerpMarginCalculator#state}), so the equity after is today's equity less what the withdrawn
   * atoms count for, and the requirements do not depend on collateral: the test moves nothing.
   */
  @Override
  public void withdraw(AccountId marginAccount, AssetId asset, long atoms, AccountId to) {
    MarginAccount a = account(marginAccount);
    if (a == vault) {
      throw new IllegalArgumentException(marginAccount + " is the backstop vault; its capital cannot be withdrawn");
    }
    if (atoms <= 0) {
      throw new IllegalArgumentException("atoms: must be > 0, was " + atoms);
    }
    CollateralTerms terms = null;
    Precision precision = null;
    for (int k = 0; k < collateral.size(); k++) {
      CollateralTerms c = collateral.get(k);
      if (c.asset().equals(asset)) {
        terms = c;
        precision = collateralPrecision[k];
      }
    }
    if (terms == null) {
      throw new IllegalArgumentException(spec.id() + " does not accept " + asset + " as collateral");
    }
    long held = ledger.balance(marginAccount, asset);
    if (held < atoms) {
      Precision p = ledger.precision(asset);
      throw new IllegalStateException(marginAccount + " holds " + p.units(held) + " " + asset + ", cannot withdraw " + p.units(atoms));
    }
    MarginState before = state(a);
    double price = oraclePrice(asset);
    double countedBefore = lineValue(held, precision, price, terms);
    double countedAfter = lineValue(held - atoms, precision, price, terms);
    double equityAfter = before.equity() - (countedBefore - countedAfter);
    if (equityAfter < before.initialRequirement()) {
      throw new IllegalStateException(
          marginAccount + " would keep equity " + equityAfter + " below its initial requirement "
              + before.initialRequirement());
    }
    ledger.transfer(marginAccount, to, asset, atoms);
    a.state = state(a);
    // The account meets its initial margin, so it cannot stay on the last mark's list.
    dropFromList(a);
  }

  /**
   * What {@code atoms} of one collateral line, counted at {@code precision}, count for: {@code
   * min(units P (1 − haircut), cap)}.
   */
  private static double lineValue(long atoms, Precision precision, double price, CollateralTerms terms) {
    return atoms == 0
        ? 0
        : PerpMarginCalculator.DEFAULT
            .state(
                List.of(new PerpMarginCalculator.CollateralLine(precision.units(atoms), price, terms.haircut(), terms.cap())),
                List.of(), List.of())
            .equity();
  }

  // --- risk

  @Override
  public void markToMarket() {
    recordMarks();
    List<LiquidationCandidate> out = new ArrayList<>();
    int stale = 0;
    readPrices();
    for (MarginAccount a : accounts.values()) {
      a.state = stateAtReadPrices(a);
      if (a == vault || !a.state.liquidatable()) {
        continue;
      }
      if (isStale(a)) {
        stale++;
        if (pricing.onStale() == StaleAction.PAUSE) {
          // Refuse to act on a price the venue does not trust; count the step once.
          long step = services.clock().step();
          if (step != lastPausedStep) {
            lastPausedStep = step;
            stalePausedSteps++;
          }
          continue;
        }
      }
      out.add(new LiquidationCandidate(spec.id(), a.id, a.state));
    }
    staleNow = stale;
    LiquidationCandidate.sortMostUnderwaterFirst(out);
    liquidatable.replace(out);
  }

  /**
   * Equity over maintenance requirement of every trader account with positions, at the last mark.
   * The backstop vault is left out: it is never liquidated, so its margin says nothing about how
   * close traders are to liquidation.
   */
  @Override
  public double[] healthValues() {
    return accounts.values().stream()
        .filter(a -> a != vault)
        .mapToDouble(a -> a.state.health())
        .filter(Double::isFinite)
        .toArray();
  }

  @Override
  public List<LiquidationCandidate> liquidatable() {
    return liquidatable.list();
  }

  /**
   * The liquidator's share of the fee a close through the book would charge, at the mark price:
   * {@code liquidatorShare * min(phi * f * N, max(0, C + f * U))} with f the close fraction, N the
   * position notional, C the collateral at the oracle and U the unrealised PnL (Binance USD-M
   * liquidation clearance fee, venues.md 6.1; the split is this model's {@code liquidatorShare}).
   * 0 when the account would be deleveraged or taken over by the backstop, which pay no fee.
   */
  @Override
  public double expectedLiquidatorReward(LiquidationCandidate candidate) {
    MarginAccount a = accounts.get(candidate.account());
    if (a == null || a == vault) {
      return 0;
    }
    MarginState now = state(a);
    if (!now.liquidatable()) {
      return 0;
    }
    double value = settlementValue(a);
    if ((spec.deleveraging().rule() != DeleveragingRule.NONE || spec.deleveraging().socializeLosses())
        && value < 0
        && basePrecision.ceilAtoms(-value) > ledger.balance(insurance, base)) {
      return 0;
    }
    if (vault != null
        && value >= 0
        && vaultSolvent()
        && (now.equity() < spec.backstop().get().takeoverBelow() * now.maintenanceRequirement()
            || bookCloseValue(a) < 0)) {
      return 0;
    }
    double notional = 0;
    double unrealised = 0;
    for (int i = 0; i < a.size.length; i++) {
      if (a.size[i] != 0) {
        double mark = markPrice(i);
        notional += Math.abs(a.size[i]) * mark;
        unrealised += a.size[i] * (mark - a.entry[i]);
      }
    }
    double f =
        PartialLiquidation.closeFraction(
            spec.liquidation(), now.equity() - basePrecision.units(2), now.maintenanceRequirement(), notional,
            spec.liquidationFee());
    double remaining = value - (1 - f) * unrealised;
    double fee = Math.min(f * notional * spec.liquidationFee(), Math.max(0, remaining));
    return fee * spec.liquidatorShare();
  }

  /**
   * Liquidates {@code account}. The path depends on the account's settlement value V (collateral
   * at the oracle plus unrealised PnL at the mark): when ADL or socialized loss is on and the deficit {@code -V}
   * exceeds the insurance fund, the positions are deleveraged at their bankruptcy prices; otherwise,
   * with a backstop and V &gt;= 0, the vault takes the account over when equity is below {@code
   * takeoverBelow * MM} or a close through the book would leave a shortfall; otherwise the account
   * is closed through the book, in full or partially.
   */
  @Override
  public Optional<LiquidationOutcome> liquidate(AccountId account, AccountId liquidator) {
    MarginAccount a = accounts.get(account);
    if (a == null) {
      return Optional.empty();
    }
    MarginState before = state(a);
    if (!liquidatesNow(a, before)) {
      return Optional.empty();
    }
    // The liquidator must be able to buy all non-base collateral, the most the waterfall may sell it.
    long needed = 0;
    for (CollateralTerms c : collateral) {
      if (!c.asset().equals(base)) {
        needed += basePrecision.ceilAtoms(ledger.units(account, c.asset()) * oraclePrice(c.asset()));
      }
    }
    if (ledger.balance(liquidator, base) < needed) {
      return Optional.empty();
    }
    double value = settlementValue(a);
    if ((spec.deleveraging().rule() != DeleveragingRule.NONE || spec.deleveraging().socializeLosses())
        && value < 0
        && basePrecision.ceilAtoms(-value) > ledger.balance(insurance, base)) {
      return Optional.of(deleverage(a, before, liquidator, value));
    }
    if (vault != null && value >= 0 && vaultSolvent()) {
      BackstopTerms b = spec.backstop().get();
      String reason = null;
      if (before.equity() < b.takeoverBelow() * before.maintenanceRequirement()) {
        reason = "below-threshold";
      } else if (bookCloseValue(a) < 0) {
        reason = "book-shortfall";
      }
      if (reason != null) {
        return Optional.of(takeover(a, before, reason));
      }
    }
    double notional = 0;
    for (int i = 0; i < a.size.length; i++) {
      notional += Math.abs(a.size[i]) * markPrice(i);
    }
    // Two atoms of slack: settlement rounds the realised loss up and may otherwise leave the
    // account a hair below maintenance, to be liquidated again for dust.
    double f =
        PartialLiquidation.closeFraction(
            spec.liquidation(), before.equity() - basePrecision.units(2), before.maintenanceRequirement(), notional,
            spec.liquidationFee());
    return Optional.of(closeThroughBook(a, before, liquidator, f));
  }

  /**
   * Collects the positions opposite to {@code a}'s position {@code s} in market {@code i} that are
   * in profit at the bankruptcy price {@code pb}, in account order, into {@link #oppositeIds},
   * {@link #oppositeSizes} (absolute) and {@link #oppositeScores} (the ADL ranking at {@code mark});
   * returns how many.
   */
  private int collectOpposites(MarginAccount a, int i, double s, double pb, double mark) {
    BitSet opposite = s > 0 ? shorts[i] : longs[i];
    int m = 0;
    for (int k = opposite.nextSetBit(0); k >= 0; k = opposite.nextSetBit(k + 1)) {
      MarginAccount o = byOrdinal.get(k);
      double os = o.size[i];
      if (o == a || !(os * (pb - o.entry[i]) > 0)) {
        continue;
      }
      if (m == oppositeIds.length) {
        int grown = Math.max(16, 2 * m);
        oppositeIds = Arrays.copyOf(oppositeIds, grown);
        oppositeSizes = Arrays.copyOf(oppositeSizes, grown);
        oppositeScores = Arrays.copyOf(oppositeScores, grown);
      }
      oppositeIds[m] = o.id;
      oppositeSizes[m] = Math.abs(os);
      oppositeScores[m] = Deleveraging.score(os * (mark - o.entry[i]), os * o.entry[i], os * mark, o.state.equity());
      m++;
    }
    return m;
  }

  /** Opens the venue's record of a margin account already open in the ledger. */
  private MarginAccount open(AccountId id, int markets) {
    MarginAccount a = new MarginAccount(id, ledger.indexOf(id), byOrdinal.size(), markets);
    accounts.put(id, a);
    byOrdinal.add(a);
    return a;
  }

  /** Sets a position's size, keeping the per-market index of long and short accounts. */
  private void setSize(MarginAccount a, int i, double size) {
    a.size[i] = size;
    longs[i].set(a.ordinal, size > 0);
    shorts[i].set(a.ordinal, size < 0);
  }

  /** Whether a liquidator able to buy the collateral would liquidate {@code account} now. */
  @Override
  public boolean liquidatesNow(AccountId account) {
    MarginAccount a = accounts.get(account);
    return a != null && liquidatesNow(a, state(a));
  }

  /** Not the backstop vault, liquidatable in {@code now}, and not paused by a stale price. */
  private boolean liquidatesNow(MarginAccount a, MarginState now) {
    return a != vault && now.liquidatable() && !(pricing.onStale() == StaleAction.PAUSE && isStale(a));
  }

  /** Closes the fraction {@code f} of every position through the shared market. */
  private LiquidationOutcome closeThroughBook(MarginAccount a, MarginState before, AccountId liquidator, double f) {
    AccountId account = a.id;
    long step = services.clock().step();
    int round = services.clock().round();
    String venue = spec.id().value();

    // 1. Close the fraction of every position through the shared market.
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
      double close = f >= 1 ? a.size[i] : a.size[i] * f;
      Execution e = services.markets().tradeSynthetic(venue, asset, -close);
      closedSize[i] = close;
      exec[i] = e.averagePrice();
      pnl[i] = close * (exec[i] - a.entry[i]);
      notional[i] = e.value();
      realized += pnl[i];
      nominalFee += notional[i] * spec.liquidationFee();
      if (f >= 1) {
        setSize(a, i, 0);
        a.entry[i] = 0;
      } else {
        setSize(a, i, a.size[i] - close);
      }
    }

    // 2. The fee is capped at what equity remains after the close (collateral at oracle value).
    double remaining = realized;
    for (CollateralTerms c : collateral) {
      remaining += ledger.units(account, c.asset()) * oraclePrice(c.asset());
    }
    double fee = Math.min(nominalFee, Math.max(0, remaining));
    long feeAtoms = basePrecision.floorAtoms(fee);
    long toLiquidator = basePrecision.floorAtoms(fee * spec.liquidatorShare());
    long toInsurance = feeAtoms - toLiquidator;

    // 3. Settle PnL with the house; then raise base currency for what the account owes.
    long gain = realized > 0 ? basePrecision.floorAtoms(realized) : 0;
    long loss = realized < 0 ? basePrecision.ceilAtoms(-realized) : 0;
    if (gain > 0) {
      payFromHouse(account, gain);
    }
    long owed = loss + feeAtoms;
    long shortfall = owed - ledger.balance(account, base);
    Sale sale = sellCollateral(account, liquidator, shortfall);
    coverShortfall(account, shortfall - sale.raised);
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
                  closedSize[i], oracle[i], exec[i], notional[i], pnl[i], w * basePrecision.units(feeAtoms),
                  w * basePrecision.units(toLiquidator), w * basePrecision.units(toInsurance), before.equity(),
                  before.maintenanceRequirement()));
      liquidations++;
    }
    if (f < 1) {
      partialLiquidations++;
    }
    liquidatedNotional += totalNotional;
    liquidationFeeAtoms += feeAtoms;
    a.state = state(a);
    dropFromList(a);
    return new LiquidationOutcome(
        spec.id(), account, totalNotional, basePrecision.units(toLiquidator), sale.acquired,
        basePrecision.units(sale.spent));
  }

  /** What selling collateral to the liquidator raised. */
  private record Sale(long raised, long spent, List<Holding> acquired) {}

  /** Sells non-base collateral of {@code account} to {@code liquidator} at the oracle price until {@code shortfall} base is raised. */
  private Sale sellCollateral(AccountId account, AccountId liquidator, long shortfall) {
    long step = services.clock().step();
    int round = services.clock().round();
    List<Holding> acquired = new ArrayList<>();
    long spent = 0;
    long left = shortfall;
    for (int k = 0; k < collateral.size(); k++) {
      CollateralTerms c = collateral.get(k);
      if (left <= 0) {
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
      // `units` counts collateral atoms, `left` and `pay` base atoms, each at its asset's precision.
      Precision precision = collateralPrecision[k];
      long units = precision.ceilAtomsAtMost(basePrecision.units(left) / price, held);
      long pay = precision.ceilValueAtoms(units, price, basePrecision);
      ledger.transfer(liquidator, account, base, pay);
      ledger.transfer(account, liquidator, c.asset(), units);
      acquired.add(new Holding(c.asset(), units));
      spent += pay;
      left -= pay;
      services
          .events()
          .emit(
              new CollateralSale(
                  step, round, spec.id().value(), account.value(), liquidator.value(), c.asset().value(),
                  precision.units(units), price, basePrecision.units(pay)));
    }
    return new Sale(spent, spent, acquired);
  }

  /**
   * The backstop vault takes over every position (cross) or the one position (isolated) and all
   * margin of the account at the mark price; the account is left with nothing, so its maintenance
   * margin is not returned (Hyperliquid docs /trading/liquidations, venues.md 5.2).
   */
  private LiquidationOutcome takeover(MarginAccount a, MarginState before, String reason) {
    double notional = 0;
    double realized = 0;
    double[] price = new double[a.size.length];
    for (int i = 0; i < a.size.length; i++) {
      if (a.size[i] != 0) {
        price[i] = markPrice(i);
        notional += Math.abs(a.size[i]) * price[i];
        realized += a.size[i] * (price[i] - a.entry[i]);
      }
    }
    for (AssetId c : collateralAssets()) {
      long held = ledger.balance(a.id, c);
      if (held > 0) {
        ledger.transfer(a.id, vault.id, c, held);
      }
    }
    // The account's PnL at the mark now belongs to the vault, which settles it with the house and
    // holds the positions from the mark on.
    settlePnl(vault.id, realized);
    for (int i = 0; i < a.size.length; i++) {
      if (a.size[i] != 0) {
        double s = a.size[i];
        setSize(a, i, 0);
        a.entry[i] = 0;
        settlePnl(vault.id, applyTrade(vault, i, s, price[i]));
      }
    }
    takeovers++;
    takenOverNotional += notional;
    services.events().emit(
        new BackstopTakeover(
            services.clock().step(), services.clock().round(), spec.id().value(), a.id.value(), notional,
            before.equity(), before.maintenanceRequirement(), reason));
    a.state = state(a);
    vault.state = state(vault);
    dropFromList(a);
    return new LiquidationOutcome(spec.id(), a.id, notional, 0, List.of(), 0);
  }

  /**
   * Auto-deleveraging of a bankrupt account whose deficit the insurance fund cannot cover: each
   * position is closed at its bankruptcy price {@code p_b = P + deficit * w / size}, the deficit
   * allocated over positions by their share {@code w} of the maintenance requirement (dYdX v4
   * bankruptcyQuote = -dNNV - TNC * |dMMR| / TMMR, venues.md 4.2), against opposite positions that
   * are profitable at {@code p_b}, chosen by the rule; what they cannot absorb closes through the
   * book, and its loss goes to the insurance fund, socialized loss, then bad debt.
   */
  private LiquidationOutcome deleverage(MarginAccount a, MarginState before, AccountId liquidator, double value) {
    long step = services.clock().step();
    int round = services.clock().round();
    String venue = spec.id().value();
    double deficit = -value;
    double uncoverable = Math.max(0, deficit - basePrecision.units(ledger.balance(insurance, base)));
    int n = a.size.length;
    double[] mm = new double[n];
    double totalMm = 0;
    for (int i = 0; i < n; i++) {
      if (a.size[i] != 0) {
        mm[i] = tiers.get(i).maintenance(Math.abs(a.size[i]) * markPrice(i));
        totalMm += mm[i];
      }
    }
    double realized = 0;
    double closedNotional = 0;
    for (int i = 0; i < n; i++) {
      double s = a.size[i];
      if (s == 0) {
        continue;
      }
      double mark = markPrice(i);
      double pb = mark + deficit * (mm[i] / totalMm) / s;
      int m = collectOpposites(a, i, s, pb, mark);
      int start = adlStream != null && m > 0 ? Deleveraging.startIndex(adlStream.nextUniform(), m) : 0;
      DeleveragingRule rule = spec.deleveraging().rule();
      List<Deleveraging.Fill> fills;
      if (rule == DeleveragingRule.NONE) {
        fills = List.of();
      } else if (rule == DeleveragingRule.PNL_LEVERAGE) {
        fills = Deleveraging.byRank(oppositeIds, oppositeSizes, oppositeScores, m, Math.abs(s));
      } else {
        List<Deleveraging.Opposite> opposites = new ArrayList<>(m);
        for (int k = 0; k < m; k++) {
          opposites.add(new Deleveraging.Opposite(oppositeIds[k], oppositeSizes[k], oppositeScores[k]));
        }
        fills = Deleveraging.allocate(rule, opposites, Math.abs(s), start);
      }
      double filled = 0;
      for (Deleveraging.Fill fill : fills) {
        double q = fill.quantity();
        if (!(q > 0)) {
          continue;
        }
        MarginAccount o = accounts.get(fill.account());
        // The bankrupt side closes q at p_b; the counterparty closes the same q at p_b.
        realized += Math.signum(s) * q * (pb - a.entry[i]);
        settlePnl(o.id, applyTrade(o, i, Math.signum(s) * q, pb));
        o.state = state(o);
        double taken = q * Math.abs(pb - mark);
        double covered = deficit > 0 ? uncoverable * taken / deficit : 0;
        adlFills++;
        adlShortfall += covered;
        adlProfitTaken += taken;
        adlOverDeleveraging += taken - covered;
        filled += q;
        closedNotional += q * pb;
        services.events().emit(
            new AutoDeleverage(
                step, round, venue, spec.deleveraging().rule().scenarioName(), a.id.value(), o.id.value(),
                marketAssets.get(i).value(), -Math.signum(s) * q, pb, mark, covered, taken, taken - covered));
      }
      double rest = Math.abs(s) - filled;
      if (rest > 1e-12 * Math.abs(s)) {
        Execution e = services.markets().tradeSynthetic(venue, marketAssets.get(i), -Math.signum(s) * rest);
        realized += Math.signum(s) * rest * (e.averagePrice() - a.entry[i]);
        closedNotional += e.value();
      }
      setSize(a, i, 0);
      a.entry[i] = 0;
    }
    long gain = realized > 0 ? basePrecision.floorAtoms(realized) : 0;
    long loss = realized < 0 ? basePrecision.ceilAtoms(-realized) : 0;
    if (gain > 0) {
      payFromHouse(a.id, gain);
    }
    long shortfall = loss - ledger.balance(a.id, base);
    Sale sale = sellCollateral(a.id, liquidator, shortfall);
    long left = shortfall - sale.raised;
    if (left > 0) {
      long fromFund = Math.min(left, ledger.balance(insurance, base));
      coverShortfall(a.id, fromFund);
      left -= fromFund;
      if (spec.deleveraging().socializeLosses()) {
        left -= socialize(a.id, left);
      }
      coverShortfall(a.id, left);
    }
    ledger.transfer(a.id, house, base, loss);
    liquidations++;
    liquidatedNotional += closedNotional;
    a.state = state(a);
    dropFromList(a);
    return new LiquidationOutcome(
        spec.id(), a.id, closedNotional, 0, sale.acquired, basePrecision.units(sale.spent));
  }

  /**
   * Socialized loss (Deribit insurance fund page, venues.md 7): the loss is shared by the accounts
   * with positive unrealised PnL, pro rata to it. Each winner's claim on the house shrinks by its
   * share (its entry price moves against it), and the house pays the freed amount to the bankrupt
   * account, so the ledger moves only what the house no longer owes.
   *
   * @return atoms absorbed (at most the winners' total positive unrealised PnL)
   */
  private long socialize(AccountId bankrupt, long atoms) {
    if (atoms <= 0) {
      return 0;
    }
    double total = 0;
    for (MarginAccount o : accounts.values()) {
      if (o.id.equals(bankrupt)) {
        continue;
      }
      for (int i = 0; i < o.size.length; i++) {
        if (o.size[i] != 0) {
          total += Math.max(0, o.size[i] * (markPrice(i) - o.entry[i]));
        }
      }
    }
    long absorbed = basePrecision.floorAtomsAtMost(total, atoms);
    if (absorbed <= 0) {
      return 0;
    }
    double amount = basePrecision.units(absorbed);
    for (MarginAccount o : accounts.values()) {
      if (o.id.equals(bankrupt)) {
        continue;
      }
      double share = 0;
      for (int i = 0; i < o.size.length; i++) {
        if (o.size[i] != 0) {
          double u = o.size[i] * (markPrice(i) - o.entry[i]);
          if (u > 0) {
            double take = amount * u / total;
            o.entry[i] += take / o.size[i];
            share += take;
          }
        }
      }
      if (share > 0) {
        o.state = state(o);
        services.events().emit(
            new SocializedLoss(
                services.clock().step(), services.clock().round(), spec.id().value(), bankrupt.value(),
                o.id.value(), share));
      }
    }
    payFromHouse(bankrupt, absorbed);
    socializedAtoms += absorbed;
    return absorbed;
  }

  /**
   * Once a tick: samples the basis and premium of every market, settles funding at the end of each
   * interval, and lets the backstop vault unwind part of its positions into the shared market.
   */
  @Override
  public void settle() {
    for (int i = 0; i < marketAssets.size(); i++) {
      history.sample(i, services.markets().priceFor(spec.id(), marketAssets.get(i)), oraclePrice(marketAssets.get(i)));
    }
    if (history.endTick()) {
      for (int i = 0; i < marketAssets.size(); i++) {
        double average = history.averagePremium(i);
        settleFunding(i, history.settleRate(i, maintenanceMargin[i]), average);
      }
      history.resetInterval();
    }
    if (vault != null) {
      unwindVault();
      double equity = vaultEquity();
      if (equity <= 0 && !vaultInsolvent) {
        long shares = -ledger.balance(shareIssuer, spec.backstop().get().shareAsset());
        services.events().emit(new BackstopInsolvent(
            services.clock().step(), services.clock().round(), spec.id().value(), equity, sharePrecision.units(shares)));
      }
      vaultInsolvent = equity <= 0;
    }
  }

  /**
   * Funding of one market: every position pays {@code size * mark * rate} (longs pay shorts when
   * the rate is positive; Binance funding FAQ 360033525031) to the house, which pays the receivers, so the
   * house pays or receives the long/short imbalance. A payer short of base currency pays what it
   * holds; the rest is deferred into its entry price ({@code entry += unpaid / size}), which lowers
   * its unrealised PnL by exactly the unpaid amount: the house's claim is settled when the position
   * closes, through the ordinary loss waterfall.
   */
  private void settleFunding(int i, double rate, double averagePremium) {
    long paid = 0;
    long received = 0;
    long deferred = 0;
    double mark = markPrice(i);
    for (MarginAccount a : accounts.values()) {
      double s = a.size[i];
      if (s == 0) {
        continue;
      }
      double payment = s * mark * rate;
      if (payment > 0) {
        long owed = basePrecision.ceilAtoms(payment);
        long now = Math.min(owed, Math.max(0, ledger.balance(a.id, base)));
        ledger.transfer(a.id, house, base, now);
        paid += now;
        long unpaid = owed - now;
        if (unpaid > 0) {
          double shifted = a.entry[i] + basePrecision.units(unpaid) / s;
          if (shifted > 0) {
            a.entry[i] = shifted;
            deferred += unpaid;
          } else {
            // A short whose entry cannot absorb the debt: the waterfall pays the house instead.
            coverShortfall(a.id, unpaid);
            ledger.transfer(a.id, house, base, unpaid);
            paid += unpaid;
          }
        }
      } else if (payment < 0) {
        long due = basePrecision.floorAtoms(-payment);
        payFromHouse(a.id, due);
        received += due;
      }
      a.state = state(a);
    }
    fundingPaidAtoms += paid;
    fundingReceivedAtoms += received;
    fundingDeferredAtoms += deferred;
    services.events().emit(
        new FundingSettlement(
            services.clock().step(), 0, spec.id().value(), marketAssets.get(i).value(), rate, averagePremium,
            basePrecision.units(paid), basePrecision.units(received), basePrecision.units(deferred),
            basePrecision.units(paid - received)));
  }

  /** The vault closes {@code unwindFraction} of each position (all of a position under 1 unit of notional) into the market. */
  private void unwindVault() {
    double fraction = spec.backstop().get().unwindFraction();
    String trader = vault.id.value();
    for (int i = 0; i < vault.size.length; i++) {
      double s = vault.size[i];
      if (s == 0) {
        continue;
      }
      double close = Math.abs(s * fraction) * markPrice(i) < 1 ? s : s * fraction;
      Execution e = services.markets().tradeSynthetic(trader, marketAssets.get(i), -close);
      settlePnl(vault.id, applyTrade(vault, i, -close, e.averagePrice()));
    }
    vault.state = state(vault);
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
    // Keys depend only on the spec, so they are the same at every step of a run.
    Map<String, Double> extras = new LinkedHashMap<>();
    if (spec.liquidation().mode() == LiquidationMode.PARTIAL) {
      extras.put("partialLiquidations", (double) partialLiquidations);
    }
    if (vault != null) {
      extras.put("backstopTakeovers", (double) takeovers);
      extras.put("backstopTakenNotional", takenOverNotional);
      extras.put("backstopEquity", vaultEquity());
      extras.put("backstopNav", backstopNav());
    }
    if (spec.deleveraging().rule() != DeleveragingRule.NONE) {
      extras.put("adlFills", (double) adlFills);
      extras.put("adlShortfall", adlShortfall);
      extras.put("adlProfitTaken", adlProfitTaken);
      extras.put("adlOverDeleveraging", adlOverDeleveraging);
    }
    if (spec.deleveraging().socializeLosses()) {
      extras.put("socializedLoss", basePrecision.units(socializedAtoms));
    }
    if (pricing.markPrice() == MarkPriceRule.MEDIAN) {
      for (int i = 0; i < marketAssets.size(); i++) {
        extras.put("markBasis." + marketAssets.get(i).value(), markPrice(i) - oraclePrice(marketAssets.get(i)));
      }
    }
    if (pricing.fundingIntervalSteps() > 0) {
      for (int i = 0; i < marketAssets.size(); i++) {
        extras.put("fundingRate." + marketAssets.get(i).value(), history.lastRate(i));
      }
      extras.put("fundingPaid", basePrecision.units(fundingPaidAtoms));
      extras.put("fundingReceived", basePrecision.units(fundingReceivedAtoms));
      extras.put("fundingDeferred", basePrecision.units(fundingDeferredAtoms));
    }
    if (pricing.maxOracleAgeSteps() > 0) {
      extras.put("staleAccounts", (double) staleNow);
      extras.put("stalePausedSteps", (double) stalePausedSteps);
    }
    return new VenueSnapshot(
        accounts.size(), liquidations, liquidatedNotional, basePrecision.units(liquidationFeeAtoms),
        basePrecision.units(insurancePaidAtoms), basePrecision.units(badDebtAtoms),
        ledger.units(insurance, base), openInterest, liquidatable.list().size(), extras);
  }

  @Override
  public List<String> audit() {
    List<String> problems = new ArrayList<>();
    Set<AccountId> listed = new LinkedHashSet<>();
    liquidatable.list().forEach(c -> listed.add(c.account()));
    for (MarginAccount a : accounts.values()) {
      MarginState now = state(a);
      if (!Double.isFinite(now.equity()) || !Double.isFinite(now.maintenanceRequirement())) {
        problems.add(spec.id() + ": margin state of " + a.id + " is not finite: " + now);
      }
      boolean expected = liquidatesNow(a, now);
      if (expected != listed.contains(a.id)) {
        problems.add(
            spec.id() + ": " + a.id + " is " + (expected ? "" : "not ")
                + "liquidatable (" + now + ") but the last mark says otherwise");
      }
      for (int i = 0; i < a.size.length; i++) {
        if (!Double.isFinite(a.size[i]) || (a.size[i] != 0 && !(a.entry[i] > 0))) {
          problems.add(spec.id() + ": position " + marketAssets.get(i) + " of " + a.id + " is malformed");
        }
        if (longs[i].get(a.ordinal) != a.size[i] > 0 || shorts[i].get(a.ordinal) != a.size[i] < 0) {
          problems.add(spec.id() + ": the position index disagrees with " + a.id + "'s size in " + marketAssets.get(i));
        }
      }
    }
    long booked = -ledger.balance(badDebtAccount, base);
    if (booked != badDebtAtoms) {
      problems.add(spec.id() + ": bad debt " + badDebtAtoms + " atoms disagrees with the bad-debt account " + booked);
    }
    if (vault != null) {
      BackstopTerms b = spec.backstop().get();
      // Shares are minted once, at the start; nothing else issues or burns them.
      long issued = -ledger.balance(shareIssuer, b.shareAsset());
      if (issued != sharePrecision.floorAtoms(b.capital())) {
        problems.add(spec.id() + ": backstop shares issued " + issued + " atoms disagree with the capital");
      }
      if (!Double.isFinite(backstopNav())) {
        problems.add(spec.id() + ": backstop NAV is not finite");
      }
    }
    return problems;
  }

  // --- internals

  private MarginState state(MarginAccount a) {
    readPrices();
    return stateAtReadPrices(a);
  }

  /**
   * Reads every collateral line's oracle price and every market's mark once, for {@link
   * #stateAtReadPrices}: a mark over all accounts reads them once instead of once per account.
   */
  private void readPrices() {
    for (int k = 0; k < collateralPrice.length; k++) {
      collateralPrice[k] = oraclePrice(collateral.get(k).asset());
    }
    for (int i = 0; i < markBuffer.length; i++) {
      markBuffer[i] = markPrice(i);
    }
  }

  /**
   * The account's margin state at the prices {@link #readPrices} read last, summed term by term
   * as {@link PerpMarginCalculator#state(List, List, List)} sums its lines, without building them.
   */
  private MarginState stateAtReadPrices(MarginAccount a) {
    if (spec.portfolio().isPresent()) {
      return portfolioState(a);
    }
    double equity = 0;
    for (int k = 0; k < collateralSlot.length; k++) {
      long held = ledger.balanceAt(a.slot, collateralSlot[k]);
      if (held != 0) {
        CollateralTerms c = collateral.get(k);
        equity += PerpMarginCalculator.collateralValue(collateralPrecision[k].units(held), collateralPrice[k], c.haircut(), c.cap());
      }
    }
    double initial = 0;
    double maintenance = 0;
    for (int i = 0; i < a.size.length; i++) {
      double size = a.size[i];
      if (size != 0) {
        double mark = markBuffer[i];
        equity += size * (mark - a.entry[i]);
        double notional = Math.abs(size) * mark;
        MarginTiers t = tiers.get(i);
        initial += PerpMarginCalculator.initialRequirement(notional, initialMargin[i], t);
        maintenance += PerpMarginCalculator.maintenanceRequirement(notional, maintenanceMargin[i], t);
      }
    }
    return new MarginState(equity, initial, maintenance);
  }

  /** The account's state under portfolio margin: the venue's equity, the model's requirements. */
  private MarginState portfolioState(MarginAccount a) {
    List<PerpMarginCalculator.CollateralLine> lines = new ArrayList<>(collateral.size());
    for (int k = 0; k < collateral.size(); k++) {
      CollateralTerms c = collateral.get(k);
      long held = ledger.balanceAt(a.slot, collateralSlot[k]);
      if (held != 0) {
        lines.add(
            new PerpMarginCalculator.CollateralLine(
                collateralPrecision[k].units(held), oraclePrice(c.asset()), c.haircut(), c.cap()));
      }
    }
    List<PerpMarginCalculator.PositionLine> positions = new ArrayList<>();
    List<MarginTiers> positionTiers = new ArrayList<>();
    for (int i = 0; i < a.size.length; i++) {
      if (a.size[i] != 0) {
        positions.add(
            new PerpMarginCalculator.PositionLine(
                a.size[i], a.entry[i], markPrice(i), initialMargin[i], maintenanceMargin[i]));
        positionTiers.add(tiers.get(i));
      }
    }
    MarginState standard = PerpMarginCalculator.DEFAULT.state(lines, positions, positionTiers);
    if (spec.portfolio().isEmpty()) {
      return standard;
    }
    // Portfolio margin keeps the venue's equity and takes the requirements from the model; while
    // a VaR window is still filling, the standard requirements stand in.
    List<Position> book = new ArrayList<>();
    for (int i = 0; i < a.size.length; i++) {
      if (a.size[i] != 0) {
        book.add(new Position(marketAssets.get(i), a.size[i], markPrice(i)));
      }
    }
    return PortfolioMarginCalculator.DEFAULT
        .assess(standard, spec.portfolio().get(), new Portfolio(book, markHistory))
        .state();
  }

  /** Appends this step's marks to the portfolio-margin window, once per step (not per round). */
  private void recordMarks() {
    long step = services.clock().step();
    if (spec.portfolio().isEmpty() || step == markHistoryStep) {
      return;
    }
    Map<AssetId, Double> marks = new LinkedHashMap<>();
    for (int i = 0; i < marketAssets.size(); i++) {
      marks.put(marketAssets.get(i), markPrice(i));
    }
    markHistory = markHistory.append(marks);
    markHistoryStep = step;
  }

  /** Collateral at the oracle without haircut or cap plus unrealised PnL at the mark: what closing at the mark would leave. */
  private double settlementValue(MarginAccount a) {
    double v = 0;
    for (CollateralTerms c : collateral) {
      v += ledger.units(a.id, c.asset()) * oraclePrice(c.asset());
    }
    for (int i = 0; i < a.size.length; i++) {
      if (a.size[i] != 0) {
        v += a.size[i] * (markPrice(i) - a.entry[i]);
      }
    }
    return v;
  }

  /** What a full close through the book would leave, quoted from each market's impact model without trading, after the fee. */
  private double bookCloseValue(MarginAccount a) {
    double v = 0;
    for (CollateralTerms c : collateral) {
      v += ledger.units(a.id, c.asset()) * oraclePrice(c.asset());
    }
    for (int i = 0; i < a.size.length; i++) {
      if (a.size[i] != 0) {
        SharedMarket m = services.markets().market(marketAssets.get(i));
        Execution quote = m.impactModel().execute(m.price(), m.fundamental(), -a.size[i]);
        v += a.size[i] * (quote.averagePrice() - a.entry[i]) - quote.value() * spec.liquidationFee();
      }
    }
    return v;
  }

  /**
   * Applies a trade of {@code size} at {@code price} to a position and returns the PnL it realises
   * (the reduced part at the trade price); the caller settles it.
   */
  private double applyTrade(MarginAccount a, int i, double size, double price) {
    double old = a.size[i];
    double oldEntry = a.entry[i];
    double next = old + size;
    double reduced = old != 0 && Math.signum(old) != Math.signum(size) ? Math.min(Math.abs(size), Math.abs(old)) : 0;
    double realized = Math.signum(old) * reduced * (price - oldEntry);
    if (Math.abs(next) <= 1e-12 * Math.max(Math.abs(old), Math.abs(size))) {
      next = 0;
    }
    setSize(a, i, next);
    if (next == 0) {
      a.entry[i] = 0;
    } else if (reduced == 0) {
      a.entry[i] = (old * oldEntry + size * price) / next;
    } else if (Math.signum(next) != Math.signum(old)) {
      a.entry[i] = price;
    }
    return realized;
  }

  /** Settles realised PnL of {@code account} with the house: gains from the house, losses to it (a shortfall through the waterfall). */
  private void settlePnl(AccountId account, double realized) {
    if (realized > 0) {
      payFromHouse(account, basePrecision.floorAtoms(realized));
    } else if (realized < 0) {
      long loss = basePrecision.ceilAtoms(-realized);
      coverShortfall(account, loss - ledger.balance(account, base));
      ledger.transfer(account, house, base, loss);
    }
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
          new InsurancePayout(step, round, spec.id().value(), account.value(), basePrecision.units(fromFund)));
    }
    long uncovered = shortfall - fromFund;
    if (uncovered > 0) {
      ledger.transfer(badDebtAccount, account, base, uncovered);
      badDebtAtoms += uncovered;
      services.events().emit(
          new BadDebt(step, round, spec.id().value(), account.value(), basePrecision.units(uncovered)));
    }
  }

  /** The mark price of market {@code i}: the oracle, or Binance's median mark. */
  private double markPrice(int i) {
    AssetId asset = marketAssets.get(i);
    double index = oraclePrice(asset);
    if (pricing.markPrice() == MarkPriceRule.INDEX) {
      return index;
    }
    return history.medianMark(i, index, services.markets().priceFor(spec.id(), asset));
  }

  /** Whether a feed the account needs (its markets, its non-base collateral) is older than the guard allows. */
  private boolean isStale(MarginAccount a) {
    long max = pricing.maxOracleAgeSteps();
    if (max <= 0) {
      return false;
    }
    long now = services.clock().step();
    for (int i = 0; i < a.size.length; i++) {
      if (a.size[i] != 0 && now - services.oracles().publishedStep(spec.oracle(), marketAssets.get(i), now) > max) {
        return true;
      }
    }
    for (CollateralTerms c : collateral) {
      if (ledger.balance(a.id, c.asset()) != 0
          && now - services.oracles().publishedStep(spec.oracle(), c.asset(), now) > max) {
        return true;
      }
    }
    return false;
  }

  /** The vault's equity: collateral at the oracle plus unrealised PnL at the mark. */
  private double vaultEquity() {
    return settlementValue(vault);
  }

  /**
   * NAV per share of the backstop vault: its equity over the shares outstanding, and 0 while the
   * equity is at or below zero. An insolvent vault's shares are worth nothing, not less: the
   * holders' liability is limited to what they put in, and the losses beyond the vault's capital
   * reach the venue's insurance fund and bad debt as its positions settle.
   */
  private double backstopNav() {
    BackstopTerms b = spec.backstop().get();
    long shares = -ledger.balance(shareIssuer, b.shareAsset());
    return shares > 0 ? Math.max(0, vaultEquity()) / sharePrecision.units(shares) : 1.0;
  }

  /** Whether the backstop vault has equity left to take accounts over with. */
  private boolean vaultSolvent() {
    return vaultEquity() > 0;
  }

  /** Keeps the last mark's list truthful after a liquidation changed the account. */
  private void dropFromList(MarginAccount a) {
    if (!a.state.liquidatable() || !a.hasPositions()) {
      liquidatable.drop(a.id);
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

  @Override
  public MarginState marginStateNow(AccountId account) {
    MarginAccount a = accounts.get(account);
    return a == null ? null : state(a);
  }

  private MarginAccount account(AccountId id) {
    MarginAccount a = accounts.get(id);
    if (a == null) {
      throw new IllegalArgumentException(spec.id() + " has no margin account " + id);
    }
    return a;
  }
}
