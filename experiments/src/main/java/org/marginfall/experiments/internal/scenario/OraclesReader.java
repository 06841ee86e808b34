package org.marginfall.experiments.internal.scenario;

import java.util.ArrayList;
import java.util.List;
import org.marginfall.core.engine.OracleSpec;
import org.marginfall.core.oracle.OracleDesign;
import org.marginfall.core.oracle.OracleId;
import org.marginfall.core.spec.CoreTypes;
import org.marginfall.core.spec.OracleDesignReader;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.util.Checks;

/**
 * Reads {@code oracles}: each entry's id here, its design by core's {@link OracleDesignReader}.
 * Required unless the scenario has agents. Stateless.
 */
final class OraclesReader {

  private OraclesReader() {}

  static List<OracleSpec> read(ReadingState state, CoreTypes types) {
    List<String> fields = new ArrayList<>(OracleDesignReader.FIELDS);
    fields.add("id");
    OracleDesignReader designs = new OracleDesignReader(types, state);
    List<OracleSpec> out = new ArrayList<>();
    SpecNode root = state.root;
    for (SpecNode o : state.venuesOptional() ? root.optList("oracles") : root.list("oracles")) {
      if (!o.requireObject()) {
        continue;
      }
      Problems.Mark mark = o.mark();
      o.allowOnly(fields.toArray(String[]::new));
      String id = o.id("id");
      OracleDesign design = designs.read(o);
      if (Checks.isId(id) && !state.oracles.add(OracleId.of(id))) {
        o.get("id").fail("duplicate oracle id '" + id + "'");
      }
      OracleSpec spec =
          mark.failed() ? null : o.build(() -> new OracleSpec(OracleId.of(id), design));
      if (spec != null) {
        out.add(spec);
      }
    }
    return out;
  }
}
