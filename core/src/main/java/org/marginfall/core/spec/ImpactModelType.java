package org.marginfall.core.spec;

import java.util.function.DoubleFunction;
import org.marginfall.core.market.ImpactModel;

/**
 * A kind of market impact a scenario's {@code impact: {model: <name>, ...}} names, and the reader
 * of its parameters: the members of {@link CoreTypes#impactModels()}.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface ImpactModelType {

  /** The name in scenario files ({@code model:}). */
  String name();

  /**
   * Reads the model from its {@code impact} node, whose {@code model} field named this type,
   * reporting failures at their paths.
   *
   * @return the model, or null after a failure
   */
  ImpactModel read(SpecNode impact);

  /**
   * The impact models shipped with Marginfall: {@code linear-log}, {@code linear}, {@code none}.
   */
  static ImpactModelType[] standard() {
    return new ImpactModelType[] {
      new Deep("linear-log", ImpactModel.LinearLog::new),
      new Deep("linear", ImpactModel.Linear::new),
      new Without()
    };
  }

  /**
   * A model of one parameter, its {@code depth} (at least {@link ImpactModel#MIN_DEPTH}).
   *
   * @param name the model's name
   * @param create the model of a depth
   */
  record Deep(String name, DoubleFunction<ImpactModel> create) implements ImpactModelType {

    @Override
    public ImpactModel read(SpecNode impact) {
      impact.allowOnly("model", "depth");
      double depth = impact.atLeast("depth", impact.positive("depth"), ImpactModel.MIN_DEPTH);
      return Double.isNaN(depth) ? null : create.apply(depth);
    }
  }

  /** No impact: {@code none}, a market that fills any quantity at its price. */
  record Without() implements ImpactModelType {

    @Override
    public String name() {
      return "none";
    }

    @Override
    public ImpactModel read(SpecNode impact) {
      impact.allowOnly("model");
      return new ImpactModel.None();
    }
  }
}
