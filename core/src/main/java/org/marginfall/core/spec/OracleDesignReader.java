package org.marginfall.core.spec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.asset.AssetKind;
import org.marginfall.core.metric.RunSettings;
import org.marginfall.core.oracle.Aggregation;
import org.marginfall.core.oracle.OracleDesign;
import org.marginfall.core.oracle.OracleFailure;
import org.marginfall.core.oracle.OracleRule;
import org.marginfall.core.oracle.OracleSource;
import org.marginfall.core.util.Checks;

/**
 * Reads the design of one entry of a scenario's {@code oracles} (everything but its {@code id})
 * into an {@link OracleDesign}: rule, sources, aggregation, window, bounds, band and scheduled
 * failures. The rules of the records ({@link OracleDesign#checkAnswers}, {@link
 * OracleSource#checkBias}, {@link OracleFailure#checkFromStep}) are asked, not repeated. Stateless
 * apart from its kinds.
 *
 * @param types the aggregations and failure modes names are looked up in
 * @param context the declared assets, which failures name
 */
public record OracleDesignReader(CoreTypes types, SpecContext context) {

  /** The fields of an oracle's design. */
  public static final List<String> FIELDS =
      List.of(
          "latencySteps",
          "heartbeatSteps",
          "deviation",
          "sources",
          "aggregation",
          "twapSteps",
          "minAnswer",
          "maxAnswer",
          "band",
          "failures");

  /**
   * Reads the design of oracle {@code o}, reporting failures at their paths.
   *
   * @return the design, or null after a failure
   */
  public OracleDesign read(SpecNode o) {
    Problems.Mark mark = o.mark();
    int latency = o.integer("latencySteps", 0, 0, 100_000);
    int heartbeat = o.integer("heartbeatSteps", 1, 1, 100_000_000);
    double deviation = o.nonNegative("deviation", 0);
    List<OracleSource> sources = sources(o, latency);
    AggregationType aggregationType = types.aggregations().lookup(o, "aggregation", "median");
    Aggregation aggregation = aggregationType == null ? null : aggregationType.read(o);
    int twap = o.integer("twapSteps", 1, 1, 100_000);
    double minAnswer = o.nonNegative("minAnswer", 0);
    double maxAnswer = o.has("maxAnswer") ? o.positive("maxAnswer") : Double.POSITIVE_INFINITY;
    if (mark.clean()) {
      o.check("maxAnswer", () -> OracleDesign.checkAnswers(minAnswer, maxAnswer));
    }
    double band = o.has("band") ? o.positive("band") : Double.POSITIVE_INFINITY;
    List<OracleFailure> failures = failures(o);
    if (mark.failed()) {
      return null;
    }
    return o.build(
        () ->
            new OracleDesign(
                new OracleRule(latency, heartbeat, deviation),
                sources,
                aggregation,
                twap,
                minAnswer,
                maxAnswer,
                band,
                failures));
  }

  /** The sources of oracle {@code o}; a source's latency defaults to the oracle's. */
  private static List<OracleSource> sources(SpecNode o, int defaultLatency) {
    List<OracleSource> out = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    List<SpecNode> entries = o.optList("sources");
    if (o.has("sources") && o.get("sources").isList() && entries.isEmpty()) {
      o.get("sources").fail("must not be empty (leave it out for one exact source)");
    }
    for (int i = 0; i < entries.size(); i++) {
      SpecNode s = entries.get(i);
      if (!s.requireObject()) {
        continue;
      }
      Problems.Mark mark = s.mark();
      s.allowOnly("name", "weight", "latencySteps", "bias", "noise");
      String name = s.has("name") ? s.id("name") : "source-" + i;
      double weight = s.positive("weight", 1.0);
      int latency = s.integer("latencySteps", defaultLatency, 0, 100_000);
      double bias = s.number("bias", 0.0);
      if (!Double.isNaN(bias) && s.check("bias", () -> OracleSource.checkBias(bias))) {
        s.atMost("bias", bias, OracleSource.MAX_BIAS);
      }
      double noise = s.atMost("noise", s.nonNegative("noise", 0.0), OracleSource.MAX_NOISE);
      if (Checks.isId(name) && !names.add(name)) {
        s.get("name").fail("duplicate source name '" + name + "'");
      }
      OracleSource source =
          mark.failed()
              ? null
              : s.build(() -> new OracleSource(name, weight, latency, bias, noise));
      if (source != null) {
        out.add(source);
      }
    }
    return out;
  }

  /** The scheduled failures of oracle {@code o}; each names a priced (non-base) asset. */
  private List<OracleFailure> failures(SpecNode o) {
    List<OracleFailure> out = new ArrayList<>();
    for (SpecNode f : o.optList("failures")) {
      if (!f.requireObject()) {
        continue;
      }
      Problems.Mark mark = f.mark();
      List<String> fields = new ArrayList<>(List.of("asset", "fromStep", "steps", "mode"));
      fields.addAll(modeFields());
      f.allowOnly(fields.toArray(String[]::new));
      AssetId asset = context.assetRef(f, "asset");
      if (asset != null && context.asset(asset).orElseThrow().kind() == AssetKind.BASE) {
        f.get("asset").fail("the base currency has no feed (it always reads 1)");
      }
      long from = f.longValue("fromStep");
      if (mark.clean()
          && f.check("fromStep", () -> OracleFailure.checkFromStep(from))
          && from > RunSettings.MAX_STEPS) {
        f.get("fromStep")
            .fail(
                "must be at most "
                    + RunSettings.MAX_STEPS
                    + " (the most steps a run has), was "
                    + from);
      }
      int steps = f.integer("steps", 1, 1, 100_000_000);
      OracleFailure.Mode mode = mode(f);
      OracleFailure failure =
          mark.failed() ? null : f.build(() -> new OracleFailure(asset, from, steps, mode));
      if (failure != null) {
        out.add(failure);
      }
    }
    return out;
  }

  /** Every mode's own fields, in registry order. */
  private Set<String> modeFields() {
    Set<String> out = new LinkedHashSet<>();
    for (String name : types.failureModes().names()) {
      out.addAll(types.failureModes().find(name).orElseThrow().fields());
    }
    return out;
  }

  /**
   * The mode of failure {@code f}; a field that only another mode takes is reported naming the mode
   * that takes it.
   */
  private OracleFailure.Mode mode(SpecNode f) {
    FailureModeType type = types.failureModes().lookup(f, "mode");
    List<String> allowed = type == null ? List.of() : type.fields();
    for (String extra : modeFields()) {
      if (f.has(extra) && !allowed.contains(extra) && !f.get("mode").isMissing()) {
        f.get(extra).fail("only a " + ownerOf(extra) + " failure takes this field");
      }
    }
    return type == null ? null : type.read(f);
  }

  private String ownerOf(String field) {
    for (String name : types.failureModes().names()) {
      if (types.failureModes().find(name).orElseThrow().fields().contains(field)) {
        return name;
      }
    }
    throw new IllegalArgumentException("no failure mode takes " + field);
  }
}
