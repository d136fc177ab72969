#!/usr/bin/env bash
# The hpo benchmarks in one command: searchers vs Optuna on six functions, suggestion latency,
# multi-fidelity schedulers vs Optuna's Hyperband+TPE on real learning curves (the muP MLP proxy's
# table, bench/data/mlp-curves.csv) and on the parametric family, PBT on real proxy training, and
# the 8-worker cluster simulation. Prints the Markdown tables (also written to
# bench/out/hpo-tables.md) and writes PNGs to docs/img/ (full run) or bench/out/img/ (any other
# SEEDS/BUDGET).
#
#   bench/hpo.sh                 full run: 20 seeds (long: GP-BO and PBT's real training dominate)
#   SEEDS=3 bench/hpo.sh         a quick look
#   ONLY=mf bench/hpo.sh         only the multi-fidelity part (table, PBT, parametric, cluster)
#   REGEN_TABLE=1 bench/hpo.sh   retrain the committed curve tables first (3 x 512 rows: ~15 min on 2 quiet cores)
#
# Needs: JDK 17, /usr/bin/python3 with optuna and matplotlib (apt-get install -y python3-optuna
# python3-matplotlib). Uses at most 2 threads: one benchmark at a time on one core, except the
# table and PBT's real training, which run THREADS (default 2) trials side by side.
set -euo pipefail
cd "$(dirname "$0")/.."
SEEDS=${SEEDS:-20}
BUDGET=${BUDGET:-100}
MF_BUDGET=${MF_BUDGET:-400000}
OPTUNA_MF_BUDGET=${OPTUNA_MF_BUDGET:-15000}   # Optuna's TPE slows down with thousands of pruned trials
FUNCTIONS=${FUNCTIONS:-branin,hartmann3,hartmann6,rosenbrock4,levy10,mixed}
ONLY=${ONLY:-all}
THREADS=${THREADS:-2}
TABLE=bench/data/mlp-curves.csv
# the same rows trained with two more seeds: trials see one run of their row, the target is the
# best row's mean (bench/java/io/mutune/bench/TabularCurves.java says why)
REPLICATE_SEEDS=${REPLICATE_SEEDS:-2000 3000}
TABLES=$TABLE
for S in $REPLICATE_SEEDS; do TABLES="$TABLES,bench/data/mlp-curves-seed$S.csv"; done
TABLE_ROWS=${TABLE_ROWS:-512}
# caps on the resource per run (resource 10..810; random search may need most of the 512 rows); a run
# that hits its cap counts as not reached. BOHB's and Optuna's TPE fits make long unreached runs slow.
TABLE_BUDGET=${TABLE_BUDGET:-1500000}
BOHB_TABLE_BUDGET=${BOHB_TABLE_BUDGET:-500000}
OPTUNA_TABLE_BUDGET=${OPTUNA_TABLE_BUDGET:-100000}
PBT_POPULATION=${PBT_POPULATION:-16}
PBT_INTERVAL=${PBT_INTERVAL:-30}
OUT="$PWD/bench/out"
PY=/usr/bin/python3
# only a full run replaces the PNGs that docs/benchmarks.md shows
PNG_DIR=${PNG_DIR:-$([ "$SEEDS" = 20 ] && [ "$BUDGET" = 100 ] && echo docs/img || echo "$OUT/img")}
mkdir -p "$OUT" "$PNG_DIR"

./mvnw -q -B -ntp -pl transfer -am install -DskipTests
./mvnw -q -B -o -pl hpo dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" >/dev/null
./mvnw -q -B -o -pl transfer dependency:build-classpath -Dmdep.outputFile="$OUT/transfer-cp.txt" -Dmdep.includeScope=test >/dev/null
# hpo first: the shared ~/.m2 may hold another worktree's hpo jar
TRANSFER_CP="hpo/target/classes:transfer/target/classes:transfer/target/test-classes:$(cat "$OUT/transfer-cp.txt")"
DJL="java -Xmx2g -XX:ActiveProcessorCount=$THREADS -Dai.djl.offline=true -cp $TRANSFER_CP"
CLASSES="$OUT/classes"
rm -rf "$CLASSES" && mkdir -p "$CLASSES"
# PickBenchmark trains held-out seeds through transfer's bench classes, so bench/java compiles against them
javac -d "$CLASSES" -cp "$TRANSFER_CP" bench/java/io/mutune/bench/*.java
CP="$CLASSES:hpo/target/classes:$(cat "$OUT/cp.txt")"

if [ "$ONLY" != mf ]; then
echo "== searchers: random, sobol, tpe, bo ($SEEDS seeds, $BUDGET evaluations, batches of 4)"
java -cp "$CP" io.mutune.bench.SearcherBenchmark "$OUT/searchers.csv" "$SEEDS" "$BUDGET" random,sobol,tpe,bo "$FUNCTIONS"
echo "== Optuna TPESampler and RandomSampler, same functions"
$PY bench/optuna_driver.py "$OUT/optuna.csv" "$SEEDS" "$BUDGET" optuna-tpe,optuna-random "$FUNCTIONS"
echo "== suggestion latency (median of 7, 3 pending trials)"
{ java -cp "$CP" io.mutune.bench.LatencyBenchmark hartmann6 bo,tpe 100,500 7
  java -cp "$CP" io.mutune.bench.LatencyBenchmark levy10 bo,tpe 100,500 7 | tail -n +2; } | tee "$OUT/latency.csv"
fi
if [ "${REGEN_TABLE:-0}" = 1 ] || [ ! -f "$TABLE" ]; then
  echo "== real learning curves: $TABLE_ROWS configurations of the muP MLP proxy, $THREADS threads"
  mkdir -p "$(dirname "$TABLE")"
  $DJL io.mutune.transfer.bench.CurveTable "$TABLE" "$TABLE_ROWS" "$THREADS"
  for S in $REPLICATE_SEEDS; do
    $DJL io.mutune.transfer.bench.CurveTable "bench/data/mlp-curves-seed$S.csv" "$TABLE_ROWS" "$THREADS" "$S"
  done
fi
for TOL in 0.01 0.05; do
  echo "== multi-fidelity: real-curve table, target within $TOL of the best"
  java -cp "$CP" io.mutune.bench.MultiFidelityBenchmark "$OUT/mf-table-$TOL.csv" "$SEEDS" "$TABLE_BUDGET" random-full,hyperband,asha,asha-hb "$TABLES" "$TOL"
  java -cp "$CP" io.mutune.bench.MultiFidelityBenchmark "$OUT/mf-table-bohb-$TOL.csv" "$SEEDS" "$BOHB_TABLE_BUDGET" bohb,bohb-asha "$TABLES" "$TOL"
  OMP_NUM_THREADS=1 $PY bench/optuna_mf_driver.py "$OUT/optuna-mf-table-$TOL.csv" "$SEEDS" "$OPTUNA_TABLE_BUDGET" --table "$TABLES" --tolerance "$TOL"
done
echo "== early-stopping diagnostics: other ladders, and the table replayed without seed noise or with perfect ranking"
for REPLAY in run mean final; do
  for LADDER in 10,3 30,3 90,3 10,9 30,27; do
    java -Dbench.replay=$REPLAY -Dbench.rungs=$LADDER -cp "$CP" io.mutune.bench.MultiFidelityBenchmark \
      "$OUT/mf-ladder-$REPLAY-${LADDER/,/-}-0.01.csv" "$SEEDS" "$BOHB_TABLE_BUDGET" random-full,asha,hyperband,bohb-asha "$TABLES" 0.01 >/dev/null
  done
done
echo "== seed noise of the table's proxy: the 20 best rows by their three-run means, 15 seeds at width 128; the 8 best, 3 seeds at 512"
BEST_ROWS=249,105,153,489,406,169,201,97,289,89,73,214,25,417,38,262,505,185,57,281
$DJL io.mutune.transfer.bench.SeedNoise "$TABLE" 128 "$BEST_ROWS" 15 "$THREADS" | grep -v '^SLF4J' | tee "$OUT/seed-noise-128.txt"
$DJL io.mutune.transfer.bench.SeedNoise "$TABLE" 512 "$(echo $BEST_ROWS | cut -d, -f1-8)" 3 "$THREADS" | grep -v '^SLF4J' | tee "$OUT/seed-noise-512.txt"
echo "== PBT on real proxy training (population $PBT_POPULATION, interval $PBT_INTERVAL, $THREADS populations at a time)"
$DJL io.mutune.transfer.bench.PbtBenchmark "$OUT/pbt-real.csv" "$SEEDS" "$PBT_POPULATION" "$PBT_INTERVAL" "$THREADS" "$TABLES"
echo "== PBT with 2 workers per population (asynchronous exploits), one population at a time"
$DJL io.mutune.transfer.bench.PbtBenchmark "$OUT/pbt2w-real.csv" "$SEEDS" "$PBT_POPULATION" "$PBT_INTERVAL" 1 "$TABLES" 2
cat "$OUT/pbt-real.csv" > "$OUT/pbt-real-0.01.csv"
tail -n +2 "$OUT/pbt2w-real.csv" >> "$OUT/pbt-real-0.01.csv"
$PY bench/pbt_retarget.py "$OUT/pbt-real-0.01.csv" "$TABLES" 0.05 "$OUT/pbt-real-0.05.csv"
echo "== multi-fidelity: parametric learning-curve family"
java -cp "$CP" io.mutune.bench.MultiFidelityBenchmark "$OUT/mf.csv" "$SEEDS" "$MF_BUDGET" random-full,hyperband,asha,bohb,bohb-asha,pbt
$PY bench/optuna_mf_driver.py "$OUT/optuna-mf.csv" "$SEEDS" "$OPTUNA_MF_BUDGET"
echo "== 8-worker cluster simulation"
java -cp "$CP" io.mutune.bench.ClusterSimulation "$SEEDS" "$MF_BUDGET" > "$OUT/cluster.csv"

{
  if [ "$ONLY" != mf ]; then
    echo "### searchers: log10 simple regret"
    $PY bench/summarise_searchers.py "$PNG_DIR" "$OUT/searchers.csv" "$OUT/optuna.csv"
    echo
    echo "### suggestion latency"
    echo '```'; cat "$OUT/latency.csv"; echo '```'
    echo
  fi
  for TOL in 0.01 0.05; do
    echo "### multi-fidelity: real-curve table (muP MLP proxy), target within $TOL of the best; PBT on real training"
    $PY bench/summarise_mf.py "$PNG_DIR/hpo-mf-table-regret-$TOL.png" "$OUT/mf-table-$TOL.csv" "$OUT/mf-table-bohb-$TOL.csv" \
      "$OUT/optuna-mf-table-$TOL.csv" "$OUT/pbt-real-$TOL.csv" \
      --title "MLP proxy curves, 3 seeds/row, within $TOL"
    echo
  done
  echo "### multi-fidelity: early-stopping diagnostics on the real-curve table"
  $PY bench/summarise_ladders.py "$OUT"/mf-ladder-*.csv
  echo '```'; grep -h 'pooled\|by the first' "$OUT"/seed-noise-*.txt; echo '```'
  echo
  echo "### multi-fidelity: parametric family"
  $PY bench/summarise_mf.py "$PNG_DIR/hpo-mf-regret.png" "$OUT/mf.csv" "$OUT/optuna-mf.csv" --cluster "$OUT/cluster.csv" \
    --title "multi-fidelity: parametric learning-curve family"
} | tee "$OUT/hpo-tables.md"
