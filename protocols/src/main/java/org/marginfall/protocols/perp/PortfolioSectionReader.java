package org.marginfall.protocols.perp;

import java.util.Optional;
import java.util.Set;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecContext;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.protocols.perp.portfolio.PortfolioMarginModel;
import org.marginfall.protocols.perp.portfolio.PortfolioMarginReader;
import org.marginfall.protocols.perp.portfolio.SpanGrid;
import org.marginfall.protocols.perp.portfolio.ValueAtRisk;

/**
 * Reads a perpetual venue's {@code portfolio} block against its margin mode and listed markets; the
 * block's own fields are read by {@link PortfolioMarginReader}. Stateless.
 */
final class PortfolioSectionReader {

  private PortfolioSectionReader() {}

  /**
   * Reads the {@code portfolio} block, which must be given exactly when {@code marginMode} is
   * portfolio and must cover every listed market.
   */
  static Optional<PortfolioMarginModel> read(
      SpecNode node, SpecContext context, MarginMode mode, Set<AssetId> markets) {
    SpecNode p = node.get("portfolio");
    if (mode != MarginMode.PORTFOLIO) {
      if (!p.isMissing()) {
        p.fail("is only read with marginMode portfolio");
      }
      return Optional.empty();
    }
    if (p.isMissing()) {
      p.fail("is required with marginMode portfolio (method: span or var)");
      return Optional.empty();
    }
    Problems.Mark mark = p.mark();
    PortfolioMarginModel model = PortfolioMarginReader.read(p, context);
    if (model == null || mark.failed()) {
      return Optional.empty();
    }
    for (AssetId market : markets) {
      boolean covered =
          model instanceof SpanGrid span
              ? span.priceScanRange().containsKey(market)
              : ((ValueAtRisk) model)
                  .covariance()
                  .map(c -> c.assets().contains(market))
                  .orElse(true);
      if (!covered) {
        p.fail(
            "does not cover market " + market + " (give it a price scan range, or a volatility)");
      }
    }
    return Optional.of(model);
  }
}
