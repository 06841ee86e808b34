#!/usr/bin/env python3
"""Writes a random sparse exposure network file for `marginfall network` (docs/performance.md,
"Network analytics"). Deterministic: the same arguments give the same file, byte for byte.

    benchmarks/scripts/random_network.py NODES [--degree 10] [--seed 1] [--shocks 10] > net.json

Each node owes `degree` distinct other nodes (chosen uniformly) amounts uniform in [1, 100].
Its external liabilities are uniform in [0, 50]; its equity a buffer of 2-10 % of its assets; its
external assets are set so that, if everyone pays in full, its net worth equals that equity. Then
5 % of the nodes lose all their external assets, which starts a cascade for clearing. The file also
lists `shocks` for DebtRank: shock k puts 1 % of the nodes (at least one) at stress 1.
"""
import argparse
import json
import random
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("nodes", type=int)
    ap.add_argument("--degree", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--shocks", type=int, default=10)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    n, d = a.nodes, min(a.degree, a.nodes - 1)
    ids = ["n%d" % i for i in range(n)]
    owes = [0.0] * n
    owed = [0.0] * n
    edges = []
    for i in range(n):
        creditors = set()
        while len(creditors) < d:
            j = rng.randrange(n)
            if j != i:
                creditors.add(j)
        for j in sorted(creditors):
            amount = round(rng.uniform(1, 100), 2)
            edges.append((i, j, amount))
            owes[i] += amount
            owed[j] += amount
    out = sys.stdout
    out.write('{"description": "random sparse network: %d nodes, out-degree %d, seed %d",\n' % (n, d, a.seed))
    out.write(' "nodes": [\n')
    shocked = set(rng.sample(range(n), max(1, n // 20)))
    for i in range(n):
        le = round(rng.uniform(0, 50), 2)
        buffer = rng.uniform(0.02, 0.10)
        # assets = owes + le + equity, equity = buffer * assets
        assets = (owes[i] + le) / (1 - buffer)
        equity = round(buffer * assets, 2)
        ae = max(0.0, round(assets - owed[i], 2))
        if i in shocked:
            ae = 0.0
        node = {"id": ids[i], "externalAssets": ae, "externalLiabilities": le, "equity": max(equity, 0.01), "value": round(assets, 2)}
        out.write("  " + json.dumps(node) + (",\n" if i < n - 1 else "\n"))
    out.write(" ],\n \"liabilities\": [\n")
    for k, (i, j, amount) in enumerate(edges):
        out.write('  {"from": "%s", "to": "%s", "amount": %s}%s\n' % (ids[i], ids[j], amount, "," if k < len(edges) - 1 else ""))
    out.write(" ],\n \"shocks\": [\n")
    for s in range(a.shocks):
        hit = rng.sample(range(n), max(1, n // 100))
        stress = ", ".join('"%s": 1' % ids[i] for i in sorted(hit))
        out.write('  {"name": "shock %d", "stress": {%s}}%s\n' % (s + 1, stress, "," if s < a.shocks - 1 else ""))
    out.write(" ]}\n")


if __name__ == "__main__":
    main()
