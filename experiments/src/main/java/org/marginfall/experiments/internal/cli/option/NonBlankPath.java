package org.marginfall.experiments.internal.cli.option;

import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converts an {@code --out} value to a path, refusing an empty or blank one: {@code Path.of("")} is
 * the working directory, which no one means by typing {@code --out ""} (an unset shell variable).
 * Stateless and thread-safe.
 */
public final class NonBlankPath implements ITypeConverter<Path> {

  @Override
  public Path convert(String value) {
    if (value.isBlank()) {
      throw new TypeConversionException("must not be empty or blank, was '" + value + "'");
    }
    return Path.of(value);
  }
}
