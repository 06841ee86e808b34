package org.marginfall.core.venue;

/**
 * An account's margin position as its venue computes it, in base currency.
 *
 * <p>Immutable and thread-safe.
 *
 * @param equity collateral value after haircuts plus unrealised PnL
 * @param initialRequirement margin needed to open or increase risk
 * @param maintenanceRequirement margin below which the account can be liquidated
 */
public record MarginState(double equity, double initialRequirement, double maintenanceRequirement) {

  /** Whether the account can be liquidated: it carries risk and its equity is below maintenance. */
  public boolean liquidatable() {
    return maintenanceRequirement > 0 && equity < maintenanceRequirement;
  }

  /** Equity over maintenance requirement; +infinity for an account without risk. */
  public double health() {
    return maintenanceRequirement > 0 ? equity / maintenanceRequirement : Double.POSITIVE_INFINITY;
  }
}
