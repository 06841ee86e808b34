package org.marginfall.core.contagion;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which contagion channels are open in a run; every channel is open unless the scenario closes it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param open the open channels
 */
public record ChannelSwitches(Set<Channel> open) {

  /** All five channels open: the default. */
  public static final ChannelSwitches ALL_OPEN = new ChannelSwitches(EnumSet.allOf(Channel.class));

  /** Copies the set. */
  public ChannelSwitches {
    open = open.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(open));
  }

  /** Whether {@code channel} is open. */
  public boolean isOpen(Channel channel) {
    return open.contains(channel);
  }

  /** These switches with {@code channel} closed. */
  public ChannelSwitches closing(Channel channel) {
    EnumSet<Channel> s = EnumSet.allOf(Channel.class);
    s.retainAll(open);
    s.remove(channel);
    return new ChannelSwitches(s);
  }
}
