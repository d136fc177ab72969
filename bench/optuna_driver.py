"""Runs Optuna's TPESampler and RandomSampler on the hpo benchmark functions, in batches of 4
(ask 4, evaluate, tell 4), and writes method,function,seed,evals,best,regret rows like
io.mutune.bench.SearcherBenchmark. The functions mirror bench/java/.../Functions.java.

Usage: /usr/bin/python3 optuna_driver.py OUT.csv SEEDS BUDGET METHOD[,METHOD] FUNCTION[,FUNCTION]
"""
import math
import os
import sys

import optuna

optuna.logging.set_verbosity(optuna.logging.WARNING)


def branin(x, y):
    b = 5.1 / (4 * math.pi ** 2)
    c = 5 / math.pi
    t = 1 / (8 * math.pi)
    return (y - b * x * x + c * x - 6) ** 2 + 10 * (1 - t) * math.cos(x) + 10


H_ALPHA = [1.0, 1.2, 3.0, 3.2]
H3_A = [[3, 10, 30], [0.1, 10, 35], [3, 10, 30], [0.1, 10, 35]]
H3_P = [[3689, 1170, 2673], [4699, 4387, 7470], [1091, 8732, 5547], [381, 5743, 8828]]
H6_A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
H6_P = [[1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
        [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]]


def hartmann(x, a, p):
    s = 0.0
    for i in range(4):
        e = sum(a[i][j] * (x[j] - p[i][j] * 1e-4) ** 2 for j in range(len(x)))
        s += H_ALPHA[i] * math.exp(-e)
    return -s


def rosenbrock(x):
    return sum(100 * (x[i + 1] - x[i] ** 2) ** 2 + (x[i] - 1) ** 2 for i in range(len(x) - 1))


def levy(x):
    w = [1 + (xi - 1) / 4 for xi in x]
    s = math.sin(math.pi * w[0]) ** 2
    for i in range(len(x) - 1):
        s += (w[i] - 1) ** 2 * (1 + 10 * math.sin(math.pi * w[i] + 1) ** 2)
    s += (w[-1] - 1) ** 2 * (1 + math.sin(2 * math.pi * w[-1]) ** 2)
    return s


def floats(trial, d, low, high):
    return [trial.suggest_float("x%d" % (i + 1), low, high) for i in range(d)]


OFFSET = {"a": 1.0, "b": 0.0, "c": 2.0, "d": 3.0}

FUNCTIONS = {
    "branin": (lambda t: branin(t.suggest_float("x1", -5, 10), t.suggest_float("x2", 0, 15)), 0.397887357729739),
    "hartmann3": (lambda t: hartmann(floats(t, 3, 0, 1), H3_A, H3_P), -3.86278214782076),
    "hartmann6": (lambda t: hartmann(floats(t, 6, 0, 1), H6_A, H6_P), -3.32236801141551),
    "rosenbrock4": (lambda t: rosenbrock(floats(t, 4, -5, 10)), 0.0),
    "levy10": (lambda t: levy(floats(t, 10, -10, 10)), 0.0),
    "mixed": (lambda t: branin(t.suggest_float("x1", -5, 10), t.suggest_float("x2", 0, 15))
              + 0.5 * (t.suggest_int("k", 0, 10) - 3) ** 2
              + OFFSET[t.suggest_categorical("act", ["a", "b", "c", "d"])], 0.397887357729739),
}


def sampler(method, seed):
    if method == "optuna-tpe":
        return optuna.samplers.TPESampler(seed=seed)
    if method == "optuna-random":
        return optuna.samplers.RandomSampler(seed=seed)
    raise ValueError("unknown method " + method)


def run(fn, method, seed, budget):
    f, _ = FUNCTIONS[fn]
    study = optuna.create_study(sampler=sampler(method, seed), direction="minimize")
    best = math.inf
    out = []
    while len(out) < budget:
        batch = [study.ask() for _ in range(min(4, budget - len(out)))]
        for trial in batch:
            v = f(trial)
            study.tell(trial, v)
            best = min(best, v)
            out.append(best)
    return out


def main():
    path, seeds, budget = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    methods, functions = sys.argv[4].split(","), sys.argv[5].split(",")
    # FIRST_SEED: a held-out block of seeds, to check a setting chosen on seeds 0..19
    first = int(os.environ.get("FIRST_SEED", "0"))
    with open(path, "w") as w:
        w.write("method,function,seed,evals,best,regret\n")
        for fn in functions:
            for m in methods:
                for seed in range(first, first + seeds):
                    for i, b in enumerate(run(fn, m, seed, budget)):
                        w.write("%s,%s,%d,%d,%.12g,%.6g\n" % (m, fn, seed, i + 1, b, b - FUNCTIONS[fn][1]))
                print(m, fn, "done", flush=True)


if __name__ == "__main__":
    main()
