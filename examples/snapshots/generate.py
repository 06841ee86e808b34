#!/usr/bin/env python3
"""Writes the SYNTHETIC position snapshots of examples/snapshot-three-venues.yaml.

Every account, address, size and price here is made up (seeded pseudo-random draws), shaped like
the public exports Marginfall reads: none of it is real market data. A few rows are wrong on
purpose (an unlisted market, a negative amount, a duplicate, a position the venue would liquidate
at once, an isolated position on a cross venue, a lending account already liquidatable, an unsafe
or dusty vault) so that the example shows `onInvalidRow: skip` and its counts. Run from this directory:
python3 generate.py (Python 3 standard library only); the output is byte-identical every time.
"""
import json
import random

ETH, BTC = 3000.0, 60000.0  # the example's initial prices (the venues' marks at set-up)
HEADER = "# SYNTHETIC data for examples/snapshot-three-venues.yaml, written by generate.py: not real accounts.\n"


def perp_csv(rng):
    lines = [HEADER, "account,market,size,entryPrice,marginMode,collateral.USD,collateral.ETH\n"]
    for k in range(180):
        account = "trader-%03d" % k
        usd = round(rng.lognormvariate(9.5, 1.0), 2)
        eth = round(rng.lognormvariate(0.5, 0.8), 4) if rng.random() < 0.2 else 0
        equity = usd + 0.8 * eth * ETH
        lev = rng.uniform(1.5, 14)
        markets = [("ETH", ETH)] if rng.random() < 0.7 else [("ETH", ETH), ("BTC", BTC)]
        for i, (m, px) in enumerate(markets):
            entry = round(px * rng.uniform(0.94, 1.04), 2)
            side = 1 if rng.random() < 0.8 else -1
            size = round(side * equity * lev / len(markets) / px, 4)
            c_usd = usd if i == 0 else 0
            c_eth = eth if i == 0 else 0
            lines.append("%s,%s,%s,%s,cross,%s,%s\n" % (account, m, size, entry, c_usd, c_eth))
    lines.append("trader-900,SOL,10,150,cross,1000,0\n")            # SOL is not listed: unknown-market
    lines.append("trader-901,ETH,1,3000,cross,-500,0\n")            # negative collateral
    lines.append("trader-000,ETH,1,3000,cross,100,0\n")             # trader-000 holds ETH above: duplicate
    lines.append("trader-902,ETH,40,3300,cross,2000,0\n")           # loses 12,000 on 2,000: liquidated at once
    with open("perp-positions.csv", "w", newline="\n") as f:
        f.writelines(lines)


def hl_position(coin, szi, entry, mark, mode, lev, margin=None):
    upnl = szi * (mark - entry)
    value = abs(szi) * mark
    p = {"coin": coin, "szi": "%.4f" % szi, "leverage": {"type": mode, "value": lev},
         "entryPx": "%.2f" % entry, "positionValue": "%.2f" % value, "unrealizedPnl": "%.2f" % upnl,
         "returnOnEquity": "0.0", "liquidationPx": None,
         "marginUsed": "%.2f" % (margin if margin is not None else value / lev),
         "maxLeverage": 25, "cumFunding": {"allTime": "0.0", "sinceOpen": "0.0", "sinceChange": "0.0"}}
    if mode == "isolated":
        p["leverage"]["rawUsd"] = "%.2f" % (margin - upnl)
    return {"type": "oneWay", "position": p}


def hyperliquid(rng):
    users = {}
    for k in range(60):
        address = "0x%040x" % rng.getrandbits(160)
        cash = round(rng.lognormvariate(9.8, 0.9), 2)
        positions, upnl = [], 0.0
        for coin, mark in (("ETH", ETH), ("BTC", BTC)):
            if rng.random() < 0.6:
                lev = rng.randint(2, 12)
                szi = (1 if rng.random() < 0.75 else -1) * cash * lev / 2 / mark
                entry = mark * rng.uniform(0.95, 1.03)
                positions.append(hl_position(coin, szi, entry, mark, "cross", lev))
                upnl += float("%.2f" % (szi * (mark - entry)))
        if k % 25 == 7:  # an isolated position: the example's venue is cross (margin-mode)
            positions.append(hl_position("ETH" if not positions else "BTC", 0.5, ETH if not positions else BTC,
                                         ETH if not positions else BTC, "isolated", 5, 2000.0))
        value = cash + upnl
        ntl = sum(float(p["position"]["positionValue"]) for p in positions)
        summary = {"accountValue": "%.2f" % value, "totalNtlPos": "%.2f" % ntl,
                   "totalRawUsd": "%.2f" % (value - ntl), "totalMarginUsed": "0.0"}
        users[address] = {"marginSummary": summary, "crossMarginSummary": dict(summary),
                          "crossMaintenanceMarginUsed": "0.0", "withdrawable": "0.0",
                          "assetPositions": positions, "time": 1767225600000}
    with open("hyperliquid-users.json", "w", newline="\n") as f:
        json.dump(users, f, indent=1, sort_keys=True)
        f.write("\n")


def aave(rng):
    users = []
    for k in range(60):  # USDC suppliers
        users.append({"id": "0x%040x" % rng.getrandbits(160), "reserves": [
            {"currentATokenBalance": str(int(rng.lognormvariate(12.5, 0.8) * 10**6)), "currentVariableDebt": "0",
             "currentStableDebt": "0", "usageAsCollateralEnabledOnUser": True,
             "reserve": {"symbol": "USDC", "decimals": 6}}]})
    for k in range(120):  # WETH collateral, USDC debt
        weth = rng.lognormvariate(2.5, 0.9)
        ltv = rng.uniform(0.45, 0.80)
        users.append({"id": "0x%040x" % rng.getrandbits(160), "reserves": [
            {"currentATokenBalance": str(int(weth * 10**18)), "currentVariableDebt": "0", "currentStableDebt": "0",
             "usageAsCollateralEnabledOnUser": True, "reserve": {"symbol": "WETH", "decimals": 18}},
            {"currentATokenBalance": "0", "currentVariableDebt": str(int(weth * ETH * ltv * 10**6)),
             "currentStableDebt": "0", "usageAsCollateralEnabledOnUser": False,
             "reserve": {"symbol": "USDC", "decimals": 6}}]})
    users.append({"id": "0x" + "a" * 40, "reserves": [  # LINK is not a reserve of the venue: unknown-asset
        {"currentATokenBalance": "5000000000000000000000", "currentVariableDebt": "0", "currentStableDebt": "0",
         "usageAsCollateralEnabledOnUser": True, "reserve": {"symbol": "LINK", "decimals": 18}}]})
    # LTV 0.85 > 0.825 but HF = 30,000 x 0.86 / 25,500 = 1.012: held near liquidation, loaded
    users.append({"id": "0x" + "b" * 40, "reserves": [
        {"currentATokenBalance": "10000000000000000000", "currentVariableDebt": "0", "currentStableDebt": "0",
         "usageAsCollateralEnabledOnUser": True, "reserve": {"symbol": "WETH", "decimals": 18}},
        {"currentATokenBalance": "0", "currentVariableDebt": "25500000000", "currentStableDebt": "0",
         "usageAsCollateralEnabledOnUser": False, "reserve": {"symbol": "USDC", "decimals": 6}}]})
    # HF = 30,000 x 0.86 / 27,000 = 0.956 < 1: already liquidatable, the venue refuses it
    users.append({"id": "0x" + "9" * 40, "reserves": [
        {"currentATokenBalance": "10000000000000000000", "currentVariableDebt": "0", "currentStableDebt": "0",
         "usageAsCollateralEnabledOnUser": True, "reserve": {"symbol": "WETH", "decimals": 18}},
        {"currentATokenBalance": "0", "currentVariableDebt": "27000000000", "currentStableDebt": "0",
         "usageAsCollateralEnabledOnUser": False, "reserve": {"symbol": "USDC", "decimals": 6}}]})
    with open("aave-users.json", "w", newline="\n") as f:
        json.dump({"data": {"users": users}}, f, indent=1)
        f.write("\n")


def urns(rng):
    lines = [HEADER, "ilk,urn,ink,art\n"]
    for k in range(150):
        ink = rng.lognormvariate(3.2, 1.0)
        ratio = rng.uniform(1.5, 3.0)
        art = ink * ETH / ratio / 1.02  # debt = art * rate, rate 1.02
        lines.append("ETH-A,0x%040x,%d,%d\n" % (rng.getrandbits(160), int(ink * 10**18), int(art * 10**18)))
    lines.append("ETH-B,0x%s,%d,%d\n" % ("c" * 40, 10 * 10**18, 10000 * 10**18))  # no ETH-B ilk: unknown-ilk
    lines.append("ETH-A,0x%s,%d,%d\n" % ("d" * 40, 10 * 10**18, 25000 * 10**18))  # ratio 1.18 < mat 1.45: unsafe
    lines.append("ETH-A,0x%s,%d,%d\n" % ("e" * 40, 10 * 10**18, 1000 * 10**18))   # debt 1,020 below dust 5,000
    with open("maker-urns.csv", "w", newline="\n") as f:
        f.writelines(lines)


if __name__ == "__main__":
    perp_csv(random.Random(1201))
    hyperliquid(random.Random(1202))
    aave(random.Random(1203))
    urns(random.Random(1204))
