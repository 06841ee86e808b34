package org.marginfall.protocols.lending;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.venue.Holding;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.LiquidationOutcome;
import org.marginfall.core.venue.MarginState;

/**
 * Health-factor liquidations of the lending pool (Aave v3 LiquidationLogic): the pair a liquidation
 * works on, the plan by {@link LendingMath} (close factor, bonus, protocol fee), the liquidator
 * paying the debt asset, the seizure, v3.3's burning of the debt of an account left without
 * collateral, and the liquidation totals. {@code liquidate}, {@code liquidatesNow} and the reward
 * estimate work from the same plan, so the estimate cannot drift from the action.
 *
 * <p>Mutable and not thread-safe.
 */
final class LoanLiquidator {

  private final LendingContext c;
  private final ReserveBook book;
  private final BorrowerBook borrowers;
  private final LendingRiskView risk;
  private final DebtBurner burner;
  long liquidations;
  double liquidatedNotional;
  double liquidationFees;

  LoanLiquidator(
      LendingContext c,
      ReserveBook book,
      BorrowerBook borrowers,
      LendingRiskView risk,
      DebtBurner burner) {
    this.c = c;
    this.book = book;
    this.borrowers = borrowers;
    this.risk = risk;
    this.burner = burner;
  }

  /**
   * The liquidation bonus net of the protocol fee that {@link #liquidate} would pay on the largest
   * (collateral, debt) pair: {@code liquidatorGets * P_coll - debtRepaid * P_debt} at the oracle
   * prices (Aave v3 LiquidationLogic.executeLiquidationCall), before the cost of buying a non-base
   * debt asset in the market.
   */
  double expectedReward(LiquidationCandidate candidate) {
    Borrower b = borrowers.find(candidate.account());
    if (b == null) {
      return 0;
    }
    MarginState now = risk.state(b);
    if (!now.liquidatable()) {
      return 0;
    }
    Reserve[] pair = liquidationPair(b);
    Reserve debtReserve = pair[0];
    Reserve collReserve = pair[1];
    if (debtReserve == null || collReserve == null) {
      return 0;
    }
    double pDebt = c.price(debtReserve.terms.asset());
    double pColl = c.price(collReserve.terms.asset());
    double heldUnderlying =
        collReserve.receiptPrecision.units(c.ledger().balance(b.id, collReserve.terms.receipt()))
            * collReserve.rate();
    double collateralBalance =
        Math.min(heldUnderlying, collReserve.precision.units(collReserve.cash));
    if (!(collateralBalance > 0)) {
      return 0;
    }
    LendingMath.Plan plan =
        LendingMath.plan(
            new LendingMath.PairInput(
                now.health(),
                risk.debtValue(b),
                borrowers.scaledDebt(b, debtReserve) * debtReserve.borrowIndex,
                pDebt,
                collateralBalance,
                pColl,
                collReserve.terms.liquidationBonus(),
                collReserve.terms.protocolFee(),
                c.spec().closeFactorThreshold(),
                c.spec().minLeftover()));
    return Math.max(0, plan.collateralToLiquidator() * pColl - plan.debtRepaid() * pDebt);
  }

  /**
   * Liquidates the pair with the largest debt value and the largest collateral value (ties to the
   * earlier reserve), the liquidator covering as much debt as the close factor allows. The
   * liquidator pays the debt asset: base currency directly, another asset bought for it in the
   * shared market with its base currency (Markets.buy), using what it already holds first. It
   * receives the collateral as underlying (Aave's receiveAToken = false).
   */
  Optional<LiquidationOutcome> liquidate(AccountId account, AccountId liquidator) {
    Optional<Prepared> prepared = prepare(account);
    if (prepared.isEmpty()) {
      return Optional.empty();
    }
    Prepared p = prepared.get();
    Borrower b = p.borrower();
    MarginState before = p.before();
    Reserve debtReserve = p.debtReserve();
    Reserve collReserve = p.collReserve();
    AssetId debtAsset = debtReserve.terms.asset();
    AssetId collAsset = collReserve.terms.asset();
    double pDebt = p.pDebt();
    double pColl = p.pColl();
    double rateColl = p.rateColl();
    LendingMath.Plan plan = p.plan();
    long repay = p.repay();

    // 1. The liquidator must be able to pay before anything moves.
    OptionalLong spent = payable(liquidator, debtAsset, repay);
    if (spent.isEmpty()) {
      return Optional.empty();
    }
    long baseSpent = spent.getAsLong();

    // 2. What is seized.
    Seizure seizure = seizure(p);
    long feeReceipts = seizure.feeReceipts();
    long liqReceipts = seizure.liqReceipts();
    long paidOut = seizure.paidOut();

    // 3. Move: debt in, debt down, receipts to the treasury and burned, underlying out.
    c.ledger().transfer(liquidator, debtReserve.pool, debtAsset, repay);
    debtReserve.cash += repay;
    borrowers.reduceDebt(b, debtReserve, debtReserve.precision.units(repay));
    c.ledger().transfer(account, c.treasury(), collReserve.terms.receipt(), feeReceipts);
    book.burn(collReserve, account, liqReceipts);
    c.ledger().transfer(collReserve.pool, liquidator, collAsset, paidOut);
    collReserve.cash -= paidOut;

    long step = c.services().clock().step();
    int round = c.services().clock().round();
    Precision receiptPrecision = collReserve.receiptPrecision;
    double repaid = debtReserve.precision.units(repay);
    double seized = receiptPrecision.units(feeReceipts + liqReceipts) * rateColl;
    double bonus = (seized - seized / (1 + collReserve.terms.liquidationBonus())) * pColl;
    double fee = receiptPrecision.units(feeReceipts) * rateColl * pColl;
    double notional = repaid * pDebt;
    c.services()
        .events()
        .emit(
            new LoanLiquidation(
                step,
                round,
                c.spec().id().value(),
                account.value(),
                liquidator.value(),
                collAsset.value(),
                debtAsset.value(),
                before.health(),
                repaid,
                pDebt,
                seized,
                pColl,
                receiptPrecision.units(feeReceipts) * rateColl,
                bonus,
                plan.closeFactor(),
                plan.dustWaived()));
    liquidations++;
    liquidatedNotional += notional;
    liquidationFees += bonus;

    // 4. v3.3: no collateral left means every remaining debt is burned.
    burnIfBare(b);
    if (!risk.remark(b).liquidatable()) {
      risk.liquidatable.drop(account);
    }
    List<Holding> acquired =
        collAsset.equals(c.base()) || paidOut == 0
            ? List.of()
            : List.of(new Holding(collAsset, paidOut));
    return Optional.of(
        new LiquidationOutcome(
            c.spec().id(),
            account,
            notional,
            bonus - fee,
            acquired,
            c.basePrecision().units(baseSpent)));
  }

  /**
   * Receipts to the treasury (the protocol fee), receipts burned for the liquidator, underlying
   * paid out.
   */
  private record Seizure(long feeReceipts, long liqReceipts, long paidOut) {}

  /** Receipts to seize: all of them when the whole balance goes, else the plan's amounts. */
  private static Seizure seizure(Prepared p) {
    Reserve collReserve = p.collReserve();
    LendingMath.Plan plan = p.plan();
    double rateColl = p.rateColl();
    long held = p.held();
    boolean all = plan.cappedByCollateral() && !p.cashBound();
    // The plan's amounts are underlying units: over the rate they are receipt units.
    long receiptUnit = collReserve.receiptPrecision.atomsPerUnit();
    long feeReceipts =
        Math.min(held, (long) Math.floor(plan.protocolFee() / rateColl * receiptUnit));
    long liqReceipts =
        all
            ? held - feeReceipts
            : Math.min(
                held - feeReceipts,
                (long) Math.ceil(plan.collateralToLiquidator() / rateColl * receiptUnit));
    long paidOut =
        all
            ? Math.min(
                collReserve.cash, (long) Math.floor(collReserve.cashAtoms(liqReceipts * rateColl)))
            : collReserve.precision.floorAtomsAtMost(
                plan.collateralToLiquidator(), collReserve.cash);
    return new Seizure(feeReceipts, liqReceipts, paidOut);
  }

  /**
   * Makes sure {@code liquidator} holds {@code repay} atoms of the debt asset, buying a non-base
   * one in the shared market with its base currency and using what it holds first; returns the base
   * currency it gives up (the repayment itself, or what the debt asset cost), or empty when it
   * cannot pay. Nothing of the venue's moves.
   */
  private OptionalLong payable(AccountId liquidator, AssetId debtAsset, long repay) {
    long baseBefore = c.ledger().balance(liquidator, c.base());
    if (debtAsset.equals(c.base())) {
      if (baseBefore < repay) {
        return OptionalLong.empty();
      }
    } else {
      long missing = repay - c.ledger().balance(liquidator, debtAsset);
      if (missing > 0) {
        try {
          c.services().markets().buy(liquidator, debtAsset, missing);
        } catch (IllegalStateException cannotPay) {
          return OptionalLong.empty();
        }
      }
    }
    return OptionalLong.of(
        debtAsset.equals(c.base()) ? repay : baseBefore - c.ledger().balance(liquidator, c.base()));
  }

  /**
   * Aave v3.3: an account left without collateral has every remaining debt burned (v3.3 features
   * document).
   */
  private void burnIfBare(Borrower b) {
    if (!hasCollateral(b)) {
      for (Reserve r : book.reserves) {
        if (borrowers.scaledDebt(b, r) > 0) {
          burner.burnDebt(b, r);
        }
      }
    }
  }

  /** Whether a liquidator able to pay would liquidate {@code account} now. */
  boolean liquidatesNow(AccountId account) {
    return prepare(account).isPresent();
  }

  /**
   * A liquidation worked out before anything moves; the liquidator has not been asked to pay yet.
   */
  private record Prepared(
      Borrower borrower,
      MarginState before,
      Reserve debtReserve,
      Reserve collReserve,
      double pDebt,
      double pColl,
      double rateColl,
      long held,
      boolean cashBound,
      LendingMath.Plan plan,
      long repay) {}

  /**
   * The liquidation of {@code account} as it would go now for any liquidator, or empty when the
   * venue refuses whoever asks: no such borrower, not liquidatable, paused by a stale price, no
   * pair to liquidate, nothing to seize, or nothing to repay.
   */
  private Optional<Prepared> prepare(AccountId account) {
    Borrower b = borrowers.find(account);
    if (b == null) {
      return Optional.empty();
    }
    MarginState before = risk.state(b);
    if (!before.liquidatable() || risk.pausedByStaleness()) {
      return Optional.empty();
    }
    Reserve[] pair = liquidationPair(b);
    Reserve debtReserve = pair[0];
    Reserve collReserve = pair[1];
    if (debtReserve == null || collReserve == null) {
      return Optional.empty();
    }
    double pDebt = c.price(debtReserve.terms.asset());
    double pColl = c.price(collReserve.terms.asset());
    double rateColl = collReserve.rate();
    long held = c.ledger().balance(account, collReserve.terms.receipt());
    double heldUnderlying = collReserve.receiptPrecision.units(held) * rateColl;
    // The liquidator is paid in underlying, so the reserve's cash bounds what can be seized.
    double cashUnits = collReserve.precision.units(collReserve.cash);
    boolean cashBound = cashUnits < heldUnderlying;
    double collateralBalance = Math.min(heldUnderlying, cashUnits);
    if (!(collateralBalance > 0)) {
      return Optional.empty();
    }
    LendingMath.PairInput in =
        new LendingMath.PairInput(
            before.health(),
            risk.debtValue(b),
            borrowers.scaledDebt(b, debtReserve) * debtReserve.borrowIndex,
            pDebt,
            collateralBalance,
            pColl,
            collReserve.terms.liquidationBonus(),
            collReserve.terms.protocolFee(),
            c.spec().closeFactorThreshold(),
            c.spec().minLeftover());
    LendingMath.Plan plan = LendingMath.plan(in);
    long repay = debtReserve.precision.ceilAtoms(plan.debtRepaid());
    if (repay <= 0) {
      return Optional.empty();
    }
    return Optional.of(
        new Prepared(
            b,
            before,
            debtReserve,
            collReserve,
            pDebt,
            pColl,
            rateColl,
            held,
            cashBound,
            plan,
            repay));
  }

  private boolean hasCollateral(Borrower b) {
    for (Reserve r : book.reserves) {
      if (r.terms.liquidationThreshold() > 0 && c.ledger().balance(b.id, r.terms.receipt()) > 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * The pair a liquidation works on: the reserve of the largest debt and of the largest collateral
   * value, at the venue's prices (see "Simplifications" of the pooled lending venue in
   * docs/venues.md); either may be null.
   */
  private Reserve[] liquidationPair(Borrower b) {
    Reserve debtReserve = null;
    double largestDebt = 0;
    Reserve collReserve = null;
    double largestColl = 0;
    for (Reserve r : book.reserves) {
      double d = borrowers.scaledDebt(b, r) * r.borrowIndex * c.price(r.terms.asset());
      if (d > largestDebt) {
        largestDebt = d;
        debtReserve = r;
      }
      double coll = r.terms.liquidationThreshold() > 0 ? risk.collateralValue(b, r) : 0;
      if (coll > largestColl) {
        largestColl = coll;
        collReserve = r;
      }
    }
    return new Reserve[] {debtReserve, collReserve};
  }
}
