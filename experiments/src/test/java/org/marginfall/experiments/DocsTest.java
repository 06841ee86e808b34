package org.marginfall.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The documentation a user gets with the source: every relative link in README.md, docs/*.md and
 * examples/**.md names a file that exists (and, for a {@code .md#anchor} link, a heading of that
 * file), and neither the docs nor the main code and resources cite material users do not have (the
 * project's private research notes, {@code shared/...}, {@code design.md}, or their numbered
 * sections written as "venues.md 5.1" or "contagion.md §7").
 */
class DocsTest {

  /**
   * A markdown link or image: {@code [text](target)}; the target ends at the first space or ')'.
   */
  private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(([^)\\s]+)[^)]*\\)");

  /** Citations of the private notes: their paths, and their numbered sections. */
  private static final Pattern PRIVATE =
      Pattern.compile(
          "shared/|design\\.md|/work/|(venues|contagion)\\.md,? (§|section|sections)? ?[0-9C]|shared reference");

  /** Hosts of code and package registries, which no file of the project names. */
  private static final Pattern HOSTS =
      Pattern.compile("(?i)github\\.com|gitlab\\.com|bitbucket\\.org|huggingface\\.co");

  private static Path root() {
    Path moduleDir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    Path root = moduleDir.resolve("..").toAbsolutePath().normalize();
    assertTrue(Files.isRegularFile(root.resolve("README.md")), "not the project root: " + root);
    return root;
  }

  /** README.md, docs/*.md and every .md under examples/. */
  private static List<Path> markdown(Path root) {
    List<Path> files = new ArrayList<>();
    files.add(root.resolve("README.md"));
    files.addAll(walk(root.resolve("docs"), ".md"));
    files.addAll(walk(root.resolve("examples"), ".md"));
    assertTrue(files.size() > 5, "found too few docs: " + files);
    return files;
  }

  private static List<Path> walk(Path dir, String suffix) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(suffix))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The anchors of a markdown file's headings, as a GitHub-style renderer makes them. */
  static Set<String> anchors(String markdown) {
    Set<String> anchors = new HashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    boolean fenced = false;
    for (String line : markdown.split("\n", -1)) {
      if (line.startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      if (fenced || !line.startsWith("#")) {
        continue;
      }
      String text = line.replaceFirst("^#+\\s*", "").trim();
      String slug =
          text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
      int n = seen.merge(slug, 1, Integer::sum);
      anchors.add(n == 1 ? slug : slug + "-" + (n - 1));
    }
    return anchors;
  }

  @Test
  void test_anchors_followTheRenderersRule() {
    Set<String> a =
        anchors(
            "# Venue mechanics\n## Pooled lending venue (`type: lending`)\n```\n# not a heading\n```\n"
                + "### `network.json` and `exposures.json`\n### Example\n### Example\n");
    assertEquals(
        Set.of(
            "venue-mechanics",
            "pooled-lending-venue-type-lending",
            "networkjson-and-exposuresjson",
            "example",
            "example-1"),
        a);
  }

  @Test
  void test_docs_relativeLinksNameExistingFilesAndHeadings() {
    Path root = root();
    List<String> broken = new ArrayList<>();
    for (Path md : markdown(root)) {
      String text = read(md);
      Matcher m = LINK.matcher(text);
      while (m.find()) {
        String target = m.group(1);
        if (target.matches("(?i)[a-z][a-z0-9+.-]*:.*")) {
          continue; // https:, mailto: and the like
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = file.isEmpty() ? md : md.getParent().resolve(file).normalize();
        String where = root.relativize(md) + ": (" + target + ")";
        if (!Files.exists(resolved)) {
          broken.add(where + " names a missing file");
        } else if (anchor != null
            && resolved.toString().endsWith(".md")
            && !anchors(read(resolved)).contains(anchor)) {
          broken.add(where + " names a missing heading");
        }
      }
    }
    assertEquals(List.of(), broken);
  }

  @Test
  void test_docs_citeNoPrivateNotesAndNoCodeHost() {
    Path root = root();
    List<Path> files = new ArrayList<>(markdown(root));
    files.add(root.resolve("CITATION.cff"));
    assertEquals(List.of(), offending(root, files, PRIVATE));
    assertEquals(List.of(), offending(root, files, HOSTS));
  }

  @Test
  void test_mainCode_citesNoPrivateNotesAndNoCodeHost() {
    // Javadoc and bundled resources (presets, scenarios, network files) reach users too.
    Path root = root();
    List<Path> files = new ArrayList<>();
    for (String module :
        List.of("core", "protocols", "agents", "reports", "experiments", "benchmarks")) {
      files.addAll(walk(root.resolve(module).resolve("src/main"), ""));
    }
    files.addAll(walk(root.resolve("examples"), ""));
    files.addAll(walk(root.resolve("bin"), ""));
    assertTrue(files.size() > 100, "found too few source files: " + files.size());
    assertEquals(List.of(), offending(root, files, PRIVATE));
    assertEquals(List.of(), offending(root, files, HOSTS));
  }

  /** "file:line: text" for every line of {@code files} that {@code pattern} finds something in. */
  private static List<String> offending(Path root, List<Path> files, Pattern pattern) {
    List<String> found = new ArrayList<>();
    for (Path f : files) {
      String[] lines = read(f).split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        if (pattern.matcher(lines[i]).find()) {
          found.add(root.relativize(f) + ":" + (i + 1) + ": " + lines[i].trim());
        }
      }
    }
    return found;
  }
}
