package org.marginfall.experiments.internal.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.marginfall.agents.snapshot.SnapshotFile;
import org.marginfall.agents.snapshot.SnapshotSpec;
import org.marginfall.core.metric.ContagionSummary;
import org.marginfall.core.metric.RunSummary;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.experiments.internal.scenario.Scenario;

/**
 * Lays out {@code summary.json} as docs/outputs.md specifies: scenario, run, assets, venues (with
 * their attributes inline), totals and audit, in that order.
 *
 * <p>Stateless and thread-safe.
 */
public final class SummaryJson {

  private SummaryJson() {}

  /**
   * Lists the data files the scenario read, with their hashes, under {@code dataFiles}; nothing
   * when it read none, so scenarios without data files keep their summaries byte for byte.
   */
  public static void putDataFiles(ObjectNode scenarioNode, Scenario scenario) {
    List<PopulationSpec> populations = scenario.model().populations();
    boolean snapshots = populations.stream().anyMatch(p -> p instanceof SnapshotSpec);
    if (scenario.dataFiles().isEmpty() && !snapshots) {
      return;
    }
    ArrayNode files = scenarioNode.putArray("dataFiles");
    for (Scenario.DataFile d : scenario.dataFiles()) {
      ObjectNode n = files.addObject();
      n.put("field", d.field());
      n.put("file", d.file());
      n.put("sha256", d.sha256());
    }
    for (int i = 0; i < populations.size(); i++) {
      if (populations.get(i) instanceof SnapshotSpec s) {
        ObjectNode n = files.addObject();
        n.put("field", "agents[" + i + "].file");
        n.put("file", s.snapshot().name());
        n.put("sha256", s.snapshot().sha256());
      }
    }
  }

  /**
   * One entry per snapshot population: its file, format, hash, rows read and rows skipped by
   * reason.
   */
  private static void snapshots(ObjectNode root, Scenario scenario, SkippedRows skipped) {
    ObjectNode section = null;
    for (PopulationSpec p : scenario.model().populations()) {
      if (p instanceof SnapshotSpec s) {
        section = section == null ? root.putObject("snapshots") : section;
        SnapshotFile f = s.snapshot();
        ObjectNode n = section.putObject(p.id());
        n.put("file", f.name());
        n.put("format", f.format());
        n.put("sha256", f.sha256());
        n.put("rows", f.rows());
        n.put("onInvalidRow", f.onInvalidRow().name().toLowerCase(java.util.Locale.ROOT));
        if (skipped != null) {
          ObjectNode reasons = n.putObject("skipped");
          long total = 0;
          for (Map.Entry<String, Long> e : skipped.of(p.id()).entrySet()) {
            reasons.put(e.getKey(), e.getValue());
            total += e.getValue();
          }
          n.put("skippedRows", total);
        }
      }
    }
  }

  /** The summary as a JSON tree, without the counts of skipped snapshot rows. */
  public static ObjectNode tree(Scenario scenario, RunSummary summary) {
    return tree(scenario, summary, null);
  }

  /**
   * The summary as a JSON tree; a scenario that loads snapshots gets a {@code snapshots} section
   * with each file's hash and, given {@code skipped}, the rows skipped per reason.
   */
  public static ObjectNode tree(Scenario scenario, RunSummary summary, SkippedRows skipped) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    ObjectNode s = root.putObject("scenario");
    s.put("name", scenario.name());
    s.put("sha256", scenario.sha256());
    putDataFiles(s, scenario);
    RunSummary.RunInfo r = summary.run();
    ObjectNode run = root.putObject("run");
    run.put("seed", r.seed());
    run.put("replication", r.replication());
    run.put("steps", r.steps());
    run.put("stepSeconds", r.stepSeconds());
    run.put("maxLiquidationRounds", r.maxLiquidationRounds());
    run.put("baseCurrency", r.baseCurrency());
    ObjectNode assets = root.putObject("assets");
    for (Map.Entry<String, RunSummary.AssetSummary> e : summary.assets().entrySet()) {
      RunSummary.AssetSummary a = e.getValue();
      ObjectNode n = assets.putObject(e.getKey());
      n.put("initialFundamental", a.initialFundamental());
      n.put("finalFundamental", a.finalFundamental());
      n.put("minFundamental", a.minFundamental());
      n.put("fundamentalMaxDrawdown", a.fundamentalMaxDrawdown());
      n.put("initialMarket", a.initialMarket());
      n.put("finalMarket", a.finalMarket());
      n.put("minMarket", a.minMarket());
      n.put("marketMaxDrawdown", a.marketMaxDrawdown());
      n.put("amplification", a.amplification());
    }
    ObjectNode venues = root.putObject("venues");
    for (Map.Entry<String, RunSummary.VenueSummary> e : summary.venues().entrySet()) {
      RunSummary.VenueSummary v = e.getValue();
      ObjectNode n = venues.putObject(e.getKey());
      n.put("type", v.type());
      v.attributes().forEach((k, value) -> n.set(k, Json.mapper().valueToTree(value)));
      n.put("accounts", v.accounts());
      n.put("liquidations", v.liquidations());
      n.put("liquidatedNotional", v.liquidatedNotional());
      n.put("liquidationFees", v.liquidationFees());
      n.put("badDebt", v.badDebt());
      n.put("insuranceFundStart", v.insuranceFundStart());
      n.put("insuranceFundEnd", v.insuranceFundEnd());
      n.put("insurancePaid", v.insurancePaid());
      n.put("firstLiquidationStep", v.firstLiquidationStep());
      n.put("backlogSteps", v.backlogSteps());
      n.put("maxBacklogShortfall", v.maxBacklogShortfall());
    }
    ObjectNode totals = root.putObject("totals");
    totals.put("liquidations", summary.totals().liquidations());
    totals.put("liquidatedNotional", summary.totals().liquidatedNotional());
    totals.put("badDebt", summary.totals().badDebt());
    if (summary.contagion() != null) {
      contagion(root.putObject("contagion"), summary.contagion());
    }
    if (!summary.populations().isEmpty()) {
      ObjectNode populations = root.putObject("populations");
      summary
          .populations()
          .forEach(
              (id, metrics) -> {
                ObjectNode n = populations.putObject(id);
                metrics.forEach(n::put);
              });
    }
    snapshots(root, scenario, skipped);
    ObjectNode audit = root.putObject("audit");
    audit.put("enabled", summary.audit().enabled());
    audit.put("stepsChecked", summary.audit().stepsChecked());
    audit.put("violations", summary.audit().violations());
    return root;
  }

  private static void contagion(ObjectNode n, ContagionSummary c) {
    ObjectNode channels = n.putObject("channels");
    c.channels().forEach(channels::put);
    n.set("shockStep", Json.mapper().valueToTree(c.shockStep()));
    n.set("cascadeDepth", Json.mapper().valueToTree(c.cascadeDepth()));
    n.set("inducedShare", Json.mapper().valueToTree(c.inducedShare()));
    n.set("acceleratedShare", Json.mapper().valueToTree(c.acceleratedShare()));
    ArrayNode generations = n.putArray("generations");
    for (ContagionSummary.GenerationRow g : c.generations()) {
      ObjectNode row = generations.addObject();
      row.put("generation", g.generation());
      row.put("liquidations", g.liquidations());
      row.put("liquidatedNotional", g.liquidatedNotional());
      row.put("badDebt", g.badDebt());
      row.put("acceleratedLiquidations", g.acceleratedLiquidations());
      row.put("acceleratedNotional", g.acceleratedNotional());
      row.put("acceleratedBadDebt", g.acceleratedBadDebt());
    }
    ContagionSummary.Matrix m = c.matrix();
    ObjectNode matrix = n.putObject("matrix");
    m.from().forEach(matrix.putArray("from")::add);
    m.to().forEach(matrix.putArray("to")::add);
    ArrayNode count = matrix.putArray("liquidations");
    ArrayNode notional = matrix.putArray("liquidatedNotional");
    ArrayNode bad = matrix.putArray("badDebt");
    for (int i = 0; i < m.from().size(); i++) {
      ArrayNode cr = count.addArray();
      ArrayNode nr = notional.addArray();
      ArrayNode br = bad.addArray();
      for (int j = 0; j < m.to().size(); j++) {
        cr.add(m.liquidations()[i][j]);
        nr.add(m.liquidatedNotional()[i][j]);
        br.add(m.badDebt()[i][j]);
      }
    }
    ObjectNode venues = n.putObject("venues");
    c.venues()
        .forEach(
            (v, t) -> {
              ObjectNode vn = venues.putObject(v);
              vn.set("firstLiquidationStep", Json.mapper().valueToTree(t.firstLiquidationStep()));
              vn.set(
                  "stepsToFirstLiquidation",
                  Json.mapper().valueToTree(t.stepsToFirstLiquidation()));
              vn.set("firstBadDebtStep", Json.mapper().valueToTree(t.firstBadDebtStep()));
              vn.set("stepsToInsolvency", Json.mapper().valueToTree(t.stepsToInsolvency()));
            });
  }
}
