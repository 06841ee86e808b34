package org.marginfall.protocols.cdp;

import java.util.Objects;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.util.Checks;

/**
 * The terms of Maker's debt auctions (flop.sol, kicked by vow.sol {@code flop}): once the Vow's
 * unbacked debt exceeds {@code sump} and its surplus is spent, it offers {@code dump} of the
 * governance token for a fixed bid of {@code sump}; bidders lower the lot by at least {@code beg};
 * a bid wins after {@code ttl} seconds without a better one or at the auction's end, {@code tau}
 * seconds after the kick; an auction nobody bid on restarts with its lot raised by {@code pad}.
 * Source:
 * https://docs.makerdao.com/smart-contract-modules/system-stabilizer-module/flop-detailed-documentation
 *
 * <p>Immutable and thread-safe.
 *
 * @param gem the asset minted to the winners (MKR)
 * @param sump the fixed bid of every auction, base-currency units (vow.sol {@code sump}; 50,000 DAI
 *     in March 2020)
 * @param dump the starting lot, units of {@code gem} (vow.sol {@code dump}; 250 MKR in March 2020)
 * @param beg minimum lot decrease factor, e.g. 1.03
 * @param pad lot increase factor of a restart ({@code tick}), e.g. 1.2
 * @param ttl seconds a bid lives before it wins (6 hours in March 2020)
 * @param tau most seconds an auction runs before it ends or restarts (3 days in March 2020)
 */
public record FlopTerms(
    AssetId gem, double sump, double dump, double beg, double pad, double ttl, double tau) {

  /** Validates the fields. */
  public FlopTerms {
    Objects.requireNonNull(gem, "gem");
    Checks.positive(sump, "sump");
    Checks.positive(dump, "dump");
    if (!(beg > 1)) {
      throw new IllegalArgumentException("beg: must be above 1, was " + beg);
    }
    if (!(pad >= 1)) {
      throw new IllegalArgumentException("pad: must be at least 1, was " + pad);
    }
    Checks.positive(ttl, "ttl");
    Checks.positive(tau, "tau");
  }
}
