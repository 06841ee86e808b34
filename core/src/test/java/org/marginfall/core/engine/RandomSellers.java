package org.marginfall.core.engine;

import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.agent.Population;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.random.RandomStream;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.testing.ModelSpecs;

/**
 * A population that, every tick, sells a random amount of ETH (uniform up to 5 units) drawn from
 * its own stream {@code agents/sellers}. Mutable and not thread-safe.
 */
final class RandomSellers implements Population {

  static final AccountId SELLER = AccountId.of("sellers", "0");

  /** 1000 ETH: more than 5 units a tick for any test length. */
  static final long ENDOWMENT_ATOMS = 1_000_000_000L;

  static final double MAX_UNITS_PER_TICK = 5.0;

  /** The spec. */
  record Spec() implements PopulationSpec {
    @Override
    public String id() {
      return "sellers";
    }

    @Override
    public String type() {
      return "random-sellers";
    }

    @Override
    public Population resolve(RandomStreams streams) {
      return new RandomSellers(streams.stream("agents/sellers"));
    }
  }

  private final RandomStream stream;

  private RandomSellers(RandomStream stream) {
    this.stream = stream;
  }

  @Override
  public String id() {
    return "sellers";
  }

  @Override
  public void setUp(AgentContext ctx) {
    ctx.openAccount(SELLER);
    ctx.endow(SELLER, ModelSpecs.ETH, ENDOWMENT_ATOMS);
  }

  @Override
  public void trade(AgentContext ctx) {
    long atoms = (long) (stream.nextUniform() * MAX_UNITS_PER_TICK * 1_000_000);
    ctx.sell(SELLER, ModelSpecs.ETH, atoms);
  }
}
