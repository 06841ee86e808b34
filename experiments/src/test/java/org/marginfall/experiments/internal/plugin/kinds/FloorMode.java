package org.marginfall.experiments.internal.plugin.kinds;

import java.util.function.Supplier;
import org.marginfall.core.contagion.PriceRecipe;
import org.marginfall.core.oracle.OracleFailure;

/**
 * A test plug-in's failure mode: the feed publishes at least {@code floor}, a stuck lower bound.
 *
 * @param floor the lowest value published while the failure lasts
 */
public record FloorMode(double floor) implements OracleFailure.Mode {

  @Override
  public String label() {
    return "floor";
  }

  @Override
  public boolean publishesWrongValue() {
    return true;
  }

  @Override
  public double wrongValue(double reading) {
    return Math.max(reading, floor);
  }

  @Override
  public PriceRecipe wrongRecipe(Supplier<PriceRecipe> reading, double value) {
    return value == floor ? PriceRecipe.plain(value) : reading.get();
  }
}
