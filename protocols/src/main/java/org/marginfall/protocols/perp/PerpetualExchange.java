package org.marginfall.protocols.perp;

import java.util.ArrayList;
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
import org.marginfall.core.spec.VenueServices;
import org.marginfall.core.venue.HeldPosition;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.LiquidationOutcome;
import org.marginfall.core.venue.MarginState;
import org.marginfall.core.venue.PnlBorrowingVenue;
import org.marginfall.core.venue.VenueId;
import org.marginfall.core.venue.VenueSnapshot;

/**
 * A perpetual-futures venue: multi-collateral margin accounts (cross or isolated), positions marked
 * at the venue's mark price (the oracle, or Binance's median mark), full or partial liquidation
 * through the shared market, an optional backstop vault, funding, and a loss waterfall of account
 * margin, insurance fund, auto-deleveraging, socialized loss, then explicit bad debt.
 *
 * <p>Ledger layout under the venue id {@code v}: margin accounts {@code
 * v/accounts/<owner>[/<asset>]}, the counterparty vault {@code v/house} (the other side of every
 * position; it settles PnL and funding in base currency), the insurance fund {@code v/insurance},
 * {@code v/bad-debt}, an external account whose negative balance is the venue's uncovered
 * shortfall, and with a backstop the vault {@code v/backstop} (a margin account holding positions),
 * its share issuer {@code v/backstop/issuer} (external) and its depositors {@code
 * v/backstop/depositors}. A book liquidation closes positions at the price its unwind gets in the
 * shared market, charges the fee on the closed notional (capped at what equity remains), sells
 * non-base collateral to the liquidator at the oracle price to raise base currency, and covers any
 * remaining shortfall from the insurance fund, then as bad debt (Binance FAQ 360033525271).
 *
 * <p>This class is the facade that implements the venue interfaces; the work is done by
 * package-private parts with one job each, wired through one {@link PerpContext}, which share the
 * account records ({@link MarginAccount}) and the per-index columns of {@link PerpMarkets}:
 *
 * <ul>
 *   <li>{@link PerpMarkets}: markets and collateral lines by index, their terms, oracle and mark
 *       prices;
 *   <li>{@link PerpAccountBook}: the accounts by id and in order opened, the per-market long/short
 *       index;
 *   <li>{@link PerpRiskView}: margin states at read prices, the mark and its liquidatable list;
 *   <li>{@link PerpTradeDesk}: owners' opens, reductions, withdrawals and the largest open
 *       accepted;
 *   <li>{@link LiquidationPlanner}: the path a liquidation takes, its close fraction and reward;
 *   <li>{@link BookLiquidation}, {@link BackstopVault}, {@link DeleveragingPath}: the three paths;
 *   <li>{@link LossWaterfall}: house, insurance fund, collateral sale, socialized loss, bad debt;
 *   <li>{@link FundingSettler}: funding; {@link LiquidationTotals}: totals two paths add to.
 * </ul>
 *
 * <p>Mutable and not thread-safe.
 */
public final class PerpetualExchange implements PnlBorrowingVenue {

  private final PerpetualVenueSpec spec;
  private final Ledger ledger;

  /** How finely the ledger counts the base currency: fees, PnL, funding, insurance, bad debt. */
  private final Precision basePrecision;

  private final PricingTerms pricing;
  private final PerpMarkets markets;
  private final PerpAccountBook book;
  private final PerpRiskView risk;
  private final LossWaterfall waterfall;
  private final FundingSettler funding;
  private final LiquidationTotals totals;
  private final DeleveragingPath adl;
  private final BookLiquidation bookPath;
  private final LiquidationPlanner planner;
  private final PerpTradeDesk desk;

  /** The backstop vault, null without a backstop. */
  private final BackstopVault backstop;

  /** The lending book accounts borrow from, null without one. */
  private final PerpBank bank;

  /**
   * Builds the parts through one {@link PerpContext}. The order is the order of their effects on
   * the ledger and the streams: the house, insurance and bad-debt accounts, the ADL stream, then
   * the backstop's accounts.
   */
  PerpetualExchange(PerpetualVenueSpec spec, VenueServices services) {
    PerpContext c = PerpContext.open(spec, services);
    this.spec = spec;
    this.ledger = c.ledger();
    this.basePrecision = c.basePrecision();
    this.pricing = spec.pricing();
    this.markets = c.markets();
    this.book = c.book();
    this.risk = c.risk();
    this.waterfall = c.waterfall();
    this.totals = c.totals();
    this.funding = new FundingSettler(c);
    this.adl = new DeleveragingPath(c);
    this.bookPath = new BookLiquidation(c);
    this.planner = new LiquidationPlanner(c);
    this.desk = new PerpTradeDesk(c);
    this.backstop = spec.backstop().isPresent() ? new BackstopVault(c) : null;
    this.bank =
        spec.borrowing()
            .map(t -> new PerpBank(spec, t, services, markets, book, risk, waterfall))
            .orElse(null);
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
    spec.borrowing().ifPresent(b -> a.put("borrowingPnlWeight", b.pnlWeight()));
    return a;
  }

  // --- trading

  @Override
  public Set<AssetId> markets() {
    return spec.tradableAssets();
  }

  @Override
  public Set<AssetId> collateralAssets() {
    return markets.collateralAssets();
  }

  @Override
  public double markPrice(AssetId market) {
    return markets.markPrice(markets.index(market));
  }

  /** The last funding rate of {@code market}, 0 before the first settlement. */
  public double lastFundingRate(AssetId market) {
    return funding.lastRate(markets.index(market));
  }

  @Override
  public double maxLeverage(AssetId market) {
    return 1 / markets.initialMargin[markets.index(market)];
  }

  @Override
  public AccountId marginAccount(AccountId owner, AssetId market) {
    markets.index(market);
    AccountId id = AccountId.of(spec.id().value(), "accounts").child(owner.value());
    if (spec.marginMode() == MarginMode.ISOLATED) {
      id = id.child(market.value());
    }
    if (!book.contains(id)) {
      ledger.open(id, AccountType.ORDINARY);
      book.open(id);
    }
    return id;
  }

  @Override
  public void discard(AccountId marginAccount) {
    book.require(marginAccount);
    for (AssetId asset : ledger.assets()) {
      if (ledger.balance(marginAccount, asset) != 0) {
        throw new IllegalStateException(marginAccount + " still holds " + asset);
      }
    }
    book.discard(marginAccount);
  }

  @Override
  public void deposit(AccountId from, AccountId marginAccount, AssetId asset, long atoms) {
    book.require(marginAccount);
    if (!collateralAssets().contains(asset)) {
      throw new IllegalArgumentException(
          spec.id() + " does not accept " + asset + " as collateral");
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
    return desk.maxOpenSize(marginAccount, market, side);
  }

  @Override
  public void open(AccountId marginAccount, AssetId market, double size) {
    desk.open(marginAccount, market, size);
  }

  @Override
  public void load(AccountId marginAccount, List<HeldPosition> positions) {
    desk.load(marginAccount, positions);
  }

  /**
   * Closes part of a position through the shared market as a book liquidation does (a synthetic
   * trade of {@code -close}), realising {@code close * (execution price - entry)} and settling it
   * with the house through {@link LossWaterfall#settlePnl}, without a fee. The loss is quoted from
   * the market's impact model before trading, so a reduction the account cannot pay moves nothing.
   */
  @Override
  public void reduce(AccountId marginAccount, AssetId market, double size) {
    desk.reduce(marginAccount, market, size);
  }

  @Override
  public MarginState marginState(AccountId marginAccount) {
    return risk.state(book.require(marginAccount));
  }

  @Override
  public MarginState marginStateNow(AccountId account) {
    MarginAccount a = book.get(account);
    return a == null ? null : risk.state(a);
  }

  /**
   * Withdrawable = equity − initial margin requirement (Hyperliquid docs, Margining: "transfer or
   * withdrawal ... requires remaining margin ≥ IM_required"; the further 10%-of-notional floor
   * there is not modelled). Collateral counts line by line ({@link PerpMarginCalculator#state}), so
   * the equity after is today's equity less what the withdrawn atoms count for, and the
   * requirements do not depend on collateral: the test moves nothing.
   */
  @Override
  public void withdraw(AccountId marginAccount, AssetId asset, long atoms, AccountId to) {
    desk.withdraw(marginAccount, asset, atoms, to);
  }

  // --- risk

  @Override
  public void markToMarket() {
    risk.markToMarket();
  }

  @Override
  public void markLiquidationCandidates() {
    risk.markLiquidationCandidates();
  }

  /**
   * Equity over maintenance requirement of every trader account with positions, at the last mark.
   * The backstop vault is left out: it is never liquidated, so its margin says nothing about how
   * close traders are to liquidation.
   */
  @Override
  public double[] healthValues() {
    return risk.healthValues();
  }

  /** One per account (the backstop vault's is left out, so at most one is unused). */
  @Override
  public int healthCapacity() {
    return book.size();
  }

  @Override
  public int healthValues(double[] into) {
    return risk.healthValues(into);
  }

  @Override
  public List<LiquidationCandidate> liquidatable() {
    return risk.liquidatable();
  }

  /**
   * The liquidator's share of the fee a close through the book would charge, at the mark price:
   * {@code liquidatorShare * min(phi * f * N, max(0, C + f * U))} with f the close fraction, N the
   * position notional, C the collateral at the oracle and U the unrealised PnL (Binance USD-M
   * liquidation clearance fee, FAQ 360033525271; the split is this model's {@code
   * liquidatorShare}). 0 when the account would be deleveraged or taken over by the backstop, which
   * pay no fee.
   */
  @Override
  public double expectedLiquidatorReward(LiquidationCandidate candidate) {
    MarginAccount a = book.get(candidate.account());
    return a == null ? 0 : planner.expectedReward(a);
  }

  /**
   * Liquidates {@code account}. The path depends on the account's settlement value V (collateral at
   * the oracle plus unrealised PnL at the mark): when ADL or socialized loss is on and the deficit
   * {@code -V} exceeds the insurance fund, the positions are deleveraged at their bankruptcy
   * prices; otherwise, with a backstop and V &gt;= 0, the vault takes the account over when equity
   * is below {@code takeoverBelow * MM} or a close through the book would leave a shortfall;
   * otherwise the account is closed through the book, in full or partially.
   */
  @Override
  public Optional<LiquidationOutcome> liquidate(AccountId account, AccountId liquidator) {
    MarginAccount a = book.get(account);
    if (a == null) {
      return Optional.empty();
    }
    MarginState before = risk.state(a);
    if (!risk.liquidatesNow(a, before)) {
      return Optional.empty();
    }
    if (!planner.liquidatorCanBuy(account, liquidator)) {
      return Optional.empty();
    }
    double value = risk.settlementValue(a);
    LiquidationPlanner.Route route = planner.route(a, before, value);
    LiquidationOutcome outcome =
        switch (route) {
          case DELEVERAGE -> adl.deleverage(a, before, liquidator, value);
          case BELOW_THRESHOLD, BOOK_SHORTFALL -> backstop.takeover(a, before, route.reason());
          case BOOK -> bookPath.close(a, before, liquidator, planner.closeFractions(a, before));
        };
    if (bank != null) {
      bank.repayIfClosed(a);
    }
    return Optional.of(outcome);
  }

  @Override
  public double lendable() {
    return spec.borrowing().map(BorrowTerms::lendable).orElse(0.0);
  }

  @Override
  public double borrowable(AccountId marginAccount) {
    return bank == null ? 0 : bank.borrowable(book.require(marginAccount));
  }

  @Override
  public void borrow(AccountId marginAccount, long atoms, AccountId to) {
    if (bank == null) {
      throw new IllegalStateException(spec.id() + " has no lending book (borrowing)");
    }
    bank.borrow(book.require(marginAccount), atoms, to);
  }

  @Override
  public double borrowed(AccountId marginAccount) {
    MarginAccount a = book.get(marginAccount);
    return a == null ? 0 : basePrecision.units(a.borrowed());
  }

  /** Whether a liquidator able to buy the collateral would liquidate {@code account} now. */
  @Override
  public boolean liquidatesNow(AccountId account) {
    MarginAccount a = book.get(account);
    return a != null && risk.liquidatesNow(a, risk.state(a));
  }

  /**
   * Once a tick: samples the basis and premium of every market, settles funding at the end of each
   * interval, and lets the backstop vault unwind part of its positions into the shared market.
   */
  @Override
  public void settle() {
    funding.settle();
    if (backstop != null) {
      backstop.unwind();
    }
  }

  @Override
  public VenueSnapshot snapshot() {
    // Keys depend only on the spec, so they are the same at every step of a run.
    Map<String, Double> extras = new LinkedHashMap<>();
    if (spec.liquidation().mode() != LiquidationMode.FULL) {
      extras.put("partialLiquidations", (double) totals.partialLiquidations);
    }
    if (backstop != null) {
      backstop.addExtras(extras);
    }
    adl.addExtras(extras);
    if (spec.deleveraging().socializeLosses()) {
      extras.put("socializedLoss", waterfall.socialized());
    }
    if (pricing.markPrice() == MarkPriceRule.MEDIAN) {
      markets.addMarkBasis(extras);
    }
    funding.addExtras(extras);
    if (bank != null) {
      bank.addExtras(extras);
    }
    if (pricing.maxOracleAgeSteps() > 0) {
      extras.put("staleAccounts", (double) risk.staleAccounts());
      extras.put("stalePausedSteps", (double) risk.stalePausedSteps());
    }
    return new VenueSnapshot(
        book.size(),
        totals.liquidations,
        totals.liquidatedNotional,
        basePrecision.units(totals.liquidationFeeAtoms),
        waterfall.insurancePaid(),
        waterfall.badDebt(),
        waterfall.insuranceUnits(),
        risk.openInterest(),
        risk.liquidatable().size(),
        extras);
  }

  @Override
  public List<String> audit() {
    List<String> problems = new ArrayList<>();
    Set<AccountId> listed = new LinkedHashSet<>();
    risk.liquidatable().forEach(c -> listed.add(c.account()));
    for (MarginAccount a : book.all()) {
      MarginState now = risk.state(a);
      if (!Double.isFinite(now.equity()) || !Double.isFinite(now.maintenanceRequirement())) {
        problems.add(spec.id() + ": margin state of " + a.id + " is not finite: " + now);
      }
      boolean expected = risk.liquidatesNow(a, now);
      if (expected != listed.contains(a.id)) {
        problems.add(
            spec.id()
                + ": "
                + a.id
                + " is "
                + (expected ? "" : "not ")
                + "liquidatable ("
                + now
                + ") but the last mark says otherwise");
      }
      for (int i = 0; i < a.markets(); i++) {
        if (!Double.isFinite(a.size(i)) || (a.size(i) != 0 && !(a.entry(i) > 0))) {
          problems.add(
              spec.id() + ": position " + markets.assets.get(i) + " of " + a.id + " is malformed");
        }
        if (!book.indexAgrees(a, i)) {
          problems.add(
              spec.id()
                  + ": the position index disagrees with "
                  + a.id
                  + "'s size in "
                  + markets.assets.get(i));
        }
      }
    }
    waterfall.audit(problems);
    if (backstop != null) {
      backstop.audit(problems);
    }
    if (bank != null) {
      bank.audit(problems);
    }
    return problems;
  }
}
