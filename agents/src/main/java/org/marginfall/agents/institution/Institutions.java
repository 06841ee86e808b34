package org.marginfall.agents.institution;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marginfall.core.agent.AgentAccounts;
import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.agent.Population;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.market.Execution;

/**
 * Institutions with balance sheets whose failures cascade through interbank claims (Gai and Kapadia
 * 2010, Proc. R. Soc. A 466:2401-2423) and through fire sales of common assets into the shared
 * markets (Caccioli, Shrestha, Moore and Farmer 2014, J. Banking & Finance 46:233-245), with
 * optional leverage targeting (Greenwood, Landier and Thesmar 2015, J. Financial Economics
 * 115:471-485).
 *
 * <p>Equity is {@code K - external loss - interbank loss + (marketable value + proceeds - its value
 * at set-up)}, and an institution fails when it is below zero: its losses exceed its capital (a
 * loss exactly equal to the capital leaves it standing). The cascade runs in the trading phase, in
 * rounds: every institution whose equity is negative at the round's prices fails at once (so the
 * final set does not depend on the order), its creditors lose their claims on it, and it sells
 * everything it holds; then, with deleveraging on, the survivors sell to restore their set-up
 * leverage, all decided at the same prices. Rounds repeat until nothing changes. Mutable and not
 * thread-safe.
 */
final class Institutions implements Population {

  /** An excess over the leverage target below this share of assets is rounding, not a sale. */
  private static final double SALE_TOLERANCE = 1e-9;

  private final InstitutionsSpec spec;
  private final BalanceSheets sheets;
  private final int n;
  private final AccountId[] accounts;
  private final List<AssetId> assets;
  private final double[] interbank;
  private final double[] capital;
  private final double[] marketAtSetUp;
  private final double[] targetAssetsPerEquity;
  private final double[] totalAssets;
  private double[] pricesAtSetUp;
  private final double[] externalLoss;
  private final double[] repaid;
  private final int[] failedDebtors;
  private final boolean[] failed;
  private double[] prices;
  private int defaults;
  private double fireSaleNotional;
  private double deleveragingNotional;
  private Map<String, Double> metrics = Map.of();

  Institutions(InstitutionsSpec spec, BalanceSheets sheets) {
    this.spec = spec;
    this.sheets = sheets;
    this.n = spec.count();
    this.accounts = new AccountId[n];
    this.assets = spec.portfolio() == null ? List.of() : spec.portfolio().assets();
    this.interbank = new double[n];
    this.capital = new double[n];
    this.marketAtSetUp = new double[n];
    this.targetAssetsPerEquity = new double[n];
    this.totalAssets = new double[n];
    this.externalLoss = new double[n];
    this.repaid = new double[n];
    this.failedDebtors = new int[n];
    this.failed = new boolean[n];
  }

  @Override
  public String id() {
    return spec.id();
  }

  @Override
  public void setUp(AgentContext ctx) {
    prices = readPrices(ctx);
    pricesAtSetUp = prices.clone();
    for (int i = 0; i < n; i++) {
      accounts[i] = AgentAccounts.member(spec.id(), i, n, 1);
      ctx.openAccount(accounts[i]);
      for (int x = 0; x < sheets.holds()[i].length; x++) {
        AssetId a = assets.get(sheets.holds()[i][x]);
        ctx.endow(accounts[i], a, ctx.precision(a).floorAtoms(sheets.units()[i][x]));
      }
      marketAtSetUp[i] = marketValue(ctx, i);
      interbank[i] = sheets.debtors()[i].length > 0 ? spec.interbankAssets() : 0;
      totalAssets[i] = spec.externalAssets() + interbank[i] + marketAtSetUp[i];
      capital[i] = Double.isNaN(spec.capital()) ? totalAssets[i] / spec.leverage() : spec.capital();
      // Assets per unit of equity at set-up: 1 + debt/equity, the leverage a survivor restores.
      targetAssetsPerEquity[i] = totalAssets[i] / capital[i];
    }
    updateMetrics(ctx);
  }

  @Override
  public void trade(AgentContext ctx) {
    long step = ctx.clock().step();
    if (step < spec.shock().step()) {
      return;
    }
    if (step == spec.shock().step()) {
      prices = readPrices(ctx);
      for (int i : sheets.shocked()) {
        externalLoss[i] = spec.externalAssets();
        fail(ctx, i, 0, "shock");
      }
    }
    int deleveraged = 0;
    for (int round = 1; ; round++) {
      prices = readPrices(ctx);
      List<Integer> failing = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (!failed[i] && equity(ctx, i) < 0) {
          failing.add(i);
        }
      }
      if (!failing.isEmpty()) {
        for (int i : failing) {
          fail(ctx, i, round, interbankLoss(i) >= marketLoss(ctx, i) ? "interbank" : "market");
        }
      } else if (deleveraged < spec.deleveragingRounds() && deleverage(ctx)) {
        deleveraged++;
      } else {
        break;
      }
    }
    updateMetrics(ctx);
  }

  @Override
  public Map<String, Double> metrics() {
    return metrics;
  }

  /** Marks {@code i} failed, passes the loss to its creditors and sells what it holds. */
  private void fail(AgentContext ctx, int i, int round, String cause) {
    if (failed[i]) {
      return;
    }
    double equity = equity(ctx, i);
    ctx.emit(
        new InstitutionDefault(
            ctx.clock().step(),
            0,
            spec.id(),
            accounts[i].toString(),
            round,
            cause,
            equity,
            failedDebtors[i],
            interbankLoss(i),
            marketLoss(ctx, i)));
    failed[i] = true;
    defaults++;
    for (int creditor : sheets.owes()[i]) {
      failedDebtors[creditor]++;
    }
    for (int x = 0; x < sheets.holds()[i].length; x++) {
      AssetId a = assets.get(sheets.holds()[i][x]);
      long atoms = ctx.balance(accounts[i], a);
      if (atoms > 0) {
        fireSaleNotional += sell(ctx, i, a, atoms, "default");
      }
    }
  }

  /**
   * One round of leverage targeting: each survivor whose assets exceed its set-up leverage times
   * its equity sells the excess, spread over its assets by their set-up weights, at this round's
   * prices (all decided before any sale), and repays debt with the proceeds.
   *
   * @return whether anything was sold
   */
  private boolean deleverage(AgentContext ctx) {
    List<long[]> orders = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (failed[i] || marketAtSetUp[i] <= 0) {
        continue;
      }
      double excess = assets(ctx, i) - targetAssetsPerEquity[i] * equity(ctx, i);
      if (!(excess > SALE_TOLERANCE * totalAssets[i])) {
        continue;
      }
      for (int x = 0; x < sheets.holds()[i].length; x++) {
        int k = sheets.holds()[i][x];
        AssetId a = assets.get(k);
        double weight =
            ctx.precision(a).units(initialAtoms(ctx, i, x)) * pricesAtSetUp[k] / marketAtSetUp[i];
        long atoms =
            ctx.precision(a)
                .floorAtomsAtMost(excess * weight / prices[k], ctx.balance(accounts[i], a));
        if (atoms > 0) {
          orders.add(new long[] {i, k, atoms});
        }
      }
    }
    for (long[] o : orders) {
      int i = (int) o[0];
      deleveragingNotional += sell(ctx, i, assets.get((int) o[1]), o[2], "deleveraging");
    }
    return !orders.isEmpty();
  }

  /** Sells into the shared market and, for a survivor, repays debt with the proceeds. */
  private double sell(AgentContext ctx, int i, AssetId a, long atoms, String reason) {
    AssetId base = ctx.baseCurrency();
    long cashBefore = ctx.balance(accounts[i], base);
    Execution e = ctx.sell(accounts[i], a, atoms);
    ctx.emit(
        new InstitutionSale(
            ctx.clock().step(),
            0,
            spec.id(),
            accounts[i].toString(),
            reason,
            a.value(),
            Math.abs(e.units()),
            e.value(),
            e.priceBefore(),
            e.priceAfter()));
    if (!failed[i]) {
      long received = ctx.balance(accounts[i], base) - cashBefore;
      ctx.payOut(accounts[i], base, received);
      repaid[i] += ctx.precision(base).units(received);
    }
    return e.value();
  }

  /**
   * The units of its x-th holding that institution i was endowed with: the weights of leverage
   * targeting are those of the set-up portfolio (Greenwood, Landier and Thesmar's M).
   */
  private long initialAtoms(AgentContext ctx, int i, int x) {
    AssetId a = assets.get(sheets.holds()[i][x]);
    return ctx.precision(a).floorAtoms(sheets.units()[i][x]);
  }

  private double equity(AgentContext ctx, int i) {
    return capital[i] - externalLoss[i] - interbankLoss(i) - marketLoss(ctx, i);
  }

  private double assets(AgentContext ctx, int i) {
    return spec.externalAssets()
        - externalLoss[i]
        + interbank[i]
        - interbankLoss(i)
        + marketValue(ctx, i)
        + cash(ctx, i);
  }

  /**
   * Claims lost on failed debtors; the product comes first so that a tie with the capital is exact.
   */
  private double interbankLoss(int i) {
    int debtors = sheets.debtors()[i].length;
    return debtors == 0 ? 0 : interbank[i] * failedDebtors[i] * (1 - spec.recovery()) / debtors;
  }

  /**
   * The fall of marketable value since set-up, counting proceeds of sales and the debt they repaid.
   */
  private double marketLoss(AgentContext ctx, int i) {
    return marketAtSetUp[i] - (marketValue(ctx, i) + cash(ctx, i) + repaid[i]);
  }

  private double cash(AgentContext ctx, int i) {
    AssetId base = ctx.baseCurrency();
    return ctx.precision(base).units(ctx.balance(accounts[i], base));
  }

  private double marketValue(AgentContext ctx, int i) {
    double v = 0;
    for (int k : sheets.holds()[i]) {
      AssetId a = assets.get(k);
      v += ctx.precision(a).units(ctx.balance(accounts[i], a)) * prices[k];
    }
    return v;
  }

  private double[] readPrices(AgentContext ctx) {
    double[] p = new double[assets.size()];
    for (int k = 0; k < p.length; k++) {
      p[k] = ctx.marketPrice(assets.get(k));
    }
    return p;
  }

  private void updateMetrics(AgentContext ctx) {
    double lost = 0;
    for (int i = 0; i < n; i++) {
      lost += Math.min(capital[i], capital[i] - equity(ctx, i));
    }
    double share = (double) defaults / n;
    boolean contagion = share >= spec.contagionThreshold();
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("institutions", (double) n);
    m.put("defaults", (double) defaults);
    m.put("defaultedShare", share);
    m.put("contagion", contagion ? 1.0 : 0.0);
    m.put("extent", contagion ? share : null);
    m.put("fireSaleNotional", fireSaleNotional);
    m.put("deleveragingNotional", deleveragingNotional);
    m.put("equityLost", lost);
    metrics = Collections.unmodifiableMap(m);
  }
}
