package org.marginfall.core.venue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.AccountType;
import org.marginfall.core.ledger.Ledger;

/**
 * The screen's allowances on the three venue families' formulas, computed by hand, the accounts it
 * lists, and the bound it rests on: no account it leaves out is liquidatable at the new factors.
 */
class LiquidationScreenTest {

  private static final AssetId USD = AssetId.of("USD");

  /** Solves {@code sensitivity ((1 + d)^3 - 1) = slack - 1e-8 (sensitivity + magnitude)} for d. */
  private static double byHand(double slack, double sensitivity, double magnitude) {
    return Math.cbrt(1 + (slack - 1e-8 * (sensitivity + magnitude)) / sensitivity) - 1;
  }

  @Test
  void test_allowance_perpetualIsolatedLong() {
    // 1 ETH long at 2,000 on 200 USD, mmf 5%: equity 200, maintenance 100, slack 100. Moving terms:
    // the USD line 200 and the notional 2,000 × (1 + 0.05) = 2,100, so 2,300. Magnitude adds
    // |equity| 200, maintenance 100, |size × entry| 2,000 and the notional 2,000: 6,600.
    double d = LiquidationScreen.allowance(100, 2_300, 6_600);
    // The screen shaves 1e-9 off the cube root for its rounding.
    assertEquals(byHand(100, 2_300, 6_600), d, 1e-10);
    assertEquals(0.0142876, d, 1e-7);
    // Re-marked once ETH has moved 1.43% (to 1,971.4), far before its liquidation price
    // (200 + (P - 2000) = 0.05 P: P = 1,894.74, 5.26% down).
    assertTrue(2_000 * (1 - d) > 1_800 / 0.95);
  }

  @Test
  void test_allowance_perpetualCrossAccount() {
    // 1,000 USD, 1 ETH long at 2,000 and 0.02 BTC short at 50,000, mmf 5%: maintenance 100 + 50,
    // slack 850; moving 1,000 + 2,100 + 1,050 = 4,150; magnitude 4,150 + 1,000 + 150 + 4,000 +
    // 2,000.
    double d = LiquidationScreen.allowance(850, 4_150, 11_300);
    assertEquals(byHand(850, 4_150, 11_300), d, 1e-10);
    assertEquals(0.0640792, d, 1e-7);
  }

  @Test
  void test_allowance_lendingBorrower() {
    // 10 aETH at rate 1 and 2,000, LT 0.86: Σ coll × LT = 17,200; debt 16,000 USD: HF 1.075,
    // slack 1,200; every term moves (balance × rate × price, scaled debt × index × price): 33,200.
    double d = LiquidationScreen.allowance(1_200, 33_200, 33_200);
    assertEquals(0.0119059, d, 1e-7);
    // HF reaches 1 at 1,860.47 (6.98% down); the screen re-marks from a 1.19% move of any factor.
    assertTrue(2_000 * (1 - d) > 16_000 / 8.6);
  }

  @Test
  void test_allowance_cdpVault() {
    // 10 ETH at 2,000 against 13,000 debt at mat 1.45: value 20,000, requirement 18,850, slack
    // 1,150;
    // only the value moves: 20,000; magnitude 38,850.
    double d = LiquidationScreen.allowance(1_150, 20_000, 38_850);
    assertEquals(0.0188106, d, 1e-7);
    assertTrue(2_000 * (1 - d) > 18_850 / 10.0);
  }

  @Test
  void test_allowance_noneWhenLiquidatableOrTooClose_unlimitedWithoutRisk() {
    assertEquals(-1, LiquidationScreen.allowance(-5, 100, 100));
    assertEquals(-1, LiquidationScreen.allowance(1e-7, 100, 100));
    assertEquals(-1, LiquidationScreen.allowance(Double.NaN, 100, 100));
    assertEquals(
        Double.POSITIVE_INFINITY, LiquidationScreen.relativeRoom(Double.POSITIVE_INFINITY, 0, 0));
    assertEquals(LiquidationScreen.MAX_DRIFT, LiquidationScreen.allowance(1e9, 1, 1));
  }

  @Test
  void test_due_listsDriftedTouchedChangedAndNewAccounts() {
    Ledger ledger = new Ledger(List.of(USD));
    int[] slots = new int[5];
    for (int k = 0; k < slots.length; k++) {
      AccountId id = AccountId.of("a" + k);
      ledger.open(id, AccountType.ORDINARY);
      slots[k] = ledger.indexOf(id);
    }
    LiquidationScreen screen = new LiquidationScreen();
    screen.beginFullMark(new double[] {2_000, 1}, ledger, 4);
    screen.allow(0, slots[0], 100, 2_300, 6_600); // allows 1.43%
    screen.allow(1, slots[1], 1_150, 20_000, 38_850); // allows 1.88%
    screen.allow(2, slots[2], -3, 100, 100); // liquidatable: always due
    screen.allow(3, slots[3], Double.POSITIVE_INFINITY, 0, 0); // no risk
    // 1.5% down: account 0 is due, account 1 is not; the new account 4 is due.
    assertArrayEquals(new int[] {0, 2, 4}, due(screen, new double[] {1_970, 1}, ledger, 5));
    // Nothing moved: only the liquidatable and the new account.
    assertArrayEquals(new int[] {2, 4}, due(screen, new double[] {2_000, 1}, ledger, 5));
    // A second factor moving counts as much as the first.
    assertArrayEquals(new int[] {0, 1, 2, 4}, due(screen, new double[] {2_000, 1.02}, ledger, 5));
    // Books the venue changed, and a balance the ledger moved.
    screen.touch(1);
    ledger.transfer(Ledger.EXTERNAL, AccountId.of("a3"), USD, 5);
    assertArrayEquals(new int[] {1, 2, 3, 4}, due(screen, new double[] {2_000, 1}, ledger, 5));
    // A factor that is no longer finite, or that leaves 0, makes every account due.
    assertEquals(5, due(screen, new double[] {Double.NaN, 1}, ledger, 5).length);
    screen.beginFullMark(new double[] {0, 1}, ledger, 5);
    for (int k = 0; k < 5; k++) {
      screen.allow(k, slots[k], Double.POSITIVE_INFINITY, 0, 0);
    }
    assertEquals(0, due(screen, new double[] {0, 1}, ledger, 5).length);
    assertEquals(5, due(screen, new double[] {1e-9, 1}, ledger, 5).length);
    // Forgotten: every account is due.
    screen.invalidate();
    assertEquals(5, due(screen, new double[] {0, 1}, ledger, 5).length);
  }

  /**
   * On random margins of the venues' shape (balances times up to three factors, a tiered
   * requirement) and random moves of the factors, an account the screen leaves out is never
   * liquidatable at the new factors, and most safe accounts are left out of a small move.
   */
  @Test
  void test_due_leavesOutOnlyAccountsThatStaySafe() {
    SplittableRandom random = new SplittableRandom(7);
    Ledger ledger = new Ledger(List.of(USD));
    int accounts = 2_000;
    int factors = 4;
    double[][] coll = new double[accounts][factors];
    double[][] size = new double[accounts][factors];
    double[][] entry = new double[accounts][factors];
    double[] rate = new double[accounts];
    for (int k = 0; k < accounts; k++) {
      ledger.open(AccountId.of("a" + k), AccountType.ORDINARY);
      rate[k] = 0.01 + 0.1 * random.nextDouble();
      for (int j = 0; j < factors; j++) {
        coll[k][j] = random.nextDouble() < 0.5 ? 0 : 100 * random.nextDouble();
        size[k][j] = random.nextDouble() < 0.5 ? 0 : random.nextDouble(-2, 2);
        entry[k][j] = 100 * random.nextDouble(0.8, 1.2);
      }
    }
    int leftOut = 0;
    int safe = 0;
    for (int trial = 0; trial < 50; trial++) {
      double[] ref = new double[factors];
      Arrays.setAll(ref, j -> 100 * random.nextDouble(0.5, 2));
      LiquidationScreen screen = new LiquidationScreen();
      screen.beginFullMark(ref, ledger, accounts);
      for (int k = 0; k < accounts; k++) {
        double[] m = margin(coll[k], size[k], entry[k], rate[k], ref);
        screen.allow(k, k + 1, m[0] - m[1], m[2], m[3]);
      }
      double[] now = new double[factors];
      double scale = random.nextDouble(0, 0.05);
      Arrays.setAll(now, j -> ref[j] * (1 + scale * random.nextDouble(-1, 1)));
      int[] due = due(screen, now, ledger, accounts);
      boolean[] isDue = new boolean[accounts];
      for (int k : due) {
        isDue[k] = true;
      }
      for (int k = 0; k < accounts; k++) {
        double[] m = margin(coll[k], size[k], entry[k], rate[k], now);
        boolean liquidatable = m[1] > 0 && m[0] < m[1];
        if (!isDue[k]) {
          leftOut++;
          assertTrue(
              !liquidatable, "account " + k + " left out but liquidatable in trial " + trial);
        }
        safe += liquidatable ? 0 : 1;
      }
    }
    assertTrue(
        leftOut > safe / 4,
        "the screen left out " + leftOut + " of " + safe + " safe account-trials");
  }

  @Test
  void test_due_comparesEachAccountWithTheDriftOfTheFactorsItReads() {
    Ledger ledger = new Ledger(List.of(USD));
    int[] slots = new int[3];
    for (int k = 0; k < slots.length; k++) {
      AccountId id = AccountId.of("r" + k);
      ledger.open(id, AccountType.ORDINARY);
      slots[k] = ledger.indexOf(id);
    }
    LiquidationScreen screen = new LiquidationScreen();
    screen.beginFullMark(new double[] {2_000, 1}, ledger, 3);
    // The CDP vault of test_allowance_cdpVault (allows 1.88%) on each factor alone, and on both.
    screen.allow(0, slots[0], 1_150, 20_000, 38_850, 0b01);
    screen.allow(1, slots[1], 1_150, 20_000, 38_850, 0b10);
    screen.allow(2, slots[2], 1_150, 20_000, 38_850);
    // Factor 1 up 2%: the accounts reading it are due, the one reading factor 0 alone is not.
    assertArrayEquals(new int[] {1, 2}, due(screen, new double[] {2_000, 1.02}, ledger, 3));
    // Factor 0 down 1.5% and factor 1 up 2%: 1.5% is within 1.88%, so account 0 is still left out.
    assertArrayEquals(new int[] {1, 2}, due(screen, new double[] {1_970, 1.02}, ledger, 3));
    // Factor 0 down 2%: account 0 is due, account 1 (factor 1 unmoved) is not.
    assertArrayEquals(new int[] {0, 2}, due(screen, new double[] {1_960, 1}, ledger, 3));
    // A factor that is no longer finite makes its readers due, and only them.
    assertArrayEquals(new int[] {1, 2}, due(screen, new double[] {2_000, Double.NaN}, ledger, 3));
    // Beyond the largest drift screened (50%) its readers are due even with unlimited room.
    screen.beginFullMark(new double[] {2_000, 1}, ledger, 3);
    screen.allow(0, slots[0], Double.POSITIVE_INFINITY, 0, 0, 0b01);
    screen.allow(1, slots[1], Double.POSITIVE_INFINITY, 0, 0, 0b10);
    screen.allow(2, slots[2], Double.POSITIVE_INFINITY, 0, 0, 0b10);
    assertArrayEquals(new int[] {1, 2}, due(screen, new double[] {2_000, 1.6}, ledger, 3));
    assertArrayEquals(new int[] {}, due(screen, new double[] {2_000, 1.4}, ledger, 3));
  }

  /**
   * The random margins of {@link #test_due_leavesOutOnlyAccountsThatStaySafe}, each account naming
   * the factors it reads (those where it holds collateral or a position): an account left out is
   * never liquidatable at the new factors, every account the uniform drift leaves out is left out
   * too, and more are.
   */
  @Test
  void test_due_perAccountDriftLeavesOutOnlyAccountsThatStaySafe() {
    SplittableRandom random = new SplittableRandom(11);
    Ledger ledger = new Ledger(List.of(USD));
    int accounts = 2_000;
    int factors = 6;
    double[][] coll = new double[accounts][factors];
    double[][] size = new double[accounts][factors];
    double[][] entry = new double[accounts][factors];
    double[] rate = new double[accounts];
    long[] reads = new long[accounts];
    for (int k = 0; k < accounts; k++) {
      ledger.open(AccountId.of("p" + k), AccountType.ORDINARY);
      rate[k] = 0.01 + 0.1 * random.nextDouble();
      for (int j = 0; j < factors; j++) {
        coll[k][j] = random.nextDouble() < 0.7 ? 0 : 100 * random.nextDouble();
        size[k][j] = random.nextDouble() < 0.7 ? 0 : random.nextDouble(-2, 2);
        entry[k][j] = 100 * random.nextDouble(0.8, 1.2);
        if (coll[k][j] != 0 || size[k][j] != 0) {
          reads[k] |= 1L << j;
        }
      }
    }
    int leftOut = 0;
    int leftOutUniform = 0;
    for (int trial = 0; trial < 50; trial++) {
      double[] ref = new double[factors];
      Arrays.setAll(ref, j -> 100 * random.nextDouble(0.5, 2));
      LiquidationScreen perAccount = new LiquidationScreen();
      LiquidationScreen uniform = new LiquidationScreen();
      perAccount.beginFullMark(ref, ledger, accounts);
      uniform.beginFullMark(ref, ledger, accounts);
      for (int k = 0; k < accounts; k++) {
        double[] m = margin(coll[k], size[k], entry[k], rate[k], ref);
        perAccount.allow(k, k + 1, m[0] - m[1], m[2], m[3], reads[k]);
        uniform.allow(k, k + 1, m[0] - m[1], m[2], m[3]);
      }
      double[] now = new double[factors];
      double scale = random.nextDouble(0, 0.05);
      // Some factors stay put, as assets that did not trade.
      Arrays.setAll(
          now,
          j -> random.nextBoolean() ? ref[j] : ref[j] * (1 + scale * random.nextDouble(-1, 1)));
      boolean[] isDue = flags(due(perAccount, now, ledger, accounts), accounts);
      boolean[] isDueUniform = flags(due(uniform, now, ledger, accounts), accounts);
      for (int k = 0; k < accounts; k++) {
        double[] m = margin(coll[k], size[k], entry[k], rate[k], now);
        boolean liquidatable = m[1] > 0 && m[0] < m[1];
        if (!isDue[k]) {
          leftOut++;
          assertTrue(
              !liquidatable, "account " + k + " left out but liquidatable in trial " + trial);
        }
        if (!isDueUniform[k]) {
          leftOutUniform++;
          assertTrue(
              !isDue[k], "account " + k + " left out by the uniform drift only, trial " + trial);
        }
      }
    }
    assertTrue(leftOut > leftOutUniform, "per account " + leftOut + ", uniform " + leftOutUniform);
  }

  private static boolean[] flags(int[] ordinals, int accounts) {
    boolean[] out = new boolean[accounts];
    for (int k : ordinals) {
      out[k] = true;
    }
    return out;
  }

  /**
   * Equity (collateral × factor² plus PnL at the factor), a requirement of rate × notional with a
   * steeper tier above 150, the moving terms and the magnitude, as a venue would record them.
   */
  private static double[] margin(
      double[] coll, double[] size, double[] entry, double rate, double[] f) {
    double equity = 0;
    double requirement = 0;
    double moving = 0;
    double fixed = 0;
    for (int j = 0; j < f.length; j++) {
      double c = coll[j] * f[j] * f[j] / 100;
      equity += c;
      moving += c;
      if (size[j] != 0) {
        double notional = Math.abs(size[j]) * f[j];
        equity += size[j] * (f[j] - entry[j]);
        double steep = 2 * rate;
        requirement += notional < 150 ? notional * rate : notional * steep - 150 * (steep - rate);
        moving += notional * (1 + steep);
        fixed += Math.abs(size[j] * entry[j]) + notional;
      }
    }
    return new double[] {
      equity, requirement, moving, moving + fixed + Math.abs(equity) + requirement
    };
  }

  private static int[] due(
      LiquidationScreen screen, double[] factors, Ledger ledger, int accounts) {
    int[] due = screen.due(factors, ledger, accounts);
    return Arrays.copyOf(due, screen.dueCount());
  }
}
