package org.marginfall.protocols.lending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.marginfall.protocols.lending.LendingHarness.ETH;
import static org.marginfall.protocols.lending.LendingHarness.USD;

import org.junit.jupiter.api.Test;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.venue.LiquidationCandidate;

/**
 * {@link LendingPool#expectedLiquidatorReward}: the liquidation bonus net of the protocol fee, on
 * LendingPoolTest's all-collateral case (terms of {@link LendingHarness}: ETH bonus 5.2%, protocol
 * fee 10% of the bonus, liquidation threshold 0.86).
 */
class LendingRewardEstimateTest {

  private final LendingHarness h = new LendingHarness(2_000, 50_000);

  private AccountId borrowerAt2000(LendingPool v) {
    AccountId lender = h.fund("lender", 100_000, 0);
    v.supply(lender, USD, Precision.MICRO.atoms(100_000));
    AccountId owner = h.fund("borrower", 0, 10);
    AccountId account = v.account(owner);
    v.depositCollateral(owner, account, ETH, Precision.MICRO.atoms(10));
    v.borrow(account, USD, Precision.MICRO.atoms(16_000), owner);
    return account;
  }

  @Test
  void test_expectedLiquidatorReward_bonusNetOfTheProtocolFee() {
    LendingPool v = h.venue(LendingHarness.spec(BadDebtMode.SOCIALIZE));
    AccountId account = borrowerAt2000(v);
    LiquidationCandidate healthy = new LiquidationCandidate(v.id(), account, null);
    // HF = 10 × 2000 × 0.86 / 16,000 = 1.075: not liquidatable, no reward
    assertEquals(0, v.expectedLiquidatorReward(healthy), 0);

    h.setPrice(ETH, 1_600);
    v.markToMarket();
    LiquidationCandidate c = v.liquidatable().get(0);
    // HF 0.86 <= 0.95, close factor 100%; 16,000 / 1600 × 1.052 = 10.52 ETH > 10: all 10 ETH go.
    // Bonus (10 − 10 / 1.052) × 1600 = 790.8745247, the treasury's 10% of it 79.0874525: the
    // liquidator receives 15,920.9125475 of ETH for 15,209.1254753 of debt, a reward of
    // 711.7870722.
    assertEquals(711.7870722, v.expectedLiquidatorReward(c), 1e-6);
    AccountId liquidator = h.fund("liquidator", 20_000, 0);
    // The liquidation pays the same up to atoms: the treasury's fee is rounded down to 49,429
    // receipt
    // atoms, so the liquidator gets 9.950571 ETH (15,920.9136) for 15,209.125476: 711.788124.
    double paid = v.liquidate(account, liquidator).orElseThrow().feeToLiquidator();
    assertEquals(711.788124, paid, 1e-6);
    // Once liquidated, the account is gone from the venue's list and earns nothing.
    assertEquals(0, v.expectedLiquidatorReward(c), 0);
  }
}
