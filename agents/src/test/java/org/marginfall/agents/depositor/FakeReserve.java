package org.marginfall.agents.depositor;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.AccountType;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.venue.LendingVenue;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.LiquidationOutcome;
import org.marginfall.core.venue.MarginState;
import org.marginfall.core.venue.VenueId;
import org.marginfall.core.venue.VenueSnapshot;

/**
 * A lending venue with one reserve over a real ledger, for depositors: supply mints {@code
 * floor(atoms / rate)} receipts from an external issuer, withdrawal pays {@code floor(receipts ×
 * rate)} out of the reserve's cash and refuses (moving nothing) when the cash is short, as Aave
 * does. The test sets the exchange rate and lends cash out to an outside borrower to set the
 * utilisation. Mutable, not thread-safe.
 */
final class FakeReserve implements LendingVenue {

  private final VenueId id = VenueId.of("lend");
  private final Ledger ledger;
  private final AssetId asset;
  private final AssetId receipt;
  private final AccountId pool = AccountId.of("lend", "pool");
  private final AccountId issuer = AccountId.of("lend", "issuer");
  private final AccountId borrower = AccountId.of("lend", "borrower");
  private double rate = 1.0;
  private double debt;

  FakeReserve(Ledger ledger, AssetId asset, AssetId receipt) {
    this.ledger = ledger;
    this.asset = asset;
    this.receipt = receipt;
    ledger.open(pool, AccountType.ORDINARY);
    ledger.open(issuer, AccountType.EXTERNAL);
    ledger.open(borrower, AccountType.EXTERNAL);
  }

  /** Sets the exchange rate (a socialised loss lowers it). */
  void setRate(double rate) {
    this.rate = rate;
  }

  /** Lends {@code units} of cash to an outside borrower, which raises the utilisation. */
  void lend(double units) {
    ledger.transfer(pool, borrower, asset, Precision.MICRO.atoms(units));
    debt += units;
  }

  /** The outside borrower pays {@code units} back into the cash. */
  void repay(double units) {
    ledger.transfer(borrower, pool, asset, Precision.MICRO.atoms(units));
    debt -= units;
  }

  AccountId pool() {
    return pool;
  }

  @Override
  public VenueId id() {
    return id;
  }

  @Override
  public String type() {
    return "lending";
  }

  @Override
  public Map<String, Object> attributes() {
    return Map.of();
  }

  @Override
  public Set<AssetId> reserveAssets() {
    return Set.of(asset);
  }

  @Override
  public AssetId receipt(AssetId a) {
    return receipt;
  }

  @Override
  public double exchangeRate(AssetId a) {
    return rate;
  }

  @Override
  public double price(AssetId a) {
    return 1.0;
  }

  @Override
  public double loanToValue(AssetId a) {
    return 0;
  }

  @Override
  public boolean borrowable(AssetId a) {
    return true;
  }

  @Override
  public double utilisation(AssetId a) {
    double cash = Precision.MICRO.units(ledger.balance(pool, asset));
    return debt + cash > 0 ? debt / (debt + cash) : 0;
  }

  @Override
  public long availableLiquidity(AssetId a) {
    return ledger.balance(pool, asset);
  }

  @Override
  public long supply(AccountId from, AssetId a, long atoms) {
    long minted = (long) Math.floor(atoms / rate);
    ledger.transfer(from, pool, asset, atoms);
    ledger.transfer(issuer, from, receipt, minted);
    return minted;
  }

  @Override
  public long withdraw(AccountId holder, AssetId a, long receiptAtoms) {
    long paid = (long) Math.floor(receiptAtoms * rate);
    if (paid > ledger.balance(pool, asset)) {
      throw new IllegalStateException("reserve lacks the cash to redeem " + receiptAtoms);
    }
    ledger.transfer(holder, issuer, receipt, receiptAtoms);
    ledger.transfer(pool, holder, asset, paid);
    return paid;
  }

  @Override
  public void discard(AccountId account) {
    throw new AssertionError("depositors open no borrowing account");
  }

  @Override
  public AccountId account(AccountId owner) {
    throw new AssertionError("depositors open no borrowing account");
  }

  @Override
  public void depositCollateral(AccountId from, AccountId account, AssetId a, long atoms) {
    throw new AssertionError("depositors post no collateral");
  }

  @Override
  public void openDebt(AccountId account, AssetId a, long atoms, AccountId to) {
    throw new AssertionError("depositors do not load snapshot debts");
  }

  @Override
  public void borrow(AccountId account, AssetId a, long atoms, AccountId to) {
    throw new AssertionError("depositors never borrow");
  }

  @Override
  public long repay(AccountId from, AccountId account, AssetId a, long atoms) {
    throw new AssertionError("depositors never repay");
  }

  @Override
  public void withdrawCollateral(AccountId account, AssetId a, long receiptAtoms, AccountId to) {
    throw new AssertionError("depositors post no collateral");
  }

  @Override
  public double debt(AccountId account, AssetId a) {
    return 0;
  }

  @Override
  public double healthFactor(AccountId account) {
    return Double.POSITIVE_INFINITY;
  }

  @Override
  public void markToMarket() {}

  @Override
  public MarginState marginStateNow(AccountId account) {
    return null;
  }

  @Override
  public List<LiquidationCandidate> liquidatable() {
    return List.of();
  }

  @Override
  public Optional<LiquidationOutcome> liquidate(AccountId account, AccountId liquidator) {
    return Optional.empty();
  }

  @Override
  public void settle() {}

  @Override
  public VenueSnapshot snapshot() {
    return new VenueSnapshot(0, 0, 0, 0, 0, 0, 0, 0, 0);
  }

  @Override
  public List<String> audit() {
    return List.of();
  }
}
