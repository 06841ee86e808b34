package org.marginfall.protocols.perp;

import java.util.ArrayList;
import java.util.List;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.event.BadDebt;
import org.marginfall.core.event.InsurancePayout;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.AccountType;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.spec.VenueServices;
import org.marginfall.core.venue.Holding;

/**
 * Who pays when an account owes more than its base currency: PnL is settled with the house vault
 * {@code v/house}; an account's non-base collateral is sold to its liquidator; what is still short
 * comes from the insurance fund {@code v/insurance}, then (when switched on) from winners as
 * socialized loss, and the rest is booked as bad debt against the external {@code v/bad-debt}. It
 * exists so every path that can leave a shortfall (a trade, a liquidation, funding) runs the same
 * waterfall and the venue's totals of insurance paid, socialized loss and bad debt have one keeper.
 *
 * <p>Mutable and not thread-safe.
 */
final class LossWaterfall {

  private final PerpetualVenueSpec spec;
  private final VenueServices services;
  private final Ledger ledger;
  private final AssetId base;
  private final Precision basePrecision;
  private final PerpMarkets markets;
  private final PerpAccountBook book;
  private final PerpRiskView risk;
  private final AccountId house;
  private final AccountId insurance;
  private final AccountId badDebtAccount;
  private long insurancePaidAtoms;
  private long badDebtAtoms;
  private long socializedAtoms;

  /** What selling collateral to the liquidator raised. */
  record Sale(long raised, long spent, List<Holding> acquired) {}

  /** Opens the house, the insurance fund and the bad-debt account, and funds the first two. */
  LossWaterfall(
      PerpetualVenueSpec spec,
      VenueServices services,
      PerpMarkets markets,
      PerpAccountBook book,
      PerpRiskView risk) {
    this.spec = spec;
    this.services = services;
    this.ledger = services.ledger();
    this.base = services.baseCurrency();
    this.basePrecision = ledger.precision(base);
    this.markets = markets;
    this.book = book;
    this.risk = risk;
    String v = spec.id().value();
    this.house = AccountId.of(v, "house");
    this.insurance = AccountId.of(v, "insurance");
    this.badDebtAccount = AccountId.of(v, "bad-debt");
    ledger.open(house, AccountType.ORDINARY);
    ledger.open(insurance, AccountType.ORDINARY);
    ledger.open(badDebtAccount, AccountType.EXTERNAL);
    ledger.transfer(Ledger.EXTERNAL, house, base, basePrecision.floorAtoms(spec.houseCapital()));
    ledger.transfer(
        Ledger.EXTERNAL, insurance, base, basePrecision.floorAtoms(spec.insuranceFund()));
  }

  /**
   * Settles realised PnL of {@code account} with the house: gains from the house, losses to it (a
   * shortfall through the waterfall).
   */
  void settlePnl(AccountId account, double realized) {
    if (realized > 0) {
      payFromHouse(account, basePrecision.floorAtoms(realized));
    } else if (realized < 0) {
      long loss = basePrecision.ceilAtoms(-realized);
      coverShortfall(account, loss - ledger.balance(account, base));
      ledger.transfer(account, house, base, loss);
    }
  }

  void payFromHouse(AccountId account, long atoms) {
    long paid = Math.min(ledger.balance(house, base), atoms);
    ledger.transfer(house, account, base, paid);
    // An exhausted counterparty vault leaves the unpaid gain as the venue's shortfall.
    coverShortfall(account, atoms - paid);
  }

  /** Moves {@code atoms} of base currency from {@code account} to the house. */
  void payHouse(AccountId account, long atoms) {
    ledger.transfer(account, house, base, atoms);
  }

  /** Moves {@code atoms} of base currency from {@code account} to the insurance fund. */
  void payInsurance(AccountId account, long atoms) {
    ledger.transfer(account, insurance, base, atoms);
  }

  /**
   * The end of the loss waterfall: pays {@code shortfall} into {@code account} from the insurance
   * fund while it lasts, and books the rest as bad debt from the venue's bad-debt account.
   */
  void coverShortfall(AccountId account, long shortfall) {
    long step = services.clock().step();
    int round = services.clock().round();
    long fromFund = Math.min(Math.max(shortfall, 0), ledger.balance(insurance, base));
    if (fromFund > 0) {
      ledger.transfer(insurance, account, base, fromFund);
      insurancePaidAtoms += fromFund;
      services
          .events()
          .emit(
              new InsurancePayout(
                  step, round, spec.id().value(), account.value(), basePrecision.units(fromFund)));
    }
    long uncovered = shortfall - fromFund;
    if (uncovered > 0) {
      ledger.transfer(badDebtAccount, account, base, uncovered);
      badDebtAtoms += uncovered;
      services
          .events()
          .emit(
              new BadDebt(
                  step, round, spec.id().value(), account.value(), basePrecision.units(uncovered)));
    }
  }

  /**
   * What a bankrupt account still owes after its collateral: the insurance fund, then socialized
   * loss when the venue socializes losses, then bad debt.
   */
  void coverBankruptcy(AccountId account, long owed) {
    long left = owed;
    if (left > 0) {
      long fromFund = Math.min(left, ledger.balance(insurance, base));
      coverShortfall(account, fromFund);
      left -= fromFund;
      if (spec.deleveraging().socializeLosses()) {
        left -= socialize(account, left);
      }
      coverShortfall(account, left);
    }
  }

  /**
   * Sells non-base collateral of {@code account} to {@code liquidator} at the oracle price until
   * {@code shortfall} base is raised.
   */
  Sale sellCollateral(AccountId account, AccountId liquidator, long shortfall) {
    long step = services.clock().step();
    int round = services.clock().round();
    List<Holding> acquired = new ArrayList<>();
    long spent = 0;
    long left = shortfall;
    for (int k = 0; k < markets.collateral.size(); k++) {
      CollateralTerms c = markets.collateral.get(k);
      if (left <= 0) {
        break;
      }
      if (c.asset().equals(base)) {
        continue;
      }
      long held = ledger.balance(account, c.asset());
      if (held == 0) {
        continue;
      }
      double price = markets.oraclePrice(c.asset());
      // `units` counts collateral atoms, `left` and `pay` base atoms, each at its asset's
      // precision.
      Precision precision = markets.collateralPrecision[k];
      long units = precision.ceilAtomsAtMost(basePrecision.units(left) / price, held);
      long pay = precision.ceilValueAtoms(units, price, basePrecision);
      ledger.transfer(liquidator, account, base, pay);
      ledger.transfer(account, liquidator, c.asset(), units);
      acquired.add(new Holding(c.asset(), units));
      spent += pay;
      left -= pay;
      services
          .events()
          .emit(
              new CollateralSale(
                  step,
                  round,
                  spec.id().value(),
                  account.value(),
                  liquidator.value(),
                  c.asset().value(),
                  precision.units(units),
                  price,
                  basePrecision.units(pay)));
    }
    return new Sale(spent, spent, acquired);
  }

  /**
   * Socialized loss (Deribit insurance fund page): the loss is shared by the accounts with positive
   * unrealised PnL, pro rata to it. Each winner's claim on the house shrinks by its share (its
   * entry price moves against it), and the house pays the freed amount to the bankrupt account, so
   * the ledger moves only what the house no longer owes.
   *
   * @return atoms absorbed (at most the winners' total positive unrealised PnL)
   */
  private long socialize(AccountId bankrupt, long atoms) {
    if (atoms <= 0) {
      return 0;
    }
    double total = winnersGain(bankrupt);
    long absorbed = basePrecision.floorAtomsAtMost(total, atoms);
    if (absorbed <= 0) {
      return 0;
    }
    double amount = basePrecision.units(absorbed);
    for (MarginAccount o : book.all()) {
      if (!o.id.equals(bankrupt)) {
        takeShare(bankrupt, o, amount, total);
      }
    }
    payFromHouse(bankrupt, absorbed);
    socializedAtoms += absorbed;
    return absorbed;
  }

  /** The positive unrealised PnL at the mark of every account but {@code bankrupt}. */
  private double winnersGain(AccountId bankrupt) {
    double total = 0;
    for (MarginAccount o : book.all()) {
      if (o.id.equals(bankrupt)) {
        continue;
      }
      for (int i = 0; i < o.markets(); i++) {
        if (o.size(i) != 0) {
          total += Math.max(0, o.size(i) * (markets.markPrice(i) - o.entry(i)));
        }
      }
    }
    return total;
  }

  /**
   * Moves {@code o}'s entry prices against it by its share of {@code amount}, pro rata to its gains
   * in {@code total}.
   */
  private void takeShare(AccountId bankrupt, MarginAccount o, double amount, double total) {
    double share = 0;
    for (int i = 0; i < o.markets(); i++) {
      if (o.size(i) != 0) {
        double u = o.size(i) * (markets.markPrice(i) - o.entry(i));
        if (u > 0) {
          double take = amount * u / total;
          o.setEntry(i, o.entry(i) + (take / o.size(i)));
          share += take;
        }
      }
    }
    if (share > 0) {
      risk.restate(o);
      services
          .events()
          .emit(
              new SocializedLoss(
                  services.clock().step(),
                  services.clock().round(),
                  spec.id().value(),
                  bankrupt.value(),
                  o.id.value(),
                  share));
    }
  }

  /** The insurance fund's balance in atoms. */
  long insuranceAtoms() {
    return ledger.balance(insurance, base);
  }

  /** The insurance fund's balance in units. */
  double insuranceUnits() {
    return ledger.units(insurance, base);
  }

  double insurancePaid() {
    return basePrecision.units(insurancePaidAtoms);
  }

  double badDebt() {
    return basePrecision.units(badDebtAtoms);
  }

  double socialized() {
    return basePrecision.units(socializedAtoms);
  }

  /** Adds a problem when the bad-debt account disagrees with the booked bad debt. */
  void audit(List<String> problems) {
    long booked = -ledger.balance(badDebtAccount, base);
    if (booked != badDebtAtoms) {
      problems.add(
          spec.id()
              + ": bad debt "
              + badDebtAtoms
              + " atoms disagrees with the bad-debt account "
              + booked);
    }
  }
}
