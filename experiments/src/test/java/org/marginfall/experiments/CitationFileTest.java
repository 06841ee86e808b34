package org.marginfall.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.marginfall.experiments.internal.run.Provenance;
import org.marginfall.reports.doc.Citation;

/**
 * CITATION.cff gives what a citation needs: the title and authors the reports quote, the version
 * every run's manifest records, and a release date; it names no code host (the source is cited by
 * version and commit, not by a repository address).
 */
class CitationFileTest {

  private static Path citationFile() {
    Path moduleDir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    Path file = moduleDir.resolve("../CITATION.cff").toAbsolutePath().normalize();
    assertTrue(Files.isRegularFile(file), "missing " + file);
    return file;
  }

  @Test
  void test_citation_hasTitleAuthorsVersionAndReleaseDate() throws Exception {
    JsonNode cff = new YAMLMapper().readTree(citationFile().toFile());

    assertEquals("1.2.0", cff.path("cff-version").asText());
    assertEquals(Citation.TITLE, cff.path("title").asText());
    assertEquals(Citation.AUTHORS, cff.path("authors").path(0).path("name").asText());
    assertEquals(
        Provenance.current().version(),
        cff.path("version").asText(),
        "the version a run's manifest records");
    String released = cff.path("date-released").asText();
    assertTrue(
        released.matches("\\d{4}-\\d{2}-\\d{2}"),
        "date-released must be YYYY-MM-DD, was " + released);
    LocalDate date = LocalDate.parse(released);
    assertNotNull(date);
    assertFalse(
        date.isAfter(LocalDate.now().plusDays(1)), "date-released is in the future: " + released);
  }

  @Test
  void test_citation_namesNoCodeHost() throws Exception {
    String text = Files.readString(citationFile(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);

    assertFalse(text.contains("repository-code"), text);
    for (String host : new String[] {"github", "gitlab", "bitbucket"}) {
      assertFalse(text.contains(host), host + " in CITATION.cff");
    }
  }
}
