package org.marginfall.core.network;

/**
 * The analytic contagion window of Gai and Kapadia (2010), Proc. R. Soc. A 466:2401-2423, section
 * 3, for a directed Erdős–Rényi network (independent Poisson(z) in- and out-degrees) with zero
 * recovery and no fire sales (q = 1).
 *
 * <p>A bank with capital K and interbank assets A spread evenly over its j debtors fails on one
 * debtor's failure when its loss A / j exceeds K, so it is vulnerable when {@code j <= jMax}, the
 * largest j with {@code A / j > K}. Their cascade condition {@code sum_{j,k} (j k / z) p_jk v_j >
 * 1} becomes {@code z P(Poisson(z) <= jMax - 1) > 1}, and the window is the z where it holds. The
 * probability that one random failure sets off a global cascade, in the large-n limit, is {@code 1
 * - e^(z (u - 1))} with u the smallest root of {@code u = 1 - q + q e^(z (u - 1))}, {@code q =
 * P(Poisson(z) <= jMax - 1)}: the generating-function argument the paper takes from Watts (2002),
 * PNAS 99:5766, applied to the creditors reached from the failed bank.
 *
 * <p>Stateless and thread-safe.
 */
public final class GaiKapadiaWindow {

  private GaiKapadiaWindow() {}

  /**
   * The largest in-degree at which one failed debtor makes a bank fail: {@code A / j > K}, strictly
   * (a loss equal to the capital leaves the bank standing), compared exactly as {@code A > j K}.
   */
  public static int maxVulnerableDegree(double interbankAssets, double capital) {
    if (!(interbankAssets > 0 && capital > 0)) {
      throw new IllegalArgumentException("interbankAssets and capital must be > 0");
    }
    int j = 0;
    while (interbankAssets > (j + 1) * capital) {
      j++;
    }
    return j;
  }

  /** {@code P(Poisson(z) <= m)}, summed term by term; 0 for m < 0. */
  public static double poissonCdf(double z, int m) {
    if (m < 0) {
      return 0;
    }
    double term = StrictMath.exp(-z);
    double sum = term;
    for (int k = 1; k <= m; k++) {
      term *= z / k;
      sum += term;
    }
    return Math.min(1.0, sum);
  }

  /**
   * The left side of the cascade condition, {@code z P(Poisson(z) <= jMax - 1)}: contagion is
   * possible above 1.
   */
  public static double cascadeCondition(double z, int jMax) {
    return z * poissonCdf(z, jMax - 1);
  }

  /**
   * The window's ends: the two roots of {@code cascadeCondition(z) = 1}, found by bisection to
   * 1e-12 on either side of the condition's maximum, or an empty array when the condition never
   * exceeds 1.
   */
  public static double[] window(int jMax) {
    double peak = 0;
    double best = -1;
    for (double z = 0.01; z <= 50; z += 0.01) {
      double c = cascadeCondition(z, jMax);
      if (c > best) {
        best = c;
        peak = z;
      }
    }
    if (best <= 1) {
      return new double[0];
    }
    return new double[] {root(jMax, 0, peak, true), root(jMax, peak, 100, false)};
  }

  private static double root(int jMax, double lo, double hi, boolean rising) {
    for (int i = 0; i < 200 && hi - lo > 1e-12; i++) {
      double mid = (lo + hi) / 2;
      boolean above = cascadeCondition(mid, jMax) > 1;
      if (above == rising) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return (lo + hi) / 2;
  }

  /**
   * The large-n probability that one random failure sets off a global cascade at average degree z.
   */
  public static double contagionProbability(double z, int jMax) {
    double q = poissonCdf(z, jMax - 1);
    double u = 0;
    // From 0 the iteration rises monotonically to the smallest fixed point.
    for (int i = 0; i < 10_000_000; i++) {
      double next = 1 - q + q * StrictMath.exp(z * (u - 1));
      if (Math.abs(next - u) < 1e-15) {
        u = next;
        break;
      }
      u = next;
    }
    return 1 - StrictMath.exp(z * (u - 1));
  }
}
