package org.marginfall.agents.basis;

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
import org.marginfall.core.venue.LendingVenue;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.LiquidationOutcome;
import org.marginfall.core.venue.MarginState;
import org.marginfall.core.venue.VenueId;
import org.marginfall.core.venue.VenueSnapshot;

/**
 * A lending venue with one collateral reserve (receipts minted 1:1 from an external issuer) and one
 * borrowable base-currency reserve, settable prices, and Aave's health factor {@code collateral
 * value x liquidation threshold / debt value}. Mutable, not thread-safe.
 */
final class FakeCollateralLending implements LendingVenue {

  private final VenueId id = VenueId.of("lend");
  private final Ledger ledger;
  private final AssetId base;
  private final AssetId collateral;
  private final AssetId receipt;
  private final double ltv;
  private final double threshold;
  private final Map<AssetId, Double> prices = new LinkedHashMap<>();
  private final Map<AccountId, Long> debts = new LinkedHashMap<>();
  private final AccountId pool = AccountId.of("lend", "pool");
  private final AccountId issuer = AccountId.of("lend", "issuer");

  FakeCollateralLending(
      Ledger ledger,
      AssetId base,
      AssetId collateral,
      AssetId receipt,
      double price,
      double ltv,
      double threshold,
      double cash) {
    this.ledger = ledger;
    this.base = base;
    this.collateral = collateral;
    this.receipt = receipt;
    this.ltv = ltv;
    this.threshold = threshold;
    prices.put(base, 1.0);
    prices.put(collateral, price);
    ledger.open(pool, AccountType.ORDINARY);
    ledger.open(issuer, AccountType.EXTERNAL);
    ledger.transfer(Ledger.EXTERNAL, pool, base, Precision.MICRO.atoms(cash));
  }

  void setPrice(double price) {
    prices.put(collateral, price);
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
    return new LinkedHashSet<>(List.of(collateral, base));
  }

  @Override
  public AssetId receipt(AssetId asset) {
    return receipt;
  }

  @Override
  public double exchangeRate(AssetId asset) {
    return 1;
  }

  @Override
  public double price(AssetId asset) {
    return prices.get(asset);
  }

  @Override
  public double loanToValue(AssetId asset) {
    return ltv;
  }

  @Override
  public boolean borrowable(AssetId asset) {
    return asset.equals(base);
  }

  @Override
  public double utilisation(AssetId asset) {
    if (!asset.equals(base)) {
      return 0;
    }
    double debt = debts.values().stream().mapToLong(Long::longValue).sum();
    double total = debt + ledger.balance(pool, base);
    return total > 0 ? debt / total : 0;
  }

  @Override
  public long availableLiquidity(AssetId asset) {
    return asset.equals(base) ? ledger.balance(pool, base) : 0;
  }

  @Override
  public long supply(AccountId from, AssetId asset, long atoms) {
    throw new AssertionError("basis traders supply only as collateral");
  }

  @Override
  public void withdrawCollateral(
      AccountId account, AssetId asset, long receiptAtoms, AccountId to) {
    throw new AssertionError("basis traders never withdraw lending collateral");
  }

  @Override
  public MarginState marginStateNow(AccountId account) {
    return null;
  }

  @Override
  public long withdraw(AccountId holder, AssetId asset, long receiptAtoms) {
    throw new AssertionError("basis traders never withdraw");
  }

  @Override
  public void discard(AccountId account) {
    throw new AssertionError("basis traders discard no account");
  }

  @Override
  public AccountId account(AccountId owner) {
    AccountId a = AccountId.of("lend", "accounts").child(owner.value());
    ledger.open(a, AccountType.ORDINARY);
    return a;
  }

  @Override
  public void depositCollateral(AccountId from, AccountId account, AssetId asset, long atoms) {
    ledger.transfer(from, pool, asset, atoms);
    ledger.transfer(issuer, account, receipt, atoms);
  }

  @Override
  public void openDebt(AccountId account, AssetId asset, long atoms, AccountId to) {
    throw new AssertionError("basis traders do not load snapshot debts");
  }

  @Override
  public void borrow(AccountId account, AssetId asset, long atoms, AccountId to) {
    double limit = ledger.units(account, receipt) * price(collateral) * ltv;
    if (Precision.MICRO.units(debts.getOrDefault(account, 0L) + atoms) > limit) {
      throw new IllegalStateException("over LTV");
    }
    ledger.transfer(pool, to, base, atoms);
    debts.merge(account, atoms, Long::sum);
  }

  @Override
  public long repay(AccountId from, AccountId account, AssetId asset, long atoms) {
    long paid = Math.min(atoms, debts.getOrDefault(account, 0L));
    ledger.transfer(from, pool, base, paid);
    debts.merge(account, -paid, Long::sum);
    return paid;
  }

  @Override
  public double debt(AccountId account, AssetId asset) {
    return asset.equals(base) ? Precision.MICRO.units(debts.getOrDefault(account, 0L)) : 0;
  }

  @Override
  public double healthFactor(AccountId account) {
    double debt = debt(account, base);
    return debt > 0
        ? ledger.units(account, receipt) * price(collateral) * threshold / debt
        : Double.POSITIVE_INFINITY;
  }

  @Override
  public void markToMarket() {}

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
    return new VenueSnapshot(debts.size(), 0, 0, 0, 0, 0, 0, 0, 0);
  }

  @Override
  public List<String> audit() {
    return List.of();
  }
}
