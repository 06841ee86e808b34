package org.marginfall.protocols.perp;

import java.util.List;
import org.marginfall.core.contagion.Cause;
import org.marginfall.core.event.AttributedLiquidation;

/**
 * A position was closed by a liquidation (book close or auto-deleveraging): an attributed {@code
 * LiquidationEvent} whose penalty is the fee charged.
 *
 * <p>Immutable and thread-safe.
 *
 * @param step the tick
 * @param round the liquidation round, 0 outside the liquidation phase
 * @param venue the venue
 * @param account the liquidated margin account
 * @param liquidator the liquidator's account
 * @param asset the market
 * @param size signed size closed
 * @param oraclePrice the venue's oracle price when liquidated
 * @param executionPrice the average execution price of the close
 * @param notional absolute notional at the execution price
 * @param realizedPnl profit (negative: loss) realised on the close
 * @param fee liquidation fee charged to the account for this position
 * @param feeToLiquidator the liquidator's share of the fee
 * @param feeToInsurance the insurance fund's share of the fee
 * @param equityBefore account equity when liquidated
 * @param maintenanceBefore maintenance requirement when liquidated
 * @param cause why it happened (docs/contagion.md, "Attribution: cause and generation"), filled in
 *     by the engine
 */
public record Liquidation(
    long step,
    int round,
    String venue,
    String account,
    String liquidator,
    String asset,
    double size,
    double oraclePrice,
    double executionPrice,
    double notional,
    double realizedPnl,
    double fee,
    double feeToLiquidator,
    double feeToInsurance,
    double equityBefore,
    double maintenanceBefore,
    Cause cause)
    implements AttributedLiquidation {

  private static final List<String> NOTIONAL_FIELDS = List.of("notional");

  /** The event as a venue emits it, before the engine attributes its cause. */
  public Liquidation(
      long step,
      int round,
      String venue,
      String account,
      String liquidator,
      String asset,
      double size,
      double oraclePrice,
      double executionPrice,
      double notional,
      double realizedPnl,
      double fee,
      double feeToLiquidator,
      double feeToInsurance,
      double equityBefore,
      double maintenanceBefore) {
    this(
        step,
        round,
        venue,
        account,
        liquidator,
        asset,
        size,
        oraclePrice,
        executionPrice,
        notional,
        realizedPnl,
        fee,
        feeToLiquidator,
        feeToInsurance,
        equityBefore,
        maintenanceBefore,
        null);
  }

  @Override
  public double penalty() {
    return fee;
  }

  @Override
  public List<String> notionalFields() {
    return NOTIONAL_FIELDS;
  }

  @Override
  public Liquidation withCause(Cause cause) {
    return new Liquidation(
        step,
        round,
        venue,
        account,
        liquidator,
        asset,
        size,
        oraclePrice,
        executionPrice,
        notional,
        realizedPnl,
        fee,
        feeToLiquidator,
        feeToInsurance,
        equityBefore,
        maintenanceBefore,
        cause);
  }

  @Override
  public String type() {
    return "liquidation";
  }
}
