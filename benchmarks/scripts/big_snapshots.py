#!/usr/bin/env python3
"""Writes SYNTHETIC position snapshots of N rows and one scenario per layout, to time their set-up.

    benchmarks/scripts/big_snapshots.py DIR [--rows 1000000] [--seed 7]

Writes DIR/perp.csv (perpetual CSV, one ETH or BTC position per account), DIR/lending.csv (lending
CSV: one USD supplier for every two WETH borrowers of USD at LTV 0.3-0.6), DIR/urns.csv (Maker urns,
ETH-A at collateralisation 1.8-3.0) and DIR/perp.yaml, lending.yaml, urns.yaml: the venues of
examples/snapshot-three-venues.yaml around each file. Every row fits its venue, so a run loads all
of them. The Parquet layout is written by `bin/marginfall bench --snapshot-rows N` itself
(docs/performance.md). Nothing here is market data. Python 3 standard library only.
"""
import argparse
import os
import random

ETH, BTC = 3000.0, 60000.0

ASSETS = """baseCurrency: USD
assets:
  - {id: USD, kind: base}
  - id: ETH
    price: {initial: 3000, drift: 0.0, volatility: 0.50}
  - id: BTC
    price: {initial: 60000, drift: 0.0, volatility: 0.40}
markets:
  - {asset: ETH, impact: {model: linear-log, depth: 3.0e11}, halfLifeSteps: 45}
  - {asset: BTC, impact: {model: linear-log, depth: 2.0e12}, halfLifeSteps: 45}
oracles:
  - {id: chainlink, latencySteps: 0, heartbeatSteps: 60, deviation: 0.005}
"""

DERIVED = {
    "perp": "  - {id: HLP, kind: derived}\n",
    "lending": "  - {id: aUSD, kind: derived}\n  - {id: aETH, kind: derived}\n",
    "urns": "",
}

VENUES = {
    "perp": """  - id: perp
    preset: hyperliquid-like
    oracle: chainlink
    markets: [ETH, BTC]
    insuranceFund: 5.0e8
    backstop: {shareAsset: HLP, capital: 2.0e10}
""",
    "lending": """  - id: lend
    preset: aave-v3-like
    oracle: chainlink
    badDebt: socialize
    listings:
      WETH: {asset: ETH, receipt: aETH}
      USDC: {asset: USD, receipt: aUSD}
""",
    "urns": """  - id: cdp
    preset: maker-liq2-like
    oracle: chainlink
    dust: 5000
    surplusBuffer: 1.0e8
    ilks: [ETH]
""",
}

AGENTS = {
    "perp": "  - {id: traders, type: perpetual-snapshot, venue: perp, file: perp.csv}\n",
    "lending": "  - {id: users, type: lending-snapshot, venue: lend, file: lending.csv,"
    " names: {WETH: ETH, USDC: USD}}\n",
    "urns": "  - {id: urns, type: cdp-snapshot, venue: cdp, file: urns.csv, format: maker-urns,"
    " names: {ETH-A: ETH}, rates: {ETH-A: 1.02}}\n",
}


def perp(rng, rows, out):
    out.write("account,market,size,entryPrice,marginMode,collateral.USD\n")
    for k in range(rows):
        m, px = ("ETH", ETH) if rng.random() < 0.7 else ("BTC", BTC)
        usd = round(rng.lognormvariate(9.0, 0.8), 2)
        side = 1 if rng.random() < 0.7 else -1
        size = round(side * usd * rng.uniform(1.5, 8) / px, 4) or 0.0001
        entry = round(px * rng.uniform(0.97, 1.03), 2)
        out.write("t%d,%s,%s,%s,cross,%s\n" % (k, m, size, entry, usd))


def lending(rng, rows, out):
    out.write("account,asset,supplied,borrowed\n")
    k = 0
    written = 0
    while written < rows:
        if k % 3 == 0:
            out.write("s%d,USDC,%s,0\n" % (k, round(rng.lognormvariate(11.5, 0.5), 2)))
            written += 1
        else:
            eth = round(rng.lognormvariate(1.5, 0.7), 4)
            debt = round(eth * ETH * rng.uniform(0.3, 0.6), 2)
            out.write("b%d,WETH,%s,0\n" % (k, eth))
            written += 1
            if written < rows:
                out.write("b%d,USDC,0,%s\n" % (k, debt))
                written += 1
        k += 1


def urns(rng, rows, out):
    out.write("ilk,urn,ink,art\n")
    for k in range(rows):
        ink = rng.lognormvariate(2.5, 0.6) + 8  # debt above the dust of 5,000 at ratio 3
        art = ink * ETH / rng.uniform(1.8, 3.0) / 1.02
        out.write("ETH-A,0x%040x,%d,%d\n" % (k, int(ink * 1e18), int(art * 1e18)))


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("dir")
    p.add_argument("--rows", type=int, default=1_000_000)
    p.add_argument("--seed", type=int, default=7)
    a = p.parse_args()
    os.makedirs(a.dir, exist_ok=True)
    for name, write, data in (("perp", perp, "perp.csv"), ("lending", lending, "lending.csv"),
                              ("urns", urns, "urns.csv")):
        with open(os.path.join(a.dir, data), "w", newline="\n") as f:
            write(random.Random(a.seed), a.rows, f)
        with open(os.path.join(a.dir, name + ".yaml"), "w", newline="\n") as f:
            f.write("name: big-%s\nrun: {steps: 5, stepSeconds: 60, seed: 1}\n" % name)
            assets, markets = ASSETS.split("markets:\n")
            f.write(assets + DERIVED[name] + "markets:\n" + markets)
            f.write("venues:\n" + VENUES[name] + "agents:\n" + AGENTS[name])


if __name__ == "__main__":
    main()
