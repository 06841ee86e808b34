package org.marginfall.protocols.cdp;

/**
 * dog.sol's limits on collateral in auction: the tabs running auctions still claim, globally
 * ({@code Dirt} under {@code Hole}) and per collateral type ({@code ilk.dirt} under {@code
 * ilk.hole}), in base-currency atoms. A bark adds its tab; {@code dig} takes back what a take
 * raised.
 *
 * <p>Mutable and not thread-safe.
 */
final class HoleLimits {

  private final long globalHole;
  private final Iterable<Ilk> ilks;
  long dirt;

  HoleLimits(CdpContext c, VaultBook book) {
    this.globalHole = c.basePrecision().floorAtoms(c.spec().globalHole());
    this.ilks = book.ilkValues();
  }

  /** The room left globally for a new auction's tab. */
  long globalRoom() {
    return globalHole - dirt;
  }

  /** The room left under the collateral type's own hole. */
  static long ilkRoom(Ilk ilk) {
    return ilk.hole - ilk.dirt;
  }

  /**
   * Whether some collateral type has room for a bark: {@code min(Hole - Dirt, ilk.hole - ilk.dirt)}
   * positive and at least its dust.
   */
  boolean anyRoom() {
    for (Ilk ilk : ilks) {
      long room = Math.min(globalHole - dirt, ilk.hole - ilk.dirt);
      if (room > 0 && room >= ilk.dust) {
        return true;
      }
    }
    return false;
  }

  /** A bark's new auction claims its tab. */
  void claim(Ilk ilk, long tab) {
    dirt += tab;
    ilk.dirt += tab;
  }

  /** dog.sol {@code digs}: an auction's claim falls by {@code atoms}. */
  void dig(Ilk ilk, long atoms) {
    dirt -= atoms;
    ilk.dirt -= atoms;
  }
}
