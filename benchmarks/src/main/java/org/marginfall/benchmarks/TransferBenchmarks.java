package org.marginfall.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.AccountType;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.ledger.Precision;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a venue pays to move value: a quantity in units converted to atoms (floor what is received),
 * a collateral sale's value at a market price converted to base-currency atoms (ceil what is owed),
 * and both followed by the ledger transfer. Amounts and prices are drawn like a run's: amounts with
 * a full binary fraction, prices from a random walk, so no input has a short decimal form by luck.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class TransferBenchmarks {

  private static final int ACCOUNTS = 100_000;
  private static final int INPUTS = 4096;

  private Ledger ledger;
  private List<AccountId> accounts;
  private AssetId usd;
  private AssetId eth;
  private final double[] amounts = new double[INPUTS];
  private final double[] prices = new double[INPUTS];
  private final long[] ethAtoms = new long[INPUTS];
  private final long[] weiAtoms = new long[INPUTS];
  private Precision usdPrecision;
  private Precision ethPrecision;
  private Precision weiPrecision;
  private int next;

  /** A ledger of 100,000 accounts funded in USD and ETH, and the inputs cycled through. */
  @Setup(Level.Trial)
  public void setUp() {
    usd = AssetId.of("USD");
    eth = AssetId.of("ETH");
    // Six decimals for both, as every asset was counted before per-asset precision: the figures
    // compare with the ones recorded then. ETH at 18 decimals is measured on its own.
    ledger = new Ledger(List.of(usd, eth), List.of(6, 6));
    usdPrecision = ledger.precision(usd);
    ethPrecision = ledger.precision(eth);
    weiPrecision = Precision.of(eth, 18);
    accounts = new ArrayList<>(ACCOUNTS);
    for (int i = 0; i < ACCOUNTS; i++) {
      AccountId a = AccountId.of("traders", Integer.toString(i));
      ledger.open(a, AccountType.ORDINARY);
      ledger.transfer(Ledger.EXTERNAL, a, usd, 1_000_000_000_000L);
      ledger.transfer(Ledger.EXTERNAL, a, eth, 1_000_000_000L);
      accounts.add(a);
    }
    SplittableRandom random = new SplittableRandom(7);
    double price = 3000;
    for (int i = 0; i < INPUTS; i++) {
      amounts[i] = 1 + random.nextDouble() * 1000;
      price *= Math.exp(0.01 * (random.nextDouble() - 0.5));
      prices[i] = price;
      ethAtoms[i] = 1 + random.nextLong(1_000_000_000L);
      weiAtoms[i] = ethAtoms[i] * 1_000_000_000_000L + random.nextLong(1_000_000_000_000L);
    }
  }

  /** Units to atoms, rounded down: what every payment a venue computes in units goes through. */
  @Benchmark
  public long floorAtoms() {
    return usdPrecision.floorAtoms(amounts[next++ & (INPUTS - 1)]);
  }

  /** The base-currency atoms a sale of collateral atoms at a market price is owed, rounded up. */
  @Benchmark
  public long ceilValueAtoms() {
    int i = next++ & (INPUTS - 1);
    return ethPrecision.ceilValueAtoms(ethAtoms[i], prices[i], usdPrecision);
  }

  /** The same sale counted in wei (18 decimals), valued in USD micro-units. */
  @Benchmark
  public long ceilValueAtomsFromWei() {
    int i = next++ & (INPUTS - 1);
    return weiPrecision.ceilValueAtoms(weiAtoms[i], prices[i], usdPrecision);
  }

  /** A payment computed in units, converted and transferred between two of 100,000 accounts. */
  @Benchmark
  public long transferUnits() {
    int i = next++;
    int k = i % ACCOUNTS;
    long atoms = usdPrecision.floorAtoms(amounts[i & (INPUTS - 1)] * 1e-3);
    ledger.transfer(accounts.get(k), accounts.get((k + 1) % ACCOUNTS), usd, atoms);
    return ledger.transferCount();
  }
}
