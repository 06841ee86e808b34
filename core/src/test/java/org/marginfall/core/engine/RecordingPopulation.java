package org.marginfall.core.engine;

import java.util.List;
import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.agent.Population;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.testing.ModelSpecs;
import org.marginfall.core.venue.LiquidationCandidate;

/**
 * A population that journals every hook ({@code pop.<hook>@<step>/<round>}) and, in each
 * liquidation round, liquidates up to {@code executePerRound} candidates and sells {@code
 * sellAtomsPerRound} ETH atoms into the market. Mutable and not thread-safe.
 */
final class RecordingPopulation implements Population {

  static final AccountId LIQUIDATOR = AccountId.of("recorder", "liquidator");

  /** ETH the liquidator is endowed with at set-up: 100 units. */
  static final long ENDOWMENT_ATOMS = 100_000_000L;

  /** The spec; a fresh population per run, journaling into {@code journal}. */
  record Spec(int executePerRound, long sellAtomsPerRound, List<String> journal)
      implements PopulationSpec {
    @Override
    public String id() {
      return "recorder";
    }

    @Override
    public String type() {
      return "recording";
    }

    @Override
    public Population resolve(RandomStreams streams) {
      return new RecordingPopulation(this);
    }
  }

  private final Spec spec;

  private RecordingPopulation(Spec spec) {
    this.spec = spec;
  }

  private void log(AgentContext ctx, String hook) {
    spec.journal().add("pop." + hook + "@" + ctx.clock().step() + "/" + ctx.clock().round());
  }

  @Override
  public String id() {
    return spec.id();
  }

  @Override
  public void setUp(AgentContext ctx) {
    log(ctx, "setUp");
    ctx.openAccount(LIQUIDATOR);
    ctx.endow(LIQUIDATOR, ModelSpecs.ETH, ENDOWMENT_ATOMS);
  }

  @Override
  public void trade(AgentContext ctx) {
    log(ctx, "trade");
  }

  @Override
  public void arbitrage(AgentContext ctx) {
    log(ctx, "arbitrage");
  }

  @Override
  public int liquidate(AgentContext ctx, List<LiquidationCandidate> candidates) {
    log(ctx, "liquidate");
    int executed = 0;
    for (LiquidationCandidate c : candidates) {
      if (executed == spec.executePerRound()) {
        break;
      }
      if (ctx.venue(c.venue()).liquidate(c.account(), LIQUIDATOR).isPresent()) {
        executed++;
      }
    }
    if (spec.sellAtomsPerRound() > 0) {
      ctx.sell(LIQUIDATOR, ModelSpecs.ETH, spec.sellAtomsPerRound());
    }
    return executed;
  }
}
