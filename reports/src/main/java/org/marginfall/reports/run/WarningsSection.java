package org.marginfall.reports.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.marginfall.reports.doc.Block;

/**
 * The "Warnings" section of a run or sweep report, from {@code warnings.json} (docs/outputs.md):
 * the silent no-ops the run found (a failure scheduled after the last step, a twin that changed
 * nothing, a swept parameter no metric responds to), one paragraph each, so a reader does not take
 * a no-op for a finding. A directory without the file has no such section.
 *
 * <p>This class has no state: it is immutable and thread-safe.
 */
public final class WarningsSection {

  /** The file the section reads. */
  public static final String FILE = "warnings.json";

  private WarningsSection() {}

  /** The blocks of the section, none when {@code dir} has no {@code warnings.json}. */
  public static List<Block> blocks(Path dir) throws IOException {
    Optional<JsonNode> file = RunFilesJson.read(dir, FILE);
    if (file.isEmpty()) {
      return List.of();
    }
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Heading("Warnings"));
    blocks.add(
        new Block.Paragraph(
            "Valid but without effect: these parts of the set-up changed nothing"
                + " in this run, so no result below reflects them."));
    for (JsonNode w : RunFilesJson.field(file.get(), "warnings", FILE, "")) {
      blocks.add(
          new Block.Paragraph(
              RunFilesJson.text(w, "subject", FILE, "warnings[].")
                  + ": "
                  + RunFilesJson.text(w, "message", FILE, "warnings[].")));
    }
    return blocks;
  }
}
