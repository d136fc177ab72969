#!/usr/bin/env bash
# The pick a user ships (issue #14's benchmark): every multi-fidelity method, with and without
# confirmation, on the real-curve table at 1/27, 1/10, 1/9, 1/3 and 1 times random search's full
# budget (128 full trainings), SEEDS runs each; each pick is judged on 10 held-out seeds trained for
# real (cached in bench/data/mlp-final-seeds.csv, so a rerun trains only what is new).
#
#   bench/picks.sh               20 seeds (the figures in docs/benchmarks.md)
#   SEEDS=3 bench/picks.sh       a quick look
#
# Needs: JDK 17, /usr/bin/python3 with optuna and matplotlib (Debian python3-optuna python3-matplotlib).
set -euo pipefail
cd "$(dirname "$0")/.."
SEEDS=${SEEDS:-20}
THREADS=${THREADS:-2}
TABLES=bench/data/mlp-curves.csv,bench/data/mlp-curves-seed2000.csv,bench/data/mlp-curves-seed3000.csv
CACHE=bench/data/mlp-final-seeds.csv
OUT="$PWD/bench/out/picks"
PY=/usr/bin/python3
mkdir -p "$OUT"
./mvnw -q -B -ntp -pl transfer -am install -DskipTests
./mvnw -q -B -o -pl transfer dependency:build-classpath -Dmdep.outputFile="$OUT/transfer-cp.txt" -Dmdep.includeScope=test >/dev/null
# a snapshot of the classes, so that rebuilding the checkout during the (long) run cannot change it
SNAP="$OUT/snapshot"
rm -rf "$SNAP" && mkdir -p "$SNAP"
cp -r hpo/target/classes "$SNAP/hpo" && cp -r transfer/target/classes "$SNAP/transfer" && cp -r transfer/target/test-classes "$SNAP/transfer-test"
TRANSFER_CP="$SNAP/hpo:$SNAP/transfer:$SNAP/transfer-test:$(cat "$OUT/transfer-cp.txt")"
CLASSES="$OUT/classes"
rm -rf "$CLASSES" && mkdir -p "$CLASSES"
javac -d "$CLASSES" -cp "$TRANSFER_CP" bench/java/io/mutune/bench/*.java
echo "== Optuna HyperbandPruner + TPE: ranked completed trials at every multiple of 810, $SEEDS seeds, budget 103680"
OMP_NUM_THREADS=1 $PY bench/optuna_mf_driver.py /dev/null "$SEEDS" 103680 --table "$TABLES" --picks "$OUT/optuna-picks.csv"
echo "== the picks of every method, judged on held-out seeds"
java -Xmx3g -XX:ActiveProcessorCount="$THREADS" -Dai.djl.offline=true -cp "$CLASSES:$TRANSFER_CP" \
  io.mutune.bench.PickBenchmark "$OUT" "$SEEDS" "$TABLES" "$CACHE" "$THREADS" "$OUT/optuna-picks.csv" | tee "$OUT/summary.md"
$PY bench/plot_picks.py "$OUT/picks.csv" "$([ "$SEEDS" = 20 ] && echo docs/img || echo "$OUT")/hpo-picks-regret.png"
