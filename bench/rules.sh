#!/usr/bin/env bash
# The transfer-rules benchmark: DJL MLP proxies under muP and SP, recommendations for width 2048,
# direct LR sweeps there, plots. Usage: bench/rules.sh [full|quick] [out-dir] [mup,sp]
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE="${1:-full}"
OUT="${2:-bench-out/rules}"
PARAMS="${3:-mup,sp}"
./mvnw -q -B -o -pl hpo,transfer install -DskipTests
./mvnw -q -B -o -pl hpo,transfer dependency:build-classpath -Dmdep.outputFile=target/cp.txt
CP="transfer/target/classes:hpo/target/classes:$(cat transfer/target/cp.txt)"
BENCH_CLASSES=transfer/target/bench-classes
rm -rf "$BENCH_CLASSES" && mkdir -p "$BENCH_CLASSES"
javac -d "$BENCH_CLASSES" -cp "$CP" $(find transfer/src/bench/java -name '*.java')
mkdir -p "$OUT"
java -Xmx4g -Dai.djl.offline=true -cp "$BENCH_CLASSES:$CP" io.mutune.transfer.bench.RulesBenchmark "$SCALE" "$OUT" "$PARAMS" \
  2> >(grep -v -e SLF4J -e '^\[main\] INFO' >&2) | tee -a "$OUT/log-$SCALE.txt"
# Diagnostic: what the proxies' LR optima give with every exponent kept (no training).
java -cp "$BENCH_CLASSES:$CP" io.mutune.transfer.bench.UnconstrainedRefit "$OUT"/results-*.json 2> >(grep -v SLF4J >&2) \
  | tee -a "$OUT/log-$SCALE.txt"
/usr/bin/python3 bench/plot_rules.py "$OUT"
