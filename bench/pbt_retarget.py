"""Rewrites PbtBenchmark's rows for a looser target: the resource at which a population's best
full-resource result first came within TOLERANCE of the table's best (with replicate tables, the
best row's mean over them, as PbtBenchmark measured). Valid because a PBT run stops only at the 1%
target (so a looser target was met no later) or when its population has finished.

Usage: /usr/bin/python3 pbt_retarget.py PBT.csv (any number of PBT methods) TABLE.csv[,REPLICATE.csv...] TOLERANCE OUT.csv
"""
import csv
import math
import sys


def best_mean_final(tables):
    finals = []
    for table in tables:
        with open(table) as f:
            finals.append([float(r[-1]) for r in list(csv.reader(f))[1:]])
    means = [sum(col) / len(col) for col in zip(*finals)]
    return min(m for m in means if not math.isnan(m))


def main():
    pbt, tables, tolerance, out = sys.argv[1], sys.argv[2].split(","), float(sys.argv[3]), sys.argv[4]
    best = best_mean_final(tables)
    with open(pbt) as f:
        rows = list(csv.DictReader(f))
    with open(out, "w") as w:
        w.write("method,seed,resource,value\n")
        # one method's rows (pbt, pbt-2-workers, ...) per seed, in the order PbtBenchmark wrote them
        runs = sorted({(r["method"], int(r["seed"])) for r in rows}, key=lambda k: (k[0] != "pbt", k))
        for method, seed in runs:
            hit = math.inf
            for r in rows:
                if r["method"] == method and int(r["seed"]) == seed and r["resource"] != "-1":
                    w.write("%s,%d,%s,%s\n" % (method, seed, r["resource"], r["value"]))
                    if float(r["value"]) <= tolerance * best and math.isinf(hit):
                        hit = int(r["resource"])
            w.write("%s,%d,-1,%s\n" % (method, seed, "inf" if math.isinf(hit) else hit))

if __name__ == "__main__":
    main()
