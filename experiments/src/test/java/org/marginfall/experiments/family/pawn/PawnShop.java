package org.marginfall.experiments.family.pawn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.AccountType;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.spec.VenueServices;
import org.marginfall.core.venue.Holding;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.LiquidationOutcome;
import org.marginfall.core.venue.MarginState;
import org.marginfall.core.venue.Venue;
import org.marginfall.core.venue.VenueSnapshot;

/**
 * The pawn shop of {@link PawnVenueSpec}: it opens its accounts with their pledges at set-up, and a
 * liquidator who repays a loan takes the pledge's collateral worth the loan plus the penalty.
 */
final class PawnShop implements Venue {

  private final PawnVenueSpec spec;
  private final VenueServices services;
  private final Ledger ledger;
  private final AssetId base;
  private final AccountId lender;
  private final AccountId[] accounts;
  private final boolean[] owing;
  private final List<LiquidationCandidate> listed = new ArrayList<>();
  private long forfeits;
  private long repaidAtoms;
  private double notional;
  private double penalties;

  PawnShop(PawnVenueSpec spec, VenueServices services) {
    this.spec = spec;
    this.services = services;
    this.ledger = services.ledger();
    this.base = services.baseCurrency();
    this.lender = AccountId.of(spec.id().value(), "lender");
    ledger.open(lender, AccountType.ORDINARY);
    int n = spec.loans().size();
    accounts = new AccountId[n];
    owing = new boolean[n];
    long pledge = ledger.precision(spec.collateral()).floorAtoms(spec.pledge());
    for (int i = 0; i < n; i++) {
      accounts[i] = AccountId.of(spec.id().value(), "accounts", String.format("%03d", i));
      ledger.open(accounts[i], AccountType.ORDINARY);
      ledger.transfer(Ledger.EXTERNAL, accounts[i], spec.collateral(), pledge);
      owing[i] = true;
    }
  }

  @Override
  public org.marginfall.core.venue.VenueId id() {
    return spec.id();
  }

  @Override
  public String type() {
    return PawnVenueType.NAME;
  }

  @Override
  public Map<String, Object> attributes() {
    return Map.of();
  }

  private double price() {
    return services.oracles().price(spec.oracle(), spec.collateral());
  }

  private int index(AccountId account) {
    for (int i = 0; i < accounts.length; i++) {
      if (accounts[i].equals(account)) {
        return i;
      }
    }
    return -1;
  }

  private MarginState state(int i) {
    double value = ledger.units(accounts[i], spec.collateral()) * price();
    if (!owing[i]) {
      return new MarginState(value, 0, 0);
    }
    double loan = spec.loans().get(i);
    return new MarginState(value - loan, loan * spec.margin(), loan * spec.margin());
  }

  @Override
  public void markToMarket() {
    listed.clear();
    for (int i = 0; i < accounts.length; i++) {
      MarginState s = state(i);
      if (s.liquidatable()) {
        listed.add(new LiquidationCandidate(spec.id(), accounts[i], s));
      }
    }
    LiquidationCandidate.sortMostUnderwaterFirst(listed);
  }

  @Override
  public MarginState marginStateNow(AccountId account) {
    int i = index(account);
    return i < 0 ? new MarginState(0, 0, 0) : state(i);
  }

  @Override
  public List<LiquidationCandidate> liquidatable() {
    return List.copyOf(listed);
  }

  @Override
  public Optional<LiquidationOutcome> liquidate(AccountId account, AccountId liquidator) {
    int i = index(account);
    if (i < 0 || !owing[i] || !state(i).liquidatable()) {
      return Optional.empty();
    }
    double loan = spec.loans().get(i);
    long loanAtoms = ledger.precision(base).ceilAtoms(loan);
    if (ledger.balance(liquidator, base) < loanAtoms) {
      return Optional.empty();
    }
    double price = price();
    Precision units = ledger.precision(spec.collateral());
    long taken =
        units.floorAtomsAtMost(
            loan * (1 + spec.penalty()) / price, ledger.balance(account, spec.collateral()));
    ledger.transfer(liquidator, lender, base, loanAtoms);
    ledger.transfer(account, liquidator, spec.collateral(), taken);
    owing[i] = false;
    double bonus = units.units(taken) * price - loan;
    forfeits++;
    repaidAtoms += loanAtoms;
    notional += loan;
    penalties += bonus;
    listed.removeIf(c -> c.account().equals(account));
    services
        .events()
        .emit(
            new Forfeit(
                services.clock().step(),
                services.clock().round(),
                spec.id().value(),
                account.value(),
                liquidator.value(),
                loan,
                units.units(taken),
                price,
                bonus,
                null));
    return Optional.of(
        new LiquidationOutcome(
            spec.id(), account, loan, bonus, List.of(new Holding(spec.collateral(), taken)), loan));
  }

  @Override
  public void settle() {
    // A forfeit settles at once: nothing is left for the end of the tick.
  }

  @Override
  public VenueSnapshot snapshot() {
    double outstanding = 0;
    for (int i = 0; i < accounts.length; i++) {
      outstanding += owing[i] ? spec.loans().get(i) : 0;
    }
    return new VenueSnapshot(
        accounts.length, forfeits, notional, penalties, 0, 0, 0, outstanding, listed.size());
  }

  @Override
  public List<String> audit() {
    long held = ledger.balance(lender, base);
    return held == repaidAtoms
        ? List.of()
        : List.of("lender holds " + held + " atoms, repaid loans " + repaidAtoms);
  }
}
