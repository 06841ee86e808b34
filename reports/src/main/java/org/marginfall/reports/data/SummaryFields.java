package org.marginfall.reports.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of one {@code summary.json} object (an asset, a venue, {@code totals}, ...) in file
 * order. The report shows every field it finds rather than a fixed list, so sections that later
 * engine versions extend still render without a change here.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class SummaryFields {

  private static final SummaryFields EMPTY = new SummaryFields(Map.of());

  private final Map<String, SummaryValue> values;

  private SummaryFields(Map<String, SummaryValue> values) {
    this.values = values;
  }

  /**
   * @param values field name to value; iteration order is kept
   * @return an immutable copy
   */
  public static SummaryFields of(Map<String, SummaryValue> values) {
    return new SummaryFields(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
  }

  /** The fields of an absent optional section. */
  public static SummaryFields empty() {
    return EMPTY;
  }

  /** Field names in file order. */
  public List<String> names() {
    return List.copyOf(values.keySet());
  }

  /** The value of a field, empty if the field is absent. */
  public Optional<SummaryValue> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** Field name to value, in file order; unmodifiable. */
  public Map<String, SummaryValue> asMap() {
    return values;
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    // Order matters for the page, so compare as ordered entry lists rather than as maps.
    return o instanceof SummaryFields other
        && List.copyOf(values.entrySet()).equals(List.copyOf(other.values.entrySet()));
  }

  @Override
  public int hashCode() {
    return List.copyOf(values.entrySet()).hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
