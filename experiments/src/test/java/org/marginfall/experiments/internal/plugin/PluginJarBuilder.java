package org.marginfall.experiments.internal.plugin;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.marginfall.core.spec.MarginfallPlugin;
import org.marginfall.protocols.perp.PerpetualVenueType;

/**
 * Builds a plug-in jar in a test, without Maven: compiles a source tree with the JDK's compiler
 * against the classes of {@code core} and {@code protocols} (what the example's pom declares), then
 * packs the classes and a resource tree (its {@code META-INF/services}) into a jar.
 */
final class PluginJarBuilder {

  private PluginJarBuilder() {}

  /**
   * Compiles every {@code .java} file under {@code sources} into {@code work/classes}, copies
   * {@code resources} (when not null) beside them and writes {@code work/<name>}.
   */
  static Path build(Path sources, Path resources, Path work, String name) throws IOException {
    Path classes = Files.createDirectories(work.resolve("classes"));
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17"));
    args.add("-classpath");
    args.add(
        location(MarginfallPlugin.class)
            + java.io.File.pathSeparator
            + location(PerpetualVenueType.class));
    try (Stream<Path> s = Files.walk(sources)) {
      s.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter log = new StringWriter();
    int status =
        javac.run(null, new WriterStream(log), new WriterStream(log), args.toArray(new String[0]));
    if (status != 0) {
      throw new IllegalStateException("javac failed:\n" + log);
    }
    if (resources != null) {
      copy(resources, classes);
    }
    Path jar = work.resolve(name);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        Files.copy(f, out);
        out.closeEntry();
      }
    }
    return jar;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        Files.createDirectories(target.getParent());
        Files.copy(f, target);
      }
    }
  }

  private static String location(Class<?> c) {
    try {
      return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The compiler's diagnostics into a string. */
  private static final class WriterStream extends OutputStream {
    private final StringWriter target;

    WriterStream(StringWriter target) {
      this.target = target;
    }

    @Override
    public void write(int b) {
      target.write(b);
    }
  }
}
