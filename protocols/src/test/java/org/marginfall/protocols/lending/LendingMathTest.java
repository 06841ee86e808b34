package org.marginfall.protocols.lending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Worked examples of Aave v3.3's health factor and liquidation amounts
 * (GenericLogic.calculateUserAccountData; LiquidationLogic.executeLiquidationCall and
 * _calculateAvailableCollateralToLiquidate), computed by hand from those functions (docs/venues.md)
 * with the WETH launch parameters LT 86%, LB 5.2% (10520), LPF 10%; USDC debt at $1.
 */
class LendingMathTest {

  private static final double LT = 0.86;
  private static final double LB = 0.052;
  private static final double LPF = 0.10;
  private static final double TOL = 1e-9;

  private static LendingMath.PairInput eth(
      double units, double price, double usdcDebt, double totalDebt) {
    double hf = LendingMath.healthFactor(units * price * LT, totalDebt);
    return new LendingMath.PairInput(
        hf, totalDebt, usdcDebt, 1.0, units, price, LB, LPF, 2_000, 1_000);
  }

  @Test
  void test_healthFactor_isWeightedCollateralOverDebtAndInfiniteWithoutDebt() {
    // 10 ETH at 2000 = 20,000 × 0.86 = 17,200 against 17,500 USDC: HF = 17200 / 17500 = 0.9828571.
    assertEquals(0.98285714286, LendingMath.healthFactor(17_200, 17_500), 1e-10);
    assertEquals(Double.POSITIVE_INFINITY, LendingMath.healthFactor(17_200, 0));
  }

  @Test
  void test_plan_halfCloseFactorAboveHf095WithProtocolFee() {
    // HF 0.98286 > 0.95, collateral 20,000 and debt 17,500 both >= 2,000: close factor 50% of the
    // total debt, 8,750 USDC (the reserve's 17,500 is more than that).
    LendingMath.PairInput in = eth(10, 2_000, 17_500, 17_500);
    assertEquals(8_750, LendingMath.maxLiquidatableDebt(in), TOL);
    LendingMath.Plan p = LendingMath.plan(in);
    // base collateral 8750 × 1 / 2000 = 4.375 ETH; × 1.052 = 4.6025 ETH <= 10: not capped.
    // bonus = 4.6025 − 4.6025 / 1.052 = 0.2275 ETH; protocol fee 10% of it = 0.02275 ETH;
    // the liquidator gets 4.6025 − 0.02275 = 4.57975 ETH. Leftovers: 8,750 USDC and
    // (10 − 4.6025) × 2000 = 10,795 of ETH, both >= 1,000: no dust.
    assertEquals(8_750, p.debtRepaid(), TOL);
    assertEquals(4.6025, p.collateralSeized(), TOL);
    assertEquals(0.02275, p.protocolFee(), TOL);
    assertEquals(4.57975, p.collateralToLiquidator(), TOL);
    assertEquals(0.2275, p.bonus(LB), TOL);
    assertEquals(0.5, p.closeFactor(), 0);
    assertFalse(p.cappedByCollateral());
    assertFalse(p.dustWaived());
  }

  @Test
  void test_plan_fullCloseFactorAtOrBelowHf095() {
    // Debt 18,200: HF = 17200 / 18200 = 0.9450549 <= 0.95, so all 18,200 may be repaid.
    LendingMath.PairInput in = eth(10, 2_000, 18_200, 18_200);
    assertEquals(0.94505494505, in.healthFactor(), 1e-10);
    LendingMath.Plan p = LendingMath.plan(in);
    // 18200 / 2000 = 9.1 ETH × 1.052 = 9.5732 ETH; bonus 9.5732 − 9.1 = 0.4732; fee 0.04732.
    assertEquals(18_200, p.debtRepaid(), TOL);
    assertEquals(9.5732, p.collateralSeized(), TOL);
    assertEquals(0.04732, p.protocolFee(), TOL);
    assertEquals(9.52588, p.collateralToLiquidator(), TOL);
    assertEquals(1, p.closeFactor(), 0);
  }

  @Test
  void test_plan_fullCloseFactorForSmallPosition() {
    // 1 ETH at 1800 = 1,800 < 2,000: HF = 1548 / 1600 = 0.9675 > 0.95, yet the whole 1,600 USDC
    // may be repaid (MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD). 1600 / 1800 × 1.052 = 0.9351111 ETH.
    LendingMath.PairInput in = eth(1, 1_800, 1_600, 1_600);
    assertEquals(0.9675, in.healthFactor(), 1e-12);
    LendingMath.Plan p = LendingMath.plan(in);
    assertEquals(1_600, p.debtRepaid(), TOL);
    assertEquals(1_600 / 1_800.0 * 1.052, p.collateralSeized(), TOL);
    assertEquals(0.93511111111, p.collateralSeized(), 1e-10);
    assertEquals(1, p.closeFactor(), 0);
  }

  @Test
  void test_plan_capsAtCollateralBalanceAndScalesDebtDown() {
    // ETH at 1700: 10 ETH = 17,000; HF = 14620 / 17500 = 0.8354 -> 100%. 17500 / 1700 × 1.052 =
    // 10.829412 ETH > 10: take all 10 ETH; debt = 10 × 1700 / 1 / 1.052 = 16,159.695817 USDC;
    // bonus = 10 − 10 / 1.052 = 0.4942966 ETH, fee 0.04942966 ETH.
    LendingMath.PairInput in = eth(10, 1_700, 17_500, 17_500);
    LendingMath.Plan p = LendingMath.plan(in);
    assertTrue(p.cappedByCollateral());
    assertEquals(10, p.collateralSeized(), TOL);
    assertEquals(16_159.695817490, p.debtRepaid(), 1e-6);
    assertEquals(0.049429658, p.protocolFee(), 1e-9);
    assertEquals(9.950570342, p.collateralToLiquidator(), 1e-9);
  }

  @Test
  void test_plan_dustRuleLowersPartialToLeaveMinimumDebt() {
    // Debts 9,500 USDC + 8,000 of another asset = 17,500 total; HF 0.98286. 50% of the total is
    // 8,750 < 9,500, so max = 8,750 USDC, which would leave 750 < 1,000 USDC: dust. The largest
    // partial leaving 1,000 of both: min(8750, 9500 − 1000, (10 − 1000/2000) × 2000 / 1.052)
    // = min(8750, 8500, 18060.8) = 8,500 USDC; seized 8500 / 2000 × 1.052 = 4.471 ETH.
    LendingMath.PairInput in = eth(10, 2_000, 9_500, 17_500);
    LendingMath.Plan first =
        LendingMath.collateralFor(in, LendingMath.maxLiquidatableDebt(in), 0.5);
    assertTrue(LendingMath.leavesDust(in, first));
    LendingMath.Plan p = LendingMath.plan(in);
    assertEquals(8_500, p.debtRepaid(), TOL);
    assertEquals(4.471, p.collateralSeized(), TOL);
    assertFalse(LendingMath.leavesDust(in, p));
    assertFalse(p.dustWaived());
  }

  @Test
  void test_plan_dustRuleOnCollateralSide() {
    // 1.25 ETH at 2000 = 2,500 (the pair's collateral) and 4,200 USDC of a 4,200 total debt, with
    // another collateral making HF > 0.95 (given as 0.98). 50%: max 2,100 USDC seizes
    // 2100 / 2000 × 1.052 = 1.1046 ETH, leaving 0.1454 ETH = 290.8 < 1,000: dust. Partial:
    // min(2100, 4200 − 1000, (1.25 − 0.5) × 2000 / 1.052) = 1425.85551 USDC, seizing exactly
    // 0.75 ETH and leaving 0.5 ETH = 1,000.
    LendingMath.PairInput in =
        new LendingMath.PairInput(0.98, 4_200, 4_200, 1.0, 1.25, 2_000, LB, LPF, 2_000, 1_000);
    LendingMath.Plan p = LendingMath.plan(in);
    assertEquals(1_500 / 1.052, p.debtRepaid(), 1e-9);
    assertEquals(1425.855513308, p.debtRepaid(), 1e-9);
    assertEquals(0.75, p.collateralSeized(), 1e-12);
    assertFalse(p.dustWaived());
  }

  @Test
  void test_leavesDust_exemptsTakingAllDebtOrAllCollateral() {
    LendingMath.PairInput in = eth(10, 1_700, 17_500, 17_500);
    // All collateral taken (capped): no dust even though 1,340 of debt is left.
    assertFalse(LendingMath.leavesDust(in, LendingMath.collateralFor(in, 17_500, 1)));
    LendingMath.PairInput small = eth(1, 1_800, 1_600, 1_600);
    // All debt repaid: no dust even though 1 − 0.935 = 0.065 ETH (117) of collateral is left.
    assertFalse(LendingMath.leavesDust(small, LendingMath.collateralFor(small, 1_600, 1)));
  }
}
