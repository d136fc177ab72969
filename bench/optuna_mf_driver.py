"""Optuna's HyperbandPruner with TPESampler on the same curves as io.mutune.bench.MultiFidelityBenchmark,
one worker: each trial reports its loss at the rung levels and stops when pruned. Writes
method,seed,resource,value rows like the Java benchmark (resource -1: resource spent to reach the target).

Two curve sources:
- --table CSV[,REPLICATE.csv...]: the real learning-curve table (bench/data/mlp-curves.csv) and,
  optionally, the same rows trained with other seeds. A proposal gets the curve of its nearest row
  in the unit-cube encoding (log parameters by their logarithm), ties to the lower row; trial
  number n sees replicate n mod R; the target and regret use the row's mean final loss: all exactly
  as bench/java/io/mutune/bench/TabularCurves.java does.
- otherwise the parametric family of bench/java/io/mutune/bench/LearningCurves.java (mirrored here).

Usage: /usr/bin/python3 optuna_mf_driver.py OUT.csv SEEDS BUDGET [--table CSV[,CSV...]] [--tolerance T] [--picks PICKS.csv]
(--picks: run the whole budget and write the ranked completed trials at every multiple of the maximum
resource, for bench/java/io/mutune/bench/PickBenchmark.java)
(T: the target's relative distance to the best final loss, 0.01)
"""
import csv
import json
import math
import re
import sys

import optuna

optuna.logging.set_verbosity(optuna.logging.WARNING)


class Parametric:
    """Mirror of LearningCurves.java: resource 1..81, eta 3."""
    levels = [1, 3, 9, 27, 81]
    best_final = 0.30

    @staticmethod
    def suggest(t):
        return (t.suggest_float("lr", 1e-5, 1.0, log=True), t.suggest_float("wd", 0.0, 0.2),
                t.suggest_int("batch", 16, 512, log=True), t.suggest_categorical("act", ["relu", "gelu", "silu"]))

    @staticmethod
    def final_loss(c):
        lr, wd, batch, act = c
        x = math.log10(lr)
        b = math.log(batch) / math.log(2)
        xopt = -2.5 + 0.25 * (b - 7)
        a = {"relu": 0.02, "silu": 0.01}.get(act, 0.0)
        return Parametric.best_final + 0.04 * (x - xopt) ** 2 + (wd - 0.05) ** 2 + 0.01 * (b - 7) ** 2 + a

    @staticmethod
    def loss(c, r, number=0):
        lr, wd, batch, act = c
        x = math.log10(lr)
        b = math.log(batch) / math.log(2)
        if x > -0.7 and r >= 3:
            return float("nan")
        alpha = 0.35 + 0.2 / (1 + math.exp(-2 * (x + 2.5)))
        start = 1.2 + 0.2 / (1 + math.exp(2 * (x + 2.5))) + 0.5 * wd
        top = Parametric.levels[-1]
        g = (r ** -alpha - top ** -alpha) / (1 - top ** -alpha)
        noise = 0.02 * g * math.sin(1000 * (1.7 * x + 13.1 * wd + 0.7 * b) + 0.37 * r)
        return Parametric.final_loss(c) + start * g + noise


class Table:
    """The real-curve table, with the space declared beside it in TABLE.space.json (CurveTable sampled it)."""

    def __init__(self, paths):
        path = paths[0]
        with open(re.sub(r"\.csv$", "", path) + ".space.json") as f:
            # name, low, high, log
            self.space = [(name, p["float"][0], p["float"][1], bool(p.get("log", False)))
                          for name, p in json.load(f).items()]
        with open(path) as f:
            rows = list(csv.reader(f))
        header = rows[0]
        names = [s[0] for s in self.space]
        if header[2:2 + len(names)] != names:
            raise ValueError("%s: columns %s, expected %s" % (path, header[2:2 + len(names)], names))
        self.levels = [int(h[len("loss_"):]) for h in header[2 + len(names):]]
        self.points = [self.encode([float(v) for v in r[2:2 + len(names)]]) for r in rows[1:]]
        # [replicate][row][level]
        self.losses = []
        for p in paths:
            with open(p) as f:
                rep = list(csv.reader(f))
            if rep[0] != header or [r[2:2 + len(names)] for r in rep[1:]] != [r[2:2 + len(names)] for r in rows[1:]]:
                raise ValueError("%s: not the rows and columns of %s" % (p, path))
            self.losses.append([[float(v) for v in r[2 + len(names):]] for r in rep[1:]])
        self.mean_final = [sum(rep[i][-1] for rep in self.losses) / len(self.losses) for i in range(len(self.points))]
        self.best_final = min(l for l in self.mean_final if not math.isnan(l))

    def encode(self, values):
        out = []
        for (name, lo, hi, log), v in zip(self.space, values):
            out.append((math.log(v) - math.log(lo)) / (math.log(hi) - math.log(lo)) if log else (v - lo) / (hi - lo))
        return out

    def suggest(self, t):
        return self.row([t.suggest_float(name, lo, hi, log=log) for name, lo, hi, log in self.space])

    def row(self, values):
        u = self.encode(values)
        best, dist = -1, math.inf
        for i, p in enumerate(self.points):
            s = 0.0
            for a, b in zip(u, p):
                s += (a - b) * (a - b)
            if s < dist:
                best, dist = i, s
        return best

    def final_loss(self, row):
        return self.mean_final[row]

    def loss(self, row, r, number=0):
        return self.losses[number % len(self.losses)][row][self.levels.index(r)]


def run(curves, seed, budget, out, tolerance=0.01, picks=None):
    """Resource to the target; with picks (a file), runs the whole budget and writes, at every
    multiple of the maximum resource, the completed trials ranked by the value Optuna saw
    (seed,checkpoint,rank,row,number,value): what a user of Optuna would ship at that budget."""
    levels = curves.levels
    # HyperbandPruner picks a trial's bracket from a hash of the study name; Optuna's default name is
    # a random UUID, which made earlier runs of this driver irreproducible
    study = optuna.create_study(study_name="mf-%d" % seed, direction="minimize", sampler=optuna.samplers.TPESampler(seed=seed),
                                pruner=optuna.pruners.HyperbandPruner(min_resource=levels[0], max_resource=levels[-1],
                                                                      reduction_factor=levels[1] // levels[0]))
    spent = 0
    incumbent = math.inf
    completed = []  # (value, number, row)
    next_checkpoint = levels[-1]

    def write_ranking(checkpoint):
        for rank, (value, number, row) in enumerate(sorted(completed)[:12]):
            picks.write("%d,%d,%d,%d,%d,%.9g\n" % (seed, checkpoint, rank, row, number, value))

    while spent < budget:
        t = study.ask()
        c = curves.suggest(t)
        prev = 0
        value = None
        state = optuna.trial.TrialState.COMPLETE
        for r in levels:
            spent += r - prev
            prev = r
            while picks is not None and spent > next_checkpoint:
                write_ranking(next_checkpoint)
                next_checkpoint += levels[-1]
            value = curves.loss(c, r, t.number)
            if math.isnan(value):
                state = optuna.trial.TrialState.FAIL
                break
            t.report(value, r)
            if r < levels[-1] and t.should_prune():
                state = optuna.trial.TrialState.PRUNED
                break
        if state == optuna.trial.TrialState.COMPLETE:
            study.tell(t, value)
            completed.append((value, t.number, c))
            if picks is not None:
                continue
            truth = curves.final_loss(c)
            if truth < incumbent:
                incumbent = truth
                out.write("optuna-hb-tpe,%d,%d,%.6g\n" % (seed, spent, incumbent - curves.best_final))
            if truth <= (1 + tolerance) * curves.best_final:
                return spent
        else:
            study.tell(t, state=state)
    if picks is not None:
        write_ranking(next_checkpoint)
    return math.inf


def main():
    args = sys.argv[1:]
    options = {}
    for key in ("--table", "--tolerance", "--picks"):
        if key in args:
            i = args.index(key)
            options[key] = args[i + 1]
            args = args[:i] + args[i + 2:]
    table = options.get("--table")
    tolerance = float(options.get("--tolerance", 0.01))
    path, seeds, budget = args[0], int(args[1]), int(args[2])
    curves = Table(table.split(",")) if table else Parametric()
    if "--picks" in options:
        with open(options["--picks"], "w") as picks:
            picks.write("seed,checkpoint,rank,row,number,value\n")
            for seed in range(seeds):
                run(curves, seed, budget, None, tolerance, picks)
                picks.flush()
                print("seed", seed, "picks written", flush=True)
        return
    with open(path, "w") as w:
        w.write("method,seed,resource,value\n")
        for seed in range(seeds):
            s = run(curves, seed, budget, w, tolerance)
            w.write("optuna-hb-tpe,%d,-1,%s\n" % (seed, "inf" if math.isinf(s) else str(s)))
            w.flush()
            print("seed", seed, "resource to target", s, flush=True)


if __name__ == "__main__":
    main()
