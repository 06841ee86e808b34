package org.marginfall.core.metric;

import java.util.List;
import java.util.Map;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.contagion.ChannelSwitches;
import org.marginfall.core.venue.VenueId;

/**
 * What recorders learn when a run starts: its settings and the venues' static description.
 *
 * <p>Immutable and thread-safe.
 *
 * @param settings the run settings (with the seed actually used)
 * @param replication the replication index
 * @param baseCurrency the unit of account
 * @param venues each venue's type and attributes, in scenario order
 * @param channels the contagion channels open in the run
 */
public record RunStart(
    RunSettings settings,
    int replication,
    AssetId baseCurrency,
    List<VenueInfo> venues,
    ChannelSwitches channels) {

  /** Copies the list. */
  public RunStart {
    venues = List.copyOf(venues);
  }

  /** A run with every channel open. */
  public RunStart(
      RunSettings settings, int replication, AssetId baseCurrency, List<VenueInfo> venues) {
    this(settings, replication, baseCurrency, venues, ChannelSwitches.ALL_OPEN);
  }

  /**
   * The static description of a venue.
   *
   * @param id the venue
   * @param type its registry type
   * @param attributes descriptive attributes such as the margin mode
   */
  public record VenueInfo(VenueId id, String type, Map<String, Object> attributes) {}
}
