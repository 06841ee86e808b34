package org.marginfall.protocols.perp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginfall.core.venue.MarginState;
import org.marginfall.protocols.perp.PerpMarginCalculator.CollateralLine;
import org.marginfall.protocols.perp.PerpMarginCalculator.PositionLine;

/** Worked examples of the perpetual margin formulas, every expected number derived by hand. */
class PerpMarginCalculatorTest {

  private static final PerpMarginCalculator CALC = PerpMarginCalculator.DEFAULT;

  /** Money amounts here are up to ~10^4; doubles carry ~16 digits, so 1e-9 is far above noise. */
  private static final double TOL = 1e-9;

  private static final double USD_UNITS = 2000;
  private static final double ETH_UNITS = 2;
  private static final double ETH_HAIRCUT = 0.10;
  private static final double ETH_SIZE = 3;
  private static final double ETH_ENTRY = 2800;
  private static final double ETH_IMF = 0.10;
  private static final double ETH_MMF = 0.05;
  private static final double BTC_SIZE = -0.5;
  private static final double BTC_ENTRY = 58000;
  private static final double BTC_IMF = 0.08;
  private static final double BTC_MMF = 0.04;

  /** USD and haircut ETH collateral; ETH long and BTC short, at the given oracle prices. */
  private static MarginState account(double eth, double btc) {
    return CALC.state(
        List.of(
            new CollateralLine(USD_UNITS, 1.0, 0), new CollateralLine(ETH_UNITS, eth, ETH_HAIRCUT)),
        List.of(
            new PositionLine(ETH_SIZE, ETH_ENTRY, eth, ETH_IMF, ETH_MMF),
            new PositionLine(BTC_SIZE, BTC_ENTRY, btc, BTC_IMF, BTC_MMF)));
  }

  @Test
  void test_state_twoCollateralsTwoPositionsHealthy() {
    MarginState s = account(3000, 60000);
    // collateral: 2000 * 1 + 2 * 3000 * (1 - 0.10)          = 2000 + 5400 = 7400
    // ETH long:   3 * (3000 - 2800)                           = +600
    // BTC short: -0.5 * (60000 - 58000)                       = -1000
    // equity                                                  = 7400 + 600 - 1000 = 7000
    assertEquals(7000, s.equity(), TOL);
    // IMR = 3 * 3000 * 0.10 + 0.5 * 60000 * 0.08 = 900 + 2400 = 3300
    assertEquals(3300, s.initialRequirement(), TOL);
    // MMR = 3 * 3000 * 0.05 + 0.5 * 60000 * 0.04 = 450 + 1200 = 1650
    assertEquals(1650, s.maintenanceRequirement(), TOL);
    assertFalse(s.liquidatable());
    // health = 7000 / 1650 = 4.2424...
    assertEquals(7000.0 / 1650.0, s.health(), TOL);
  }

  @Test
  void test_state_twoCollateralsTwoPositionsLiquidatableAfterAdverseMove() {
    // ETH falls to 2200 (hurting both the collateral and the long), BTC rises to 65000 (the short).
    MarginState s = account(2200, 65000);
    // collateral: 2000 + 2 * 2200 * 0.9   = 2000 + 3960 = 5960
    // ETH long:   3 * (2200 - 2800)        = -1800
    // BTC short: -0.5 * (65000 - 58000)    = -3500
    // equity                               = 5960 - 1800 - 3500 = 660
    assertEquals(660, s.equity(), TOL);
    // IMR = 3 * 2200 * 0.10 + 0.5 * 65000 * 0.08 = 660 + 2600 = 3260
    assertEquals(3260, s.initialRequirement(), TOL);
    // MMR = 3 * 2200 * 0.05 + 0.5 * 65000 * 0.04 = 330 + 1300 = 1630 > 660
    assertEquals(1630, s.maintenanceRequirement(), TOL);
    assertTrue(s.liquidatable());
  }

  @Test
  void test_state_haircutAppliesToCollateralOnlyNotToPnl() {
    // 1 ETH of collateral at 3000 with a 25% haircut counts 2250; a 1 ETH long entered at 2000
    // marked at 3000 adds its full +1000 of PnL: equity = 2250 + 1000 = 3250.
    MarginState s =
        CALC.state(
            List.of(new CollateralLine(1, 3000, 0.25)),
            List.of(new PositionLine(1, 2000, 3000, 0.1, 0.05)));
    assertEquals(3250, s.equity(), TOL);
  }

  @Test
  void test_state_equityExactlyAtMaintenanceIsNotLiquidatable() {
    // 50 USD, long 1 at 100 marked at 100, MMF 0.5: equity 50 = MMR 1 * 100 * 0.5 = 50 (all exact
    // in binary). The rule is strict: liquidatable only when equity < MMR.
    MarginState s =
        CALC.state(
            List.of(new CollateralLine(50, 1, 0)),
            List.of(new PositionLine(1, 100, 100, 0.75, 0.5)));
    assertEquals(50, s.equity(), 0);
    assertEquals(50, s.maintenanceRequirement(), 0);
    assertFalse(s.liquidatable());
  }

  @Test
  void test_state_noPositionsIsNeverLiquidatable() {
    MarginState s = CALC.state(List.of(), List.of());
    assertEquals(0, s.equity(), 0);
    assertEquals(0, s.maintenanceRequirement(), 0);
    assertFalse(s.liquidatable());
    assertEquals(Double.POSITIVE_INFINITY, s.health());
  }

  @Test
  void test_liquidationPrice_long() {
    // Long 10 ETH at 3000 with 3000 USD margin, MMF 2.5%:
    // 3000 + 10 (P - 3000) = 10 P 0.025  =>  P = (10*3000 - 3000) / (10 * (1 - 0.025)) = 27000 /
    // 9.75
    //                                      = 2769.2307692...
    double p = CALC.liquidationPrice(10, 3000, 3000, 0.025);
    assertEquals(27000.0 / 9.75, p, TOL);
    assertEquals(2769.230769230769, p, 1e-9);
  }

  @Test
  void test_liquidationPrice_shortMirrored() {
    // Short 10 ETH at 3000 with 3000 USD margin, MMF 2.5%:
    // 3000 - 10 (P - 3000) = 10 P 0.025  =>  P = (10*3000 + 3000) / (10 * (1 + 0.025)) = 33000 /
    // 10.25
    //                                      = 3219.5121951...
    double p = CALC.liquidationPrice(-10, 3000, 3000, 0.025);
    assertEquals(33000.0 / 10.25, p, TOL);
    assertEquals(3219.512195121951, p, 1e-9);
  }

  @Test
  void test_liquidationPrice_isWhereStateCrossesMaintenance() {
    // At the liquidation price equity equals MMR; a cent beyond it (adverse) the account is
    // liquidatable, a cent before it is not. Checked for the long and the short above.
    double[][] cases = {{10, 3000, 3000, 0.025}, {-10, 3000, 3000, 0.025}, {4, 1500, 700, 0.1}};
    for (double[] c : cases) {
      double size = c[0];
      double p = CALC.liquidationPrice(size, c[1], c[2], c[3]);
      MarginState at = stateAt(size, c[1], c[2], c[3], p);
      assertEquals(at.maintenanceRequirement(), at.equity(), 1e-9 * c[1] * Math.abs(size));
      double adverse = -Math.signum(size) * 0.01;
      assertTrue(stateAt(size, c[1], c[2], c[3], p + adverse).liquidatable(), "beyond P*");
      assertFalse(stateAt(size, c[1], c[2], c[3], p - adverse).liquidatable(), "before P*");
    }
  }

  @Test
  void test_liquidationPrice_zeroSizeIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> CALC.liquidationPrice(0, 3000, 3000, 0.025));
  }

  private static MarginState stateAt(
      double size, double entry, double margin, double mmf, double price) {
    return CALC.state(
        List.of(new CollateralLine(margin, 1, 0)),
        List.of(new PositionLine(size, entry, price, 0.5, mmf)));
  }
}
