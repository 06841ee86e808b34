package org.marginfall.reports.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.marginfall.reports.data.LiquidationKinds;
import org.marginfall.reports.data.ReportException;
import org.marginfall.reports.risk.ShortfallTally;

/**
 * What the risk section of a run report needs from {@code events.jsonl}, read in one streaming
 * pass: per venue, each account's shortfall (the sum of its {@code insurance_payout} and {@code
 * bad_debt} amounts, docs/outputs.md), and the cascade depth (the largest liquidation {@code round}
 * of any liquidation event: how many rounds of liquidation one step needed before no account was
 * liquidatable or the round limit stopped it), and the liquidated notional by contagion generation
 * and venue (liquidation events with a {@code cause}). Liquidation events are those of the types
 * the run's manifest lists ({@link LiquidationKinds}), whatever their venue family.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param shortfalls venue to (account to shortfall), venues in first-seen order, accounts sorted
 * @param cascadeDepth venue to its largest liquidation round, venues in first-seen order
 * @param shockSteps the steps in which a scheduled shock moved a fundamental price
 * @param generationNotional liquidated notional by contagion generation (the events' {@code
 *     cause.generation}, ascending) and venue (first-seen order); empty for runs whose events carry
 *     no cause
 */
public record RunEvents(
    Map<String, Map<String, Double>> shortfalls,
    Map<String, Integer> cascadeDepth,
    SortedSet<Long> shockSteps,
    SortedMap<Long, Map<String, Double>> generationNotional) {

  public static final String FILE = "events.jsonl";

  public RunEvents {
    Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
    shortfalls.forEach((v, m) -> copy.put(v, Collections.unmodifiableMap(new TreeMap<>(m))));
    shortfalls = Collections.unmodifiableMap(copy);
    cascadeDepth = Collections.unmodifiableMap(new LinkedHashMap<>(cascadeDepth));
    shockSteps = Collections.unmodifiableSortedSet(new TreeSet<>(shockSteps));
    SortedMap<Long, Map<String, Double>> generations = new TreeMap<>();
    generationNotional.forEach(
        (g, m) -> generations.put(g, Collections.unmodifiableMap(new LinkedHashMap<>(m))));
    generationNotional = Collections.unmodifiableSortedMap(generations);
  }

  /** A record without contagion causes. */
  public RunEvents(
      Map<String, Map<String, Double>> shortfalls,
      Map<String, Integer> cascadeDepth,
      SortedSet<Long> shockSteps) {
    this(shortfalls, cascadeDepth, shockSteps, new TreeMap<>());
  }

  /** A record without shock steps. */
  public RunEvents(Map<String, Map<String, Double>> shortfalls, Map<String, Integer> cascadeDepth) {
    this(shortfalls, cascadeDepth, new TreeSet<>());
  }

  /**
   * @return empty when the run directory has no events.jsonl
   * @throws ReportException naming the line when a line is not a JSON object, or the manifest's
   *     list of liquidation events when it is malformed
   */
  public static Optional<RunEvents> read(Path runDir) throws IOException {
    Path file = runDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    LiquidationKinds kinds = LiquidationKinds.read(runDir);
    List<String> wanted = new ArrayList<>(List.of("bad_debt", "insurance_payout", "shock"));
    wanted.addAll(kinds.notionalFields().keySet());
    String[] quoted = wanted.stream().map(t -> '"' + t + '"').toArray(String[]::new);
    ObjectMapper mapper = new ObjectMapper();
    ShortfallTally shortfalls = new ShortfallTally();
    SortedMap<Long, Map<String, Double>> generations = new TreeMap<>();
    Map<String, Integer> depth = new LinkedHashMap<>();
    SortedSet<Long> shocks = new TreeSet<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      long n = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        n++;
        // Most lines are trades and oracle updates; skip them without parsing.
        if (!containsAny(line, quoted)) {
          continue;
        }
        JsonNode event;
        try {
          event = mapper.readTree(line);
        } catch (IOException e) {
          throw new ReportException(FILE, "line " + n + ": not valid JSON", e);
        }
        String type = event.path("type").asText();
        String venue = event.path("venue").asText();
        if (type.equals("bad_debt") || type.equals("insurance_payout")) {
          shortfalls.add(venue, event.path("account").asText(), event.path("amount").asDouble());
        } else if (type.equals("shock")) {
          shocks.add(event.path("step").asLong());
        }
        if (kinds.isLiquidation(type)) {
          depth.merge(venue, event.path("round").asInt(), Math::max);
        }
        double notional = kinds.notional(event);
        JsonNode generation = event.path("cause").path("generation");
        if (!Double.isNaN(notional) && generation.isIntegralNumber()) {
          // Accelerated liquidations (docs/contagion.md) are a series of their own per venue.
          boolean accelerated =
              "accelerated".equals(event.path("cause").path("contagion").asText());
          generations
              .computeIfAbsent(generation.asLong(), g -> new LinkedHashMap<>())
              .merge(accelerated ? venue + " (accelerated)" : venue, notional, Double::sum);
        }
      }
    }
    return Optional.of(new RunEvents(shortfalls.shortfalls(), depth, shocks, generations));
  }

  private static boolean containsAny(String line, String[] parts) {
    for (String p : parts) {
      if (line.contains(p)) {
        return true;
      }
    }
    return false;
  }
}
