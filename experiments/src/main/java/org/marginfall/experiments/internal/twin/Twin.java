package org.marginfall.experiments.internal.twin;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.marginfall.core.contagion.Channel;
import org.marginfall.experiments.internal.scenario.FieldPath;

/**
 * A counterfactual twin of a scenario, as named on the command line ({@code run --twin NAME}):
 * {@code isolated}, {@code no-impact} or {@code no-channel:<channel>}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind what the twin changes
 * @param channel the contagion channel switched off for {@link Kind#NO_CHANNEL}, the assignment
 *     {@code <field path>=<value>} for {@link Kind#SET}, else null
 */
public record Twin(Kind kind, String channel) {

  /** The contagion channels of the scenario's {@code contagion.channels} section. */
  public static final List<String> CHANNELS =
      Arrays.stream(Channel.values()).map(Channel::scenarioName).toList();

  /** What a twin changes. */
  public enum Kind {
    /**
     * Every venue in its family's isolated-margin form ({@code VenueType.isolate}), and no shared
     * collateral pool.
     */
    ISOLATED,
    /** No market has price impact. */
    NO_IMPACT,
    /** One contagion channel switched off. */
    NO_CHANNEL,
    /** One scenario field set to another value ({@code set:<field path>=<value>}). */
    SET
  }

  /** Validates that a channel is named exactly for {@link Kind#NO_CHANNEL}. */
  public Twin {
    Objects.requireNonNull(kind, "kind");
    boolean argument = kind == Kind.NO_CHANNEL || kind == Kind.SET;
    if (argument != (channel != null)) {
      throw new IllegalArgumentException("an argument is given for no-channel and set twins only");
    }
    if (kind == Kind.NO_CHANNEL && !CHANNELS.contains(channel)) {
      throw new IllegalArgumentException("unknown channel " + channel);
    }
    if (kind == Kind.SET) {
      int eq = channel.indexOf('=');
      if (eq <= 0 || eq == channel.length() - 1) {
        throw new IllegalArgumentException(
            "--twin: set:"
                + channel
                + " must read set:<field path>=<value>, e.g. set:agents[2].capital=2.0e7");
      }
      FieldPath.parse(channel.substring(0, eq));
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
      throw new IllegalArgumentException(
          "--twin: unknown channel '" + channel + "' (known: " + String.join(", ", CHANNELS) + ")");
    }
    if (name != null && name.startsWith("set:")) {
      try {
        return new Twin(Kind.SET, name.substring("set:".length()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            e.getMessage().startsWith("--twin")
                ? e.getMessage()
                : "--twin: " + name + ": " + e.getMessage(),
            e);
      }
    }
    throw new IllegalArgumentException(
        "--twin: unknown twin '"
            + name
            + "' (known: isolated, no-impact, no-channel:<channel> with channel one of "
            + String.join(", ", CHANNELS)
            + ", set:<field path>=<value>)");
  }

  /** The name as written on the command line, e.g. {@code no-channel:commonMarket}. */
  public String name() {
    return switch (kind) {
      case ISOLATED -> "isolated";
      case NO_IMPACT -> "no-impact";
      case NO_CHANNEL -> "no-channel:" + channel;
      case SET -> "set:" + channel;
    };
  }

  /**
   * The twin's directory under {@code twin/}: the name with ':' replaced by '-' (portable file
   * names).
   */
  public String directory() {
    return name().replaceAll("[^A-Za-z0-9._-]", "-");
  }

  @Override
  public String toString() {
    return name();
  }
}
