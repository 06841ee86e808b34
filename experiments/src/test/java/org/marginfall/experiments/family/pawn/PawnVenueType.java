package org.marginfall.experiments.family.pawn;

import java.util.ArrayList;
import java.util.List;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.oracle.OracleId;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecContext;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.spec.VenueSpec;
import org.marginfall.core.spec.VenueType;

/** Reads {@code type: pawn} venues. */
public final class PawnVenueType implements VenueType {

  static final String NAME = "pawn";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public VenueSpec read(SpecNode node, SpecContext context) {
    Problems.Mark mark = node.mark();
    node.allowOnly("id", "type", "oracle", "collateral", "pledge", "loans", "margin", "penalty");
    String id = node.id("id");
    OracleId oracle = context.oracleRef(node, "oracle");
    AssetId collateral = context.assetRef(node, "collateral");
    double pledge = node.positive("pledge");
    List<Double> loans = new ArrayList<>();
    for (SpecNode loan : node.list("loans")) {
      loans.add(loan.asDouble());
    }
    double margin = node.fraction("margin");
    double penalty = node.fraction("penalty");
    if (mark.failed()) {
      return null;
    }
    return node.build(
        () ->
            new PawnVenueSpec(
                org.marginfall.core.venue.VenueId.of(id),
                oracle,
                collateral,
                pledge,
                loans,
                margin,
                penalty));
  }
}
