package org.marginfall.protocols.lending;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.AccountType;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.spec.VenueServices;
import org.marginfall.core.venue.LendingVenue;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.LiquidationOutcome;
import org.marginfall.core.venue.MarginState;
import org.marginfall.core.venue.VenueId;
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
 * it pro rata for every holder of that reserve's receipts.
 *
 * <p>This class is the facade that implements the venue interface; package-private parts with one
 * job each do the work, wired through one {@link LendingContext}:
 *
 * <ul>
 *   <li>{@link ReserveBook}: reserves by index and asset, minting and burning receipts;
 *   <li>{@link BorrowerBook}: borrower accounts, every change of scaled debt;
 *   <li>{@link LendingRiskView}: health factors at read prices, the marks, the stale-price pause;
 *   <li>{@link LendingDesk}: supply, redeem, deposit, borrow, repay, withdraw collateral;
 *   <li>{@link LoanLiquidator}: liquidations and the reward estimate from the same plan;
 *   <li>{@link DebtBurner}: v3.3 debt burning and deficit cover; {@link InterestAccrual}: interest;
 *   <li>{@link LendingAudit}: the proof that the books hold.
 * </ul>
 *
 * <p>Mutable and not thread-safe.
 */
public final class LendingPool implements LendingVenue {

  private final LendingContext c;
  private final ReserveBook book;
  private final BorrowerBook borrowers;
  private final LendingRiskView risk;
  private final LendingDesk desk;
  private final InterestAccrual interest;
  private final DebtBurner burner;
  private final LoanLiquidator liquidator;
  private final LendingAudit audit;

  /**
   * Builds the parts. The order is the order of their effects on the ledger and the markets: the
   * treasury's account, then each reserve's accounts and its receipt's price.
   */
  LendingPool(LendingVenueSpec spec, VenueServices services) {
    Ledger ledger = services.ledger();
    AssetId base = services.baseCurrency();
    AccountId treasury = AccountId.of(spec.id().value(), "treasury");
    ledger.open(treasury, AccountType.ORDINARY);
    this.c = new LendingContext(spec, services, ledger, base, ledger.precision(base), treasury);
    this.book = new ReserveBook(c);
    this.borrowers = new BorrowerBook(c, book);
    this.risk = new LendingRiskView(c, book, borrowers);
    this.desk = new LendingDesk(c, book, borrowers, risk);
    this.interest = new InterestAccrual(c);
    this.burner = new DebtBurner(c, book, borrowers);
    this.liquidator = new LoanLiquidator(c, book, borrowers, risk, burner);
    this.audit = new LendingAudit(c, book, borrowers, risk);
  }

  @Override
  public VenueId id() {
    return c.spec().id();
  }

  @Override
  public String type() {
    return LendingVenueSpec.TYPE;
  }

  @Override
  public Map<String, Object> attributes() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("oracle", c.spec().oracle().value());
    a.put("badDebtMode", c.spec().badDebt().scenarioName());
    return a;
  }

  // --- lenders and borrowers

  @Override
  public Set<AssetId> reserveAssets() {
    return book.assets();
  }

  @Override
  public AssetId receipt(AssetId asset) {
    return book.reserve(asset).terms.receipt();
  }

  @Override
  public double exchangeRate(AssetId asset) {
    return book.reserve(asset).rate();
  }

  @Override
  public double price(AssetId asset) {
    return c.price(asset);
  }

  @Override
  public double loanToValue(AssetId asset) {
    return book.reserve(asset).terms.loanToValue();
  }

  @Override
  public boolean borrowable(AssetId asset) {
    return book.reserve(asset).terms.borrowable();
  }

  @Override
  public long supply(AccountId from, AssetId asset, long atoms) {
    return desk.supply(from, asset, atoms);
  }

  @Override
  public long withdraw(AccountId holder, AssetId asset, long receiptAtoms) {
    return desk.withdraw(holder, asset, receiptAtoms);
  }

  @Override
  public AccountId account(AccountId owner) {
    return borrowers.open(owner);
  }

  @Override
  public void discard(AccountId account) {
    Borrower b = borrowers.borrower(account);
    for (AssetId asset : c.ledger().assets()) {
      if (c.ledger().balance(b.id, asset) != 0) {
        throw new IllegalStateException(account + " still holds " + asset);
      }
    }
    borrowers.discard(b);
  }

  @Override
  public void depositCollateral(AccountId from, AccountId account, AssetId asset, long atoms) {
    desk.depositCollateral(from, account, asset, atoms);
  }

  @Override
  public void borrow(AccountId account, AssetId asset, long atoms, AccountId to) {
    desk.borrow(account, asset, atoms, to);
  }

  @Override
  public void openDebt(AccountId account, AssetId asset, long atoms, AccountId to) {
    desk.openDebt(account, asset, atoms, to);
  }

  @Override
  public long repay(AccountId from, AccountId account, AssetId asset, long atoms) {
    return desk.repay(from, account, asset, atoms);
  }

  /**
   * Aave ValidationLogic.validateHFAndLtv: a collateral withdrawal must leave HF = Σ(coll × LT) / Σ
   * debt ≥ 1 (HEALTH_FACTOR_LIQUIDATION_THRESHOLD, GenericLogic). The receipts move to {@code to}
   * unredeemed; the HF after is computed before anything moves.
   */
  @Override
  public void withdrawCollateral(
      AccountId account, AssetId asset, long receiptAtoms, AccountId to) {
    desk.withdrawCollateral(account, asset, receiptAtoms, to);
  }

  @Override
  public double debt(AccountId account, AssetId asset) {
    Reserve r = book.reserve(asset);
    return borrowers.scaledDebt(borrowers.borrower(account), r) * r.borrowIndex;
  }

  @Override
  public double healthFactor(AccountId account) {
    return risk.state(borrowers.borrower(account)).health();
  }

  /** The treasury's ledger account (it holds receipts). */
  public AccountId treasury() {
    return c.treasury();
  }

  /** The deficit of {@code asset}'s reserve, in units (deficit mode). */
  public double deficit(AssetId asset) {
    return book.reserve(asset).deficit;
  }

  /** The utilisation of {@code asset}'s reserve now: debt / (cash + debt). */
  @Override
  public double utilisation(AssetId asset) {
    return book.reserve(asset).utilisation();
  }

  /** The reserve's cash, {@code <venue>/reserves/<asset>}: what {@link #withdraw} can pay out. */
  @Override
  public long availableLiquidity(AssetId asset) {
    return book.reserve(asset).cash;
  }

  // --- risk

  @Override
  public void markToMarket() {
    risk.markToMarket();
  }

  /**
   * Marks only the borrowers the screen says could have become liquidatable since the last full
   * mark: the list is the one {@link #markToMarket()} would leave. Other borrowers keep the last
   * full mark's state, which only {@link #healthValues()} reads, after the record's full mark.
   */
  @Override
  public void markLiquidationCandidates() {
    risk.markLiquidationCandidates();
  }

  /**
   * The health factor (Aave: Σ collateral × LT / Σ debt) of every borrower with debt, at the last
   * mark.
   */
  @Override
  public double[] healthValues() {
    return risk.healthValues();
  }

  /** One per borrower. */
  @Override
  public int healthCapacity() {
    return borrowers.size();
  }

  @Override
  public int healthValues(double[] into) {
    return risk.healthValues(into);
  }

  @Override
  public List<LiquidationCandidate> liquidatable() {
    return risk.liquidatable.list();
  }

  @Override
  public MarginState marginStateNow(AccountId account) {
    Borrower b = borrowers.find(account);
    return b == null ? null : risk.state(b);
  }

  // --- liquidation

  /**
   * The liquidation bonus net of the protocol fee that {@link #liquidate} would pay on the largest
   * (collateral, debt) pair: {@code liquidatorGets * P_coll - debtRepaid * P_debt} at the oracle
   * prices (Aave v3 LiquidationLogic.executeLiquidationCall), before the cost of buying a non-base
   * debt asset in the market.
   */
  @Override
  public double expectedLiquidatorReward(LiquidationCandidate candidate) {
    return liquidator.expectedReward(candidate);
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
    return this.liquidator.liquidate(account, liquidator);
  }

  /** Whether a liquidator able to pay would liquidate {@code account} now. */
  @Override
  public boolean liquidatesNow(AccountId account) {
    return liquidator.liquidatesNow(account);
  }

  /**
   * Accrues one tick of interest on every reserve, then lets the treasury's receipts cover recorded
   * deficits (Aave v3.3 eliminateReserveDeficit, here funded by the treasury).
   */
  @Override
  public void settle() {
    for (Reserve r : book.reserves) {
      interest.accrue(r);
    }
    for (Reserve r : book.reserves) {
      if (r.deficit > 0) {
        burner.coverDeficit(r);
      }
    }
  }

  // --- books

  @Override
  public VenueSnapshot snapshot() {
    double openInterest = 0;
    double treasuryValue = 0;
    double supplied = 0;
    double deficit = 0;
    Map<String, Double> extras = new LinkedHashMap<>();
    for (Reserve r : book.reserves) {
      AssetId a = r.terms.asset();
      double p = c.price(a);
      double rate = r.rate();
      openInterest += r.debt() * p;
      treasuryValue += c.ledger().units(c.treasury(), r.terms.receipt()) * rate * p;
      supplied += r.receiptPrecision.units(r.receipts) * rate * p;
      deficit += r.deficit * p;
      extras.put("utilisation_" + a.value(), r.utilisation());
      extras.put("exchange_rate_" + a.value(), rate);
      extras.put("borrow_rate_" + a.value(), r.terms.rates().borrowRate(r.utilisation()));
    }
    extras.put("total_supplied", supplied);
    if (risk.stalePauses().enabled()) {
      extras.put("stale_paused_steps", (double) risk.stalePauses().pausedSteps());
    }
    extras.put("deficit", deficit);
    return new VenueSnapshot(
        borrowers.size(),
        liquidator.liquidations,
        liquidator.liquidatedNotional,
        liquidator.liquidationFees,
        burner.insurancePaid,
        burner.badDebt,
        treasuryValue,
        openInterest,
        risk.liquidatable.list().size(),
        extras);
  }

  /** Proves the books; see {@link LendingAudit}. */
  @Override
  public List<String> audit() {
    return audit.problems();
  }
}
