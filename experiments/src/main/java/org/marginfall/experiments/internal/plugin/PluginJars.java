package org.marginfall.experiments.internal.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.core.spec.MarginfallPlugin;
import org.marginfall.core.spec.Problem;
import org.marginfall.experiments.internal.scenario.Catalog;

/**
 * Plug-in jars named on the command line ({@code --plugin}) or in the Java API: a class loader over
 * them, child of Marginfall's, and the catalog its {@link java.util.ServiceLoader} finds, which
 * holds the built-in families and the jars' own (docs/extending.md).
 *
 * <p>Each jar is checked before anything is loaded: it must exist, open as a jar and list a plug-in
 * in {@code META-INF/services}. The class loader stays open until {@link #close()}, since a run
 * loads a plug-in's classes only when it builds the plug-in's venues and agents. Not thread-safe to
 * close while a run uses it; otherwise immutable.
 */
public final class PluginJars implements AutoCloseable {

  /** The service file a plug-in jar must hold. */
  public static final String SERVICE_FILE = "META-INF/services/" + MarginfallPlugin.class.getName();

  private final URLClassLoader loader;
  private final Catalog catalog;

  private PluginJars(URLClassLoader loader, Catalog catalog) {
    this.loader = loader;
    this.catalog = catalog;
  }

  /**
   * Opens {@code jars} over {@code parent} (the loader that holds Marginfall) and discovers their
   * plug-ins with the built-in ones.
   *
   * @param option how the jars were given, for messages: {@code --plugin} on the command line
   * @throws InvalidSpecException with one line per jar that is missing, not a jar or lists no
   *     plug-in ({@code <option> <jar>: <problem>}), or one line when the plug-ins cannot be loaded
   *     or give a name twice
   */
  public static PluginJars open(List<Path> jars, ClassLoader parent, String option) {
    List<Problem> problems = new ArrayList<>();
    List<URL> urls = new ArrayList<>();
    for (Path jar : jars) {
      String problem = check(jar);
      if (problem != null) {
        problems.add(new Problem(option + " " + jar, problem));
        continue;
      }
      try {
        urls.add(jar.toAbsolutePath().toUri().toURL());
      } catch (MalformedURLException e) {
        problems.add(new Problem(option + " " + jar, "not a usable path (" + e.getMessage() + ")"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidSpecException(problems);
    }
    URLClassLoader loader =
        new URLClassLoader("marginfall-plugins", urls.toArray(new URL[0]), parent);
    try {
      return new PluginJars(loader, Catalog.discover(loader));
    } catch (RuntimeException e) {
      closeQuietly(loader, e);
      throw e;
    }
  }

  /** What is wrong with {@code jar}, or null when it is a jar that lists a plug-in. */
  private static String check(Path jar) {
    if (!Files.exists(jar)) {
      return "no such file";
    }
    if (!Files.isRegularFile(jar)) {
      return "is not a file";
    }
    try (JarFile file = new JarFile(jar.toFile())) {
      if (file.getEntry(SERVICE_FILE) == null) {
        return "is a jar without a Marginfall plug-in (it has no " + SERVICE_FILE + ")";
      }
      return null;
    } catch (IOException e) {
      return "cannot be opened as a jar (" + e.getMessage() + ")";
    }
  }

  private static void closeQuietly(URLClassLoader loader, RuntimeException cause) {
    try {
      loader.close();
    } catch (IOException e) {
      cause.addSuppressed(e);
    }
  }

  /** The built-in families and the jars' plug-ins. */
  public Catalog catalog() {
    return catalog;
  }

  /** The class loader over the jars. */
  public ClassLoader loader() {
    return loader;
  }

  /** Closes the jars; no run may use the catalog afterwards. */
  @Override
  public void close() {
    try {
      loader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
