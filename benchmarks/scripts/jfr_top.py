#!/usr/bin/env python3
"""Shares of a JDK Flight Recorder profile by method (docs/performance.md, "Profiling").

    jfr print --events jdk.ExecutionSample --stack-depth 64 run.jfr > samples.txt
    benchmarks/scripts/jfr_top.py samples.txt [--top 25] [--under World.record] [--min 2]

Prints the number of samples, the top frames (self time: the method the sample was in) and the
inclusive share of every Marginfall method on at least --min percent of the stacks (the method or
anything it called). With --under, only stacks through a frame containing that text count, so the
shares are of that phase (for example the record phase, World.record).
"""
import argparse
import collections
import re


def stacks(text):
    """Yields each sample's frames, top first, without line numbers."""
    for sample in text.split("jdk.ExecutionSample")[1:]:
        m = re.search(r"stackTrace = \[(.*?)\n\s*\]", sample, re.S)
        if not m:
            continue
        frames = [re.sub(r"\s+line:.*", "", f.strip()) for f in m.group(1).split("\n")]
        frames = [f for f in frames if f and f != "..."]
        if frames:
            yield frames


def main():
    p = argparse.ArgumentParser()
    p.add_argument("samples")
    p.add_argument("--top", type=int, default=25)
    p.add_argument("--under", default=None)
    p.add_argument("--min", type=float, default=2.0)
    a = p.parse_args()
    with open(a.samples) as f:
        text = f.read()
    top = collections.Counter()
    incl = collections.Counter()
    n = 0
    for frames in stacks(text):
        if a.under and not any(a.under in f for f in frames):
            continue
        n += 1
        top[frames[0]] += 1
        for f in set(frames):
            incl[f] += 1
    print(f"samples {n}")
    if n == 0:
        return
    print("--- self")
    for f, c in top.most_common(a.top):
        print(f"{100 * c / n:5.1f}% {f}")
    print("--- inclusive (org.marginfall)")
    for f, c in incl.most_common():
        if "org.marginfall" in f and 100 * c / n >= a.min:
            print(f"{100 * c / n:5.1f}% {f}")


if __name__ == "__main__":
    main()
