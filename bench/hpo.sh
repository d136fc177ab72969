#!/usr/bin/env bash
# The hpo benchmarks in one command: searchers vs Optuna on six functions, suggestion latency,
# multi-fidelity schedulers vs Optuna's Hyperband+TPE, and the 8-worker cluster simulation.
# Prints the Markdown tables (also written to bench/out/hpo-tables.md) and writes PNGs to docs/img/
# (full run) or bench/out/img/ (any other SEEDS/BUDGET).
#
#   bench/hpo.sh            full run: 20 seeds, budget 100 in batches of 4 (long: GP-BO dominates)
#   SEEDS=3 bench/hpo.sh    a quick look
#
# Needs: JDK 17, /usr/bin/python3 with optuna and matplotlib (apt-get install -y python3-optuna
# python3-matplotlib). Runs one benchmark at a time, so it uses about one core.
set -euo pipefail
cd "$(dirname "$0")/.."
SEEDS=${SEEDS:-20}
BUDGET=${BUDGET:-100}
MF_BUDGET=${MF_BUDGET:-400000}
OPTUNA_MF_BUDGET=${OPTUNA_MF_BUDGET:-15000}   # Optuna's TPE slows down with thousands of pruned trials
FUNCTIONS=${FUNCTIONS:-branin,hartmann3,hartmann6,rosenbrock4,levy10,mixed}
OUT="$PWD/bench/out"
PY=/usr/bin/python3
# only a full run replaces the PNGs that docs/benchmarks.md shows
PNG_DIR=${PNG_DIR:-$([ "$SEEDS" = 20 ] && [ "$BUDGET" = 100 ] && echo docs/img || echo "$OUT/img")}
mkdir -p "$OUT" "$PNG_DIR"

./mvnw -q -B -pl hpo install -DskipTests
./mvnw -q -B -o -pl hpo dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" >/dev/null
CLASSES="$OUT/classes"
rm -rf "$CLASSES" && mkdir -p "$CLASSES"
javac -d "$CLASSES" -cp "hpo/target/classes:$(cat "$OUT/cp.txt")" bench/java/io/mutune/bench/*.java
CP="$CLASSES:hpo/target/classes:$(cat "$OUT/cp.txt")"

echo "== searchers: random, sobol, tpe, bo ($SEEDS seeds, $BUDGET evaluations, batches of 4)"
java -cp "$CP" io.mutune.bench.SearcherBenchmark "$OUT/searchers.csv" "$SEEDS" "$BUDGET" random,sobol,tpe,bo "$FUNCTIONS"
echo "== Optuna TPESampler and RandomSampler, same functions"
$PY bench/optuna_driver.py "$OUT/optuna.csv" "$SEEDS" "$BUDGET" optuna-tpe,optuna-random "$FUNCTIONS"
echo "== suggestion latency (median of 7, 3 pending trials)"
{ java -cp "$CP" io.mutune.bench.LatencyBenchmark hartmann6 bo,tpe 100,500 7
  java -cp "$CP" io.mutune.bench.LatencyBenchmark levy10 bo,tpe 100,500 7 | tail -n +2; } | tee "$OUT/latency.csv"
echo "== multi-fidelity: learning-curve family"
java -cp "$CP" io.mutune.bench.MultiFidelityBenchmark "$OUT/mf.csv" "$SEEDS" "$MF_BUDGET" random-full,hyperband,asha,bohb,bohb-asha,pbt
$PY bench/optuna_mf_driver.py "$OUT/optuna-mf.csv" "$SEEDS" "$OPTUNA_MF_BUDGET"
echo "== 8-worker cluster simulation"
java -cp "$CP" io.mutune.bench.ClusterSimulation "$SEEDS" "$MF_BUDGET" > "$OUT/cluster.csv"

{
  echo "### searchers: log10 simple regret"
  $PY bench/summarise_searchers.py "$PNG_DIR" "$OUT/searchers.csv" "$OUT/optuna.csv"
  echo
  echo "### suggestion latency"
  echo '```'; cat "$OUT/latency.csv"; echo '```'
  echo
  echo "### multi-fidelity"
  $PY bench/summarise_mf.py "$PNG_DIR" "$OUT/mf.csv" "$OUT/optuna-mf.csv" --cluster "$OUT/cluster.csv"
} | tee "$OUT/hpo-tables.md"
