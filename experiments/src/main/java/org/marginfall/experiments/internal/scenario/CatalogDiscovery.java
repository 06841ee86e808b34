package org.marginfall.experiments.internal.scenario;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;
import org.marginfall.core.spec.AggregationType;
import org.marginfall.core.spec.Contributions;
import org.marginfall.core.spec.CoreTypes;
import org.marginfall.core.spec.FailureModeType;
import org.marginfall.core.spec.ImpactModelType;
import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.core.spec.MarginfallPlugin;
import org.marginfall.core.spec.PopulationType;
import org.marginfall.core.spec.Registry;
import org.marginfall.core.spec.VenueType;

/**
 * Builds the registries of a {@link Catalog} from every {@link MarginfallPlugin} a class loader's
 * {@link ServiceLoader} finds, remembering which plug-in gave each name so a name given twice fails
 * with one line naming both. Used once per catalog; not thread-safe.
 */
final class CatalogDiscovery implements Contributions {

  private final Map<String, Named<VenueType>> venueTypes = new LinkedHashMap<>();
  private final Map<String, Named<PopulationType>> populationTypes = new LinkedHashMap<>();
  private final Map<String, Named<ImpactModelType>> impactModels = new LinkedHashMap<>();
  private final Map<String, Named<AggregationType>> aggregations = new LinkedHashMap<>();
  private final Map<String, Named<FailureModeType>> failureModes = new LinkedHashMap<>();
  private MarginfallPlugin current;

  /** A contribution and the plug-in that made it. */
  private record Named<T>(T member, MarginfallPlugin source) {}

  /**
   * The plug-ins {@code loader} finds, in service-file order, and what they contribute.
   *
   * @throws InvalidSpecException with one line when a plug-in cannot be loaded, fails while
   *     contributing, or gives a name that another one gave
   */
  static Catalog discover(ClassLoader loader) {
    CatalogDiscovery d = new CatalogDiscovery();
    try {
      for (MarginfallPlugin p : ServiceLoader.load(MarginfallPlugin.class, loader)) {
        d.contributeFrom(p);
      }
    } catch (ServiceConfigurationError e) {
      throw new InvalidSpecException("", "cannot load a plug-in: " + e.getMessage());
    }
    return new Catalog(
        registry("venue type", VenueType::name, d.venueTypes),
        registry("agent type", PopulationType::name, d.populationTypes),
        Presets.bundled(),
        new CoreTypes(
            registry("impact model", ImpactModelType::name, d.impactModels),
            registry("aggregation", AggregationType::name, d.aggregations),
            registry("failure mode", FailureModeType::name, d.failureModes)));
  }

  private void contributeFrom(MarginfallPlugin plugin) {
    current = plugin;
    try {
      plugin.contribute(this);
    } catch (InvalidSpecException e) {
      throw e;
    } catch (RuntimeException | LinkageError e) {
      throw new InvalidSpecException(
          "", "plug-in " + describe(plugin) + " failed to register its types: " + e);
    } finally {
      current = null;
    }
  }

  @Override
  public void venueType(VenueType type) {
    add("venue type", Objects.requireNonNull(type, "venue type").name(), type, venueTypes);
  }

  @Override
  public void populationType(PopulationType type) {
    add("agent type", Objects.requireNonNull(type, "agent type").name(), type, populationTypes);
  }

  @Override
  public void impactModel(ImpactModelType type) {
    add("impact model", Objects.requireNonNull(type, "impact model").name(), type, impactModels);
  }

  @Override
  public void aggregation(AggregationType type) {
    add("aggregation", Objects.requireNonNull(type, "aggregation").name(), type, aggregations);
  }

  @Override
  public void failureMode(FailureModeType type) {
    add("failure mode", Objects.requireNonNull(type, "failure mode").name(), type, failureModes);
  }

  private <T> void add(String family, String name, T member, Map<String, Named<T>> into) {
    if (current == null) {
      throw new IllegalStateException("contributions are taken only during contribute()");
    }
    if (name == null || name.isBlank()) {
      throw new InvalidSpecException(
          "", "plug-in " + describe(current) + " registers a " + family + " without a name");
    }
    Named<T> earlier = into.putIfAbsent(name, new Named<>(member, current));
    if (earlier != null) {
      throw new InvalidSpecException(
          "",
          family
              + " '"
              + name
              + "' is registered twice: by "
              + describe(earlier.source())
              + " and by "
              + describe(current));
    }
  }

  private static <T> Registry<T> registry(
      String family, Function<T, String> name, Map<String, Named<T>> named) {
    List<T> members = new ArrayList<>(named.size());
    named.values().forEach(n -> members.add(n.member()));
    @SuppressWarnings("unchecked")
    T[] array = (T[]) members.toArray();
    return Registry.of(family, name, array);
  }

  /** The plug-in's class and where it was loaded from: a jar's file name, or a directory. */
  static String describe(MarginfallPlugin plugin) {
    return plugin.getClass().getName() + " (" + origin(plugin.getClass()) + ")";
  }

  private static String origin(Class<?> c) {
    CodeSource source = c.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return "unknown location";
    }
    try {
      Path p = Path.of(source.getLocation().toURI());
      return p.getFileName() != null && p.toString().endsWith(".jar")
          ? p.getFileName().toString()
          : p.toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return source.getLocation().toString();
    }
  }
}
