package org.example.marginfall;

import org.marginfall.core.spec.Contributions;
import org.marginfall.core.spec.MarginfallPlugin;

/**
 * The example plug-in: a venue type ({@code capped-perpetual}) and an agent type ({@code
 * drawdown-traders}), listed in {@code META-INF/services/org.marginfall.core.spec.MarginfallPlugin}
 * so that {@code marginfall --plugin} finds it.
 */
public final class ExtensionPlugin implements MarginfallPlugin {

  @Override
  public void contribute(Contributions to) {
    to.venueType(new CappedPerpetualType());
    to.populationType(new DrawdownTradersType());
  }
}
