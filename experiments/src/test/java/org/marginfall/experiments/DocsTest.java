package org.marginfall.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * sections written as "venues.md 5.1" or "contagion.md §7"), and every citation of a docs file in
 * the docs or in the main code's comments names a file, heading or section number it has.
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

  /**
   * A citation of a docs file in prose or Javadoc: {@code docs/<file>.md}, an optional anchor, and
   * an optional section: a quoted heading ({@code docs/venues.md, "Shared markets"} or {@code
   * docs/venues.md ("Shared markets")}) or a section number ({@code docs/venues.md §7}).
   */
  private static final Pattern CITATION =
      Pattern.compile(
          "docs/([\\w.-]+\\.md)(?:#([\\w-]+))?(?:[,:]?\\s*\\(?(?:\"([^\"]+)\"|§\\s*(\\d+(?:\\.\\d+)*)))?");

  /**
   * The named sections of a markdown file, normalised ({@link #sectionName}): its headings and the
   * bold run-in titles that open a paragraph or a list item ({@code **Common random numbers.**}).
   */
  static Set<String> sections(String markdown) {
    Set<String> names = new HashSet<>();
    boolean fenced = false;
    for (String line : markdown.split("\n", -1)) {
      if (line.startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      if (fenced) {
        continue;
      }
      if (line.startsWith("#")) {
        names.add(sectionName(line.replaceFirst("^#+\\s*", "")));
      }
      Matcher bold = Pattern.compile("^(?:[-*]\\s+)?\\*\\*(.+?)\\*\\*").matcher(line);
      if (bold.find()) {
        names.add(sectionName(bold.group(1)));
      }
    }
    return names;
  }

  /** The section numbers of a markdown file: the leading "7." or "5.1" of its headings. */
  static Set<String> sectionNumbers(String markdown) {
    Set<String> numbers = new HashSet<>();
    Matcher m = Pattern.compile("(?m)^#+\\s*(\\d+(?:\\.\\d+)*)\\.?\\s").matcher(markdown);
    while (m.find()) {
      numbers.add(m.group(1));
    }
    return numbers;
  }

  /** A heading as cited: lower case, without code marks, emphasis, numbering or a final stop. */
  static String sectionName(String text) {
    return text.replaceAll("[`*]", "")
        .replaceAll("\\s+", " ")
        .trim()
        .replaceFirst("^\\d+(?:\\.\\d+)*\\.?\\s+", "")
        .replaceFirst("[.:]$", "")
        .trim()
        .toLowerCase(Locale.ROOT);
  }

  /**
   * Whether {@code cited} names one of {@code sections}: the whole name, or its leading part when
   * the rest is a qualifier after a colon, comma, dash or parenthesis ("Induced or accelerated" for
   * "Induced or accelerated: the whether").
   */
  static boolean names(Set<String> sections, String cited) {
    String c = sectionName(cited);
    return sections.stream()
        .anyMatch(
            s ->
                s.equals(c)
                    || (s.startsWith(c) && s.substring(c.length()).matches("^\\s*[(:,–—].*")));
  }

  /** The text of every comment of a Java source, one entry per comment with its first line. */
  static List<Map.Entry<Integer, String>> comments(String java) {
    List<Map.Entry<Integer, String>> out = new ArrayList<>();
    Matcher block = Pattern.compile("(?s)/\\*.*?\\*/").matcher(java);
    while (block.find()) {
      String text =
          Stream.of(block.group().split("\n"))
              .map(l -> l.replaceFirst("^\\s*/?\\*+/?\\s?", "").replaceFirst("\\*/$", "").trim())
              .reduce((a, b) -> a + " " + b)
              .orElse("");
      out.add(Map.entry(lineOf(java, block.start()), text));
    }
    String[] lines = java.split("\n", -1);
    StringBuilder run = new StringBuilder();
    int first = 0;
    for (int i = 0; i <= lines.length; i++) {
      String l = i < lines.length ? lines[i].trim() : "";
      if (l.startsWith("//")) {
        if (run.isEmpty()) {
          first = i + 1;
        }
        run.append(l.substring(2).trim()).append(' ');
      } else if (!run.isEmpty()) {
        out.add(Map.entry(first, run.toString().trim()));
        run.setLength(0);
      }
    }
    return out;
  }

  private static int lineOf(String text, int index) {
    int line = 1;
    for (int i = 0; i < index; i++) {
      line += text.charAt(i) == '\n' ? 1 : 0;
    }
    return line;
  }

  /**
   * "file:line: problem" for each citation in {@code text} (which starts at line {@code line} of
   * {@code file}) whose docs file, anchor or section is missing.
   */
  private static List<String> brokenCitations(Path root, Path file, int line, String text) {
    List<String> broken = new ArrayList<>();
    Matcher m = CITATION.matcher(text);
    while (m.find()) {
      long breaks = text.substring(0, m.start()).chars().filter(ch -> ch == '\n').count();
      String where = root.relativize(file) + ":" + (line + breaks);
      Path doc = root.resolve("docs").resolve(m.group(1));
      if (!Files.isRegularFile(doc)) {
        broken.add(where + ": docs/" + m.group(1) + " does not exist");
        continue;
      }
      String md = read(doc);
      if (m.group(2) != null && !anchors(md).contains(m.group(2))) {
        broken.add(where + ": docs/" + m.group(1) + " has no heading #" + m.group(2));
      }
      if (m.group(3) != null && !names(sections(md), m.group(3))) {
        broken.add(where + ": docs/" + m.group(1) + " has no section \"" + m.group(3) + "\"");
      }
      if (m.group(4) != null && !sectionNumbers(md).contains(m.group(4))) {
        broken.add(where + ": docs/" + m.group(1) + " has no section §" + m.group(4));
      }
    }
    return broken;
  }

  @Test
  void test_sections_areHeadingsAndRunInTitles() {
    String md =
        "# Venues\n### 7. Borrowing against margin (`borrowing`)\n**Common random numbers.** Every"
            + " stream\n- **Tie rule (DebtRank).** A loss\n```\n# not a heading\n```\n";
    Set<String> s = sections(md);
    assertTrue(names(s, "Borrowing against margin"), s.toString());
    assertTrue(names(s, "Common random numbers"), s.toString());
    assertTrue(names(s, "Common\n  random numbers"), "a citation may run over a line break");
    assertTrue(names(s, "tie rule (debtrank)"), s.toString());
    assertFalse(names(s, "Borrowing against"), "a cut-off name is not a section");
    assertFalse(names(s, "not a heading"), "fenced code has no headings");
    assertEquals(Set.of("7"), sectionNumbers(md));
  }

  @Test
  void test_citations_nameExistingDocsSections() {
    // Javadoc and comments of every module's main code, and the docs themselves: a cited
    // docs/<file>.md exists, and so do its cited anchor, quoted section and section number.
    Path root = root();
    List<String> broken = new ArrayList<>();
    int cited = 0;
    for (String module :
        List.of("core", "protocols", "agents", "reports", "experiments", "benchmarks")) {
      for (Path java : walk(root.resolve(module).resolve("src/main/java"), ".java")) {
        for (Map.Entry<Integer, String> c : comments(read(java))) {
          cited += CITATION.matcher(c.getValue()).results().count();
          broken.addAll(brokenCitations(root, java, c.getKey(), c.getValue()));
        }
      }
    }
    for (Path md : markdown(root)) {
      // The whole file at once: a quoted section may run over a line break.
      broken.addAll(brokenCitations(root, md, 1, read(md)));
    }
    assertTrue(cited > 50, "found too few citations in the code: " + cited);
    assertEquals(List.of(), broken);
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
