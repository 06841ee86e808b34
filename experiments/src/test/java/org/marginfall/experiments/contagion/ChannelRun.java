package org.marginfall.experiments.contagion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.marginfall.core.engine.ModelSpec;
import org.marginfall.core.engine.Simulation;
import org.marginfall.core.event.SimEvent;
import org.marginfall.core.metric.RunListener;
import org.marginfall.experiments.internal.scenario.Catalog;
import org.marginfall.experiments.internal.scenario.ScenarioReader;
import org.marginfall.protocols.perp.Liquidation;

/**
 * Runs a channel-isolation scenario from the test resources in process, audited, with one channel
 * switch flipped, and keeps its events.
 */
final class ChannelRun implements RunListener {

  final List<SimEvent> events = new ArrayList<>();

  private ChannelRun() {}

  /**
   * Runs {@code contagion/<file>} with {@code contagion.channels.<channel>} set to {@code open}.
   */
  static ChannelRun run(String file, String channel, boolean open) {
    String yaml = resource("/contagion/" + file);
    String on = channel + ": true";
    assertEquals(yaml.indexOf(on), yaml.lastIndexOf(on), "one switch line");
    String text = open ? yaml : yaml.replace(on, channel + ": false");
    ModelSpec model =
        new ScenarioReader(Catalog.standard())
            .read(text.getBytes(StandardCharsets.UTF_8), false)
            .model();
    ChannelRun r = new ChannelRun();
    Simulation.run(model, model.settings().seed(), 0, true, List.of(r));
    return r;
  }

  @Override
  public void onEvent(SimEvent event) {
    events.add(event);
  }

  /** The events of one type, in order. */
  <T extends SimEvent> List<T> of(Class<T> type) {
    List<T> out = new ArrayList<>();
    for (SimEvent e : events) {
      if (type.isInstance(e)) {
        out.add(type.cast(e));
      }
    }
    return out;
  }

  /** The liquidations on {@code venue}, in order. */
  List<Liquidation> liquidationsOn(String venue) {
    return of(Liquidation.class).stream().filter(l -> l.venue().equals(venue)).toList();
  }

  private static String resource(String name) {
    try (InputStream in = ChannelRun.class.getResourceAsStream(name)) {
      assertNotNull(in, name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
