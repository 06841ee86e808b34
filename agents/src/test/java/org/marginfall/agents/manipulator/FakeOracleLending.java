package org.marginfall.agents.manipulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleSupplier;
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
 * A lending venue with one collateral reserve (receipts minted 1:1, priced by an "oracle" the test
 * supplies, here the market price read with no latency) and one base-currency reserve that lends
 * out of its cash, with Aave's borrow check {@code debt after <= collateral value × LTV}. Mutable,
 * not thread-safe.
 */
final class FakeOracleLending implements LendingVenue {

  private final VenueId id = VenueId.of("pool");
  private final Ledger ledger;
  private final AssetId base;
  private final AssetId collateral;
  private final AssetId receipt;
  private final double ltv;
  private final DoubleSupplier oracle;
  private final AccountId cash = AccountId.of("pool", "cash");
  private final AccountId collateralPool = AccountId.of("pool", "collateral");
  private final AccountId issuer = AccountId.of("pool", "issuer");
  private final Map<AccountId, Long> debts = new LinkedHashMap<>();

  FakeOracleLending(
      Ledger ledger,
      AssetId base,
      AssetId collateral,
      AssetId receipt,
      double ltv,
      DoubleSupplier oracle,
      double lendable) {
    this.ledger = ledger;
    this.base = base;
    this.collateral = collateral;
    this.receipt = receipt;
    this.ltv = ltv;
    this.oracle = oracle;
    ledger.open(cash, AccountType.ORDINARY);
    ledger.open(collateralPool, AccountType.ORDINARY);
    ledger.open(issuer, AccountType.EXTERNAL);
    ledger.transfer(Ledger.EXTERNAL, cash, base, Precision.MICRO.atoms(lendable));
  }

  /** The account's collateral value at the oracle minus its debt: negative is a shortfall. */
  double surplus(AccountId account) {
    return Precision.MICRO.units(ledger.balance(account, receipt)) * price(collateral)
        - debt(account, base);
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
    return Set.of(collateral, base);
  }

  @Override
  public AssetId receipt(AssetId asset) {
    return receipt;
  }

  @Override
  public double exchangeRate(AssetId asset) {
    return 1.0;
  }

  @Override
  public double price(AssetId asset) {
    return asset.equals(base) ? 1.0 : oracle.getAsDouble();
  }

  @Override
  public double loanToValue(AssetId asset) {
    return asset.equals(collateral) ? ltv : 0;
  }

  @Override
  public boolean borrowable(AssetId asset) {
    return asset.equals(base);
  }

  @Override
  public double utilisation(AssetId asset) {
    double debt = debts.values().stream().mapToLong(Long::longValue).sum();
    double total = debt + ledger.balance(cash, base);
    return asset.equals(base) && total > 0 ? debt / total : 0;
  }

  @Override
  public long availableLiquidity(AssetId asset) {
    return asset.equals(base)
        ? ledger.balance(cash, base)
        : ledger.balance(collateralPool, collateral);
  }

  @Override
  public long supply(AccountId from, AssetId asset, long atoms) {
    throw new AssertionError("the manipulator supplies only as collateral");
  }

  @Override
  public long withdraw(AccountId holder, AssetId asset, long receiptAtoms) {
    throw new AssertionError("the manipulator never withdraws");
  }

  @Override
  public void discard(AccountId account) {
    throw new AssertionError("manipulators discard no account");
  }

  @Override
  public AccountId account(AccountId owner) {
    AccountId a = AccountId.of("pool", "accounts").child(owner.value());
    ledger.open(a, AccountType.ORDINARY);
    return a;
  }

  @Override
  public void depositCollateral(AccountId from, AccountId account, AssetId asset, long atoms) {
    ledger.transfer(from, collateralPool, collateral, atoms);
    ledger.transfer(issuer, account, receipt, atoms);
  }

  @Override
  public void openDebt(AccountId account, AssetId asset, long atoms, AccountId to) {
    throw new AssertionError("manipulators do not load snapshot debts");
  }

  @Override
  public void borrow(AccountId account, AssetId asset, long atoms, AccountId to) {
    double debtAfter = Precision.MICRO.units(debts.getOrDefault(account, 0L) + atoms);
    if (debtAfter
        > Precision.MICRO.units(ledger.balance(account, receipt)) * price(collateral) * ltv) {
      throw new IllegalStateException("over LTV");
    }
    ledger.transfer(cash, to, base, atoms);
    debts.merge(account, atoms, Long::sum);
  }

  @Override
  public long repay(AccountId from, AccountId account, AssetId asset, long atoms) {
    throw new AssertionError("the manipulator never repays");
  }

  @Override
  public void withdrawCollateral(
      AccountId account, AssetId asset, long receiptAtoms, AccountId to) {
    throw new AssertionError("the manipulator never withdraws");
  }

  @Override
  public double debt(AccountId account, AssetId asset) {
    return asset.equals(base) ? Precision.MICRO.units(debts.getOrDefault(account, 0L)) : 0;
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
