package org.marginfall.agents.liquidator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.AccountType;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.venue.Holding;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.LiquidationOutcome;
import org.marginfall.core.venue.MarginState;
import org.marginfall.core.venue.Venue;
import org.marginfall.core.venue.VenueId;
import org.marginfall.core.venue.VenueSnapshot;

/**
 * A venue whose liquidatable accounts, rewards and collateral are set by the test, for the
 * liquidators' decision rules.
 *
 * <p>Each account {@code <venue>/accounts/<owner>} holds its collateral and the base currency of
 * its reward in the real {@link Ledger}. A liquidation sells the liquidator the account's
 * collateral at a fixed price (the liquidator pays {@code ceil(units * price)}), then pays it the
 * reward from the account, and drops the account from the list; it refuses, moving nothing, when
 * the account is no longer listed, the venue is told to refuse, or the liquidator cannot pay.
 * {@link #expectedLiquidatorReward} returns the reward set for the account. Every call is logged.
 * Mutable, not thread-safe.
 */
final class RewardVenue implements Venue {

  /** One call to {@link #liquidate}. */
  record Attempt(AccountId account, AccountId liquidator, boolean executed) {}

  private record Terms(MarginState state, long rewardAtoms, Holding collateral, double price) {}

  private final VenueId id;
  private final Ledger ledger;
  private final AssetId base;
  private final Map<AccountId, Terms> listed = new LinkedHashMap<>();
  private final List<Attempt> attempts = new ArrayList<>();
  private boolean refuseAll;

  RewardVenue(String id, Ledger ledger, AssetId base) {
    this.id = VenueId.of(id);
    this.ledger = ledger;
    this.base = base;
  }

  /**
   * Lists an account with margin state {@code state} whose liquidation pays {@code reward} and
   * sells {@code collateral} (possibly none) at {@code price}.
   */
  LiquidationCandidate underwater(
      String owner, MarginState state, double reward, Holding collateral, double price) {
    AccountId account = AccountId.of(id.value(), "accounts", owner);
    ledger.open(account, AccountType.ORDINARY);
    long rewardAtoms = Precision.MICRO.floorAtoms(reward);
    ledger.transfer(Ledger.EXTERNAL, account, base, rewardAtoms);
    if (collateral != null) {
      ledger.transfer(Ledger.EXTERNAL, account, collateral.asset(), collateral.atoms());
    }
    listed.put(account, new Terms(state, rewardAtoms, collateral, price));
    return new LiquidationCandidate(id, account, state);
  }

  void refuseAll(boolean value) {
    refuseAll = value;
  }

  List<Attempt> attempts() {
    return List.copyOf(attempts);
  }

  List<AccountId> executed() {
    return attempts.stream().filter(Attempt::executed).map(Attempt::account).toList();
  }

  @Override
  public VenueId id() {
    return id;
  }

  @Override
  public String type() {
    return "reward";
  }

  @Override
  public Map<String, Object> attributes() {
    return Map.of();
  }

  @Override
  public void markToMarket() {
    // The test sets the states.
  }

  @Override
  public MarginState marginStateNow(AccountId account) {
    Terms t = listed.get(account);
    return t == null ? null : t.state();
  }

  @Override
  public List<LiquidationCandidate> liquidatable() {
    List<LiquidationCandidate> out = new ArrayList<>();
    listed.forEach((a, t) -> out.add(new LiquidationCandidate(id, a, t.state())));
    out.sort(LiquidationCandidate.MOST_UNDERWATER_FIRST);
    return out;
  }

  @Override
  public double expectedLiquidatorReward(LiquidationCandidate candidate) {
    Terms t = listed.get(candidate.account());
    return t == null ? 0 : Precision.MICRO.units(t.rewardAtoms());
  }

  @Override
  public Optional<LiquidationOutcome> liquidate(AccountId account, AccountId liquidator) {
    Optional<LiquidationOutcome> out = tryLiquidate(account, liquidator);
    attempts.add(new Attempt(account, liquidator, out.isPresent()));
    return out;
  }

  private Optional<LiquidationOutcome> tryLiquidate(AccountId account, AccountId liquidator) {
    Terms t = listed.get(account);
    if (refuseAll || t == null) {
      return Optional.empty();
    }
    long pay =
        t.collateral() == null
            ? 0
            : Precision.MICRO.ceilAtoms(Precision.MICRO.units(t.collateral().atoms()) * t.price());
    if (ledger.balance(liquidator, base) < pay) {
      return Optional.empty();
    }
    List<Holding> acquired = new ArrayList<>();
    if (t.collateral() != null) {
      ledger.transfer(liquidator, account, base, pay);
      ledger.transfer(account, liquidator, t.collateral().asset(), t.collateral().atoms());
      acquired.add(t.collateral());
    }
    ledger.transfer(account, liquidator, base, t.rewardAtoms());
    listed.remove(account);
    return Optional.of(
        new LiquidationOutcome(
            id,
            account,
            0,
            Precision.MICRO.units(t.rewardAtoms()),
            acquired,
            Precision.MICRO.units(pay)));
  }

  @Override
  public void settle() {
    // Nothing accrues.
  }

  @Override
  public VenueSnapshot snapshot() {
    return new VenueSnapshot(listed.size(), executed().size(), 0, 0, 0, 0, 0, 0, listed.size());
  }

  @Override
  public List<String> audit() {
    return List.of();
  }
}
