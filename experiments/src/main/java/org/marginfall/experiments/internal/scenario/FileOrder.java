package org.marginfall.experiments.internal.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.marginfall.core.spec.Problem;
import org.marginfall.core.spec.SpecNode;

/**
 * Sorts problems by where their path appears in the file (a stable sort, so problems of one field
 * keep the order they were found in). The sections are read in dependency order, not file order,
 * and a mapping's unknown fields are found before its values; sorting makes the list read top to
 * bottom like the file. A path that is not in the file (a missing field) sorts with its nearest
 * present ancestor; a problem of the whole file comes first. Stateless.
 */
final class FileOrder {

  private FileOrder() {}

  static List<Problem> sort(Object tree, List<Problem> problems) {
    Map<String, Integer> order = new HashMap<>();
    index(tree, "", order);
    List<Problem> sorted = new ArrayList<>(problems);
    sorted.sort(Comparator.comparingInt(p -> rank(p.path(), order)));
    return sorted;
  }

  /** Numbers every path of {@code node} in pre-order, using {@link SpecNode}'s path syntax. */
  private static void index(Object node, String path, Map<String, Integer> order) {
    order.putIfAbsent(path, order.size());
    if (node instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String key = String.valueOf(e.getKey());
        index(e.getValue(), path.isEmpty() ? key : path + "." + key, order);
      }
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        index(list.get(i), path + "[" + i + "]", order);
      }
    }
  }

  private static int rank(String path, Map<String, Integer> order) {
    String p = path;
    while (!p.isEmpty()) {
      Integer r = order.get(p);
      if (r != null) {
        return r;
      }
      p = p.substring(0, Math.max(0, Math.max(p.lastIndexOf('.'), p.lastIndexOf('['))));
    }
    return -1;
  }
}
