"""Summarises searcher benchmark CSVs (method,function,seed,evals,best,regret): median and quartiles
of log10 simple regret at 25, 50 and 100 evaluations, a Markdown table on stdout, and one
regret-versus-evaluations PNG per function.

Usage: /usr/bin/python3 summarise_searchers.py PNG_DIR CSV [CSV...]
"""
import collections
import csv
import math
import os
import sys

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

FLOOR = 1e-12
CHECKPOINTS = (25, 50, 100)


def load(paths):
    # (function, method) -> seed -> list of log10 regret by evaluation
    runs = collections.defaultdict(lambda: collections.defaultdict(list))
    for p in paths:
        with open(p) as f:
            for row in csv.DictReader(f):
                r = max(float(row["regret"]), FLOOR)
                runs[(row["function"], row["method"])][int(row["seed"])].append(math.log10(r))
    return runs


def main():
    png_dir, paths = sys.argv[1], sys.argv[2:]
    os.makedirs(png_dir, exist_ok=True)
    runs = load(paths)
    functions = sorted({f for f, _ in runs}, key=lambda f: ["branin", "hartmann3", "hartmann6", "rosenbrock4", "levy10", "mixed"].index(f))
    order = ["random", "sobol", "tpe", "bo", "optuna-random", "optuna-tpe"]
    print("| function | method | seeds | log10 regret @25 (q1, med, q3) | @50 | @100 |")
    print("|---|---|---|---|---|---|")
    for fn in functions:
        methods = [m for m in order if (fn, m) in runs] + sorted(m for f, m in runs if f == fn and m not in order)
        plt.figure(figsize=(6, 4))
        for m in methods:
            seeds = runs[(fn, m)]
            arr = np.array([seeds[s] for s in sorted(seeds)])
            cells = []
            for c in CHECKPOINTS:
                if c > arr.shape[1]:
                    cells.append("n/a")
                    continue
                q1, med, q3 = np.percentile(arr[:, c - 1], [25, 50, 75])
                cells.append("%.2f (%.2f, %.2f)" % (med, q1, q3))
            print("| %s | %s | %d | %s |" % (fn, m, arr.shape[0], " | ".join(cells)))
            x = np.arange(1, arr.shape[1] + 1)
            med = np.median(arr, axis=0)
            plt.plot(x, med, label=m)
            plt.fill_between(x, np.percentile(arr, 25, axis=0), np.percentile(arr, 75, axis=0), alpha=0.15)
        plt.xlabel("evaluations (batches of 4)")
        plt.ylabel("log10 simple regret (median, IQR)")
        plt.title(fn)
        plt.legend(fontsize=8)
        plt.tight_layout()
        plt.savefig(os.path.join(png_dir, "hpo-regret-%s.png" % fn), dpi=90)
        plt.close()


if __name__ == "__main__":
    main()
