package org.marginfall.core.spec;

import java.util.Arrays;
import org.marginfall.core.contagion.Channel;
import org.marginfall.core.contagion.ChannelSwitches;

/**
 * Reads a scenario's {@code contagion: {channels: {<name>: true|false}}}: every channel is open
 * unless closed. Stateless.
 */
public final class ChannelSwitchesReader {

  private ChannelSwitchesReader() {}

  /**
   * The switches of {@code contagion} (all open when absent), reporting failures at their paths.
   */
  public static ChannelSwitches read(SpecNode contagion) {
    if (contagion.isMissing() || !contagion.requireObject()) {
      return ChannelSwitches.ALL_OPEN;
    }
    contagion.allowOnly("channels");
    SpecNode channels = contagion.get("channels");
    if (channels.isMissing() || !channels.requireObject()) {
      return ChannelSwitches.ALL_OPEN;
    }
    channels.allowOnly(
        Arrays.stream(Channel.values()).map(Channel::scenarioName).toArray(String[]::new));
    ChannelSwitches out = ChannelSwitches.ALL_OPEN;
    for (Channel c : Channel.values()) {
      if (!channels.bool(c.scenarioName(), true)) {
        out = out.closing(c);
      }
    }
    return out;
  }
}
