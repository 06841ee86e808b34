package org.marginfall.core.oracle;

import java.util.Objects;
import java.util.function.Supplier;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.contagion.PriceRecipe;
import org.marginfall.core.util.Checks;
import org.marginfall.core.util.FieldException;

/**
 * A scheduled failure of one feed: during steps {@code [fromStep, fromStep + steps)} the feed of
 * {@code asset} behaves as {@code mode} says instead of following its rule.
 *
 * <p>Immutable and thread-safe.
 *
 * @param asset the asset whose feed fails
 * @param fromStep the first step of the failure (ticks count from 1)
 * @param steps how many steps it lasts
 * @param mode what the feed does meanwhile
 */
public record OracleFailure(AssetId asset, long fromStep, int steps, Mode mode) {

  /** The largest factor a wrong failure may apply to the true price. */
  public static final double MAX_FACTOR = 1e6;

  /** Validates the fields; messages start with the field name. */
  public OracleFailure {
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(mode, "mode");
    checkFromStep(fromStep);
    Checks.positive(steps, "steps");
  }

  /**
   * The rule of a failure's first step: ticks count from 1.
   *
   * @throws FieldException at {@code fromStep} when it is below 1
   */
  public static void checkFromStep(long fromStep) {
    if (fromStep < 1) {
      throw new FieldException("fromStep", "must be >= 1 (ticks count from 1), was " + fromStep);
    }
  }

  /** Whether the failure is in force at {@code step}. */
  public boolean activeAt(long step) {
    return step >= fromStep && step < fromStep + steps;
  }

  /**
   * What a failing feed does, told to the feed by three answers: whether it publishes at all, how
   * many steps older its reading is, and what wrong value (if any) it publishes instead of its
   * reading. Open to plug-ins (docs/extending.md) through these answers. Immutable and thread-safe.
   */
  public interface Mode {

    /** The scenario name of the mode. */
    String label();

    /** Whether the feed publishes nothing while the failure lasts (its price stays). */
    default boolean frozen() {
      return false;
    }

    /** How many steps older than normal the feed's reading is, 0 for none. */
    default int lagSteps() {
      return 0;
    }

    /** Whether the feed publishes {@link #wrongValue} instead of applying its rule. */
    default boolean publishesWrongValue() {
      return false;
    }

    /**
     * The value published instead of the feed's reading {@code reading} (at no extra lag), when
     * {@link #publishesWrongValue()}.
     */
    default double wrongValue(double reading) {
      throw new UnsupportedOperationException(label() + " publishes no wrong value");
    }

    /**
     * What the published wrong {@code value} is made of, given the recipe of the reading (asked
     * only when needed): by default a plain number that no market price moves (attribution,
     * docs/contagion.md).
     */
    default PriceRecipe wrongRecipe(Supplier<PriceRecipe> reading, double value) {
      return PriceRecipe.plain(value);
    }
  }

  /**
   * The feed publishes nothing (a halted reporter set, a stopped chain): its price and its
   * published step stay where they were, so a venue's staleness guard can see it. Immutable and
   * thread-safe.
   */
  public record Frozen() implements Mode {
    @Override
    public String label() {
      return "frozen";
    }

    @Override
    public boolean frozen() {
      return true;
    }
  }

  /**
   * The feed keeps its rule but reads the price {@code lagSteps} older than it normally would (a
   * congested chain delaying reports). Immutable and thread-safe.
   *
   * @param lagSteps the extra age in steps, {@code >= 1}
   */
  public record Lagging(int lagSteps) implements Mode {
    /** Validates the lag. */
    public Lagging {
      Checks.positive(lagSteps, "lagSteps");
    }

    @Override
    public String label() {
      return "lagging";
    }
  }

  /**
   * The feed publishes {@code value} whatever the market does. Immutable and thread-safe.
   *
   * @param value the wrong price, {@code > 0}
   */
  public record WrongValue(double value) implements Mode {
    /** Validates the value. */
    public WrongValue {
      Checks.positive(value, "value");
    }

    @Override
    public String label() {
      return "wrong";
    }

    @Override
    public boolean publishesWrongValue() {
      return true;
    }

    @Override
    public double wrongValue(double reading) {
      return value;
    }
  }

  /**
   * The feed publishes {@code factor} times the price it would have read, as when Coinbase Pro
   * printed DAI at $1.30 and Compound's Open Price Feed published it (docs/sources.md, Market
   * events). Immutable and thread-safe.
   *
   * @param factor the multiple of the true reading, {@code > 0}
   */
  public record WrongFactor(double factor) implements Mode {
    /** Validates the factor. */
    public WrongFactor {
      Checks.positive(factor, "factor");
    }

    @Override
    public String label() {
      return "wrong";
    }

    @Override
    public boolean publishesWrongValue() {
      return true;
    }

    @Override
    public double wrongValue(double reading) {
      return factor * reading;
    }

    @Override
    public PriceRecipe wrongRecipe(Supplier<PriceRecipe> reading, double value) {
      return reading.get().scaled(factor);
    }
  }
}
