package org.marginfall.experiments.twin;

import java.util.Arrays;
import java.util.List;
import org.marginfall.core.contagion.Channel;
import java.util.Objects;

/**
 * A counterfactual twin of a scenario, as named on the command line ({@code run --twin NAME}):
 * {@code isolated}, {@code no-impact} or {@code no-channel:<channel>}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind what the twin changes
 * @param channel the contagion channel switched off, for {@link Kind#NO_CHANNEL} only (else null)
 */
public record Twin(Kind kind, String channel) {

  /** The contagion channels of the scenario's {@code contagion.channels} section. */
  public static final List<String> CHANNELS =
      Arrays.stream(Channel.values()).map(Channel::scenarioName).toList();

  /** What a twin changes. */
  public enum Kind {
    /** Every perpetual venue in isolated margin, and no shared collateral pool. */
    ISOLATED,
    /** No market has price impact. */
    NO_IMPACT,
    /** One contagion channel switched off. */
    NO_CHANNEL
  }

  /** Validates that a channel is named exactly for {@link Kind#NO_CHANNEL}. */
  public Twin {
    Objects.requireNonNull(kind, "kind");
    if ((kind == Kind.NO_CHANNEL) != (channel != null)) {
      throw new IllegalArgumentException("a channel is named for no-channel twins only");
    }
    if (channel != null && !CHANNELS.contains(channel)) {
      throw new IllegalArgumentException("unknown channel " + channel);
    }
  }

  /**
   * Parses a twin name.
   *
   * @throws IllegalArgumentException with one line for the user when the name is unknown
   */
  public static Twin parse(String name) {
    if ("isolated".equals(name)) {
      return new Twin(Kind.ISOLATED, null);
    }
    if ("no-impact".equals(name)) {
      return new Twin(Kind.NO_IMPACT, null);
    }
    if (name != null && name.startsWith("no-channel:")) {
      String channel = name.substring("no-channel:".length());
      if (CHANNELS.contains(channel)) {
        return new Twin(Kind.NO_CHANNEL, channel);
      }
      throw new IllegalArgumentException("--twin: unknown channel '" + channel + "' (known: "
          + String.join(", ", CHANNELS) + ")");
    }
    throw new IllegalArgumentException("--twin: unknown twin '" + name
        + "' (known: isolated, no-impact, no-channel:<channel> with channel one of " + String.join(", ", CHANNELS) + ")");
  }

  /** The name as written on the command line, e.g. {@code no-channel:commonMarket}. */
  public String name() {
    return switch (kind) {
      case ISOLATED -> "isolated";
      case NO_IMPACT -> "no-impact";
      case NO_CHANNEL -> "no-channel:" + channel;
    };
  }

  /** The twin's directory under {@code twin/}: the name with ':' replaced by '-' (portable file names). */
  public String directory() {
    return name().replace(':', '-');
  }

  @Override
  public String toString() {
    return name();
  }
}
