package org.marginfall.agents.trader;

import java.util.Arrays;
import java.util.List;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.venue.MarginState;
import org.marginfall.core.venue.PerpetualVenue;

/**
 * What a {@link TraderBook}'s pass reads from its venue, each read at most once between two
 * changes: a market's mark and a margin account's state are pure functions of the venue's state, so
 * a value read since the pass last moved anything on the venue (a reduction or a deposit, see
 * {@link #changed}) is the value the venue would return again. A pass that moves nothing reads
 * every market's mark once and every account's state once, however many rules ask. Every value is
 * forgotten at the start of a pass ({@link #newPass}): prices moved between steps. Mutable and not
 * thread-safe.
 */
final class VenueReads {

  private final PerpetualVenue venue;
  private final List<AssetId> markets;
  private final TraderColumns columns;

  /** Counts passes and changes; a cached value is current while its stamp equals it. */
  private long epoch = 1;

  private double[] mark = new double[0];
  private long[] markEpoch = new long[0];
  private MarginState[] state = new MarginState[0];
  private long[] stateEpoch = new long[0];

  VenueReads(PerpetualVenue venue, TraderColumns columns) {
    this.venue = venue;
    this.columns = columns;
    this.markets = columns.markets();
  }

  /** Starts a pass: nothing read before is current. */
  void newPass() {
    epoch++;
    if (markEpoch.length < markets.size()) {
      mark = new double[markets.size()];
      markEpoch = new long[markets.size()];
    }
    if (stateEpoch.length < columns.accounts()) {
      // Grown geometrically: set-up starts a pass per admitted member.
      int n = Math.max(columns.accounts(), 2 * stateEpoch.length);
      state = Arrays.copyOf(state, n);
      stateEpoch = Arrays.copyOf(stateEpoch, n);
    }
  }

  /** The pass just asked the venue to move something: nothing read before is current. */
  void changed() {
    epoch++;
  }

  /** The venue's mark of market index {@code i} now. */
  double mark(int i) {
    if (markEpoch[i] != epoch) {
      mark[i] = venue.markPrice(markets.get(i));
      markEpoch[i] = epoch;
    }
    return mark[i];
  }

  /** The margin state of the account in {@code slot} now. */
  MarginState state(int slot) {
    if (stateEpoch[slot] != epoch) {
      AccountId a = columns.account(slot);
      state[slot] = venue.marginState(a);
      stateEpoch[slot] = epoch;
    }
    return state[slot];
  }
}
