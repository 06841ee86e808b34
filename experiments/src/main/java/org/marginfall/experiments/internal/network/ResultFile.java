package org.marginfall.experiments.internal.network;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.marginfall.core.util.AtomicFiles;

/**
 * The {@code --out} JSON of the {@code network} command, streamed: the results are written as they
 * are computed (a 10^5-node result is never held as a JSON tree) into a temporary file next to the
 * target, which replaces the target only on {@link #commit()}; closing without committing deletes
 * it, so a failed run leaves nothing half-written. Two-space indent and "\n" on every platform, so
 * the file is the same bit for bit everywhere. Not thread-safe.
 */
public final class ResultFile implements AutoCloseable {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Path target;
  private final Path temporary;
  private final Writer writer;
  private final JsonGenerator generator;
  private boolean committed;

  private ResultFile(Path target, Path temporary, Writer writer, JsonGenerator generator) {
    this.target = target;
    this.temporary = temporary;
    this.writer = writer;
    this.generator = generator;
  }

  /** Opens a temporary file in the target's directory. */
  public static ResultFile open(Path target) {
    Path dir = target.toAbsolutePath().getParent();
    try {
      Path tmp = Files.createTempFile(dir, ".network-", ".json.tmp");
      Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
      DefaultPrettyPrinter printer =
          new DefaultPrettyPrinter()
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n"));
      JsonGenerator g = MAPPER.getFactory().createGenerator(w);
      g.setPrettyPrinter(printer);
      return new ResultFile(target, tmp, w, g);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /** The generator to write the one top-level object with. */
  public JsonGenerator generator() {
    return generator;
  }

  /** Ends the file with a newline and moves it onto the target. */
  public void commit() {
    try {
      generator.flush();
      writer.write("\n");
      generator.close();
      writer.close();
      AtomicFiles.move(temporary, target);
      committed = true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /** Deletes the temporary file unless committed. */
  @Override
  public void close() {
    if (committed) {
      return;
    }
    try {
      generator.close();
    } catch (IOException ignored) {
      // The file is deleted next; a failure to flush it does not matter.
    }
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + temporary + ": " + e.getMessage(), e);
    }
  }

  /** Wraps an {@link IOException} of the generator as the command's write failure. */
  public UncheckedIOException failure(IOException e) {
    return new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
  }
}
