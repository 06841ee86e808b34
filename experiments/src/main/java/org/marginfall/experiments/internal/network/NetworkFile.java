package org.marginfall.experiments.internal.network;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.marginfall.core.network.ExposureNetwork;
import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.core.spec.Problem;
import org.marginfall.experiments.internal.scenario.SpecFiles;

/**
 * A parsed and validated network file (docs/contagion.md, "Network file format"): the network and
 * the named DebtRank shocks in file order.
 *
 * <p>The file is read as a token stream, one list element at a time, into the sparse network:
 * memory is O(nodes + edges), never a JSON tree of the whole file nor an n×n matrix. Every problem
 * is one line naming the field path and the line its list element starts on. Not thread-safe: the
 * shock vectors are plain arrays, read only by the command that parsed them.
 */
public record NetworkFile(ExposureNetwork network, Map<String, double[]> shocks) {

  /**
   * The largest amount any field may hold (every amount field; docs/contagion.md, "Network file
   * format").
   */
  public static final double MAX_AMOUNT = 1e15;

  /**
   * The smallest positive equity: with amounts up to {@link #MAX_AMOUNT}, DebtRank's impact stays
   * below 1e24.
   */
  public static final double MIN_EQUITY = 1e-9;

  /**
   * Without listed shocks, DebtRank runs each node defaulting alone, n runs of n stresses: up to
   * this many nodes.
   */
  public static final int EACH_NODE_LIMIT = 1_000;

  /**
   * Refuses a key given twice, which a JSON parser would otherwise resolve silently to its last
   * value.
   */
  static final ObjectMapper READER =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  /**
   * Reads and validates {@code file}; every failure is reported with the file, its field path and
   * line.
   */
  public static NetworkFile read(Path file, boolean forDebtRank) {
    NetworkFileParser parsed;
    try (JsonParser parser = READER.createParser(SpecFiles.utf8(Files.readAllBytes(file)))) {
      parsed = NetworkFileParser.parse(parser);
    } catch (InvalidSpecException notUtf8) {
      throw new InvalidSpecException(file.toString(), notUtf8.problems().get(0).message());
    } catch (JsonProcessingException e) {
      if (e.getProcessor() instanceof JsonParser parser
          && String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field '")) {
        throw new InvalidSpecException(
            file + ": " + path(parser.getParsingContext()),
            "is given more than once (again at line "
                + e.getLocation().getLineNr()
                + "); give it once");
      }
      throw new InvalidSpecException(
          file.toString(),
          "not valid JSON: "
              + e.getOriginalMessage().lines().findFirst().orElse("")
              + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
    } catch (IOException e) {
      throw new InvalidSpecException(
          file.toString(), "cannot read the file (" + e.getClass().getSimpleName() + ")");
    }
    NetworkFile network = parsed.validate(forDebtRank);
    if (!parsed.problems().isEmpty()) {
      throw new InvalidSpecException(
          parsed.problems().stream()
              .map(
                  p ->
                      new Problem(
                          p.path().isEmpty() ? file.toString() : file + ": " + p.path(),
                          p.message()))
              .toList());
    }
    return network;
  }

  /**
   * The field path, as the problems write it ({@code nodes[1].equity}), of the parser's current
   * field.
   */
  static String path(JsonStreamContext context) {
    List<String> steps = new ArrayList<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      steps.add(
          0, c.inArray() ? "[" + c.getCurrentIndex() + "]" : String.valueOf(c.getCurrentName()));
    }
    StringBuilder path = new StringBuilder();
    for (String step : steps) {
      path.append(step.startsWith("[") || path.length() == 0 ? "" : ".").append(step);
    }
    return path.toString();
  }

  /**
   * Reads the elements of the array the parser is at, one small tree each, with the line each
   * starts on.
   */
  static void forEachElement(JsonParser p, ElementVisitor visitor) throws IOException {
    int k = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      int line = p.currentTokenLocation().getLineNr();
      JsonNode element = READER.readTree(p);
      visitor.visit(k++, element, line);
    }
  }

  /** What {@link #forEachElement} calls for each element. */
  interface ElementVisitor {
    void visit(int index, JsonNode element, int line);
  }

  /** Interns ids, so that a million edges naming ten thousand nodes hold ten thousand strings. */
  static final class Ids {
    private final Map<String, String> seen = new HashMap<>();

    String intern(String id) {
      String prior = seen.putIfAbsent(id, id);
      return prior == null ? id : prior;
    }
  }
}
