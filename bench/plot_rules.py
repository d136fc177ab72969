#!/usr/bin/python3
"""Plots of the transfer-rules benchmark: per-width optimum (plateau band as error bar), the fitted
rule with its 95% bootstrap band, the direct sweep's optimum at the target width, and the direct
LR sweep's loss curve with the recommended run. Reads bench-out/rules/results-*.json."""
import glob
import json
import math
import os
import sys

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

out_dir = sys.argv[1] if len(sys.argv) > 1 else "bench-out/rules"
for path in sorted(glob.glob(os.path.join(out_dir, "results-*.json"))):
    res = json.load(open(path))
    name = os.path.basename(path)[len("results-"):-len(".json")]
    recs = [json.loads(r) for r in res["recommendations"]]
    fig, axes = plt.subplots(1, len(recs) + 1, figsize=(4.2 * (len(recs) + 1), 3.8))
    for ax, rec in zip(axes, recs):
        hp = rec["hyperparameter"]
        curve = sorted((c for c in res["curve"] if c["hyperparameter"] == hp), key=lambda c: c["width"])
        if rec["verdict"] != "INSUFFICIENT":
            ax.plot([c["width"] for c in curve], [c["value"] for c in curve], "-", color="C0", label="rule: " + rec["verdict"].lower())
            ax.fill_between([c["width"] for c in curve], [c["lower"] for c in curve], [c["upper"] for c in curve],
                            color="C0", alpha=0.2, label="95% bootstrap band")
        labelled = set()
        for ev in rec["evidence"]:
            w, v = ev["scale"]["width"], ev["value"]
            yerr = [[v - ev["plateauLower"]], [ev["plateauUpper"] - v]]
            edge = ev["edge"] != "NONE"
            label = "edge of searched range (not fitted)" if edge else "optimum, 0.25% plateau band"
            ax.errorbar([w], [v], yerr=yerr, fmt="s" if edge else "o", color="C3" if edge else "k", capsize=3,
                        label=None if label in labelled else label)
            labelled.add(label)
        ax.plot([rec["targetScale"]["width"]], [rec["value"]], "*", color="C1", markersize=12, label="recommended")
        if hp == "lr":
            ax.plot([res["targetWidth"]], [res["directOptimumLr"]], "x", color="C2", markersize=10, mew=2, label="direct sweep optimum")
        ax.set_xscale("log", base=2)
        ax.set_yscale("log")
        ax.set_xlabel("width")
        ax.set_ylabel(hp)
        form = rec["ruleForm"] if rec["verdict"] != "INSUFFICIENT" else "too few interior optima"
        ax.set_title(f"{hp}: {rec['verdict'].lower()}\n{form}", fontsize=8)
        ax.legend(fontsize=7)
    ax = axes[-1]
    # runs with several seeds at the target (bench.targetSeeds): plot each lr's mean loss
    by_lr = {}
    for d in res["direct"]:
        by_lr.setdefault(d["lr"], []).append(d["loss"])
    direct = sorted((lr, sum(ls) / len(ls)) for lr, ls in by_lr.items() if None not in ls)
    ax.plot([lr for lr, _ in direct], [loss for _, loss in direct], "o-", color="C2", label=f"direct sweep, width {int(res['targetWidth'])}")
    runs = res["recommendedRun"]
    if all(r["loss"] is not None for r in runs):
        ax.plot([runs[0]["lr"]], [sum(r["loss"] for r in runs) / len(runs)], "*", color="C1", markersize=12, label="recommended config")
    ax.set_xscale("log")
    ax.set_xlabel("lr")
    ax.set_ylabel("final loss")
    ax.set_title(f"{res['model']} {res['parametrization']}: ratio {res['lrRatio']:.2f}, gap {100 * res['lossGap']:.2f}%", fontsize=8)
    ax.legend(fontsize=7)
    fig.tight_layout()
    png = os.path.join(out_dir, f"rules-{name}.png")
    fig.savefig(png, dpi=110)
    print("wrote", png)
