package org.marginfall.agents.arbitrage;

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
 * A one-reserve lending venue over a real ledger that supplies and redeems as {@code LendingPool}
 * does: supply mints {@code floor(atoms / rate)} receipts from an external issuer, a redemption
 * pays {@code floor(receipts * rate)} of the reserve's cash and is refused, before anything moves,
 * when the cash is short. The test sets the rate and takes cash away (as borrowers would).
 */
final class RedeemingVenue implements LendingVenue {

  private final VenueId id = VenueId.of("lend");
  private final Ledger ledger;
  private final AssetId asset;
  private final AssetId receipt;
  private final AccountId pool = AccountId.of("lend", "reserves", "USD");
  private final AccountId issuer = AccountId.of("lend", "issuers", "aUSD");
  private final AccountId borrowers = AccountId.of("lend", "borrowers");
  private double rate;
  private long cash;

  RedeemingVenue(Ledger ledger, AssetId asset, AssetId receipt, double rate) {
    this.ledger = ledger;
    this.asset = asset;
    this.receipt = receipt;
    this.rate = rate;
    ledger.open(pool, AccountType.ORDINARY);
    ledger.open(issuer, AccountType.EXTERNAL);
    ledger.open(borrowers, AccountType.ORDINARY);
  }

  /** Lends {@code atoms} of cash out to the borrowers' account: the reserve can redeem less. */
  void lendOut(long atoms) {
    ledger.transfer(pool, borrowers, asset, atoms);
    cash -= atoms;
  }

  /** Borrowers repay {@code atoms}: the cash comes back. */
  void repaid(long atoms) {
    ledger.transfer(borrowers, pool, asset, atoms);
    cash += atoms;
  }

  long cash() {
    return cash;
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
    return 0.8;
  }

  @Override
  public boolean borrowable(AssetId a) {
    return true;
  }

  @Override
  public double utilisation(AssetId a) {
    double lent = Precision.MICRO.units(ledger.balance(borrowers, asset));
    double total = lent + Precision.MICRO.units(cash);
    return total > 0 ? lent / total : 0;
  }

  @Override
  public long availableLiquidity(AssetId a) {
    return cash;
  }

  @Override
  public long supply(AccountId from, AssetId a, long atoms) {
    long minted = (long) Math.floor(atoms / rate);
    ledger.transfer(from, pool, asset, atoms);
    cash += atoms;
    ledger.transfer(issuer, from, receipt, minted);
    return minted;
  }

  @Override
  public long withdraw(AccountId holder, AssetId a, long receiptAtoms) {
    if (receiptAtoms <= 0) {
      throw new IllegalArgumentException("receiptAtoms: must be positive");
    }
    if (ledger.balance(holder, receipt) < receiptAtoms) {
      throw new IllegalStateException(holder + " holds fewer receipts");
    }
    long paid = (long) Math.floor(receiptAtoms * rate);
    if (paid > cash) {
      throw new IllegalStateException("lend: reserve lacks the cash to redeem " + receiptAtoms);
    }
    ledger.transfer(holder, issuer, receipt, receiptAtoms);
    ledger.transfer(pool, holder, asset, paid);
    cash -= paid;
    return paid;
  }

  @Override
  public void discard(AccountId account) {
    throw new AssertionError("arbitrageurs hold no venue account");
  }

  @Override
  public AccountId account(AccountId owner) {
    throw new AssertionError("arbitrageurs hold no venue account");
  }

  @Override
  public void depositCollateral(AccountId from, AccountId account, AssetId a, long atoms) {
    throw new AssertionError("arbitrageurs post no collateral");
  }

  @Override
  public void openDebt(AccountId account, AssetId a, long atoms, AccountId to) {
    throw new AssertionError("arbitrageurs do not load snapshot debts");
  }

  @Override
  public void borrow(AccountId account, AssetId a, long atoms, AccountId to) {
    throw new AssertionError("arbitrageurs do not borrow");
  }

  @Override
  public long repay(AccountId from, AccountId account, AssetId a, long atoms) {
    throw new AssertionError("arbitrageurs do not repay");
  }

  @Override
  public void withdrawCollateral(AccountId account, AssetId a, long receiptAtoms, AccountId to) {
    throw new AssertionError("arbitrageurs post no collateral");
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
    throw new AssertionError("no margin accounts");
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
    return ledger.balance(pool, asset) == cash
        ? List.of()
        : List.of("cash books differ from the ledger");
  }
}
