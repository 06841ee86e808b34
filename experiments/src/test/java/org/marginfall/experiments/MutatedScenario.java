package org.marginfall.experiments;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.marginfall.experiments.internal.scenario.ScenarioSource;

/**
 * A bundled example as a plain tree, cut down to a few steps and agents so that a test can run it
 * quickly, with fields changed at paths written as in error messages ({@code agents[0].collateral},
 * {@code markets[1].impact.depth}).
 */
public final class MutatedScenario {

  /** A value that removes the field or list element instead of setting it. */
  public static final Object DELETE = new Object();

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern STEP = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

  private MutatedScenario() {}

  /**
   * The tree of bundled example {@code name} with at most {@code maxSteps} steps (shocks starting
   * later move to the middle of the run) and at most {@code maxCount} agents per population.
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> bundled(String name, int maxSteps, int maxCount) {
    Map<String, Object> tree;
    try {
      tree = YAML.readValue(ScenarioSource.resolve(name).content(), Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Object> run = (Map<String, Object>) tree.get("run");
    if (((Number) run.get("steps")).longValue() > maxSteps) {
      run.put("steps", maxSteps);
      if (tree.get("shocks") instanceof List<?> shocks) {
        for (Object s : shocks) {
          Map<String, Object> shock = (Map<String, Object>) s;
          long start = ((Number) shock.get("startStep")).longValue();
          shock.put("startStep", Math.max(1, Math.min(start, maxSteps / 2)));
        }
      }
    }
    if (tree.get("agents") instanceof List<?> agents) {
      for (Object a : agents) {
        Map<String, Object> agent = (Map<String, Object>) a;
        if (agent.get("count") instanceof Number c && c.longValue() > maxCount) {
          agent.put("count", maxCount);
        }
      }
    }
    return tree;
  }

  /** Sets (or with {@link #DELETE} removes) the value at {@code path} of {@code tree}. */
  @SuppressWarnings("unchecked")
  public static void set(Object tree, String path, Object value) {
    List<Object> steps = parse(path);
    Object node = tree;
    for (int i = 0; i < steps.size() - 1; i++) {
      Object s = steps.get(i);
      node =
          s instanceof Integer k
              ? ((List<Object>) node).get(k)
              : ((Map<String, Object>) node).get((String) s);
    }
    Object last = steps.get(steps.size() - 1);
    if (last instanceof Integer k) {
      List<Object> list = (List<Object>) node;
      if (value == DELETE) {
        list.remove((int) k);
      } else {
        list.set(k, value);
      }
    } else if (value == DELETE) {
      ((Map<String, Object>) node).remove((String) last);
    } else {
      ((Map<String, Object>) node).put((String) last, value);
    }
  }

  /** Every path of {@code tree}, in pre-order, as {@link #set} takes them. */
  public static List<String> paths(Object tree) {
    List<String> out = new ArrayList<>();
    collect(tree, "", out);
    return out;
  }

  /** Writes {@code tree} as YAML to {@code dir/file}. */
  public static Path write(Path dir, String file, Object tree) {
    Path out = dir.resolve(file);
    try {
      YAML.writeValue(out.toFile(), tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static void collect(Object node, String path, List<String> out) {
    if (!path.isEmpty()) {
      out.add(path);
    }
    if (node instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        collect(
            e.getValue(),
            path.isEmpty() ? String.valueOf(e.getKey()) : path + "." + e.getKey(),
            out);
      }
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        collect(list.get(i), path + "[" + i + "]", out);
      }
    }
  }

  private static List<Object> parse(String path) {
    List<Object> steps = new ArrayList<>();
    Matcher m = STEP.matcher(path);
    while (m.find()) {
      steps.add(m.group(1) != null ? m.group(1) : Integer.valueOf(m.group(2)));
    }
    return steps;
  }
}
