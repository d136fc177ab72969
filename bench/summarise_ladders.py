"""Summarises the early-stopping diagnostics of the multi-fidelity benchmark (bench/hpo.sh): for each
ladder (MIN,ETA within the table's levels) and each replay of the table (run: one training run per
trial, the benchmark; mean: the row's mean curve, no seed noise; final: the row's final loss at every
rung, perfect ranking), the median resource to the target as a share of random search's median.

Usage: /usr/bin/python3 summarise_ladders.py DIAG.csv [DIAG.csv...]
  each DIAG.csv is named mf-ladder-REPLAY-MIN-ETA-TOL.csv and holds MultiFidelityBenchmark rows
"""
import collections
import csv
import math
import os
import re
import statistics
import sys

NAME = re.compile(r"mf-ladder-(\w+)-(\d+)-(\d+)-([\d.]+)\.csv$")


def median_to_target(path):
    per_method = collections.defaultdict(list)
    with open(path) as f:
        for row in csv.DictReader(f):
            if row["resource"] == "-1":
                per_method[row["method"]].append(math.inf if row["value"] == "inf" else float(row["value"]))
    return {m: statistics.median(v) for m, v in per_method.items()}


def main():
    cells = {}
    methods = []
    random_median = {}
    for path in sys.argv[1:]:
        match = NAME.search(os.path.basename(path))
        if not match:
            sys.exit("not a ladder diagnostic file name: " + path)
        replay, lo, eta, tol = match.group(1), int(match.group(2)), int(match.group(3)), match.group(4)
        for method, med in median_to_target(path).items():
            if method == "random-full":
                random_median[tol] = med
                continue
            cells[(tol, lo, eta, replay, method)] = med
            if (replay, method) not in methods:
                methods.append((replay, method))
    for tol in sorted({k[0] for k in cells}):
        print("median resource to within %s of the best mean, / random search's (%g)" % (tol, random_median[tol]))
        print()
        print("| ladder (min, eta) | " + " | ".join("%s: %s" % m for m in methods) + " |")
        print("|---" * (len(methods) + 1) + "|")
        for lo, eta in sorted({(k[1], k[2]) for k in cells if k[0] == tol}):
            row = []
            for replay, method in methods:
                med = cells.get((tol, lo, eta, replay, method))
                row.append("" if med is None else ("n/a" if math.isinf(med) else "%.3f" % (med / random_median[tol])))
            print("| %d, %d | %s |" % (lo, eta, " | ".join(row)))
        print()


if __name__ == "__main__":
    main()
