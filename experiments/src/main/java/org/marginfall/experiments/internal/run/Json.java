package org.marginfall.experiments.internal.run;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON configuration every output file shares, so bytes do not depend on the platform: keys of
 * records sorted, {@code \n} line ends, two-space indents.
 *
 * <p>Stateless and thread-safe.
 */
public final class Json {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY).build();

  private static final ObjectWriter PRETTY =
      MAPPER.writer(
          new DefaultPrettyPrinter()
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private Json() {}

  /** The shared mapper (compact output). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** A writer for indented, human-readable files. */
  public static ObjectWriter pretty() {
    return PRETTY;
  }
}
