"""Summarises the multi-fidelity benchmark: resource to reach within 1% of the best achievable loss
(median and quartiles over seeds, and as a share of random search's), a regret-versus-resource PNG,
and the 8-worker cluster simulation (wall time to target, utilisation).

Usage: /usr/bin/python3 summarise_mf.py PNG MF_CSV [MF_CSV...] [--cluster CLUSTER_CSV] [--title TITLE]
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

ORDER = ["random-full", "hyperband", "asha", "asha-hb", "bohb", "bohb-asha", "pbt", "pbt-2-workers", "optuna-hb-tpe"]


def main():
    args = sys.argv[1:]
    png = args[0]
    options = {}
    for key in ("--cluster", "--title"):
        if key in args:
            i = args.index(key)
            options[key] = args[i + 1]
            args = args[:i] + args[i + 2:]
    cluster = options.get("--cluster")
    paths = args[1:]
    os.makedirs(os.path.dirname(png) or ".", exist_ok=True)
    to_target = collections.defaultdict(list)
    curves = collections.defaultdict(lambda: collections.defaultdict(list))
    for p in paths:
        with open(p) as f:
            for row in csv.DictReader(f):
                if row["resource"] == "-1":
                    to_target[row["method"]].append(float(row["value"]))
                else:
                    curves[row["method"]][int(row["seed"])].append((int(row["resource"]), float(row["value"])))
    methods = [m for m in ORDER if m in to_target]
    rnd = np.median(to_target["random-full"]) if "random-full" in to_target else float("nan")
    print("| method | seeds | reached | resource to target: median (q1, q3) | median / random's |")
    print("|---|---|---|---|---|")
    for m in methods:
        v = np.array(to_target[m])
        q1, med, q3 = np.percentile(v, [25, 50, 75])
        print("| %s | %d | %d | %s (%s, %s) | %s |" % (m, len(v), int(np.isfinite(v).sum()), fmt(med), fmt(q1), fmt(q3),
                                                   "%.3f" % (med / rnd) if math.isfinite(med) and math.isfinite(rnd) else "n/a"))
    top = max(r for m in methods for pts in curves[m].values() for r, _ in pts)
    grid = np.logspace(1, math.log10(top), 200)
    plt.figure(figsize=(6, 4))
    for m in methods:
        seeds = curves[m]
        rows = []
        for s in sorted(seeds):
            pts = sorted(seeds[s])
            vals = []
            for g in grid:
                best = [v for r, v in pts if r <= g]
                vals.append(math.log10(max(best[-1], 1e-4)) if best else np.nan)
            rows.append(vals)
        arr = np.array(rows)
        with np.errstate(all="ignore"):
            med = np.nanmedian(np.where(np.isnan(arr), 1.0, arr), axis=0)
        plt.plot(grid, med, label=m)
    plt.xscale("log")
    plt.xlabel("total resource spent")
    plt.ylabel("log10 regret of full-resource incumbent (median)")
    plt.title(options.get("--title", "multi-fidelity"))
    plt.legend(fontsize=8)
    plt.tight_layout()
    plt.savefig(png, dpi=90)
    plt.close()
    if cluster:
        rows = collections.defaultdict(list)
        with open(cluster) as f:
            for row in csv.DictReader(f):
                rows[row["method"]].append((float(row["wall_to_target"]), float(row["utilisation"])))
        print()
        print("| 8 workers, heterogeneous speeds | seeds | wall time to target: median (q1, q3) | utilisation: median (min) |")
        print("|---|---|---|---|")
        for m, v in rows.items():
            w = np.array([a for a, _ in v])
            u = np.array([b for _, b in v])
            q1, med, q3 = np.percentile(w, [25, 50, 75])
            print("| %s | %d | %s (%s, %s) | %.3f (%.3f) |" % (m, len(v), fmt(med), fmt(q1), fmt(q3), np.median(u), u.min()))


def fmt(x):
    return "inf" if not math.isfinite(x) else "%d" % round(x)


if __name__ == "__main__":
    main()
