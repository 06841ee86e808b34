package org.marginfall.reports.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The report's view of {@code summary.json}: the few fields the report needs by name are typed, and
 * the per-asset, per-venue, totals and audit sections are kept whole (every field, in file order)
 * so fields added by later engine versions appear in the page without a change here. Unknown
 * top-level sections are ignored.
 *
 * <p>Components: {@code scenario} and {@code run} are the sections of those names; {@code assets}
 * and {@code venues} map each id to its fields, in scenario order; {@code totals} is the totals
 * section and {@code audit} the audit section, empty if the summary has none.
 *
 * <p>Instances are immutable and thread-safe.
 */
public record RunSummary(
    Scenario scenario,
    Settings run,
    Map<String, SummaryFields> assets,
    Map<String, SummaryFields> venues,
    SummaryFields totals,
    SummaryFields audit) {

  public RunSummary {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(run, "run");
    assets = orderedCopy(assets);
    venues = orderedCopy(venues);
    Objects.requireNonNull(totals, "totals");
    Objects.requireNonNull(audit, "audit");
  }

  /** Map.copyOf would lose the scenario order the contract promises, so copy into a linked map. */
  private static Map<String, SummaryFields> orderedCopy(Map<String, SummaryFields> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(map)));
  }

  /**
   * The {@code scenario} section: {@code name} is shown as the page title, {@code sha256} is the
   * scenario file's hash or {@code null} if the summary does not carry it.
   *
   * <p>Instances are immutable and thread-safe.
   */
  public record Scenario(String name, String sha256) {
    public Scenario {
      Objects.requireNonNull(name, "name");
    }

    /** The scenario hash, if the summary carries it. */
    public Optional<String> sha256IfPresent() {
      return Optional.ofNullable(sha256);
    }
  }

  /**
   * The {@code run} section: the settings the report needs by name ({@code seed}, the number of
   * {@code steps}, simulated {@code stepSeconds} per tick, and the {@code baseCurrency} money and
   * prices are expressed in, e.g. {@code USD}), plus every field of the section in file order for
   * the settings table.
   *
   * <p>Instances are immutable and thread-safe.
   */
  public record Settings(
      long seed, long steps, double stepSeconds, String baseCurrency, SummaryFields fields) {
    public Settings {
      Objects.requireNonNull(baseCurrency, "baseCurrency");
      Objects.requireNonNull(fields, "fields");
    }
  }
}
