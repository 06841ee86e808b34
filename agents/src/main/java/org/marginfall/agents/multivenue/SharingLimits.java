package org.marginfall.agents.multivenue;

import java.util.List;
import java.util.Objects;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.util.Checks;
import org.marginfall.core.venue.VenueId;

/**
 * How much of a shared pool each leg (venue) may draw: the sharing-limit formula of docs/agents.md.
 *
 * <p>Each pool asset {@code a}, holding {@code A_a} atoms at set-up, is split per asset: leg {@code
 * i} owns the fraction {@code f_i,a = w_i / Σ_j w_j} over the legs {@code j} the ring fence lets
 * {@code a} go to (0 for a leg it may not go to). A part {@code (1 − share) f_i,a A_a} is reserved
 * for leg {@code i} alone; the rest, {@code share × A_a}, is common to every allowed leg. So leg
 * {@code i} can draw at most {@code A_a (f_i,a + share (1 − f_i,a))} atoms of {@code a}: {@code
 * share = 0} isolates the legs (each only ever uses its own slice, one leg's draws never reduce
 * another's), {@code share = 1} lets any leg draw the whole pool. Limits are counted in atoms, not
 * value, so a price move cannot make one leg's draw eat another's reserve. A per-leg {@code cap}
 * bounds the base-currency value (at draw prices) a leg draws over the run. Immutable and
 * thread-safe.
 *
 * @param share the shared fraction in [0, 1]
 * @param venues each leg's venue, in leg order
 * @param weights each leg's slice weight
 * @param caps each leg's cap on value drawn (+infinity: none)
 * @param fences ring-fenced asset classes
 */
public record SharingLimits(
    double share,
    List<VenueId> venues,
    List<Double> weights,
    List<Double> caps,
    List<RingFence> fences) {

  /** Validates the share and that every leg has a weight and a cap. */
  public SharingLimits {
    Checks.fraction(share, "share");
    venues = List.copyOf(venues);
    weights = List.copyOf(weights);
    caps = List.copyOf(caps);
    fences = List.copyOf(fences);
    if (weights.size() != venues.size() || caps.size() != venues.size()) {
      throw new IllegalArgumentException("weights and caps: need one per leg");
    }
    Objects.requireNonNull(fences, "fences");
  }

  /** These limits with everything isolated: what a closed sharedPool channel means. */
  public SharingLimits isolated() {
    return new SharingLimits(0, venues, weights, caps, fences);
  }

  /** Whether the ring fence lets {@code asset} go to leg {@code leg}'s venue. */
  public boolean allowed(AssetId asset, int leg) {
    for (RingFence f : fences) {
      if (f.assets().contains(asset)) {
        return f.venues().contains(venues.get(leg));
      }
    }
    return true;
  }

  /** The slice fraction {@code f_i,a = w_i / Σ_j w_j} over the legs {@code asset} may go to. */
  public double fraction(AssetId asset, int leg) {
    if (!allowed(asset, leg)) {
      return 0;
    }
    double total = 0;
    for (int j = 0; j < venues.size(); j++) {
      if (allowed(asset, j)) {
        total += weights.get(j);
      }
    }
    return weights.get(leg) / total;
  }

  /** Atoms of {@code asset} reserved for leg {@code leg} alone: {@code floor((1 − share) f A)}. */
  public long reservedAtoms(AssetId asset, int leg, long poolAtoms) {
    return (long) Math.floor((1 - share) * fraction(asset, leg) * poolAtoms);
  }

  /**
   * Atoms of {@code asset} common to every allowed leg: {@code A − Σ_i reserved_i} when {@code
   * share > 0} (so rounding residues are shared), 0 when isolated (residues of under one atom per
   * leg stay unused).
   */
  public long commonAtoms(AssetId asset, long poolAtoms) {
    if (share == 0) {
      return 0;
    }
    long reserved = 0;
    for (int j = 0; j < venues.size(); j++) {
      reserved += reservedAtoms(asset, j, poolAtoms);
    }
    return poolAtoms - reserved;
  }

  /** The most atoms of {@code asset} leg {@code leg} can ever draw: reserved plus common. */
  public long limitAtoms(AssetId asset, int leg, long poolAtoms) {
    return allowed(asset, leg)
        ? reservedAtoms(asset, leg, poolAtoms) + commonAtoms(asset, poolAtoms)
        : 0;
  }
}
