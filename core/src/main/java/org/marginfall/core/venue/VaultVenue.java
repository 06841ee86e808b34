package org.marginfall.core.venue;

import java.util.Set;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;

/**
 * A venue of isolated collateralised debt positions (MakerDAO-style vaults), as vault owners see
 * it: one collateral type per vault, debt minted in the base currency.
 *
 * <p>Agents act on vault venues only through this interface, so the {@code agents} module never
 * depends on a concrete venue. Implementations are mutable run state and not thread-safe.
 */
public interface VaultVenue extends Venue {

  /** The collateral types (Maker "ilks") vaults can be opened for. */
  Set<AssetId> collateralTypes();

  /** The liquidation ratio of {@code ilk} (Maker {@code mat}, e.g. 1.45). */
  double liquidationRatio(AssetId ilk);

  /**
   * The smallest non-zero debt a vault of {@code ilk} may carry (Maker {@code dust}), base units.
   */
  double dust(AssetId ilk);

  /** The price the venue values {@code ilk} at now (its oracle's last published price). */
  double collateralPrice(AssetId ilk);

  /** The vault of {@code owner} for {@code ilk}, opened on first use. */
  AccountId openVault(AccountId owner, AssetId ilk);

  /** Moves {@code atoms} of the vault's collateral from {@code from} into the vault. */
  void lock(AccountId from, AccountId vault, long atoms);

  /**
   * Draws {@code atoms} of new debt, minted in base currency to {@code to}.
   *
   * @throws IllegalStateException if the vault would be unsafe or its debt dusty afterwards
   */
  void draw(AccountId vault, AccountId to, long atoms);

  /** The vault's debt now, in base-currency atoms. */
  long debt(AccountId vault);

  /** The vault's locked collateral, in atoms. */
  long collateral(AccountId vault);
}
