package org.marginfall.experiments.scenario;

import org.marginfall.agents.arbitrage.ArbitrageursType;
import org.marginfall.agents.basis.BasisTradersType;
import org.marginfall.agents.cdp.FlipKeepersType;
import org.marginfall.agents.cdp.FlopKeepersType;
import org.marginfall.agents.cdp.SnapshotVaultsType;
import org.marginfall.agents.cdp.VaultOwnersType;
import org.marginfall.agents.depositor.RunningDepositorsType;
import org.marginfall.agents.institution.InstitutionsType;
import org.marginfall.agents.lending.LendingBorrowersType;
import org.marginfall.agents.lending.LendingSuppliersType;
import org.marginfall.agents.lending.SnapshotLendersType;
import org.marginfall.agents.liquidator.LiquidatorsType;
import org.marginfall.agents.manipulator.FloorExploiterType;
import org.marginfall.agents.manipulator.OracleManipulatorType;
import org.marginfall.agents.manipulator.PnlManipulatorType;
import org.marginfall.agents.markarb.MarkArbitrageursType;
import org.marginfall.agents.marketmaker.MarketMakersType;
import org.marginfall.agents.multivenue.CollateralMoversType;
import org.marginfall.agents.multivenue.PooledTradersType;
import org.marginfall.agents.signal.SignalRule;
import org.marginfall.agents.signal.SignalTradersType;
import org.marginfall.agents.trader.LeveragedTradersType;
import org.marginfall.agents.trader.SnapshotTradersType;
import org.marginfall.agents.voltarget.VolTargetTradersType;
import org.marginfall.core.spec.PopulationType;
import org.marginfall.core.spec.Registry;
import org.marginfall.core.spec.VenueType;
import org.marginfall.protocols.cdp.CdpVenueType;
import org.marginfall.protocols.lending.LendingVenueType;
import org.marginfall.protocols.perp.PerpetualVenueType;

/**
 * The pluggable families a scenario file can name: venue types, agent behaviours and venue presets.
 *
 * <p>This is the one place where {@code protocols} and {@code agents} meet; adding a venue family
 * or a behaviour means registering it here. Immutable and thread-safe.
 *
 * @param venueTypes venue families by {@code type:}
 * @param populationTypes agent behaviours by {@code type:}
 * @param presets venue presets by {@code preset:}
 */
public record Catalog(
    Registry<VenueType> venueTypes, Registry<PopulationType> populationTypes, Presets presets) {

  /** The families shipped with Marginfall. */
  public static Catalog standard() {
    return new Catalog(
        Registry.of(
            "venue type",
            VenueType::name,
            new PerpetualVenueType(),
            new LendingVenueType(),
            new CdpVenueType()),
        Registry.of(
            "agent type",
            PopulationType::name,
            new LeveragedTradersType(),
            new LiquidatorsType(),
            new LendingSuppliersType(),
            new LendingBorrowersType(),
            new VaultOwnersType(),
            new FlipKeepersType(),
            new FlopKeepersType(),
            new PooledTradersType(),
            new CollateralMoversType(),
            new BasisTradersType(),
            new VolTargetTradersType(),
            new SignalTradersType(SignalRule.MOMENTUM),
            new SignalTradersType(SignalRule.MEAN_REVERSION),
            new SignalTradersType(SignalRule.NOISE),
            new MarketMakersType(),
            new ArbitrageursType(),
            new MarkArbitrageursType(),
            new RunningDepositorsType(),
            new OracleManipulatorType(),
            new FloorExploiterType(),
            new PnlManipulatorType(),
            new InstitutionsType(),
            new SnapshotTradersType(),
            new SnapshotLendersType(),
            new SnapshotVaultsType()),
        Presets.bundled());
  }
}
