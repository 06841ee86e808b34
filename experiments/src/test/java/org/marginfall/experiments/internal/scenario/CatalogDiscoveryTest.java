package org.marginfall.experiments.internal.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.core.spec.Contributions;
import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.core.spec.MarginfallPlugin;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.spec.PopulationType;
import org.marginfall.core.spec.SpecContext;
import org.marginfall.core.spec.SpecNode;

/**
 * The catalog is what {@link java.util.ServiceLoader} finds: the built-in families through their
 * modules' service files, and a plug-in's through a class loader's; a failing or clashing plug-in
 * is one line.
 */
class CatalogDiscoveryTest {

  /** A plug-in with one agent type, {@code idle-test-agents}, that reads nothing. */
  public static final class OneAgentPlugin implements MarginfallPlugin {
    @Override
    public void contribute(Contributions to) {
      to.populationType(new IdleType("idle-test-agents"));
    }
  }

  /** A plug-in that re-registers the built-in {@code liquidators}. */
  public static final class ClashingPlugin implements MarginfallPlugin {
    @Override
    public void contribute(Contributions to) {
      to.populationType(new IdleType("liquidators"));
    }
  }

  /** A plug-in that fails while registering. */
  public static final class FailingPlugin implements MarginfallPlugin {
    @Override
    public void contribute(Contributions to) {
      throw new IllegalStateException("no licence file");
    }
  }

  private record IdleType(String name) implements PopulationType {
    @Override
    public PopulationSpec read(SpecNode node, SpecContext context) {
      node.fail("is a test type");
      return null;
    }
  }

  @Test
  void test_standard_isTheBuiltInFamiliesFromTheirServiceFiles() {
    Catalog c = Catalog.standard();
    assertEquals(Set.of("cdp", "lending", "perpetual"), c.venueTypes().names());
    // The 25 behaviours BuiltInAgents registers (three of them the signal rules).
    assertEquals(25, c.populationTypes().names().size());
    assertTrue(
        c.populationTypes()
            .names()
            .containsAll(Set.of("liquidators", "noise-traders", "flop-keepers")));
    // The core kinds BuiltInCoreTypes registers.
    assertEquals(Set.of("linear", "linear-log", "none"), c.coreTypes().impactModels().names());
    assertEquals(Set.of("mean", "median"), c.coreTypes().aggregations().names());
    assertEquals(Set.of("frozen", "lagging", "wrong"), c.coreTypes().failureModes().names());
  }

  @Test
  void test_discover_addsAPluginsTypes(@TempDir Path dir) throws IOException {
    try (URLClassLoader loader = loaderListing(dir, OneAgentPlugin.class)) {
      Catalog c = Catalog.discover(loader);
      assertEquals(26, c.populationTypes().names().size());
      assertTrue(c.populationTypes().find("idle-test-agents").isPresent());
      assertEquals(Catalog.standard().venueTypes().names(), c.venueTypes().names());
    }
  }

  @Test
  void test_discover_aNameTwice_isOneLineNamingBothPlugins(@TempDir Path dir) throws IOException {
    try (URLClassLoader loader = loaderListing(dir, ClashingPlugin.class)) {
      InvalidSpecException e =
          assertThrows(InvalidSpecException.class, () -> Catalog.discover(loader));
      assertEquals(1, e.problems().size());
      String line = e.problems().get(0).toString();
      assertTrue(
          line.startsWith(
              "agent type 'liquidators' is registered twice: by"
                  + " org.marginfall.agents.BuiltInAgents ("),
          line);
      assertTrue(line.contains(" and by " + ClashingPlugin.class.getName() + " ("), line);
    }
  }

  @Test
  void test_discover_aPluginThatThrows_isOneLine(@TempDir Path dir) throws IOException {
    try (URLClassLoader loader = loaderListing(dir, FailingPlugin.class)) {
      InvalidSpecException e =
          assertThrows(InvalidSpecException.class, () -> Catalog.discover(loader));
      assertEquals(1, e.problems().size());
      String line = e.problems().get(0).toString();
      assertTrue(line.startsWith("plug-in " + FailingPlugin.class.getName() + " ("), line);
      assertTrue(
          line.endsWith(
              " failed to register its types: java.lang.IllegalStateException: no licence file"),
          line);
    }
  }

  @Test
  void test_discover_aServiceFileNamingAMissingClass_isOneLine(@TempDir Path dir)
      throws IOException {
    Path services = Files.createDirectories(dir.resolve("META-INF/services"));
    Files.writeString(services.resolve(MarginfallPlugin.class.getName()), "no.such.Plugin\n");
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      InvalidSpecException e =
          assertThrows(InvalidSpecException.class, () -> Catalog.discover(loader));
      assertEquals(
          List.of(
              "cannot load a plug-in: "
                  + MarginfallPlugin.class.getName()
                  + ": Provider no.such.Plugin not found"),
          e.problems().stream().map(Object::toString).toList());
    }
  }

  /** A class loader over {@code dir} whose service file lists {@code plugin} (a test class). */
  private URLClassLoader loaderListing(Path dir, Class<?> plugin) throws IOException {
    Path services = Files.createDirectories(dir.resolve("META-INF/services"));
    Files.writeString(services.resolve(MarginfallPlugin.class.getName()), plugin.getName() + "\n");
    return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
  }
}
