"""Optuna's HyperbandPruner with TPESampler on the learning-curve family of
bench/java/io/mutune/bench/LearningCurves.java (mirrored here), one worker: each trial reports
its loss at the rung levels 1, 3, 9, 27, 81 and stops when pruned. Writes method,seed,resource,value
rows like io.mutune.bench.MultiFidelityBenchmark (resource -1: resource spent to reach the target).

Usage: /usr/bin/python3 optuna_mf_driver.py OUT.csv SEEDS BUDGET
"""
import math
import sys

import optuna

optuna.logging.set_verbosity(optuna.logging.WARNING)
MAX_RESOURCE = 81
LEVELS = [1, 3, 9, 27, 81]
BEST_FINAL = 0.30


def final_loss(lr, wd, batch, act):
    x = math.log10(lr)
    b = math.log(batch) / math.log(2)
    xopt = -2.5 + 0.25 * (b - 7)
    a = {"relu": 0.02, "silu": 0.01}.get(act, 0.0)
    return BEST_FINAL + 0.04 * (x - xopt) ** 2 + (wd - 0.05) ** 2 + 0.01 * (b - 7) ** 2 + a


def loss(lr, wd, batch, act, r):
    x = math.log10(lr)
    b = math.log(batch) / math.log(2)
    if x > -0.7 and r >= 3:
        return float("nan")
    alpha = 0.35 + 0.2 / (1 + math.exp(-2 * (x + 2.5)))
    start = 1.2 + 0.2 / (1 + math.exp(2 * (x + 2.5))) + 0.5 * wd
    g = (r ** -alpha - MAX_RESOURCE ** -alpha) / (1 - MAX_RESOURCE ** -alpha)
    noise = 0.02 * g * math.sin(1000 * (1.7 * x + 13.1 * wd + 0.7 * b) + 0.37 * r)
    return final_loss(lr, wd, batch, act) + start * g + noise


def run(seed, budget, out):
    study = optuna.create_study(direction="minimize", sampler=optuna.samplers.TPESampler(seed=seed),
                                pruner=optuna.pruners.HyperbandPruner(min_resource=1, max_resource=MAX_RESOURCE,
                                                                      reduction_factor=3))
    spent = 0
    incumbent = math.inf
    while spent < budget:
        t = study.ask()
        lr = t.suggest_float("lr", 1e-5, 1.0, log=True)
        wd = t.suggest_float("wd", 0.0, 0.2)
        batch = t.suggest_int("batch", 16, 512, log=True)
        act = t.suggest_categorical("act", ["relu", "gelu", "silu"])
        prev = 0
        value = None
        state = optuna.trial.TrialState.COMPLETE
        for r in LEVELS:
            spent += r - prev
            prev = r
            value = loss(lr, wd, batch, act, r)
            if math.isnan(value):
                state = optuna.trial.TrialState.FAIL
                break
            t.report(value, r)
            if r < MAX_RESOURCE and t.should_prune():
                state = optuna.trial.TrialState.PRUNED
                break
        if state == optuna.trial.TrialState.COMPLETE:
            study.tell(t, value)
            truth = final_loss(lr, wd, batch, act)
            if truth < incumbent:
                incumbent = truth
                out.write("optuna-hb-tpe,%d,%d,%.6g\n" % (seed, spent, incumbent - BEST_FINAL))
            if truth <= 1.01 * BEST_FINAL:
                return spent
        else:
            study.tell(t, state=state)
    return math.inf


def main():
    path, seeds, budget = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    with open(path, "w") as w:
        w.write("method,seed,resource,value\n")
        for seed in range(seeds):
            s = run(seed, budget, w)
            w.write("optuna-hb-tpe,%d,-1,%s\n" % (seed, "inf" if math.isinf(s) else str(s)))
            w.flush()
            print("seed", seed, "resource to target", s, flush=True)


if __name__ == "__main__":
    main()
