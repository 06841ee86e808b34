package org.marginfall.experiments.internal.twin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.core.spec.Problem;
import org.marginfall.core.spec.Registry;
import org.marginfall.core.spec.VenueType;
import org.marginfall.experiments.internal.scenario.Catalog;
import org.marginfall.experiments.internal.scenario.FieldPath;
import org.marginfall.experiments.internal.scenario.Presets;
import org.marginfall.experiments.internal.scenario.Scenario;
import org.marginfall.experiments.internal.scenario.ScenarioReader;

/**
 * Builds a twin's scenario: the twin's change is written into a copy of the base scenario's tree
 * (at field paths, as a sweep sets a parameter) before the tree is read, so the twin is validated
 * like a hand-written file. The run settings, seed included, are untouched, so base and twin draw
 * the same exogenous numbers (every random stream is derived from the master seed and its name).
 *
 * <p>Changes: {@code isolated} makes every venue isolated-margin as its family says ({@link
 * VenueType#isolate}: a perpetual venue gets {@code marginMode: isolated} and loses a {@code
 * portfolio} block; a venue given by a preset has the preset's fields written out first) and sets
 * {@code contagion.channels.sharedPool: false}; {@code no-impact} sets every market's {@code
 * impact} to {@code {model: none}}; {@code no-channel:<name>} sets {@code
 * contagion.channels.<name>: false}. Immutable and thread-safe.
 */
public final class TwinScenarios {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final ScenarioReader reader;
  private final Presets presets;
  private final Registry<VenueType> venueTypes;

  /** Builds twins of scenarios whose families are in {@code catalog}. */
  public TwinScenarios(Catalog catalog) {
    this.reader = new ScenarioReader(catalog);
    this.presets = catalog.presets();
    this.venueTypes = catalog.venueTypes();
  }

  /**
   * The twin's validated scenario, named {@code <base name> [twin <twin>]}.
   *
   * @throws InvalidSpecException with the reader's problems, prefixed by the twin, when the twin's
   *     tree is invalid (a {@code no-channel} twin on a build whose reader has no contagion
   *     section)
   */
  public Scenario scenario(Twin twin, Scenario base) {
    Object tree = parse(base.content());
    // Only the isolated twin's channel switch is optional; a no-channel twin always writes its own.
    Object changed =
        tree(twin, tree, twin.kind() != Twin.Kind.ISOLATED || readerKnowsChannels(tree));
    if (changed instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<Object, Object> m = (Map<Object, Object>) map;
      m.put("name", base.name() + " [twin " + twin.name() + "]");
    }
    try {
      return reader.read(JSON.writeValueAsBytes(changed), true, base.dataRoot());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parsed scenario tree is always writable as JSON", e);
    } catch (InvalidSpecException e) {
      throw new InvalidSpecException(
          e.problems().stream()
              .map(
                  p ->
                      new Problem(
                          "twin " + twin.name() + (p.path().isEmpty() ? "" : ": " + p.path()),
                          p.message()))
              .toList());
    }
  }

  /**
   * A copy of the scenario {@code tree} with the twin's change; the tree is not modified.
   *
   * @param channelSwitches whether to write {@code contagion.channels} (an {@code isolated} twin
   *     writes {@code sharedPool: false} only if so: a reader without the section has no shared
   *     pool to switch off)
   */
  public Object tree(Twin twin, Object tree, boolean channelSwitches) {
    Object out = tree;
    switch (twin.kind()) {
      case ISOLATED -> {
        out = copy(tree);
        // A whole venue entry is replaced (a preset written out, a field removed): not a field
        // path.
        @SuppressWarnings("unchecked")
        List<Object> venues =
            field(out, "venues") instanceof List<?> l ? (List<Object>) l : List.of();
        for (int i = 0; i < venues.size(); i++) {
          if (venues.get(i) instanceof Map<?, ?> entry) {
            Optional<VenueType> type = Optional.ofNullable(type(entry)).flatMap(venueTypes::find);
            Map<Object, Object> v = withPresetWrittenOut(entry);
            if (type.isPresent() && type.get().isolate(v)) {
              venues.set(i, v);
            }
          }
        }
        if (channelSwitches) {
          out = withChannelOff(out, "sharedPool");
        }
      }
      case NO_IMPACT -> {
        List<?> markets = list(tree, "markets");
        for (int i = 0; i < markets.size(); i++) {
          Map<Object, Object> none = new LinkedHashMap<>();
          none.put("model", "none");
          out = FieldPath.parse("markets[" + i + "].impact").setIn(out, none);
        }
      }
      case NO_CHANNEL -> out = withChannelOff(tree, twin.channel());
      case SET -> {
        int eq = twin.channel().indexOf('=');
        FieldPath path = FieldPath.parse(twin.channel().substring(0, eq));
        String problem = path.problemIn(tree);
        if (problem != null) {
          throw new InvalidSpecException(List.of(new Problem("twin " + twin.name(), problem)));
        }
        Object value;
        try {
          // The value is read as YAML, so 2.0e7, true and isolated are a number, a boolean, a
          // string.
          value = YAML.readValue(twin.channel().substring(eq + 1), Object.class);
        } catch (JsonProcessingException e) {
          throw new InvalidSpecException(
              List.of(
                  new Problem(
                      "twin " + twin.name(), "the value is not a YAML scalar or flow collection")));
        }
        out = path.setIn(tree, value);
      }
    }
    return out == tree ? copy(tree) : out;
  }

  /**
   * Whether this build's reader knows the {@code contagion} section: the base scenario has one (it
   * was valid), or adding an empty one is not rejected as an unknown field.
   */
  boolean readerKnowsChannels(Object tree) {
    if (tree instanceof Map<?, ?> m && m.containsKey("contagion")) {
      return true;
    }
    Object probe = FieldPath.parse("contagion").setIn(tree, new LinkedHashMap<>());
    try {
      reader.read(JSON.writeValueAsBytes(probe), true);
      return true;
    } catch (InvalidSpecException e) {
      return e.problems().stream().noneMatch(p -> p.path().equals("contagion"));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parsed scenario tree is always writable as JSON", e);
    }
  }

  private static Object withChannelOff(Object tree, String channel) {
    Object out = tree;
    if (!(field(out, "contagion") instanceof Map)) {
      out = FieldPath.parse("contagion").setIn(out, new LinkedHashMap<>());
    }
    if (!(field(field(out, "contagion"), "channels") instanceof Map)) {
      out = FieldPath.parse("contagion.channels").setIn(out, new LinkedHashMap<>());
    }
    return FieldPath.parse("contagion.channels." + channel).setIn(out, Boolean.FALSE);
  }

  /** The venue's type: its own {@code type}, else its preset's. */
  private String type(Map<?, ?> entry) {
    Object t = entry.get("type");
    if (t == null && entry.get("preset") instanceof String name) {
      Optional<Presets.Preset> p = presets.find(name);
      t = p.map(x -> x.venue().get("type")).orElse(null);
    }
    return t == null ? null : String.valueOf(t);
  }

  /**
   * The entry with its preset's fields as defaults written out, so fields can be removed as well as
   * set.
   */
  private Map<Object, Object> withPresetWrittenOut(Map<?, ?> entry) {
    Map<Object, Object> v = new LinkedHashMap<>();
    if (entry.get("preset") instanceof String name) {
      presets.find(name).ifPresent(p -> v.putAll((Map<?, ?>) copy(p.venue())));
    }
    v.putAll((Map<?, ?>) copy(entry));
    v.remove("preset");
    return v;
  }

  /** A deep copy of a plain tree (maps, lists, immutable scalars). */
  private static Object copy(Object node) {
    if (node instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(k, copy(v)));
      return out;
    }
    if (node instanceof List<?> list) {
      List<Object> out = new java.util.ArrayList<>(list.size());
      list.forEach(v -> out.add(copy(v)));
      return out;
    }
    return node;
  }

  private static List<?> list(Object tree, String field) {
    return field(tree, field) instanceof List<?> l ? l : List.of();
  }

  private static Object field(Object tree, String field) {
    return tree instanceof Map<?, ?> m ? m.get(field) : null;
  }

  private static Object parse(byte[] content) {
    try {
      // The content was read and validated as YAML or JSON; JSON is valid YAML, so one parser
      // serves.
      return YAML.readValue(content, Object.class);
    } catch (IOException e) {
      throw new UncheckedIOException("the base scenario was already parsed once", e);
    }
  }
}
