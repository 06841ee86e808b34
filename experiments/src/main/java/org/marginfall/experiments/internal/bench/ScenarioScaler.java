package org.marginfall.experiments.internal.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.marginfall.experiments.internal.scenario.FieldPath;
import org.marginfall.experiments.internal.scenario.SpecFiles;

/**
 * Scales a scenario to k times its size, as the benchmark does (docs/performance.md): every
 * population's {@code count} (liquidators too), every market's impact {@code depth}, and every
 * venue's {@code insuranceFund}, {@code backstop.capital} and {@code surplusBuffer} written in the
 * scenario are multiplied by k, so k venues' worth of accounts trade against k times the market
 * depth and buffers and the crash keeps its shape. Optionally the run length is changed too. Values
 * a venue takes from its preset are not scaled. Immutable and thread-safe.
 */
public final class ScenarioScaler {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Object baseTree;

  /** Prepares {@code content} (YAML, or JSON when {@code json}) for scaling. */
  public ScenarioScaler(byte[] content, boolean json) {
    this.baseTree = SpecFiles.parse(content, json, "scenario");
  }

  /**
   * The number of accounts the populations of the scenario scaled by {@code k} open: the sum of
   * their counts.
   */
  public long accounts(int k) {
    long total = 0;
    if (baseTree instanceof Map<?, ?> root && root.get("agents") instanceof List<?> agents) {
      for (Object a : agents) {
        if (a instanceof Map<?, ?> m && m.get("count") instanceof Number n) {
          total += n.longValue() * k;
        }
      }
    }
    return total;
  }

  /** The scenario scaled by {@code k}, with {@code steps} ticks when given, as JSON bytes. */
  public byte[] scaled(int k, OptionalInt steps) {
    return scaled(k, steps, false);
  }

  /**
   * As {@link #scaled(int, OptionalInt)}; with {@code quiet}, the scheduled shocks are removed too,
   * so that no step but the random walk's moves anyone towards liquidation (quiet-step throughput).
   */
  public byte[] scaled(int k, OptionalInt steps, boolean quiet) {
    if (k < 1) {
      throw new IllegalArgumentException("the scale factor k must be at least 1, was " + k);
    }
    Object tree = FieldPath.deepCopy(baseTree);
    if (tree instanceof Map<?, ?> root) {
      forEachEntry(root.get("agents"), agent -> multiply(agent, "count", k));
      forEachEntry(
          root.get("markets"),
          market -> {
            if (market.get("impact") instanceof Map<?, ?> impact) {
              multiply(impact, "depth", k);
            }
          });
      forEachEntry(
          root.get("venues"),
          venue -> {
            multiply(venue, "insuranceFund", k);
            multiply(venue, "surplusBuffer", k);
            if (venue.get("backstop") instanceof Map<?, ?> backstop) {
              multiply(backstop, "capital", k);
            }
          });
      if (quiet && root.containsKey("shocks")) {
        put(root, "shocks", List.of());
      }
      if (steps.isPresent() && root.get("run") instanceof Map<?, ?> run) {
        put(run, "steps", steps.getAsInt());
      }
    }
    try {
      return JSON.writeValueAsBytes(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parsed scenario tree is always writable as JSON", e);
    }
  }

  private interface EntryAction {
    void apply(Map<?, ?> entry);
  }

  private static void forEachEntry(Object list, EntryAction action) {
    if (list instanceof List<?> entries) {
      for (Object e : entries) {
        if (e instanceof Map<?, ?> m) {
          action.apply(m);
        }
      }
    }
  }

  /**
   * Multiplies a numeric field by k, keeping integers integral; leaves anything else to the reader.
   */
  private static void multiply(Map<?, ?> node, String field, int k) {
    Object v = node.get(field);
    if (v instanceof Integer i) {
      long scaled = (long) i * k;
      put(node, field, scaled == (int) scaled ? (Object) (int) scaled : (Object) scaled);
    } else if (v instanceof Long l) {
      put(node, field, Math.multiplyExact(l, (long) k));
    } else if (v instanceof Number n) {
      put(node, field, n.doubleValue() * k);
    }
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<?, ?> node, String field, Object value) {
    ((Map<String, Object>) node).put(field, value);
  }
}
