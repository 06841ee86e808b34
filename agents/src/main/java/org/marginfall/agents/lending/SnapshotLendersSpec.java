package org.marginfall.agents.lending;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.marginfall.agents.snapshot.AccountGroups;
import org.marginfall.agents.snapshot.LendingRow;
import org.marginfall.agents.snapshot.SnapshotFile;
import org.marginfall.agents.snapshot.SnapshotSpec;
import org.marginfall.core.agent.Population;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.util.Checks;
import org.marginfall.core.venue.VenueId;

/**
 * Accounts of one lending venue, suppliers and borrowers, loaded from a position snapshot.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the population id
 * @param venue the lending venue
 * @param snapshot the file they were read from
 * @param rows the rows that fit, in file order
 * @param accounts the rows grouped by account, accounts in the order of their first row
 */
public record SnapshotLendersSpec(
    String id, VenueId venue, SnapshotFile snapshot, List<LendingRow> rows, AccountGroups accounts)
    implements SnapshotSpec {

  /** The registry name. */
  public static final String TYPE = "lending-snapshot";

  /** Validates the fields. */
  public SnapshotLendersSpec {
    Checks.id(id, "id");
    Objects.requireNonNull(venue, "venue");
    Objects.requireNonNull(snapshot, "snapshot");
    rows = List.copyOf(rows);
    Objects.requireNonNull(accounts, "accounts");
  }

  /** The spec of {@code rows}, grouped by account here. */
  public SnapshotLendersSpec(
      String id, VenueId venue, SnapshotFile snapshot, List<LendingRow> rows) {
    this(id, venue, snapshot, rows, AccountGroups.of(rows, LendingRow::account));
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Population resolve(RandomStreams streams) {
    return new SnapshotLenders(this);
  }

  /** Its accounts supply to the venue... */
  @Override
  public Set<VenueId> fundsAtSetUp() {
    return Set.of(venue);
  }

  /** ...and borrow from it, after the venue's supplier populations. */
  @Override
  public Set<VenueId> drawsAtSetUp() {
    return Set.of(venue);
  }
}
