package org.marginfall.experiments.internal.scenario;

import java.util.List;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.util.Checks;

/**
 * Reads {@code correlations} into the correlation matrix of the spot assets' returns (the identity
 * when absent), which must be positive definite. Stateless.
 */
final class CorrelationsReader {

  private CorrelationsReader() {}

  static double[][] read(ReadingState state) {
    List<AssetId> spot = state.spotAssets();
    double[][] m = new double[spot.size()][spot.size()];
    for (int i = 0; i < m.length; i++) {
      m[i][i] = 1;
    }
    SpecNode list = state.root.get("correlations");
    if (list.isMissing()) {
      return m;
    }
    Problems.Mark mark = list.mark();
    for (SpecNode c : list.elements()) {
      if (c.requireObject()) {
        pair(c, spot, state, m);
      }
    }
    if (mark.clean() && m.length > 0) {
      try {
        new CholeskyDecomposition(MatrixUtils.createRealMatrix(m));
      } catch (NonPositiveDefiniteMatrixException e) {
        list.fail("the correlation matrix is not positive definite");
      }
    }
    return m;
  }

  /** One entry {@code {assets: [a, b], rho}}, written into both cells of {@code m}. */
  private static void pair(SpecNode c, List<AssetId> spot, ReadingState state, double[][] m) {
    c.allowOnly("assets", "rho");
    List<SpecNode> pair = c.list("assets");
    double rho = c.number("rho");
    if (!Double.isNaN(rho) && !(rho >= -1 && rho <= 1)) {
      c.get("rho").fail("must be between -1 and 1, was " + rho);
    }
    if (pair.size() != 2) {
      c.get("assets").fail("must name exactly two spot assets");
      return;
    }
    int i = spotIndex(pair.get(0), spot);
    int k = spotIndex(pair.get(1), spot);
    if (i >= 0 && k >= 0 && i == k) {
      c.get("assets").fail("must name two different assets");
    } else if (i >= 0
        && k >= 0
        && state.historical.contains(spot.get(i))
        && state.historical.contains(spot.get(k))) {
      c.get("assets")
          .fail(
              "both assets are historical (replay or bootstrap): their co-movement comes from their"
                  + " data, so remove this correlation");
    } else if (i >= 0 && k >= 0 && !Double.isNaN(rho)) {
      m[i][k] = rho;
      m[k][i] = rho;
    }
  }

  private static int spotIndex(SpecNode node, List<AssetId> spot) {
    String s = node.asString();
    int i = Checks.isId(s) ? spot.indexOf(AssetId.of(s)) : -1;
    if (i < 0 && !node.isMissing()) {
      node.fail("unknown spot asset '" + s + "' (spot assets: " + spot + ")");
    }
    return i;
  }
}
