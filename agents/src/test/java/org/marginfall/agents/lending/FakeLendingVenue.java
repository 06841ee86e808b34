package org.marginfall.agents.lending;

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
import org.marginfall.core.venue.LendingVenue;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.LiquidationOutcome;
import org.marginfall.core.venue.MarginState;
import org.marginfall.core.venue.VenueId;
import org.marginfall.core.venue.VenueSnapshot;

/**
 * A lending venue over a real ledger with fixed prices, exchange rates and LTVs, that records what
 * agents asked of it: receipts are minted at {@code atoms / rate} from an external issuer, borrows
 * are checked against Σ receipts × rate × price × LTV and paid from the reserve's cash.
 */
final class FakeLendingVenue implements LendingVenue {

  record Borrow(AccountId account, AssetId asset, long atoms, AccountId to) {}

  private final VenueId id;
  private final Ledger ledger;
  private final Map<AssetId, AssetId> receipts = new LinkedHashMap<>();
  private final Map<AssetId, Double> prices = new LinkedHashMap<>();
  private final Map<AssetId, Double> rates = new LinkedHashMap<>();
  private final Map<AssetId, Double> ltvs = new LinkedHashMap<>();
  private final Map<AccountId, Map<AssetId, Long>> debts = new LinkedHashMap<>();
  final List<Borrow> borrows = new ArrayList<>();

  FakeLendingVenue(String id, Ledger ledger) {
    this.id = VenueId.of(id);
    this.ledger = ledger;
  }

  FakeLendingVenue reserve(AssetId asset, AssetId receipt, double price, double rate, double ltv) {
    receipts.put(asset, receipt);
    prices.put(asset, price);
    rates.put(asset, rate);
    ltvs.put(asset, ltv);
    ledger.open(pool(asset), AccountType.ORDINARY);
    ledger.open(issuer(asset), AccountType.EXTERNAL);
    return this;
  }

  AccountId pool(AssetId asset) {
    return AccountId.of(id.value(), "reserves", asset.value());
  }

  private AccountId issuer(AssetId asset) {
    return AccountId.of(id.value(), "issuers", asset.value());
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
    return new LinkedHashSet<>(receipts.keySet());
  }

  @Override
  public AssetId receipt(AssetId asset) {
    return receipts.get(asset);
  }

  @Override
  public double exchangeRate(AssetId asset) {
    return rates.get(asset);
  }

  @Override
  public double price(AssetId asset) {
    return prices.get(asset);
  }

  @Override
  public double loanToValue(AssetId asset) {
    return ltvs.get(asset);
  }

  @Override
  public boolean borrowable(AssetId asset) {
    return true;
  }

  @Override
  public double utilisation(AssetId asset) {
    double debt = debts.values().stream().mapToLong(m -> m.getOrDefault(asset, 0L)).sum();
    double total = debt + ledger.balance(pool(asset), asset);
    return total > 0 ? debt / total : 0;
  }

  @Override
  public long availableLiquidity(AssetId asset) {
    return ledger.balance(pool(asset), asset);
  }

  @Override
  public long supply(AccountId from, AssetId asset, long atoms) {
    return mint(from, from, asset, atoms);
  }

  private long mint(AccountId from, AccountId holder, AssetId asset, long atoms) {
    long minted = (long) Math.floor(atoms / rates.get(asset));
    ledger.transfer(from, pool(asset), asset, atoms);
    ledger.transfer(issuer(asset), holder, receipts.get(asset), minted);
    return minted;
  }

  @Override
  public long withdraw(AccountId holder, AssetId asset, long receiptAtoms) {
    throw new AssertionError("agents never withdraw");
  }

  @Override
  public void discard(AccountId account) {
    throw new AssertionError("the fake discards no account");
  }

  @Override
  public AccountId account(AccountId owner) {
    AccountId a = AccountId.of(id.value(), "accounts").child(owner.value());
    ledger.open(a, AccountType.ORDINARY);
    return a;
  }

  @Override
  public void depositCollateral(AccountId from, AccountId account, AssetId asset, long atoms) {
    mint(from, account, asset, atoms);
  }

  @Override
  public void withdrawCollateral(
      AccountId account, AssetId asset, long receiptAtoms, AccountId to) {
    throw new AssertionError("agents never withdraw lending collateral");
  }

  @Override
  public void openDebt(AccountId account, AssetId asset, long atoms, AccountId to) {
    throw new AssertionError("drawn borrowers do not load snapshot debts");
  }

  @Override
  public void borrow(AccountId account, AssetId asset, long atoms, AccountId to) {
    double power = 0;
    double debt = 0;
    for (AssetId a : receipts.keySet()) {
      power += ledger.units(account, receipts.get(a)) * rates.get(a) * prices.get(a) * ltvs.get(a);
      debt +=
          Precision.MICRO.units(debts.getOrDefault(account, Map.of()).getOrDefault(a, 0L))
              * prices.get(a);
    }
    if (debt + Precision.MICRO.units(atoms) * prices.get(asset) > power) {
      throw new IllegalStateException("over LTV");
    }
    ledger.transfer(pool(asset), to, asset, atoms);
    debts.computeIfAbsent(account, k -> new LinkedHashMap<>()).merge(asset, atoms, Long::sum);
    borrows.add(new Borrow(account, asset, atoms, to));
  }

  @Override
  public long repay(AccountId from, AccountId account, AssetId asset, long atoms) {
    throw new AssertionError("agents never repay");
  }

  @Override
  public double debt(AccountId account, AssetId asset) {
    return Precision.MICRO.units(debts.getOrDefault(account, Map.of()).getOrDefault(asset, 0L));
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
