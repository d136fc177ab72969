"""Plots the pick benchmark: the held-out regret of the shipped pick (median, with the quartiles as a
band) against the budget, one line per method, solid with confirmation and dashed without.

Usage: /usr/bin/python3 plot_picks.py PICKS.csv OUT.png
"""
import collections
import csv
import sys

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402


def main():
    picks, png = sys.argv[1], sys.argv[2]
    regrets = collections.defaultdict(lambda: collections.defaultdict(list))
    with open(picks) as f:
        for r in csv.DictReader(f):
            regrets[(r["method"], r["confirmed"] == "true")][float(r["fraction"])].append(100 * float(r["regret"]))
    fig, ax = plt.subplots(figsize=(9, 5.5))
    methods = sorted({m for m, _ in regrets})
    colours = dict(zip(methods, plt.cm.tab10.colors))
    for (method, confirmed), by_fraction in sorted(regrets.items()):
        xs = sorted(by_fraction)
        med = [np.median(by_fraction[x]) for x in xs]
        q1 = [np.percentile(by_fraction[x], 25) for x in xs]
        q3 = [np.percentile(by_fraction[x], 75) for x in xs]
        style = "-" if confirmed else "--"
        ax.plot(xs, med, style, marker="o", color=colours[method], label=method + (" + confirm" if confirmed else ""))
        if confirmed:
            ax.fill_between(xs, q1, q3, color=colours[method], alpha=0.12)
    ax.axhline(1.0, color="grey", linewidth=0.8, linestyle=":")
    ax.set_xscale("log")
    # regrets of a few tenths of a percent and of tens of percent on one axis: linear within 2 %, log beyond
    ax.set_yscale("symlog", linthresh=2.0)
    ticks = [-2, -1, 0, 1, 2, 5, 10, 20, 50]
    ax.set_yticks(ticks)
    ax.set_yticklabels(["%+d%%" % t if t else "0" for t in ticks])
    ax.set_xticks([1 / 27, 1 / 10, 1 / 9, 1 / 3, 1])
    ax.set_xticklabels(["1/27", "1/10", "1/9", "1/3", "1"])
    ax.set_xlabel("budget (share of random search's 128 full trainings)")
    ax.set_ylabel("regret of the pick on 10 held-out seeds")
    ax.set_title("The pick a user ships: median over seeds (band: quartiles, confirmed runs)")
    ax.legend(fontsize=8, ncol=2)
    fig.tight_layout()
    fig.savefig(png, dpi=110)
    print("wrote", png)


if __name__ == "__main__":
    main()
