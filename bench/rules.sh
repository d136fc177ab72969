#!/usr/bin/env bash
# The transfer-rules benchmark: DJL proxies (MLP, or the transformer) under muP and SP, recommendations
# for a larger width, direct LR sweeps there, plots. Usage: bench/rules.sh [full|quick|transformer] [out-dir] [mup,sp]
# bench/rules.sh axes [out-dir] [small|full] [mlp,transformer,depth]: the every-axis benchmark (issue 15): proxies over
# width x tokens x batch, the recommender's rules for lr, weight decay (AdamW timescale) and batch (B*(D)), a target
# that differs on every axis, a direct lr x wd sweep there, baselines; sizes in AxesScale, runs appended to a CSV as
# they end (OUT/axes-MODEL-SIZE-runs.csv; a rerun reads them back instead of training them again), figures in
# OUT/axes-MODEL-SIZE.json; "depth" is CompleteP against muP with no depth rule on the transformer (OUT/depth.json,
# -Dbench.depthSteps). -Dbench.threads (2), -Dbench.resamples.
# BENCH_JAVA_OPTS="-Dbench.steps=150 -Dbench.batch=16 -Dbench.threads=1 -Dbench.direct=7" sizes the transformer run
# (-Dbench.steps also sets the MLP's steps, 200 by default);
# -Dbench.protocol=staged|joint (staged by default), -Dbench.lrRepeats=N (seeds per point of the staged LR
# sweeps, 1) and -Dbench.targetSeeds=N (seeds per configuration at the target, 1) are described in BenchScale.
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE="${1:-full}"
OUT="${2:-bench-out/rules}"
PARAMS="${3:-mup,sp}"
# Build with the reactor (-am) so hpo comes from this checkout, and run against this checkout's
# classes: ~/.m2 is shared with other worktrees, whose install can replace mutune-hpo there.
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -q -B -ntp -o -pl transfer -am package -DskipTests  # package, not install: ~/.m2 is shared
  ./mvnw -q -B -ntp -o -pl transfer dependency:build-classpath -Dmdep.outputFile=target/cp.txt
fi
CP="transfer/target/classes:hpo/target/classes:$(tr ':' '\n' < transfer/target/cp.txt | grep -v '/io/mutune/' | paste -sd: -)"
BENCH_CLASSES="transfer/target/bench-classes-$$"  # per run: runs may overlap
rm -rf "$BENCH_CLASSES" && mkdir -p "$BENCH_CLASSES"
javac -d "$BENCH_CLASSES" -cp "$CP" $(find transfer/src/bench/java -name '*.java')
mkdir -p "$OUT"
if [ "$SCALE" = axes ]; then
  [ -n "${2:-}" ] || OUT=bench-out/rules-axes && mkdir -p "$OUT"
  for model in $(echo "${4:-mlp,transformer,depth}" | tr ',' ' '); do
    if [ "$model" = depth ]; then  # CompleteP against muP with no depth rule (DepthBenchmark); the size does not apply
      java -Xmx4g ${BENCH_JAVA_OPTS:-} -Dai.djl.offline=true -cp "$BENCH_CLASSES:$CP" io.mutune.transfer.bench.DepthBenchmark \
        "$OUT" 2> >(grep -v -e SLF4J -e '^\[main\] INFO' >&2) | tee -a "$OUT/log-depth.txt"
      continue
    fi
    java -Xmx4g ${BENCH_JAVA_OPTS:-} -Dai.djl.offline=true -cp "$BENCH_CLASSES:$CP" io.mutune.transfer.bench.AxesBenchmark \
      "${3:-full}" "$model" "$OUT" 2> >(grep -v -e SLF4J -e '^\[main\] INFO' >&2) | tee -a "$OUT/log-axes-${3:-full}.txt"
  done
  exit 0
fi
java -Xmx4g ${BENCH_JAVA_OPTS:-} -Dai.djl.offline=true -cp "$BENCH_CLASSES:$CP" io.mutune.transfer.bench.RulesBenchmark "$SCALE" "$OUT" "$PARAMS" \
  2> >(grep -v -e SLF4J -e '^\[main\] INFO' >&2) | tee -a "$OUT/log-$SCALE.txt"
# Diagnostic: what the proxies' LR optima give with every exponent kept (no training).
java -cp "$BENCH_CLASSES:$CP" io.mutune.transfer.bench.UnconstrainedRefit "$OUT"/results-*.json 2> >(grep -v SLF4J >&2) \
  | tee -a "$OUT/log-$SCALE.txt"
/usr/bin/python3 bench/plot_rules.py "$OUT"
