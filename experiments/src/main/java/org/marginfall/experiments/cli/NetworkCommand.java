package org.marginfall.experiments.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.marginfall.core.network.Bank;
import org.marginfall.core.network.Clearing;
import org.marginfall.core.network.ClearingResult;
import org.marginfall.core.network.DebtRank;
import org.marginfall.core.network.DebtRankResult;
import org.marginfall.core.network.DebtRankVariant;
import org.marginfall.core.network.ExposureNetwork;
import org.marginfall.core.network.ExternalLiabilities;
import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.core.spec.Problem;
import org.marginfall.core.spec.Problems;
import org.marginfall.experiments.scenario.SpecFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code marginfall network FILE --method debtrank|eisenberg-noe}: clears an exposure network
 * (Eisenberg–Noe, with Rogers–Veraart default costs through {@code --alpha}/{@code --beta}) or
 * propagates DebtRank shocks on it, prints a table and optionally writes the results as JSON. The
 * file format is documented in docs/contagion.md. Not thread-safe.
 */
@Command(
    name = "network",
    mixinStandardHelpOptions = true,
    description = "Network analytics on an exposure network file (JSON): Eisenberg-Noe / Rogers-Veraart clearing or DebtRank.")
final class NetworkCommand implements Callable<Integer> {

  /** The DebtRank variant {@code --method debtrank} uses when {@code --variant} is absent. */
  static final DebtRankVariant DEFAULT_VARIANT = DebtRankVariant.BARDOSCIA_2015;

  @Spec private picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "Network file (JSON), see docs/contagion.md.")
  private Path file;

  @Option(names = "--method", required = true, paramLabel = "METHOD", description = "debtrank or eisenberg-noe.")
  private String method;

  @Option(names = "--alpha", paramLabel = "A", description = "Rogers-Veraart: fraction of external assets a defaulter realises, in [0, 1] (default 1 = Eisenberg-Noe).")
  private Double alpha;

  @Option(names = "--beta", paramLabel = "B", description = "Rogers-Veraart: fraction of interbank receivables a defaulter realises, in [0, 1] (default 1 = Eisenberg-Noe).")
  private Double beta;

  @Option(names = "--external", paramLabel = "RANK", description = "External liabilities: pari-passu (default) or senior.")
  private String external;

  @Option(names = "--variant", paramLabel = "VARIANT", description = "DebtRank variant: bardoscia2015 (default), battiston2012, single-hit-uncapped, threshold.")
  private String variant;

  @Option(names = "--out", paramLabel = "FILE", converter = NonBlankPath.class,
      description = "Also write the results to this JSON file.")
  private Path out;

  @Override
  public Integer call() {
    Options options = options();
    NetworkFile network = NetworkFile.read(file, options.debtRank);
    ObjectNode json;
    PrintWriter w = spec.commandLine().getOut();
    if (options.debtRank) {
      json = debtRank(network, options.variant, w);
    } else {
      json = clearing(network, options, w);
    }
    if (out != null) {
      write(json, out);
      w.println("results written to " + out);
    }
    return Main.OK;
  }

  /** The validated flags. */
  private record Options(boolean debtRank, DebtRankVariant variant, ExternalLiabilities external, double alpha, double beta) {}

  private Options options() {
    Problems problems = new Problems();
    boolean debtRank = "debtrank".equals(method);
    if (!debtRank && !"eisenberg-noe".equals(method)) {
      problems.add("--method", "must be debtrank or eisenberg-noe, was " + method);
    }
    DebtRankVariant v = DEFAULT_VARIANT;
    if (variant != null) {
      if (!debtRank) {
        problems.add("--variant", "applies only to --method debtrank");
      }
      try {
        v = DebtRankVariant.fromCliName(variant);
      } catch (IllegalArgumentException e) {
        problems.add("--variant", "must be one of battiston2012, bardoscia2015, single-hit-uncapped, threshold, was " + variant);
      }
    }
    ExternalLiabilities ext = ExternalLiabilities.PARI_PASSU;
    if (external != null) {
      if (debtRank) {
        problems.add("--external", "applies only to --method eisenberg-noe");
      }
      switch (external) {
        case "pari-passu" -> ext = ExternalLiabilities.PARI_PASSU;
        case "senior" -> ext = ExternalLiabilities.SENIOR;
        default -> problems.add("--external", "must be senior or pari-passu, was " + external);
      }
    }
    double a = fraction("--alpha", alpha, debtRank, problems);
    double b = fraction("--beta", beta, debtRank, problems);
    if (!problems.isEmpty()) {
      throw new InvalidSpecException(problems.all());
    }
    return new Options(debtRank, v, ext, a, b);
  }

  private static double fraction(String flag, Double value, boolean debtRank, Problems problems) {
    if (value == null) {
      return 1.0;
    }
    if (debtRank) {
      problems.add(flag, "applies only to --method eisenberg-noe");
    }
    if (!(value >= 0 && value <= 1)) {
      problems.add(flag, "must be between 0 and 1, was " + value);
    }
    return value;
  }

  private static ObjectNode clearing(NetworkFile f, Options o, PrintWriter w) {
    ClearingResult r = Clearing.rogersVeraart(f.network(), o.external, o.alpha, o.beta);
    String name = o.alpha == 1 && o.beta == 1 ? "Eisenberg-Noe" : "Rogers-Veraart";
    String ext = o.external == ExternalLiabilities.SENIOR ? "senior" : "pari-passu";
    w.printf(Locale.ROOT, "%s clearing (greatest clearing vector): external liabilities %s, alpha %s, beta %s%n", name, ext, num(o.alpha), num(o.beta));
    List<List<String>> table = new ArrayList<>();
    table.add(List.of("node", "obligation", "payment", "recovery", "net worth", "default"));
    double[] pbar = r.obligations();
    double[] p = r.payments();
    double[] nw = r.netWorth();
    int[] rounds = r.defaultRounds();
    ObjectNode json = MAPPER.createObjectNode();
    json.put("method", "eisenberg-noe");
    json.put("model", name);
    json.put("externalLiabilities", ext);
    json.put("alpha", o.alpha);
    json.put("beta", o.beta);
    ArrayNode nodes = json.putArray("nodes");
    for (int i = 0; i < r.ids().size(); i++) {
      table.add(List.of(r.ids().get(i), fixed(pbar[i], 6), fixed(p[i], 6), fixed(r.recoveryRate(i), 6), fixed(nw[i], 6), rounds[i] == 0 ? "-" : "round " + rounds[i]));
      ObjectNode n = nodes.addObject();
      n.put("id", r.ids().get(i));
      n.put("obligation", pbar[i]);
      n.put("payment", p[i]);
      n.put("recoveryRate", r.recoveryRate(i));
      n.put("netWorth", nw[i]);
      n.put("defaultRound", rounds[i]);
    }
    table(table).forEach(w::println);
    List<String> defaulted = r.defaultSet().stream().map(r.ids()::get).toList();
    w.printf(Locale.ROOT, "defaults: %d %s; rounds: %d%n", defaulted.size(), defaulted, r.rounds());
    json.put("rounds", r.rounds());
    ArrayNode its = json.putArray("iterates");
    for (double[] it : r.iterates()) {
      ArrayNode row = its.addArray();
      for (double x : it) {
        row.add(x);
      }
    }
    return json;
  }

  private static ObjectNode debtRank(NetworkFile f, DebtRankVariant v, PrintWriter w) {
    List<String> names = new ArrayList<>();
    List<DebtRankResult> results = new ArrayList<>();
    if (f.shocks().isEmpty()) {
      List<DebtRankResult> each = DebtRank.eachNodeDefaulting(f.network(), v);
      for (int i = 0; i < each.size(); i++) {
        names.add(f.network().ids().get(i) + " defaults");
        results.add(each.get(i));
      }
    } else {
      for (Map.Entry<String, double[]> s : f.shocks().entrySet()) {
        names.add(s.getKey());
        results.add(DebtRank.run(f.network(), v, s.getValue()));
      }
    }
    w.printf(Locale.ROOT, "DebtRank, variant %s%n", v.cliName());
    List<String> ids = f.network().ids();
    List<List<String>> table = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("shock", "DebtRank", "defaults"));
    for (String id : ids) {
      header.add("h(" + id + ")");
    }
    table.add(header);
    ObjectNode json = MAPPER.createObjectNode();
    json.put("method", "debtrank");
    json.put("variant", v.cliName());
    ArrayNode shocks = json.putArray("shocks");
    for (int k = 0; k < results.size(); k++) {
      DebtRankResult r = results.get(k);
      double[] h = r.finalStress();
      double[] h0 = r.initialStress();
      double[] weights = r.weights();
      List<String> line = new ArrayList<>(List.of(names.get(k), fixed(r.debtRank(), 7), Integer.toString(r.additionalDefaults())));
      ObjectNode s = shocks.addObject();
      s.put("name", names.get(k));
      s.put("debtRank", r.debtRank());
      s.put("additionalDefaults", r.additionalDefaults());
      s.put("steps", r.steps());
      s.put("converged", r.converged());
      ArrayNode nodes = s.putArray("nodes");
      for (int i = 0; i < ids.size(); i++) {
        line.add(fixed(h[i], 6));
        ObjectNode n = nodes.addObject();
        n.put("id", ids.get(i));
        n.put("weight", weights[i]);
        n.put("initialStress", h0[i]);
        n.put("finalStress", h[i]);
      }
      table.add(line);
    }
    table(table).forEach(w::println);
    return json;
  }

  private static String num(double x) {
    return String.format(Locale.ROOT, "%s", x);
  }

  private static String fixed(double x, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", x);
  }

  /**
   * The lines of a table whose first row is the header: each column as wide as its widest cell and
   * two spaces from the next, the first column left-aligned and the others right-aligned, so that a
   * long node id or a large amount never runs into the next column.
   */
  static List<String> table(List<List<String>> rows) {
    int[] width = new int[rows.get(0).size()];
    for (List<String> row : rows) {
      for (int c = 0; c < width.length; c++) {
        width[c] = Math.max(width[c], row.get(c).length());
      }
    }
    List<String> lines = new ArrayList<>(rows.size());
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < width.length; c++) {
        String cell = row.get(c);
        String pad = " ".repeat(width[c] - cell.length());
        if (c == 0) {
          line.append(cell).append(pad);
        } else {
          line.append("  ").append(pad).append(cell);
        }
      }
      lines.add(line.toString().stripTrailing());
    }
    return lines;
  }

  /** Two-space indent and "\n" on every platform, so the file is the same bit for bit everywhere. */
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static void write(ObjectNode json, Path target) {
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")).withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try {
      Files.writeString(target, MAPPER.writer(printer).writeValueAsString(json) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /**
   * A parsed and validated network file: the network and the named DebtRank shocks in file order.
   * Not thread-safe: the shock vectors are plain arrays, read only by the command that parsed them.
   */
  record NetworkFile(ExposureNetwork network, Map<String, double[]> shocks) {

    private static final Set<String> TOP = Set.of("description", "nodes", "liabilities", "shocks");
    private static final Set<String> NODE = Set.of("id", "externalAssets", "externalLiabilities", "equity", "value");
    private static final Set<String> EDGE = Set.of("from", "to", "amount");
    private static final Set<String> SHOCK = Set.of("name", "stress");

    /** Refuses a key given twice, which a JSON parser would otherwise resolve silently to its last value. */
    private static final ObjectMapper READER =
        JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** Reads and validates {@code file}; every failure is reported with the file and its field path. */
    static NetworkFile read(Path file, boolean forDebtRank) {
      JsonNode root;
      try {
        root = READER.readTree(SpecFiles.utf8(Files.readAllBytes(file)));
      } catch (InvalidSpecException notUtf8) {
        throw new InvalidSpecException(file.toString(), notUtf8.problems().get(0).message());
      } catch (JsonProcessingException e) {
        if (e.getProcessor() instanceof JsonParser parser && String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field '")) {
          throw new InvalidSpecException(file + ": " + path(parser.getParsingContext()),
              "is given more than once (again at line " + e.getLocation().getLineNr() + "); give it once");
        }
        throw new InvalidSpecException(file.toString(), "not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
      } catch (IOException e) {
        throw new InvalidSpecException(file.toString(), "cannot read the file (" + e.getClass().getSimpleName() + ")");
      }
      Problems problems = new Problems();
      NetworkFile parsed = parse(root, forDebtRank, problems);
      if (!problems.isEmpty()) {
        throw new InvalidSpecException(problems.all().stream()
            .map(p -> new Problem(p.path().isEmpty() ? file.toString() : file + ": " + p.path(), p.message()))
            .toList());
      }
      return parsed;
    }

    /** The field path, as the problems below write it ({@code nodes[1].equity}), of the parser's current field. */
    private static String path(JsonStreamContext context) {
      List<String> steps = new ArrayList<>();
      for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
        steps.add(0, c.inArray() ? "[" + c.getCurrentIndex() + "]" : String.valueOf(c.getCurrentName()));
      }
      StringBuilder path = new StringBuilder();
      for (String step : steps) {
        path.append(step.startsWith("[") || path.length() == 0 ? "" : ".").append(step);
      }
      return path.toString();
    }

    private static NetworkFile parse(JsonNode root, boolean forDebtRank, Problems problems) {
      if (root == null || !root.isObject()) {
        problems.add("", "must be a JSON object with nodes and liabilities");
        return null;
      }
      unknown(root, TOP, "", problems);
      if (root.has("description") && !root.get("description").isTextual()) {
        problems.add("description", "must be a string");
      }
      List<Bank> banks = new ArrayList<>();
      Map<String, Integer> index = new LinkedHashMap<>();
      Map<String, Integer> firstSeen = new LinkedHashMap<>();
      JsonNode nodes = root.get("nodes");
      if (nodes == null || !nodes.isArray() || nodes.isEmpty()) {
        problems.add("nodes", "must be a non-empty list");
      } else {
        for (int i = 0; i < nodes.size(); i++) {
          String path = "nodes[" + i + "]";
          JsonNode n = nodes.get(i);
          if (!n.isObject()) {
            problems.add(path, "must be an object");
            continue;
          }
          unknown(n, NODE, path + ".", problems);
          int mark = problems.count();
          String id = text(n, "id", path, problems);
          if (id != null && firstSeen.containsKey(id)) {
            problems.add(path + ".id", "duplicate id " + id + " (also nodes[" + firstSeen.get(id) + "])");
          } else if (id != null) {
            firstSeen.put(id, i);
          }
          double ea = number(n, "externalAssets", path, 0.0, problems);
          double el = number(n, "externalLiabilities", path, 0.0, problems);
          double eq = number(n, "equity", path, 0.0, problems);
          double value = number(n, "value", path, 1.0, problems);
          if (!problems.since(mark)) {
            index.put(id, banks.size());
            banks.add(new Bank(id, ea, el, eq, value));
          }
        }
      }
      boolean nodesOk = problems.isEmpty();
      int size = banks.size();
      double[][] l = new double[size][size];
      boolean[] hasInterbankAssets = new boolean[size];
      JsonNode edges = root.get("liabilities");
      Map<String, Integer> seen = new LinkedHashMap<>();
      if (edges == null || !edges.isArray()) {
        problems.add("liabilities", "must be a list (possibly empty)");
      } else {
        for (int k = 0; k < edges.size(); k++) {
          String path = "liabilities[" + k + "]";
          JsonNode e = edges.get(k);
          if (!e.isObject()) {
            problems.add(path, "must be an object");
            continue;
          }
          unknown(e, EDGE, path + ".", problems);
          int mark = problems.count();
          String from = reference(e, "from", path, index, nodesOk, problems);
          String to = reference(e, "to", path, index, nodesOk, problems);
          double amount = number(e, "amount", path, Double.NaN, problems);
          if (problems.since(mark) || from == null || to == null) {
            continue;
          }
          if (!(amount > 0)) {
            problems.add(path + ".amount", "must be > 0, was " + amount);
            continue;
          }
          if (!nodesOk) {
            continue;
          }
          if (from.equals(to)) {
            problems.add(path + ".to", "a node cannot owe itself (" + from + ")");
            continue;
          }
          Integer previous = seen.put(from + "\u0000" + to, k);
          if (previous != null) {
            problems.add(path, "duplicate of liabilities[" + previous + "] (" + from + " -> " + to + ")");
            continue;
          }
          l[index.get(from)][index.get(to)] = amount;
          hasInterbankAssets[index.get(to)] = true;
        }
      }
      Map<String, double[]> shocks = new LinkedHashMap<>();
      JsonNode shockList = root.get("shocks");
      if (shockList != null) {
        if (!shockList.isArray()) {
          problems.add("shocks", "must be a list");
        } else {
          for (int k = 0; k < shockList.size(); k++) {
            readShock(shockList.get(k), "shocks[" + k + "]", index, nodesOk, size, shocks, problems);
          }
        }
      }
      if (forDebtRank && nodesOk) {
        double total = 0;
        boolean anyEquity = false;
        List<Integer> needEquity = new ArrayList<>();
        for (int i = 0; i < size; i++) {
          total += banks.get(i).value();
          anyEquity |= banks.get(i).equity() > 0;
          if (hasInterbankAssets[i] && !(banks.get(i).equity() > 0)) {
            needEquity.add(i);
          }
        }
        if (!anyEquity && !needEquity.isEmpty()) {
          // A clearing input (external assets and liabilities only): one line that says so.
          problems.add("nodes", "no node has an equity, which debtrank needs: this file is a clearing input, so run it with"
              + " --method eisenberg-noe, or give every node with interbank assets an equity > 0 (docs/contagion.md, Network file format)");
        } else {
          for (int i : needEquity) {
            problems.add("nodes[" + i + "].equity", "must be > 0 for debtrank, since " + banks.get(i).id() + " has interbank assets; was " + banks.get(i).equity());
          }
        }
        if (!(total > 0)) {
          problems.add("nodes", "the values must sum to a positive number for debtrank");
        }
      }
      if (!problems.isEmpty()) {
        return null;
      }
      return new NetworkFile(ExposureNetwork.of(banks, l), shocks);
    }

    private static void readShock(JsonNode s, String path, Map<String, Integer> index, boolean nodesOk, int size, Map<String, double[]> shocks, Problems problems) {
      if (!s.isObject()) {
        problems.add(path, "must be an object");
        return;
      }
      unknown(s, SHOCK, path + ".", problems);
      String name = text(s, "name", path, problems);
      if (name != null && shocks.containsKey(name)) {
        problems.add(path + ".name", "duplicate shock name " + name);
      }
      JsonNode stress = s.get("stress");
      double[] psi = new double[size];
      if (stress == null || !stress.isObject() || stress.isEmpty()) {
        problems.add(path + ".stress", "must be a non-empty map from node id to initial stress in [0, 1]");
        return;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = stress.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String p = path + ".stress." + e.getKey();
        if (nodesOk && !index.containsKey(e.getKey())) {
          problems.add(p, "unknown node " + e.getKey());
        } else if (!e.getValue().isNumber() || !(e.getValue().asDouble() >= 0 && e.getValue().asDouble() <= 1)) {
          problems.add(p, "must be a number between 0 and 1, was " + e.getValue());
        } else if (nodesOk) {
          psi[index.get(e.getKey())] = e.getValue().asDouble();
        }
      }
      if (name != null) {
        shocks.putIfAbsent(name, psi);
      }
    }

    private static void unknown(JsonNode n, Set<String> allowed, String prefix, Problems problems) {
      for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!allowed.contains(f)) {
          problems.add(prefix + f, "unknown field (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
        }
      }
    }

    private static String text(JsonNode n, String field, String path, Problems problems) {
      JsonNode v = n.get(field);
      if (v == null || !v.isTextual() || v.asText().isBlank()) {
        problems.add(path + "." + field, "must be a non-empty string");
        return null;
      }
      return v.asText();
    }

    private static String reference(JsonNode n, String field, String path, Map<String, Integer> index, boolean check, Problems problems) {
      String id = text(n, field, path, problems);
      if (id != null && check && !index.containsKey(id)) {
        problems.add(path + "." + field, "unknown node " + id);
        return null;
      }
      return id;
    }

    /** A finite number ≥ 0; {@code fallback} when absent (NaN = required). */
    private static double number(JsonNode n, String field, String path, double fallback, Problems problems) {
      JsonNode v = n.get(field);
      if (v == null) {
        if (Double.isNaN(fallback)) {
          problems.add(path + "." + field, "is required");
        }
        return fallback;
      }
      if (!v.isNumber() || !Double.isFinite(v.asDouble()) || v.asDouble() < 0) {
        problems.add(path + "." + field, "must be a number >= 0, was " + v);
        return fallback;
      }
      return v.asDouble();
    }
  }
}
