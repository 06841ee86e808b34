package org.marginfall.experiments.internal.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Named venue presets: documented parameter sets of well-known designs that a scenario selects with
 * {@code preset: NAME} and overrides field by field.
 *
 * <p>Each preset is a bundled resource {@code presets/<name>.yaml} with a {@code description}, its
 * {@code sources}, the {@code simplifications} it makes, and the {@code venue} fields it sets
 * (including {@code type}). The list of names is the resource {@code presets/index.txt}, one name
 * per line. Immutable once loaded and thread-safe.
 */
public final class Presets {

  /** One preset. */
  public record Preset(
      String name,
      String description,
      List<String> sources,
      String simplifications,
      Map<String, Object> venue) {}

  private static final Presets BUNDLED = load(Presets.class.getClassLoader(), "presets");

  private final Map<String, Preset> byName;

  private Presets(Map<String, Preset> byName) {
    this.byName = byName;
  }

  /** The presets shipped with Marginfall. */
  public static Presets bundled() {
    return BUNDLED;
  }

  /** The preset with this name. */
  public Optional<Preset> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** All presets, by name. */
  public List<Preset> all() {
    return List.copyOf(byName.values());
  }

  /** Loads the presets listed in {@code <root>/index.txt} from {@code loader}'s resources. */
  @SuppressWarnings("unchecked")
  public static Presets load(ClassLoader loader, String root) {
    Map<String, Preset> out = new TreeMap<>();
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    try (InputStream index = loader.getResourceAsStream(root + "/index.txt")) {
      if (index == null) {
        return new Presets(out);
      }
      for (String name :
          new String(index.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
              .lines()
              .map(String::strip)
              .filter(l -> !l.isEmpty() && !l.startsWith("#"))
              .toList()) {
        try (InputStream in = loader.getResourceAsStream(root + "/" + name + ".yaml")) {
          if (in == null) {
            throw new IllegalStateException(
                root + "/index.txt names " + name + " but " + name + ".yaml is missing");
          }
          Map<String, Object> tree = yaml.readValue(in, LinkedHashMap.class);
          out.put(
              name,
              new Preset(
                  name,
                  String.valueOf(tree.getOrDefault("description", "")).strip(),
                  ((List<Object>) tree.getOrDefault("sources", List.of()))
                      .stream().map(String::valueOf).toList(),
                  String.valueOf(tree.getOrDefault("simplifications", "")).strip(),
                  (Map<String, Object>) tree.get("venue")));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Presets(out);
  }
}
