package org.marginfall.agents.manipulator;

import java.util.List;
import java.util.Objects;
import org.marginfall.core.agent.Population;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.util.Checks;
import org.marginfall.core.venue.VenueId;

/**
 * One perp-PnL manipulator (Mango Markets, 11 Oct 2022): two margin accounts on a perpetual venue
 * with a lending book take both sides of one trade, a thin spot market the venue's oracle reads is
 * bought up, and the long account borrows the book's cash against its unrealised PnL.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the population id
 * @param venue the perpetual venue, with a lending book ({@code borrowing})
 * @param market the perp market of the pair; a spot asset with a shared market
 * @param size units of the pair: account A sells them, account B buys them (> 0)
 * @param deposit base currency each account deposits at set-up (> 0)
 * @param capital base currency spent buying the spot market (> 0)
 * @param pairStep the tick both accounts trade (>= 1)
 * @param startStep the tick of the first spot buy (>= pairStep)
 * @param pumpSteps ticks it buys over (>= 1)
 * @param waitSteps ticks between the tick after its last buy and the borrow (>= 0)
 */
public record PnlManipulatorSpec(
    String id,
    VenueId venue,
    AssetId market,
    double size,
    double deposit,
    double capital,
    long pairStep,
    long startStep,
    int pumpSteps,
    int waitSteps)
    implements PopulationSpec {

  /** The registry name. */
  public static final String TYPE = "pnl-manipulator";

  /** The metrics its population reports, in order (see {@link PnlManipulator}). */
  public static final List<String> METRICS =
      List.of("borrowed", "lendersLoss", "oracleAtBorrow", "pnlAtBorrow");

  /** Validates the fields. */
  public PnlManipulatorSpec {
    Checks.id(id, "id");
    Objects.requireNonNull(venue, "venue");
    Objects.requireNonNull(market, "market");
    Checks.positive(size, "size");
    Checks.positive(deposit, "deposit");
    Checks.positive(capital, "capital");
    if (pairStep < 1) {
      throw new IllegalArgumentException("pairStep: must be >= 1, was " + pairStep);
    }
    if (startStep < pairStep) {
      throw new IllegalArgumentException(
          "startStep: must be >= pairStep " + pairStep + ", was " + startStep);
    }
    Checks.positive(pumpSteps, "pumpSteps");
    Checks.nonNegative(waitSteps, "waitSteps");
  }

  /** The tick of the borrow: the tick after the last buy, plus {@code waitSteps}. */
  public long borrowStep() {
    return startStep + pumpSteps + waitSteps;
  }

  @Override
  public List<String> metricNames() {
    return METRICS;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Population resolve(RandomStreams streams) {
    return new PnlManipulator(this);
  }
}
