package org.marginfall.experiments.internal.network;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.marginfall.core.network.Bank;
import org.marginfall.core.network.ExposureNetwork;
import org.marginfall.core.spec.Problem;

/**
 * One pass over a network file's tokens (docs/contagion.md, "Network file format"), then its
 * validation into a {@link NetworkFile}. Nodes are checked as they are read; liabilities are kept
 * as compact arrays (interned ids, amount, line) and resolved once every node is known, whatever
 * the order of the top-level fields. Problems come out in the order top level, nodes, liabilities,
 * shocks, DebtRank requirements, each naming its field path and the line its element starts on. Not
 * thread-safe; used once.
 */
final class NetworkFileParser {

  private static final Set<String> TOP = Set.of("description", "nodes", "liabilities", "shocks");
  private static final Set<String> NODE =
      Set.of("id", "externalAssets", "externalLiabilities", "equity", "value");
  private static final Set<String> EDGE = Set.of("from", "to", "amount");
  private static final Set<String> SHOCK = Set.of("name", "stress");
  private static final String RANGE = "must be a number between 0 and 1e15";

  private final List<Problem> top = new ArrayList<>();
  private final List<Problem> nodeProblems = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();
  private final NetworkFile.Ids ids = new NetworkFile.Ids();
  private final List<Bank> banks = new ArrayList<>();
  private final List<Integer> nodeLines = new ArrayList<>();
  private final Map<String, Integer> index = new HashMap<>();
  private final Map<String, Integer> firstSeen = new HashMap<>();
  private boolean nodesListed;
  private boolean liabilitiesListed;
  private boolean shocksNotAList;
  // The liabilities, k-th entry of each: ids (null if not a valid string), amount, line.
  private String[] from = new String[16];
  private String[] to = new String[16];
  private double[] amount = new double[16];
  private int[] line = new int[16];
  private int edges;

  /** Structural problems of the few liabilities that have any, by index. */
  private final Map<Integer, List<Problem>> edgeProblems = new HashMap<>();

  private final List<Element> shockElements = new ArrayList<>();

  private record Element(int index, JsonNode node, int line) {}

  private NetworkFileParser() {}

  /** Everything found wrong, in report order, once {@link #validate} has run. */
  List<Problem> problems() {
    return problems;
  }

  static NetworkFileParser parse(JsonParser p) throws IOException {
    NetworkFileParser f = new NetworkFileParser();
    if (p.nextToken() != JsonToken.START_OBJECT) {
      f.top.add(new Problem("", "must be a JSON object with nodes and liabilities"));
      return f;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      boolean list = value == JsonToken.START_ARRAY;
      switch (field) {
        case "description" -> {
          if (value != JsonToken.VALUE_STRING) {
            f.top.add(new Problem("description", "must be a string"));
          }
          p.skipChildren();
        }
        case "nodes" -> {
          if (list) {
            NetworkFile.forEachElement(p, f::node);
          } else {
            p.skipChildren();
          }
          f.nodesListed = list;
        }
        case "liabilities" -> {
          if (list) {
            f.edges(p);
          } else {
            p.skipChildren();
          }
          f.liabilitiesListed = list;
        }
        case "shocks" -> {
          if (list) {
            NetworkFile.forEachElement(p, (k, e, l) -> f.shockElements.add(new Element(k, e, l)));
          } else {
            p.skipChildren();
          }
          f.shocksNotAList = !list;
        }
        default -> {
          f.top.add(new Problem(field, "unknown field (allowed: " + allowed(TOP) + ")"));
          p.skipChildren();
        }
      }
    }
    return f;
  }

  private static String allowed(Set<String> names) {
    return String.join(", ", names.stream().sorted().toList());
  }

  private static Problem at(String path, String message, int line) {
    return new Problem(path, message + " (line " + line + ")");
  }

  private void node(int i, JsonNode n, int line) {
    String path = "nodes[" + i + "]";
    if (!n.isObject()) {
      nodeProblems.add(at(path, "must be an object", line));
      return;
    }
    unknown(n, NODE, path + ".", line, nodeProblems);
    int mark = nodeProblems.size();
    String id = text(n, "id", path, line, nodeProblems);
    if (id != null && firstSeen.containsKey(id)) {
      nodeProblems.add(
          at(
              path + ".id",
              "duplicate id " + id + " (also nodes[" + firstSeen.get(id) + "])",
              line));
    } else if (id != null) {
      firstSeen.put(ids.intern(id), i);
    }
    double ea = number(n, "externalAssets", path, 0.0, line, nodeProblems);
    double el = number(n, "externalLiabilities", path, 0.0, line, nodeProblems);
    double eq = number(n, "equity", path, 0.0, line, nodeProblems);
    double value = number(n, "value", path, 1.0, line, nodeProblems);
    if (eq > 0 && eq < NetworkFile.MIN_EQUITY) {
      nodeProblems.add(
          at(
              path + ".equity",
              "must be 0 or at least 1e-9 (DebtRank divides by it), was " + n.get("equity"),
              line));
    }
    if (nodeProblems.size() == mark) {
      index.put(ids.intern(id), banks.size());
      banks.add(new Bank(ids.intern(id), ea, el, eq, value));
      nodeLines.add(line);
    }
  }

  /**
   * Reads the liabilities straight from the tokens, without a tree per element: a million of them
   * is most of a large file. Problems come out as {@link #unknown}, {@link #text} and {@link
   * #number} would word them, unknown fields first.
   */
  private void edges(JsonParser p) throws IOException {
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      int k = edges;
      grow();
      int at = p.currentTokenLocation().getLineNr();
      line[k] = at;
      amount[k] = Double.NaN;
      if (t != JsonToken.START_OBJECT) {
        p.skipChildren();
        edgeProblems.put(k, List.of(at("liabilities[" + k + "]", "must be an object", at)));
        continue;
      }
      List<Problem> unknown = new ArrayList<>(0);
      List<Problem> found = new ArrayList<>(0);
      boolean hasAmount = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken v = p.nextToken();
        switch (field) {
          case "from", "to" -> {
            String text = v == JsonToken.VALUE_STRING ? p.getText() : null;
            p.skipChildren();
            String id = text == null || text.isBlank() ? null : ids.intern(text);
            if (field.equals("from")) {
              from[k] = id;
            } else {
              to[k] = id;
            }
          }
          case "amount" -> {
            hasAmount = true;
            double x = v.isNumeric() ? p.getDoubleValue() : Double.NaN;
            if (!(x >= 0 && x <= NetworkFile.MAX_AMOUNT)) {
              found.add(
                  at(
                      "liabilities[" + k + "].amount",
                      RANGE + ", was " + NetworkFile.READER.readTree(p),
                      at));
            } else if (x == 0) {
              found.add(at("liabilities[" + k + "].amount", "must be > 0, was " + x, at));
            } else {
              amount[k] = x;
            }
          }
          default -> {
            unknown.add(
                at(
                    "liabilities[" + k + "]." + field,
                    "unknown field (allowed: " + allowed(EDGE) + ")",
                    at));
            p.skipChildren();
          }
        }
      }
      List<Problem> all = new ArrayList<>(unknown);
      if (from[k] == null) {
        all.add(at("liabilities[" + k + "].from", "must be a non-empty string", at));
      }
      if (to[k] == null) {
        all.add(at("liabilities[" + k + "].to", "must be a non-empty string", at));
      }
      if (!hasAmount) {
        all.add(at("liabilities[" + k + "].amount", "is required", at));
      }
      all.addAll(found);
      if (!all.isEmpty()) {
        edgeProblems.put(k, all);
      }
    }
  }

  private void grow() {
    if (edges == from.length) {
      int size = edges * 2;
      from = Arrays.copyOf(from, size);
      to = Arrays.copyOf(to, size);
      amount = Arrays.copyOf(amount, size);
      line = Arrays.copyOf(line, size);
    }
    edges++;
  }

  /**
   * Checks the whole file and builds the network, or returns null with {@link #problems()} filled.
   */
  NetworkFile validate(boolean forDebtRank) {
    problems.addAll(top);
    if (!nodesListed || (banks.isEmpty() && nodeProblems.isEmpty())) {
      problems.add(new Problem("nodes", "must be a non-empty list"));
    }
    problems.addAll(nodeProblems);
    boolean nodesOk = problems.isEmpty();
    int n = banks.size();
    if (!liabilitiesListed) {
      problems.add(new Problem("liabilities", "must be a list (possibly empty)"));
    }
    int[] debtor = new int[edges];
    int[] creditor = new int[edges];
    double[] amounts = new double[edges];
    int resolved = 0;
    boolean[] hasInterbankAssets = new boolean[n];
    int[] firstOfPair = nodesOk ? firstOfPair() : new int[0];
    for (int k = 0; k < edges; k++) {
      List<Problem> found = edgeProblems.get(k);
      if (found != null) {
        problems.addAll(found);
        continue;
      }
      if (!nodesOk) {
        continue;
      }
      Integer i = index.get(from[k]);
      Integer j = index.get(to[k]);
      if (i == null || j == null) {
        if (i == null) {
          problems.add(at("liabilities[" + k + "].from", "unknown node " + from[k], line[k]));
        }
        if (j == null) {
          problems.add(at("liabilities[" + k + "].to", "unknown node " + to[k], line[k]));
        }
        continue;
      }
      if (i.equals(j)) {
        problems.add(
            at("liabilities[" + k + "].to", "a node cannot owe itself (" + from[k] + ")", line[k]));
        continue;
      }
      if (firstOfPair[k] != k) {
        problems.add(
            at(
                "liabilities[" + k + "]",
                "duplicate of liabilities["
                    + firstOfPair[k]
                    + "] ("
                    + from[k]
                    + " -> "
                    + to[k]
                    + ")",
                line[k]));
        continue;
      }
      debtor[resolved] = i;
      creditor[resolved] = j;
      amounts[resolved++] = amount[k];
      hasInterbankAssets[j] = true;
    }
    Map<String, double[]> shocks = new LinkedHashMap<>();
    if (shocksNotAList) {
      problems.add(new Problem("shocks", "must be a list"));
    }
    for (Element s : shockElements) {
      readShock(s, nodesOk, n, shocks);
    }
    if (forDebtRank && nodesOk) {
      debtRankRequirements(hasInterbankAssets, shocks.isEmpty() && shockElements.isEmpty());
    }
    if (!problems.isEmpty()) {
      return null;
    }
    return new NetworkFile(
        ExposureNetwork.fromEdges(
            banks,
            Arrays.copyOf(debtor, resolved),
            Arrays.copyOf(creditor, resolved),
            Arrays.copyOf(amounts, resolved)),
        shocks);
  }

  /**
   * For each liability whose ids resolve, the index of the first liability of the same ordered pair
   * (itself if it is the first); -1 otherwise. Groups by debtor, then sorts each group by
   * (creditor, index): O(m log d), where a hash map of pairs collides heavily at 10^6 edges.
   */
  private int[] firstOfPair() {
    int n = banks.size();
    int[] debtorOf = new int[edges];
    int[] count = new int[n + 1];
    for (int k = 0; k < edges; k++) {
      Integer i = edgeProblems.containsKey(k) ? null : index.get(from[k]);
      Integer j = i == null ? null : index.get(to[k]);
      debtorOf[k] = i == null || j == null ? -1 : i;
      if (debtorOf[k] >= 0) {
        count[i + 1]++;
      }
    }
    for (int r = 0; r < n; r++) {
      count[r + 1] += count[r];
    }
    long[] keys = new long[count[n]];
    int[] fill = Arrays.copyOf(count, n);
    for (int k = 0; k < edges; k++) {
      if (debtorOf[k] >= 0) {
        keys[fill[debtorOf[k]]++] = ((long) index.get(to[k]) << 32) | k;
      }
    }
    int[] first = new int[edges];
    Arrays.fill(first, -1);
    for (int r = 0; r < n; r++) {
      Arrays.sort(keys, count[r], count[r + 1]);
      for (int q = count[r]; q < count[r + 1]; q++) {
        int k = (int) keys[q];
        boolean repeat = q > count[r] && (keys[q] >>> 32) == (keys[q - 1] >>> 32);
        first[k] = repeat ? first[(int) keys[q - 1]] : k;
      }
    }
    return first;
  }

  private void debtRankRequirements(boolean[] hasInterbankAssets, boolean noShocks) {
    double total = 0;
    boolean anyEquity = false;
    List<Integer> needEquity = new ArrayList<>();
    for (int i = 0; i < banks.size(); i++) {
      total += banks.get(i).value();
      anyEquity |= banks.get(i).equity() > 0;
      if (hasInterbankAssets[i] && !(banks.get(i).equity() > 0)) {
        needEquity.add(i);
      }
    }
    if (!anyEquity && !needEquity.isEmpty()) {
      // A clearing input (external assets and liabilities only): one line that says so.
      problems.add(
          new Problem(
              "nodes",
              "no node has an equity, which debtrank needs: this file is a clearing input, so run it with"
                  + " --method eisenberg-noe, or give every node with interbank assets an equity > 0 (docs/contagion.md, Network file format)"));
    } else {
      for (int i : needEquity) {
        problems.add(
            at(
                "nodes[" + i + "].equity",
                "must be > 0 for debtrank, since "
                    + banks.get(i).id()
                    + " has interbank assets; was "
                    + banks.get(i).equity(),
                nodeLines.get(i)));
      }
    }
    if (!(total > 0)) {
      problems.add(new Problem("nodes", "the values must sum to a positive number for debtrank"));
    }
    if (noShocks && banks.size() > NetworkFile.EACH_NODE_LIMIT) {
      problems.add(
          new Problem(
              "shocks",
              "absent, so debtrank would run each of the "
                  + banks.size()
                  + " nodes defaulting alone"
                  + " ("
                  + banks.size()
                  + " propagations, "
                  + banks.size()
                  + " x "
                  + banks.size()
                  + " stresses); with more than "
                  + NetworkFile.EACH_NODE_LIMIT
                  + " nodes, list the shocks to run (docs/contagion.md, Network file format)"));
    }
  }

  private void readShock(Element element, boolean nodesOk, int size, Map<String, double[]> shocks) {
    String path = "shocks[" + element.index() + "]";
    JsonNode s = element.node();
    int line = element.line();
    if (!s.isObject()) {
      problems.add(at(path, "must be an object", line));
      return;
    }
    unknown(s, SHOCK, path + ".", line, problems);
    String name = text(s, "name", path, line, problems);
    if (name != null && shocks.containsKey(name)) {
      problems.add(at(path + ".name", "duplicate shock name " + name, line));
    }
    JsonNode stress = s.get("stress");
    if (stress == null || !stress.isObject() || stress.isEmpty()) {
      problems.add(
          at(
              path + ".stress",
              "must be a non-empty map from node id to initial stress in [0, 1]",
              line));
      return;
    }
    double[] psi = new double[size];
    for (Iterator<Map.Entry<String, JsonNode>> it = stress.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String p = path + ".stress." + e.getKey();
      if (nodesOk && !index.containsKey(e.getKey())) {
        problems.add(at(p, "unknown node " + e.getKey(), line));
      } else if (!e.getValue().isNumber()
          || !(e.getValue().asDouble() >= 0 && e.getValue().asDouble() <= 1)) {
        problems.add(at(p, "must be a number between 0 and 1, was " + e.getValue(), line));
      } else if (nodesOk) {
        psi[index.get(e.getKey())] = e.getValue().asDouble();
      }
    }
    if (name != null) {
      shocks.putIfAbsent(name, psi);
    }
  }

  private static void unknown(
      JsonNode n, Set<String> allowed, String prefix, int line, List<Problem> out) {
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        out.add(at(prefix + f, "unknown field (allowed: " + allowed(allowed) + ")", line));
      }
    }
  }

  private static String text(JsonNode n, String field, String path, int line, List<Problem> out) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      out.add(at(path + "." + field, "must be a non-empty string", line));
      return null;
    }
    return v.asText();
  }

  /**
   * A number in [0, {@link NetworkFile#MAX_AMOUNT}]; {@code fallback} when absent (NaN = required).
   */
  private static double number(
      JsonNode n, String field, String path, double fallback, int line, List<Problem> out) {
    JsonNode v = n.get(field);
    if (v == null) {
      if (Double.isNaN(fallback)) {
        out.add(at(path + "." + field, "is required", line));
      }
      return fallback;
    }
    double x = v.asDouble();
    if (!v.isNumber() || !(x >= 0 && x <= NetworkFile.MAX_AMOUNT)) {
      out.add(at(path + "." + field, RANGE + ", was " + v, line));
      return fallback;
    }
    return x;
  }
}
