package org.marginfall.experiments.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.marginfall.core.spec.MarginfallPlugin;

/**
 * The module and package rules of docs/architecture.md ("Layers"), checked on the compiled main
 * classes of every module (experiments' test class path holds them all). Maven's dependencies
 * already stop a module from compiling against one it does not declare; these rules also hold the
 * lines Maven cannot draw: no package cycle anywhere, the engine and the scenario-wide wiring used
 * only by {@code experiments}, {@code reports} blind to the simulation modules it renders, and each
 * venue family named only inside its own package and by the {@code Catalog} that registers it.
 */
class ArchitectureTest {

  private static final String CORE = "org.marginfall.core..";
  private static final String PROTOCOLS = "org.marginfall.protocols..";
  private static final String AGENTS = "org.marginfall.agents..";
  private static final String REPORTS = "org.marginfall.reports..";
  private static final String EXPERIMENTS = "org.marginfall.experiments..";

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // Under `mvn verify` core's test fixtures come as a test-jar, which the option above
            // misses.
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("org.marginfall");
  }

  @Test
  void test_import_seesEveryModule() {
    for (String module : new String[] {"core", "protocols", "agents", "reports", "experiments"}) {
      String prefix = "org.marginfall." + module + ".";
      assertTrue(
          classes.stream().anyMatch(c -> c.getPackageName().startsWith(prefix)),
          "the class path holds no class of " + module);
    }
  }

  @Test
  void test_packages_haveNoCycle() {
    check(
        slices()
            .matching("org.marginfall.(**)")
            .should()
            .beFreeOfCycles()
            .because("a package cycle ties layers together (docs/architecture.md)"));
  }

  @Test
  void test_core_knowsNoOtherModule() {
    check(
        noClasses()
            .that()
            .resideInAPackage(CORE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(PROTOCOLS, AGENTS, REPORTS, EXPERIMENTS)
            .because("core is the generic engine and knows no venue family, agent or output"));
  }

  @Test
  void test_protocolsAndAgents_neverMeet() {
    check(
        noClasses()
            .that()
            .resideInAPackage(PROTOCOLS)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(AGENTS)
            .because(
                "venues and agents meet only through core's interfaces, wired by experiments"));
    check(
        noClasses()
            .that()
            .resideInAPackage(AGENTS)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(PROTOCOLS)
            .because(
                "venues and agents meet only through core's interfaces, wired by experiments"));
  }

  @Test
  void test_reports_rendersWithoutTheSimulation() {
    check(
        noClasses()
            .that()
            .resideInAPackage(REPORTS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(PROTOCOLS, AGENTS, EXPERIMENTS, "org.marginfall.core.engine..")
            .because("reports renders run outputs; it never runs or wires a simulation"));
  }

  @Test
  void test_onlyExperiments_wiresTheEngine() {
    check(
        noClasses()
            .that()
            .resideInAnyPackage(PROTOCOLS, AGENTS, REPORTS)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.marginfall.core.engine..")
            .because(
                "only experiments builds and runs a world; families and agents see core's interfaces"));
    check(
        noClasses()
            .that()
            .resideOutsideOfPackage(EXPERIMENTS)
            .and()
            .resideOutsideOfPackage("org.marginfall.benchmarks..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(EXPERIMENTS)
            .because("experiments is the top layer: it wires and nothing depends on it"));
  }

  /**
   * The venue families: the packages directly under {@code org.marginfall.protocols}, each with its
   * subpackages.
   */
  private static SortedSet<String> families() {
    SortedSet<String> families = new TreeSet<>();
    String prefix = "org.marginfall.protocols.";
    for (JavaClass c : classes) {
      if (c.getPackageName().startsWith(prefix)) {
        families.add(prefix + c.getPackageName().substring(prefix.length()).split("\\.")[0]);
      }
    }
    return families;
  }

  @Test
  void test_families_namedOnlyByTheirPackageAndTheirPlugin() {
    SortedSet<String> families = families();
    assertEquals(
        List.of(
            "org.marginfall.protocols.cdp",
            "org.marginfall.protocols.lending",
            "org.marginfall.protocols.perp"),
        List.copyOf(families));
    for (String family : families) {
      check(
          noClasses()
              .that()
              .resideOutsideOfPackage(family + "..")
              .and()
              .doNotImplement(MarginfallPlugin.class)
              .should()
              .dependOnClassesThat()
              .resideInAPackage(family + "..")
              .because(
                  "outside its own package a venue family is seen through core's seams"
                      + " (LiquidationEvent, VenueType, the capability interfaces); only its"
                      + " module's plug-in registers it, so adding a family is one package plus"
                      + " one line"));
    }
  }

  private static void check(ArchRule rule) {
    rule.check(classes);
  }
}
