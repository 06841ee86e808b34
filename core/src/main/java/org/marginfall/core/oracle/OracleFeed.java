package org.marginfall.core.oracle;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.contagion.PriceParts;
import org.marginfall.core.contagion.PriceRecipe;
import org.marginfall.core.random.RandomStream;

/**
 * One oracle's state for one asset: the market prices it has seen, its sources' combined readings,
 * the value it last published and when.
 *
 * <p>Each step {@link #observe} records the market price and combines the sources' readings into
 * one value (drawing each noisy source's normal from the oracle's stream, in source order); {@link
 * #evaluate} then applies the {@link OracleDesign} pipeline. Before the run had enough steps for a
 * latency, a lag or a TWAP window, the oldest observation stands in: the price is taken to have sat
 * at its initial value before the run. Mutable and not thread-safe.
 */
public final class OracleFeed {

  /**
   * What an {@link Update} reports; {@link #label()} is the {@code reason} of the {@code
   * oracle_update} event. Immutable and thread-safe.
   */
  public enum Reason {
    /** Published: the heartbeat elapsed. */
    HEARTBEAT,
    /** Published: the price moved by at least the deviation threshold. */
    DEVIATION,
    /** Published at {@code minAnswer}: the reading was below it. */
    MIN_ANSWER,
    /** Published at {@code maxAnswer}: the reading was above it. */
    MAX_ANSWER,
    /** Published during a lagging failure: the value is older than the rule's latency. */
    LAGGING,
    /** Published during a wrong-value failure: the value is not the market's. */
    WRONG_VALUE,
    /** Not published: the value was outside the band around the last one, which stays. */
    BAND_REFUSED,
    /** Not published: a frozen failure starts; nothing is published until it ends. */
    FROZEN;

    /** The event label: the name in lower case with '-' for '_' (e.g. {@code wrong-value}). */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * What one evaluation did: a publication of {@code price} replacing {@code previous}, or (for
   * {@link Reason#BAND_REFUSED} and {@link Reason#FROZEN}) a notice that nothing was published, in
   * which case {@code price == previous} is the value that stays. Immutable and thread-safe.
   */
  public record Update(AssetId asset, double price, double previous, Reason reason) {

    /** Whether a value was published (the feed's published step moved). */
    public boolean published() {
      return reason != Reason.BAND_REFUSED && reason != Reason.FROZEN;
    }
  }

  private final AssetId asset;
  private final OracleDesign design;
  private final RandomStream stream;
  private final List<OracleFailure> failures;
  private final double[] weights;
  private final double[] normals;
  private final double[] market;

  /** The endogenous parts of each market price in {@link #market}, as read. */
  private final PriceParts[] marketParts;

  private long marketCount;
  private final double[] combined;

  /** How each value in {@link #combined} was made of the market prices read. */
  private final PriceRecipe[] combinedRecipe;

  private final double[] coefficients;
  private final double[] readings;
  private long combinedCount;
  private double published;
  private PriceRecipe publishedRecipe;
  private long publications;
  private long lastPublishStep;
  private long frozenNoticeStep = -1;
  private long refusedStep = -1;

  /**
   * Creates a feed of the Chainlink-style {@code rule} alone, publishing {@code initialPrice} at
   * step 0.
   */
  public OracleFeed(AssetId asset, OracleRule rule, double initialPrice) {
    this(asset, OracleDesign.of(rule), initialPrice, null);
  }

  /**
   * Creates the feed, publishing {@code initialPrice} at step 0 and observing it as the first
   * market price.
   *
   * @param stream the oracle's random stream; may be null only when no source is noisy
   */
  public OracleFeed(AssetId asset, OracleDesign design, double initialPrice, RandomStream stream) {
    this.asset = Objects.requireNonNull(asset, "asset");
    this.design = Objects.requireNonNull(design, "design");
    if (design.needsRandomness() && stream == null) {
      throw new IllegalArgumentException("a design with noisy sources needs a random stream");
    }
    this.stream = stream;
    this.failures = design.failures().stream().filter(f -> f.asset().equals(asset)).toList();
    int maxLag = 0;
    for (OracleFailure f : failures) {
      maxLag = Math.max(maxLag, f.mode().lagSteps());
    }
    List<OracleSource> sources = design.sources();
    this.weights = new double[sources.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = sources.get(i).weight();
    }
    this.normals = new double[sources.size()];
    this.market = new double[design.maxLatencySteps() + 1];
    this.marketParts = new PriceParts[market.length];
    this.combined = new double[maxLag + design.twapSteps()];
    this.combinedRecipe = new PriceRecipe[combined.length];
    this.coefficients = new double[sources.size()];
    this.readings = new double[sources.size()];
    this.published = initialPrice;
    this.publishedRecipe = PriceRecipe.plain(initialPrice);
    this.lastPublishStep = 0;
    observe(initialPrice);
  }

  /** Records the market price of a new step and combines the sources' readings of it. */
  public void observe(double marketPrice) {
    observe(marketPrice, PriceParts.NONE);
  }

  /**
   * Records the market price of a new step, with the endogenous parts it carries, and combines the
   * sources' readings of it.
   */
  public void observe(double marketPrice, PriceParts parts) {
    market[(int) (marketCount % market.length)] = marketPrice;
    marketParts[(int) (marketCount % market.length)] = parts;
    marketCount++;
    List<OracleSource> sources = design.sources();
    for (int i = 0; i < normals.length; i++) {
      normals[i] = sources.get(i).noise() > 0 ? stream.nextStandardNormal() : 0.0;
    }
    int at = (int) (combinedCount % combined.length);
    combined[at] = combine();
    combinedRecipe[at] = recipe(combined[at]);
    combinedCount++;
  }

  /**
   * Replaces the current step's market price (intra-tick re-reads) and recombines the readings with
   * the same noise draws, so re-reading consumes no randomness.
   */
  public void reobserve(double marketPrice) {
    reobserve(marketPrice, PriceParts.NONE);
  }

  /** As {@link #reobserve(double)}, with the endogenous parts the new market price carries. */
  public void reobserve(double marketPrice, PriceParts parts) {
    market[(int) ((marketCount - 1) % market.length)] = marketPrice;
    marketParts[(int) ((marketCount - 1) % market.length)] = parts;
    int at = (int) ((combinedCount - 1) % combined.length);
    combined[at] = combine();
    combinedRecipe[at] = recipe(combined[at]);
  }

  /** The value the oracle would publish now without a failure, before bounds and band. */
  public double candidate() {
    return candidate(0);
  }

  /**
   * The time-weighted average of the combined readings over the last {@code twapSteps} steps,
   * ending {@code lag} steps back: {@code (1/N) sum_{k=lag}^{lag+N-1} c(t-k)}.
   *
   * <p>Uniswap v2's TWAP is the difference of the cumulative price over the window divided by its
   * length (UniswapV2Pair.price0CumulativeLast), and Compound v2's Open Price Feed anchored its
   * reported prices to such a TWAP (compound-finance/open-oracle UniswapAnchoredView); with equal
   * steps the time-weighted average is the plain mean of one value per step.
   */
  double candidate(int lag) {
    int window = design.twapSteps();
    if (window == 1) {
      return combinedBack(lag);
    }
    double sum = 0;
    for (int k = lag + window - 1; k >= lag; k--) {
      sum += combinedBack(k);
    }
    return sum / window;
  }

  /**
   * The recipe of {@link #candidate(int)}: the TWAP's time-weighted mean of its samples' recipes.
   */
  private PriceRecipe candidateRecipe(int lag) {
    int window = design.twapSteps();
    if (window == 1) {
      return combinedRecipeBack(lag);
    }
    PriceRecipe.Builder b = new PriceRecipe.Builder();
    for (int k = lag + window - 1; k >= lag; k--) {
      b.add(combinedRecipeBack(k), 1.0 / window);
    }
    return b.build();
  }

  /**
   * Applies the design at {@code step}: a scheduled failure if one is active, otherwise bounds, the
   * deviation-or-heartbeat rule and the band.
   *
   * @return what happened, or null when nothing was published or refused
   */
  public Update evaluate(long step) {
    OracleFailure failure = activeFailure(step);
    OracleFailure.Mode mode = failure == null ? null : failure.mode();
    if (mode != null && mode.frozen()) {
      if (step == failure.fromStep() && frozenNoticeStep != step) {
        frozenNoticeStep = step;
        return new Update(asset, published, published, Reason.FROZEN);
      }
      return null;
    }
    if (mode != null && mode.publishesWrongValue()) {
      double wrong = mode.wrongValue(candidate(0));
      if (wrong == published && !heartbeatDue(step)) {
        return null;
      }
      PriceRecipe recipe = mode.wrongRecipe(() -> candidateRecipe(0), wrong);
      return publish(step, wrong, Reason.WRONG_VALUE, recipe);
    }
    int lag = mode == null ? 0 : mode.lagSteps();
    double raw = candidate(lag);
    // Chainlink's aggregator never reports outside [minAnswer, maxAnswer] (Chainlink Data Feeds
    // docs; the LUNA feed, May 2022)
    double value = Math.min(Math.max(raw, design.minAnswer()), design.maxAnswer());
    Reason reason = rule(step, value);
    if (reason == null) {
      return null;
    }
    if (Math.abs(value / published - 1) > design.band()) {
      if (refusedStep == step) {
        return null;
      }
      refusedStep = step;
      return new Update(asset, published, published, Reason.BAND_REFUSED);
    }
    if (lag > 0) {
      reason = Reason.LAGGING;
    } else if (raw < design.minAnswer()) {
      reason = Reason.MIN_ANSWER;
    } else if (raw > design.maxAnswer()) {
      reason = Reason.MAX_ANSWER;
    }
    return publish(
        step, value, reason, candidateRecipe(lag).clamped(design.minAnswer(), design.maxAnswer()));
  }

  /** The step of the last publication (0: the initial price); it does not move while frozen. */
  public long publishedStep() {
    return lastPublishStep;
  }

  /** How the last published price was computed from the market prices read (for attribution). */
  public PriceRecipe recipe() {
    return publishedRecipe;
  }

  /** A counter that changes whenever the published price (and so its recipe) may have changed. */
  public long publications() {
    return publications;
  }

  /** The last published price. */
  public double price() {
    return published;
  }

  /** The asset. */
  public AssetId asset() {
    return asset;
  }

  /** The Chainlink-style rule of the design. */
  public OracleRule rule() {
    return design.rule();
  }

  /** The design. */
  public OracleDesign design() {
    return design;
  }

  /**
   * Deviation threshold then heartbeat
   * (docs.chain.link/architecture-overview/architecture-decentralized-model).
   */
  private Reason rule(long step, double value) {
    double move = Math.abs(value / published - 1);
    if (value != published && move >= design.rule().deviationThreshold()) {
      return Reason.DEVIATION;
    }
    return heartbeatDue(step) ? Reason.HEARTBEAT : null;
  }

  private boolean heartbeatDue(long step) {
    return step - lastPublishStep >= design.rule().heartbeatSteps();
  }

  private Update publish(long step, double value, Reason reason, PriceRecipe recipe) {
    Update u = new Update(asset, value, published, reason);
    published = value;
    publishedRecipe = recipe;
    publications++;
    lastPublishStep = step;
    return u;
  }

  private OracleFailure activeFailure(long step) {
    for (OracleFailure f : failures) {
      if (f.activeAt(step)) {
        return f;
      }
    }
    return null;
  }

  /** Every source's reading of the market, combined by the design's aggregation. */
  private double combine() {
    List<OracleSource> sources = design.sources();
    for (int i = 0; i < readings.length; i++) {
      OracleSource s = sources.get(i);
      double reading = marketBack(s.latencySteps()) * (1 + s.bias());
      if (s.noise() > 0) {
        reading *= StrictMath.exp(s.noise() * normals[i]);
      }
      readings[i] = reading;
    }
    return design.aggregation().aggregate(readings, weights, coefficients);
  }

  /**
   * The recipe of the value {@link #combine} has just computed: each source's reading, times its
   * coefficient in the aggregation, carrying the parts of the market price it read. A single term
   * reading one market price is that price's value itself, so the common case adds no rounding.
   */
  private PriceRecipe recipe(double value) {
    List<OracleSource> sources = design.sources();
    if (readings.length == 1) {
      return PriceRecipe.of(value, marketPartsBack(sources.get(0).latencySteps()));
    }
    PriceRecipe.Builder b = new PriceRecipe.Builder();
    for (int i = 0; i < readings.length; i++) {
      if (coefficients[i] != 0) {
        b.add(coefficients[i] * readings[i], marketPartsBack(sources.get(i).latencySteps()));
      }
    }
    return b.build();
  }

  private PriceParts marketPartsBack(int back) {
    long b = Math.min(back, marketCount - 1);
    return marketParts[(int) ((marketCount - 1 - b) % market.length)];
  }

  private PriceRecipe combinedRecipeBack(int back) {
    long b = Math.min(back, combinedCount - 1);
    return combinedRecipe[(int) ((combinedCount - 1 - b) % combined.length)];
  }

  private double marketBack(int back) {
    long b = Math.min(back, marketCount - 1);
    return market[(int) ((marketCount - 1 - b) % market.length)];
  }

  private double combinedBack(int back) {
    long b = Math.min(back, combinedCount - 1);
    return combined[(int) ((combinedCount - 1 - b) % combined.length)];
  }
}
