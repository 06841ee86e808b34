package org.marginfall.experiments.internal.scenario;

import org.marginfall.core.spec.CoreTypes;
import org.marginfall.core.spec.PopulationType;
import org.marginfall.core.spec.Registry;
import org.marginfall.core.spec.VenueType;

/**
 * The pluggable families a scenario file can name: venue types, agent behaviours, venue presets and
 * the kinds of the core sections (impact models, oracle aggregations, failure modes).
 *
 * <p>Venue and agent types come from plug-ins ({@link org.marginfall.core.spec.MarginfallPlugin})
 * found with {@link java.util.ServiceLoader}: the built-in families register that way from their
 * own modules, and so does a user's jar (docs/extending.md). Adding a venue family is one package
 * (its {@code VenueType}, spec, venue and events, liquidation-like ones implementing {@code
 * core.event.LiquidationEvent}) plus one registration: a line in its module's plug-in, or {@link
 * #withVenueType} on a catalog; a behaviour likewise ({@link #withPopulationType}). Immutable and
 * thread-safe.
 *
 * @param venueTypes venue families by {@code type:}
 * @param populationTypes agent behaviours by {@code type:}
 * @param presets venue presets by {@code preset:}
 * @param coreTypes impact models, oracle aggregations and failure modes by name
 */
public record Catalog(
    Registry<VenueType> venueTypes,
    Registry<PopulationType> populationTypes,
    Presets presets,
    CoreTypes coreTypes) {

  private static volatile Catalog standard;

  /**
   * The families on Marginfall's own class path: the built-in ones and those of any plug-in jar put
   * on the class path beside it. Found once and kept.
   *
   * @throws org.marginfall.core.spec.InvalidSpecException with one line when a plug-in cannot be
   *     loaded or two give the same name
   */
  public static Catalog standard() {
    Catalog c = standard;
    if (c == null) {
      c = discover(Catalog.class.getClassLoader());
      standard = c;
    }
    return c;
  }

  /**
   * The families of every plug-in {@code loader} finds (through {@link java.util.ServiceLoader}),
   * with the bundled presets: pass a class loader over plug-in jars whose parent is Marginfall's.
   *
   * @throws org.marginfall.core.spec.InvalidSpecException with one line when a plug-in cannot be
   *     loaded, fails while registering, or gives a name another plug-in gave
   */
  public static Catalog discover(ClassLoader loader) {
    return CatalogDiscovery.discover(loader);
  }

  /**
   * This catalog with one more venue family, found by its {@link VenueType#name()}.
   *
   * @throws IllegalArgumentException if a family of that name is registered
   */
  public Catalog withVenueType(VenueType type) {
    return new Catalog(venueTypes.with(type.name(), type), populationTypes, presets, coreTypes);
  }

  /**
   * This catalog with one more agent behaviour, found by its {@link PopulationType#name()}.
   *
   * @throws IllegalArgumentException if a behaviour of that name is registered
   */
  public Catalog withPopulationType(PopulationType type) {
    return new Catalog(venueTypes, populationTypes.with(type.name(), type), presets, coreTypes);
  }
}
