package org.marginfall.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.agent.Population;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.metric.RunSettings;
import org.marginfall.core.price.PriceProcessSpec;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.testing.ModelSpecs;

/**
 * What the world reports when a scenario asks for what the model cannot do: the entry (agents[i],
 * assets[i].price), the step and the problem; and what it leaves a bug.
 */
class WorldFailureTest {

  /** A population that does {@code trade} at every tick and {@code setUp} once. */
  private record Acting(
      String id, BiConsumer<AgentContext, Long> setUp, BiConsumer<AgentContext, Long> trade)
      implements PopulationSpec {
    @Override
    public String type() {
      return "acting";
    }

    @Override
    public Population resolve(RandomStreams streams) {
      return new Population() {
        @Override
        public String id() {
          return id;
        }

        @Override
        public void setUp(AgentContext ctx) {
          setUp.accept(ctx, 0L);
        }

        @Override
        public void trade(AgentContext ctx) {
          trade.accept(ctx, ctx.clock().step());
        }
      };
    }
  }

  private static final BiConsumer<AgentContext, Long> NOTHING = (ctx, step) -> {};

  private static ModelSpec with(PopulationSpec... populations) {
    return ModelSpecs.withPopulations(ModelSpecs.oneAsset(5), List.of(populations));
  }

  @Test
  void test_run_aRangeFailureNamesThePopulationAndTheStep() {
    AccountId wallet = AccountId.of("greedy", "wallet");
    Acting greedy =
        new Acting(
            "greedy",
            (ctx, s) -> ctx.openAccount(wallet),
            (ctx, step) -> {
              if (step == 3) {
                ctx.endow(wallet, ModelSpecs.USD, Long.MAX_VALUE);
                ctx.endow(wallet, ModelSpecs.USD, Long.MAX_VALUE); // beyond a long of atoms
              }
            });
    ScenarioFailure f =
        assertThrows(
            ScenarioFailure.class,
            () ->
                Simulation.run(
                    with(new Acting("quiet", NOTHING, NOTHING), greedy), 1, 0, false, List.of()));
    assertEquals("agents[1]", f.field());
    assertEquals(3, f.step());
    assertTrue(f.outOfRange());
    assertTrue(
        f.getMessage().startsWith("agents[1]: at step 3: population greedy: a transfer of "),
        f.getMessage());
    assertTrue(f.getMessage().contains(" USD takes "), f.getMessage());
    assertTrue(
        f.getMessage().contains("(USD counted at 6 decimals; declaring fewer"), f.getMessage());
  }

  @Test
  void test_check_aRefusedSetUpNamesThePopulationAtSetUp() {
    Acting refused =
        new Acting(
            "borrowers",
            (ctx, s) -> {
              throw new IllegalStateException(
                  "borrower 0 of 5 would borrow 10.0 USD from lend, whose USD reserve holds 0.0 USD");
            },
            NOTHING);
    ScenarioFailure f =
        assertThrows(ScenarioFailure.class, () -> Simulation.check(with(refused), 1));
    assertEquals(
        "agents[0]: at set-up: population borrowers: borrower 0 of 5 would borrow 10.0 USD from lend,"
            + " whose USD reserve holds 0.0 USD",
        f.getMessage());
    assertTrue(!f.outOfRange());
  }

  @Test
  void test_run_aBugDuringTheRunStaysABug() {
    // A refusal nobody handled mid-run is the model's fault, not the scenario's: not a
    // ScenarioFailure.
    Acting buggy =
        new Acting(
            "buggy",
            NOTHING,
            (ctx, step) -> {
              throw new IllegalStateException("inconsistent books");
            });
    assertThrows(
        IllegalStateException.class, () -> Simulation.run(with(buggy), 1, 0, false, List.of()));
  }

  @Test
  void test_run_aFundamentalPriceOutOfRangeNamesItsProcess() {
    // 1,000% drift a year over one-year steps: 2000 e^10 a step passes 1e12 at step 3.
    ModelSpec spec =
        ModelSpecs.withSettings(
            ModelSpecs.withEthPrice(
                ModelSpecs.oneAsset(5), new PriceProcessSpec(2000, 10, 0, Optional.empty())),
            new RunSettings(5, 31_536_000, 1, 1));
    ScenarioFailure f =
        assertThrows(ScenarioFailure.class, () -> Simulation.run(spec, 1, 0, false, List.of()));
    assertEquals("assets[1].price", f.field());
    assertEquals(3, f.step());
  }
}
