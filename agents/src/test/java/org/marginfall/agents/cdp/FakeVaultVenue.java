package org.marginfall.agents.cdp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.AccountType;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.LiquidationOutcome;
import org.marginfall.core.venue.MarginState;
import org.marginfall.core.venue.VaultVenue;
import org.marginfall.core.venue.VenueId;
import org.marginfall.core.venue.VenueSnapshot;

/**
 * A vault venue for one ilk with a fixed price, liquidation ratio and dust: vaults are ledger
 * accounts, a draw mints base currency from outside and records the debt. Mutable, not thread-safe.
 */
final class FakeVaultVenue implements VaultVenue {

  private final VenueId id;
  private final Ledger ledger;
  private final AssetId base;
  private final AssetId ilk;
  private final double price;
  private final double mat;
  private final double dust;
  final Map<AccountId, Long> debts = new LinkedHashMap<>();

  FakeVaultVenue(
      String id, Ledger ledger, AssetId base, AssetId ilk, double price, double mat, double dust) {
    this.id = VenueId.of(id);
    this.ledger = ledger;
    this.base = base;
    this.ilk = ilk;
    this.price = price;
    this.mat = mat;
    this.dust = dust;
  }

  @Override
  public Set<AssetId> collateralTypes() {
    return Set.of(ilk);
  }

  @Override
  public double liquidationRatio(AssetId asset) {
    return mat;
  }

  @Override
  public double dust(AssetId asset) {
    return dust;
  }

  @Override
  public double collateralPrice(AssetId asset) {
    return price;
  }

  @Override
  public AccountId openVault(AccountId owner, AssetId asset) {
    AccountId v = AccountId.of(id.value(), "vaults").child(owner.value());
    ledger.open(v, AccountType.ORDINARY);
    debts.putIfAbsent(v, 0L);
    return v;
  }

  @Override
  public void lock(AccountId from, AccountId vault, long atoms) {
    ledger.transfer(from, vault, ilk, atoms);
  }

  @Override
  public void draw(AccountId vault, AccountId to, long atoms) {
    ledger.transfer(Ledger.EXTERNAL, to, base, atoms);
    debts.merge(vault, atoms, Long::sum);
  }

  @Override
  public long debt(AccountId vault) {
    return debts.get(vault);
  }

  @Override
  public long collateral(AccountId vault) {
    return ledger.balance(vault, ilk);
  }

  @Override
  public VenueId id() {
    return id;
  }

  @Override
  public String type() {
    return "fake-vaults";
  }

  @Override
  public Map<String, Object> attributes() {
    return Map.of();
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
    return new VenueSnapshot(debts.size(), 0, 0, 0, 0, 0, 0, 0, 0);
  }

  @Override
  public List<String> audit() {
    return List.of();
  }
}
