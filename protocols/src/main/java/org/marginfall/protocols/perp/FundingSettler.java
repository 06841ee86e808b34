package org.marginfall.protocols.perp;

import java.util.Map;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.spec.VenueServices;

/**
 * Funding of the perpetual venue: once a tick it samples every market's basis and premium into the
 * {@link PriceHistory}, and at the end of each funding interval settles every position's payment
 * with the house, emitting one {@link FundingSettlement} event per market. It exists so that the
 * funding clock, the payments and the venue's funding totals live in one place.
 *
 * <p>Mutable and not thread-safe.
 */
final class FundingSettler {

  private final PerpetualVenueSpec spec;
  private final VenueServices services;
  private final Ledger ledger;
  private final AssetId base;
  private final Precision basePrecision;
  private final PerpMarkets markets;
  private final PriceHistory history;
  private final PerpAccountBook book;
  private final PerpRiskView risk;
  private final LossWaterfall waterfall;
  private long fundingPaidAtoms;
  private long fundingReceivedAtoms;
  private long fundingDeferredAtoms;

  FundingSettler(PerpContext c) {
    this.spec = c.spec();
    this.services = c.services();
    this.ledger = c.ledger();
    this.base = c.base();
    this.basePrecision = c.basePrecision();
    this.markets = c.markets();
    this.history = c.markets().history;
    this.book = c.book();
    this.risk = c.risk();
    this.waterfall = c.waterfall();
  }

  /**
   * Once a tick: samples the basis and premium of every market, and settles funding at the end of
   * each interval.
   */
  void settle() {
    for (int i = 0; i < markets.count(); i++) {
      history.sample(
          i,
          services.markets().priceFor(spec.id(), markets.assets.get(i)),
          markets.oraclePrice(markets.assets.get(i)));
    }
    if (history.endTick()) {
      for (int i = 0; i < markets.count(); i++) {
        double average = history.averagePremium(i);
        settleMarket(i, history.settleRate(i, markets.maintenanceMargin[i]), average);
      }
      history.resetInterval();
    }
  }

  /**
   * Funding of one market: every position pays {@code size * mark * rate} (longs pay shorts when
   * the rate is positive; Binance funding FAQ 360033525031) to the house, which pays the receivers,
   * so the house pays or receives the long/short imbalance. A payer short of base currency pays
   * what it holds; the rest is deferred into its entry price ({@code entry += unpaid / size}),
   * which lowers its unrealised PnL by exactly the unpaid amount: the house's claim is settled when
   * the position closes, through the ordinary loss waterfall.
   */
  private void settleMarket(int i, double rate, double averagePremium) {
    long paid = 0;
    long received = 0;
    long deferred = 0;
    double mark = markets.markPrice(i);
    for (MarginAccount a : book.all()) {
      double s = a.size(i);
      if (s == 0) {
        continue;
      }
      double payment = s * mark * rate;
      if (payment > 0) {
        long owed = basePrecision.ceilAtoms(payment);
        long carried = charge(a, i, s, owed);
        paid += owed - carried;
        deferred += carried;
      } else if (payment < 0) {
        long due = basePrecision.floorAtoms(-payment);
        waterfall.payFromHouse(a.id, due);
        received += due;
      }
      risk.restate(a);
    }
    fundingPaidAtoms += paid;
    fundingReceivedAtoms += received;
    fundingDeferredAtoms += deferred;
    services
        .events()
        .emit(
            new FundingSettlement(
                services.clock().step(),
                0,
                spec.id().value(),
                markets.assets.get(i).value(),
                rate,
                averagePremium,
                basePrecision.units(paid),
                basePrecision.units(received),
                basePrecision.units(deferred),
                basePrecision.units(paid - received)));
  }

  /**
   * Charges a payer {@code owed} atoms of market {@code i}'s funding: what it holds goes to the
   * house now, the rest is deferred into its entry price, or paid through the waterfall when the
   * entry cannot absorb it. Returns the atoms deferred; the rest of {@code owed} reached the house.
   */
  private long charge(MarginAccount a, int i, double s, long owed) {
    long now = Math.min(owed, Math.max(0, ledger.balance(a.id, base)));
    waterfall.payHouse(a.id, now);
    long unpaid = owed - now;
    if (unpaid > 0) {
      double shifted = a.entry(i) + basePrecision.units(unpaid) / s;
      if (shifted > 0) {
        a.setEntry(i, shifted);
        return unpaid;
      }
      // A short whose entry cannot absorb the debt: the waterfall pays the house instead.
      waterfall.coverShortfall(a.id, unpaid);
      waterfall.payHouse(a.id, unpaid);
    }
    return 0;
  }

  /** The last funding rate of market {@code i}, 0 before the first settlement. */
  double lastRate(int i) {
    return history.lastRate(i);
  }

  /** Adds the funding rates and totals to a snapshot's extras when funding is on. */
  void addExtras(Map<String, Double> extras) {
    if (spec.pricing().fundingIntervalSteps() > 0) {
      for (int i = 0; i < markets.count(); i++) {
        extras.put("fundingRate." + markets.assets.get(i).value(), history.lastRate(i));
      }
      extras.put("fundingPaid", basePrecision.units(fundingPaidAtoms));
      extras.put("fundingReceived", basePrecision.units(fundingReceivedAtoms));
      extras.put("fundingDeferred", basePrecision.units(fundingDeferredAtoms));
    }
  }
}
