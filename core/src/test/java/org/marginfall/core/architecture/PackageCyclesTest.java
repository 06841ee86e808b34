package org.marginfall.core.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package graph of {@code core}'s main sources has no cycle (docs/architecture.md): a cycle
 * fails with the edges that make it, each named by one source file. The graph is read from the
 * sources (imports and fully qualified references outside comments), so no bytecode tool is needed.
 * Also: only {@code engine} imports the scenario specs, and nothing in core imports {@code engine}.
 */
class PackageCyclesTest {

  private static final Path SOURCES = Path.of("src/main/java/org/marginfall/core");
  private static final Pattern REFERENCE =
      Pattern.compile("\\borg\\.marginfall\\.core\\.([a-z]+)\\.");
  private static final Pattern COMMENT = Pattern.compile("(?s)/\\*.*?\\*/|//[^\n]*");
  private static final Pattern STRING = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"");

  /** The strongly connected components of more than one package allowed: none. Never grow it. */
  private static final Set<Set<String>> KNOWN = Set.of();

  @Test
  void test_packageGraph_hasNoCycleButTheKnownOnes() {
    Map<String, Map<String, String>> graph = graph();
    assertTrue(
        graph.keySet().containsAll(Set.of("asset", "engine", "market", "util")),
        "the source scan found core's packages: " + graph.keySet());
    List<Set<String>> cycles = stronglyConnected(graph).stream().filter(c -> c.size() > 1).toList();
    assertEquals(KNOWN, Set.copyOf(cycles), describe(cycles, graph));
  }

  @Test
  void test_domainPackages_importNeitherTheReaderNorTheEngine() {
    Map<String, Map<String, String>> graph = graph();
    Map<String, String> offending = new TreeMap<>();
    graph.forEach(
        (from, edges) ->
            edges.forEach(
                (to, file) -> {
                  boolean reader = to.equals("spec") && !from.equals("engine");
                  if (reader || to.equals("engine")) {
                    offending.put(from + " -> " + to, file);
                  }
                }));
    assertEquals(
        Map.of(),
        offending,
        "only engine wires the scenario specs; nothing in core imports engine");
  }

  @Test
  void test_stronglyConnected_findsATwoCycleAndLeavesAChainAlone() {
    Map<String, Map<String, String>> graph = new TreeMap<>();
    graph.put("a", Map.of("b", "A.java"));
    graph.put("b", Map.of("a", "B.java", "c", "B.java"));
    graph.put("c", Map.of("d", "C.java"));
    graph.put("d", Map.of());
    assertEquals(
        List.of(Set.of("a", "b")),
        stronglyConnected(graph).stream().filter(c -> c.size() > 1).toList());
  }

  /** Package → (package it references → one file that references it). */
  private static Map<String, Map<String, String>> graph() {
    Map<String, Map<String, String>> graph = new TreeMap<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String from = SOURCES.relativize(file).getName(0).toString();
        Map<String, String> edges = graph.computeIfAbsent(from, p -> new TreeMap<>());
        String code =
            STRING
                .matcher(
                    COMMENT.matcher(Files.readString(file, StandardCharsets.UTF_8)).replaceAll(" "))
                .replaceAll("\"\"");
        Matcher m = REFERENCE.matcher(code);
        while (m.find()) {
          if (!m.group(1).equals(from)) {
            edges.putIfAbsent(m.group(1), SOURCES.relativize(file).toString());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return graph;
  }

  /** Tarjan's algorithm; components in the order they complete. */
  static List<Set<String>> stronglyConnected(Map<String, Map<String, String>> graph) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    List<Set<String>> components = new ArrayList<>();
    for (String node : graph.keySet()) {
      if (!index.containsKey(node)) {
        visit(node, graph, index, low, stack, components);
      }
    }
    return components;
  }

  private static void visit(
      String node,
      Map<String, Map<String, String>> graph,
      Map<String, Integer> index,
      Map<String, Integer> low,
      Deque<String> stack,
      List<Set<String>> components) {
    index.put(node, index.size());
    low.put(node, index.get(node));
    stack.push(node);
    for (String next : graph.getOrDefault(node, Map.of()).keySet()) {
      if (!index.containsKey(next)) {
        visit(next, graph, index, low, stack, components);
        low.put(node, Math.min(low.get(node), low.get(next)));
      } else if (stack.contains(next)) {
        low.put(node, Math.min(low.get(node), index.get(next)));
      }
    }
    if (low.get(node).equals(index.get(node))) {
      Set<String> component = new TreeSet<>();
      String member;
      do {
        member = stack.pop();
        component.add(member);
      } while (!member.equals(node));
      components.add(component);
    }
  }

  private static String describe(List<Set<String>> cycles, Map<String, Map<String, String>> graph) {
    StringBuilder text = new StringBuilder("package cycles in core (known: " + KNOWN + "):");
    for (Set<String> cycle : cycles) {
      text.append("\n  ").append(cycle);
      for (String from : cycle) {
        graph
            .get(from)
            .forEach(
                (to, file) -> {
                  if (cycle.contains(to)) {
                    text.append("\n    ")
                        .append(from)
                        .append(" -> ")
                        .append(to)
                        .append("  (")
                        .append(file)
                        .append(')');
                  }
                });
      }
    }
    return text.toString();
  }
}
