package org.marginfall.core.price;

import org.marginfall.core.random.RandomStream;

/**
 * The draws of one asset's {@link ReturnBootstrap}: which historical return each step takes.
 *
 * <p>Every step draws exactly two uniforms from the asset's stream, used or not, so the stream's
 * position depends on the step alone: {@code u1} decides whether a stationary block ends (with
 * probability {@code 1/blockSteps}), {@code u2} picks a new block's start, {@code floor(u2 n)}. The
 * first step always starts a block. Mutable and not thread-safe.
 */
public final class BlockBootstrap {

  private final ReturnBootstrap spec;
  private int position = -1;
  private int leftInBlock;

  /** Starts the draws of {@code spec}. */
  public BlockBootstrap(ReturnBootstrap spec) {
    this.spec = spec;
  }

  /** The next step's log-return. */
  public double next(RandomStream stream) {
    double u1 = stream.nextUniform();
    double u2 = stream.nextUniform();
    int n = spec.size();
    boolean newBlock =
        switch (spec.scheme()) {
          case STATIONARY -> position < 0 || u1 < 1.0 / spec.blockSteps();
          case FIXED -> leftInBlock == 0;
        };
    if (newBlock) {
      position = Math.min(n - 1, (int) (u2 * n));
      leftInBlock = spec.blockSteps();
    } else {
      position = (position + 1) % n;
    }
    leftInBlock--;
    return spec.returnAt(position);
  }

  /** The index of the historical return the last step took, -1 before the first. */
  public int position() {
    return position;
  }
}
