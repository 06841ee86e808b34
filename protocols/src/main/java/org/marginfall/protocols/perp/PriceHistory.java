package org.marginfall.protocols.perp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What a perpetual venue remembers between ticks for its mark price and funding: per market the
 * last {@code basisAverageSteps} samples of (book - index), the premium accumulated over the
 * current funding interval, and the last funding rate; and the ticks since the last funding.
 *
 * <p>Mutable and not thread-safe.
 */
final class PriceHistory {

  private final PricingTerms pricing;
  private final List<Deque<Double>> basis = new ArrayList<>();
  private final double[] premiumSum;
  private final double[] lastRate;
  private long ticksSinceFunding;

  PriceHistory(PricingTerms pricing, int markets) {
    this.pricing = pricing;
    this.premiumSum = new double[markets];
    this.lastRate = new double[markets];
    for (int i = 0; i < markets; i++) {
      basis.add(new ArrayDeque<>());
    }
  }

  /** Records one tick's book and index price of market {@code i}. */
  void sample(int i, double book, double index) {
    Deque<Double> samples = basis.get(i);
    samples.addLast(book - index);
    while (samples.size() > pricing.basisAverageSteps()) {
      samples.removeFirst();
    }
    premiumSum[i] += MarkPrices.premium(book, index);
  }

  /**
   * Ends a tick: whether funding is due now. When it is not (or funding is off), the premium
   * accumulators keep (or drop) their sums accordingly.
   */
  boolean endTick() {
    if (pricing.fundingIntervalSteps() == 0) {
      java.util.Arrays.fill(premiumSum, 0);
      return false;
    }
    ticksSinceFunding++;
    return ticksSinceFunding == pricing.fundingIntervalSteps();
  }

  /**
   * The funding rate of market {@code i} over the interval just ended; records it as the last rate.
   */
  double settleRate(int i, double maintenanceCap) {
    double average = averagePremium(i);
    double rate =
        MarkPrices.fundingRate(
            average, pricing.interestRate(), pricing.interestClamp(), maintenanceCap);
    lastRate[i] = rate;
    return rate;
  }

  /** The mean premium of market {@code i} over the interval so far. */
  double averagePremium(int i) {
    return ticksSinceFunding == 0 ? 0 : premiumSum[i] / ticksSinceFunding;
  }

  /** Starts the next funding interval. */
  void resetInterval() {
    java.util.Arrays.fill(premiumSum, 0);
    ticksSinceFunding = 0;
  }

  /** The last funding rate of market {@code i}. */
  double lastRate(int i) {
    return lastRate[i];
  }

  /** The median mark of market {@code i} (see {@link MarkPrices#median}). */
  double medianMark(int i, double index, double book) {
    Deque<Double> samples = basis.get(i);
    double sum = 0;
    for (double b : samples) {
      sum += b;
    }
    double average = samples.isEmpty() ? 0 : sum / samples.size();
    double toFunding =
        pricing.fundingIntervalSteps() > 0
            ? (double) (pricing.fundingIntervalSteps() - ticksSinceFunding)
                / pricing.fundingIntervalSteps()
            : 0;
    return MarkPrices.median(index, lastRate[i], toFunding, average, book);
  }
}
