#!/usr/bin/env python3
"""Writes a synthetic plan-progress CSV for the group-by benchmark.

Usage: generate.py [PATH] [--rows N] [--seed S]
Defaults: PATH = Scripts/bench/data/progress_1m.csv, N = 1,000,000, S = 20130101.

Columns: period, province, county, measure, metric, value, target, status.
The same N and S give a byte-identical file on every run and Python version:
only random.random() (the Mersenne Twister core, stable across versions) and
'%.2f'/'%d' formatting are used, never randrange/choice, whose algorithms changed.
No field ever holds a comma or a quote, so peers may split lines naively.
About 2 % of targets and 0.5 % of values are empty (null).
"""

import argparse
import os
import random
import sys

PERIODS = ("2013Q1", "2013Q2", "2013Q3", "2013Q4")

# GB/T 2260 province-level codes (31) plus the Production and Construction Corps.
PROVINCES = (
    "110000", "120000", "130000", "140000", "150000", "210000", "220000", "230000",
    "310000", "320000", "330000", "340000", "350000", "360000", "370000", "410000",
    "420000", "430000", "440000", "450000", "460000", "500000", "510000", "520000",
    "530000", "540000", "610000", "620000", "630000", "640000", "650000", "XPCC",
)

# Each metric with the order of magnitude of its target.
METRICS = (
    ("investment_bn", 50),
    ("jobs", 20000),
    ("households", 80000),
    ("km_completed", 400),
    ("projects", 60),
    ("coverage_pct", 100),
)

STATUSES = ("not_started", "in_progress", "phased_result", "completed", "delayed")

# Cumulative status probabilities per quarter: work starts and finishes as the year goes on.
STATUS_CDF = (
    (0.45, 0.80, 0.90, 0.93, 1.0),
    (0.28, 0.68, 0.82, 0.90, 1.0),
    (0.15, 0.52, 0.72, 0.90, 1.0),
    (0.07, 0.35, 0.55, 0.90, 1.0),
)

# Share of the target reached, by status: (low, high).
PROGRESS = ((0.0, 0.0), (0.05, 0.7), (0.4, 0.9), (0.95, 1.2), (0.0, 0.4))

DEFAULT_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "progress_1m.csv")


def counties(rng):
    """Returns every (province, county) pair: 6-digit codes, prefecture then county."""
    pairs = []
    for province in PROVINCES:
        if province == "XPCC":
            # The Corps' cities are coded under Xinjiang's 6590xx.
            pairs.extend((province, "6590%02d" % n) for n in range(1, 15))
            continue
        prefectures = 4 + int(rng.random() * 13)
        for prefecture in range(1, prefectures + 1):
            for county in range(1, 4 + int(rng.random() * 15) + 1):
                pairs.append((province, "%s%02d%02d" % (province[:2], prefecture, county)))
    return pairs


def rows(count, seed):
    """Yields CSV lines (with their newline), header first."""
    rng = random.Random(seed)
    places = counties(rng)
    # Per-measure metrics: each measure reports one of two metrics.
    measure_metrics = [(METRICS[m % 6], METRICS[(m + 1) % 6]) for m in range(1, 43)]
    random_ = rng.random
    n_places = len(places)
    yield "period,province,county,measure,metric,value,target,status\n"
    for _ in range(count):
        quarter = int(random_() * 4)
        province, county = places[int(random_() * n_places)]
        measure = 1 + int(random_() * 42)
        metric, scale = measure_metrics[measure - 1][0 if random_() < 0.7 else 1]
        target = int(scale * (0.5 + random_()))
        cdf = STATUS_CDF[quarter]
        draw = random_()
        status = 0
        while draw >= cdf[status]:
            status += 1
        low, high = PROGRESS[status]
        value = "%.2f" % (target * (low + (high - low) * random_()))
        nulls = random_()
        target_text = "" if nulls < 0.02 else "%d" % target
        if 0.02 <= nulls < 0.025:
            value = ""
        yield "%s,%s,%s,%d,%s,%s,%s,%s\n" % (
            PERIODS[quarter], province, county, measure, metric, value, target_text,
            STATUSES[status],
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=DEFAULT_PATH)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=20130101)
    args = parser.parse_args()
    os.makedirs(os.path.dirname(os.path.abspath(args.path)), exist_ok=True)
    # newline="" keeps '\n' on every platform, so the bytes never depend on the OS.
    with open(args.path, "w", encoding="ascii", newline="") as out:
        buffer = []
        for line in rows(args.rows, args.seed):
            buffer.append(line)
            if len(buffer) == 65536:
                out.write("".join(buffer))
                buffer.clear()
        out.write("".join(buffer))
    print("wrote %d rows to %s (%d bytes)" % (args.rows, args.path, os.path.getsize(args.path)),
          file=sys.stderr)


if __name__ == "__main__":
    main()
