package org.marginfall.experiments.family.pawn;

import java.util.List;
import org.marginfall.core.contagion.Cause;
import org.marginfall.core.event.AttributedLiquidation;

/**
 * A pawned pledge was forfeited: the liquidator repaid the loan and took collateral worth the loan
 * plus the penalty at the oracle price. The pawn family's one liquidation-like event.
 *
 * @param step the tick
 * @param round the liquidation round
 * @param venue the venue
 * @param account the pawned account
 * @param liquidator who repaid the loan
 * @param loan the loan repaid, base currency: the notional
 * @param units collateral units taken
 * @param price the oracle price used
 * @param bonus collateral value taken beyond the loan, base currency: the penalty
 * @param cause filled in by the engine
 */
public record Forfeit(
    long step,
    int round,
    String venue,
    String account,
    String liquidator,
    double loan,
    double units,
    double price,
    double bonus,
    Cause cause)
    implements AttributedLiquidation {

  @Override
  public double notional() {
    return loan;
  }

  @Override
  public double penalty() {
    return bonus;
  }

  @Override
  public List<String> notionalFields() {
    return List.of("loan");
  }

  @Override
  public Forfeit withCause(Cause cause) {
    return new Forfeit(step, round, venue, account, liquidator, loan, units, price, bonus, cause);
  }

  @Override
  public String type() {
    return "forfeit";
  }
}
