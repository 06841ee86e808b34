package org.marginfall.agents;

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
import org.marginfall.core.spec.Contributions;
import org.marginfall.core.spec.MarginfallPlugin;

/**
 * The agent behaviours shipped with Marginfall, registered as a plug-in (listed in this module's
 * {@code META-INF/services}) so they are found the way a user's jar is. Stateless.
 */
public final class BuiltInAgents implements MarginfallPlugin {

  @Override
  public void contribute(Contributions to) {
    to.populationType(new LeveragedTradersType());
    to.populationType(new LiquidatorsType());
    to.populationType(new LendingSuppliersType());
    to.populationType(new LendingBorrowersType());
    to.populationType(new VaultOwnersType());
    to.populationType(new FlipKeepersType());
    to.populationType(new FlopKeepersType());
    to.populationType(new PooledTradersType());
    to.populationType(new CollateralMoversType());
    to.populationType(new BasisTradersType());
    to.populationType(new VolTargetTradersType());
    to.populationType(new SignalTradersType(SignalRule.MOMENTUM));
    to.populationType(new SignalTradersType(SignalRule.MEAN_REVERSION));
    to.populationType(new SignalTradersType(SignalRule.NOISE));
    to.populationType(new MarketMakersType());
    to.populationType(new ArbitrageursType());
    to.populationType(new MarkArbitrageursType());
    to.populationType(new RunningDepositorsType());
    to.populationType(new OracleManipulatorType());
    to.populationType(new FloorExploiterType());
    to.populationType(new PnlManipulatorType());
    to.populationType(new InstitutionsType());
    to.populationType(new SnapshotTradersType());
    to.populationType(new SnapshotLendersType());
    to.populationType(new SnapshotVaultsType());
  }
}
