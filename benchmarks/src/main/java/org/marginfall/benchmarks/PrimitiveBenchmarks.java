package org.marginfall.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.contagion.Source;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.AccountType;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.market.Execution;
import org.marginfall.core.market.ImpactModel;
import org.marginfall.core.market.SharedMarket;
import org.marginfall.core.venue.VenueId;
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

/** One market trade with price impact booked to a source, and one ledger transfer. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class PrimitiveBenchmarks {

  private static final int ACCOUNTS = 100_000;

  private SharedMarket market;
  private Source source;
  private Ledger ledger;
  private List<AccountId> accounts;
  private AssetId usd;
  private int next;
  private double side = -1;

  /**
   * A market as deep as the bundled crash's ETH market, and a ledger of 100,000 funded accounts.
   */
  @Setup(Level.Trial)
  public void setUp() {
    market = new SharedMarket(AssetId.of("ETH"), new ImpactModel.LinearLog(3.0e8), 45, 3000);
    source = new Source(VenueId.of("perp"), 2);
    usd = AssetId.of("USD");
    ledger = new Ledger(List.of(usd, AssetId.of("ETH")));
    accounts = new ArrayList<>(ACCOUNTS);
    for (int i = 0; i < ACCOUNTS; i++) {
      AccountId a = AccountId.of("traders", Integer.toString(i));
      ledger.open(a, AccountType.ORDINARY);
      ledger.transfer(Ledger.EXTERNAL, a, usd, 1_000_000_000L);
      accounts.add(a);
    }
  }

  /** One liquidation-sized trade of 10 ETH, alternating sides so the price stays near its level. */
  @Benchmark
  public Execution marketTrade() {
    side = -side;
    return market.execute(side * 10, source);
  }

  /** One transfer between two of 100,000 accounts. */
  @Benchmark
  public long ledgerTransfer() {
    int i = next++ % ACCOUNTS;
    ledger.transfer(accounts.get(i), accounts.get((i + 1) % ACCOUNTS), usd, 1_000);
    return ledger.transferCount();
  }
}
