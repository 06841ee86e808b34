package org.marginfall.protocols.cdp;

import org.marginfall.core.agent.Population;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.spec.PopulationSpec;

/** A population spec that resolves to a population built by the test (a fresh one per run). */
record FixedPopulation(Population population) implements PopulationSpec {

  @Override
  public String id() {
    return population.id();
  }

  @Override
  public String type() {
    return "test";
  }

  @Override
  public Population resolve(RandomStreams streams) {
    return population;
  }
}
