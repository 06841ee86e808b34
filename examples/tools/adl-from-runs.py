#!/usr/bin/env python3
"""Auto-deleveraging and timing figures of a sweep's kept runs (marginfall sweep ... --keep-runs).

summary.json carries no ADL totals, so docs/validation.md's ADL rows of the 10-11 October 2025
case come from the runs' events.jsonl: per run, the notional ADL closed on a venue (sum over its
auto_deleverage events of |size| x mark price), the shortfall it covered, the profit it took and
their difference (over-deleveraging), and the minutes between its first and last fill; with
FROM_STEP and TO_STEP also the first liquidation's step (any venue) and the share of all liquidated
notional in steps FROM_STEP to TO_STEP. Prints the median and the 5%-95% range (type-7 quantiles,
as points.csv) over the runs.

usage: adl-from-runs.py SWEEP_DIR VENUE STEP_SECONDS [FROM_STEP TO_STEP]
Python standard library only.
"""
import json
import pathlib
import sys


def quantile(values, q):
    v = sorted(values)
    h = (len(v) - 1) * q
    lo = int(h)
    hi = min(lo + 1, len(v) - 1)
    return v[lo] + (h - lo) * (v[hi] - v[lo])


def one_run(events, venue, step_seconds, window):
    notional = shortfall = taken = 0.0
    steps = []
    liquidated = in_window = 0.0
    first = None
    for line in events.open(encoding="utf-8"):
        e = json.loads(line)
        if e.get("type") == "liquidation":
            liquidated += e["notional"]
            first = e["step"] if first is None else min(first, e["step"])
            if window and window[0] <= e["step"] <= window[1]:
                in_window += e["notional"]
        if e.get("type") != "auto_deleverage" or e.get("venue") != venue:
            continue
        notional += abs(e["size"]) * e["markPrice"]
        shortfall += e["shortfall"]
        taken += e["profitTaken"]
        steps.append(e["step"])
    minutes = (max(steps) - min(steps) + 1) * step_seconds / 60 if steps else 0.0
    out = {"adlNotional": notional, "adlShortfall": shortfall, "adlProfitTaken": taken,
           "adlOverDeleveraging": taken - shortfall, "adlMinutes": minutes, "adlFills": len(steps)}
    if window:
        out["firstLiquidationStep"] = first if first is not None else float("nan")
        out["windowShare"] = in_window / liquidated if liquidated > 0 else float("nan")
    return out


def main(argv):
    if len(argv) not in (4, 6):
        sys.exit(__doc__)
    root, venue, step_seconds = pathlib.Path(argv[1]), argv[2], float(argv[3])
    window = (int(argv[4]), int(argv[5])) if len(argv) == 6 else None
    runs = sorted(root.glob("runs/**/events.jsonl"))
    if not runs:
        sys.exit(f"{root}: no kept runs (run the sweep with --keep-runs)")
    rows = [one_run(r, venue, step_seconds, window) for r in runs]
    print(f"{len(rows)} runs, venue {venue}")
    for key in rows[0]:
        values = [r[key] for r in rows]
        share = sum(1 for x in values if x > 0) / len(values)
        print(f"{key:22s} median {quantile(values, 0.5):14.2f}  5% {quantile(values, 0.05):14.2f}"
              f"  95% {quantile(values, 0.95):14.2f}  >0 in {share:.0%}")


if __name__ == "__main__":
    main(sys.argv)
