package org.marginfall.agents.trader;

import java.util.List;
import java.util.Objects;
import org.marginfall.agents.snapshot.AccountGroups;
import org.marginfall.agents.snapshot.PerpRow;
import org.marginfall.agents.snapshot.SnapshotFile;
import org.marginfall.agents.snapshot.SnapshotSpec;
import org.marginfall.core.agent.Population;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.util.Checks;
import org.marginfall.core.venue.VenueId;

/**
 * Traders on one perpetual venue loaded from a position snapshot instead of drawn.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the population id
 * @param venue the perpetual venue the accounts load into
 * @param snapshot the file they were read from
 * @param rows the rows that fit, in file order
 * @param risk stop-loss, take-profit, top-up and panic rules ({@link TraderRisk#NONE}: hold)
 * @param accounts the rows grouped by account, accounts in the order of their first row
 */
public record SnapshotTradersSpec(
    String id,
    VenueId venue,
    SnapshotFile snapshot,
    List<PerpRow> rows,
    TraderRisk risk,
    AccountGroups accounts)
    implements SnapshotSpec {

  /** The registry name. */
  public static final String TYPE = "perpetual-snapshot";

  /** Validates the fields. */
  public SnapshotTradersSpec {
    Checks.id(id, "id");
    Objects.requireNonNull(venue, "venue");
    Objects.requireNonNull(snapshot, "snapshot");
    rows = List.copyOf(rows);
    Objects.requireNonNull(risk, "risk");
    Objects.requireNonNull(accounts, "accounts");
  }

  /** The spec of {@code rows}, grouped by account here. */
  public SnapshotTradersSpec(
      String id, VenueId venue, SnapshotFile snapshot, List<PerpRow> rows, TraderRisk risk) {
    this(id, venue, snapshot, rows, risk, AccountGroups.of(rows, PerpRow::account));
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Population resolve(RandomStreams streams) {
    return new SnapshotTraders(this, streams.stream("agents/" + id));
  }
}
