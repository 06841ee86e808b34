package org.marginfall.agents.cdp;

import java.util.List;
import java.util.Objects;
import org.marginfall.agents.snapshot.SnapshotFile;
import org.marginfall.agents.snapshot.SnapshotSpec;
import org.marginfall.agents.snapshot.VaultRow;
import org.marginfall.core.agent.Population;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.util.Checks;
import org.marginfall.core.venue.VenueId;

/**
 * Vaults of one CDP venue loaded from a snapshot.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the population id
 * @param venue the CDP venue
 * @param snapshot the file they were read from
 * @param rows the rows that fit, in file order
 */
public record SnapshotVaultsSpec(
    String id, VenueId venue, SnapshotFile snapshot, List<VaultRow> rows) implements SnapshotSpec {

  /** The registry name. */
  public static final String TYPE = "cdp-snapshot";

  /** Validates the fields. */
  public SnapshotVaultsSpec {
    Checks.id(id, "id");
    Objects.requireNonNull(venue, "venue");
    Objects.requireNonNull(snapshot, "snapshot");
    rows = List.copyOf(rows);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Population resolve(RandomStreams streams) {
    return new SnapshotVaults(this);
  }
}
