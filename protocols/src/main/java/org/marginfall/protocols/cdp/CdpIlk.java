package org.marginfall.protocols.cdp;

import java.util.Objects;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.util.Checks;

/**
 * One collateral type of a CDP venue (a Maker "ilk") with its risk and Liquidations 2.0 auction
 * parameters; amounts are in base-currency units, times in simulated seconds.
 *
 * <p>Immutable and thread-safe.
 *
 * @param asset the collateral asset
 * @param mat liquidation ratio: a vault is unsafe when collateral value over debt falls below it
 *     (spot.sol {@code spot = val / par / mat})
 * @param stabilityFee fee accrued per simulation step, as a fraction of debt (jug.sol {@code duty},
 *     compounded once a step into the rate accumulator)
 * @param dust smallest non-zero vault debt (vat.sol {@code dust})
 * @param chop liquidation penalty factor, {@code >= 1} (dog.sol {@code chop}, e.g. 1.13)
 * @param hole most debt-plus-penalty of this ilk in auction at once (dog.sol {@code ilk.hole})
 * @param buf starting-price factor over the oracle price (clip.sol {@code buf})
 * @param tail seconds after which an auction needs a reset (clip.sol {@code tail})
 * @param cusp price drop, as a fraction of top, below which an auction needs a reset (clip.sol
 *     {@code cusp})
 * @param chip keeper incentive as a fraction of the tab (clip.sol {@code chip})
 * @param tip flat keeper incentive, in base units (clip.sol {@code tip})
 * @param abacus the auction's price curve (abaci.sol)
 */
public record CdpIlk(
    AssetId asset,
    double mat,
    double stabilityFee,
    double dust,
    double chop,
    double hole,
    double buf,
    double tail,
    double cusp,
    double chip,
    double tip,
    Abacus abacus) {

  /** Validates the fields. */
  public CdpIlk {
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(abacus, "abacus");
    if (!(mat >= 1)) {
      throw new IllegalArgumentException("mat: must be at least 1, was " + mat);
    }
    Checks.nonNegative(stabilityFee, "stabilityFee");
    Checks.nonNegative(dust, "dust");
    if (!(chop >= 1)) {
      throw new IllegalArgumentException("chop: must be at least 1, was " + chop);
    }
    Checks.positive(hole, "hole");
    Checks.positive(buf, "buf");
    Checks.positive(tail, "tail");
    if (!(cusp > 0 && cusp < 1)) {
      throw new IllegalArgumentException("cusp: must be in (0, 1), was " + cusp);
    }
    Checks.fraction(chip, "chip");
    Checks.nonNegative(tip, "tip");
  }
}
