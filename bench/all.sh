#!/usr/bin/env bash
# Every benchmark of docs/benchmarks.md, one after the other (hours on a 2-core machine: the
# transfer sweeps and the rules benchmark's target-width runs dominate). Each step is also a
# command of its own; docs/benchmarks.md gives each one's latest figures and the machine.
#   bench/all.sh            everything
#   ONLY="hpo rules" bench/all.sh   a subset: quickstart ml-tuner hpo transfer rules spark faults
# Needs JDK 17 and, for the peers and plots, /usr/bin/python3 with python3-optuna, python3-torch and
# python3-matplotlib (apt-get install -y python3-optuna python3-torch python3-matplotlib).
set -euo pipefail
cd "$(dirname "$0")/.."
ONLY=${ONLY:-quickstart ml-tuner hpo transfer rules spark faults}
step() { echo; echo "=== $1 ($(date -u +%H:%M:%S) UTC)"; }
for part in $ONLY; do
  case "$part" in
    quickstart) step "quickstart sweep"
      ./mvnw -q -B -ntp install -DskipTests
      /usr/bin/time -f "quickstart: %e s wall" bin/mutune sweep examples/quickstart.yaml ;;
    ml-tuner) step "MuTuneValidator vs CrossValidator / TrainValidationSplit"; bin/bench-ml-tuner ;;
    hpo) step "searchers, latency, multi-fidelity schedulers, PBT vs Optuna"; bench/hpo.sh
      step "the pick a user ships: every method with and without confirmation, judged on held-out seeds"; bench/picks.sh ;;
    transfer) step "muTransfer LR sweeps, SP vs muP, then the coordinate check"
      bench/transfer.sh all bench/out/transfer
      # transfer.sh built the reactor and wrote transfer/target/bench.cp
      java -Dai.djl.offline=true -cp "transfer/target/classes:transfer/target/test-classes:hpo/target/classes:$(tr ':' '\n' < transfer/target/bench.cp | grep -v '/io/mutune/' | paste -sd: -)" \
        io.mutune.transfer.bench.CoordCheckMain bench-out/coord ;;
    rules) step "transfer rules: proxies -> recommendation -> direct sweep at the target"
      # the MLP at 600 steps (the headline) and at 200 (the earlier figures)
      BENCH_JAVA_OPTS="-Dbench.steps=600 -Dbench.lrRepeats=2 -Dbench.targetSeeds=3" bench/rules.sh full bench-out/rules-600 mup
      BENCH_JAVA_OPTS="-Dbench.steps=600 -Dbench.targetSeeds=3" bench/rules.sh full bench-out/rules-600 sp
      BENCH_JAVA_OPTS="-Dbench.lrRepeats=2 -Dbench.targetSeeds=3" bench/rules.sh full bench-out/rules mup
      BENCH_JAVA_OPTS="-Dbench.targetSeeds=3" bench/rules.sh full bench-out/rules sp
      BENCH_JAVA_OPTS="-Dbench.targetSeeds=2 -Dbench.steps=100 -Dbench.batch=8 -Dbench.threads=1 -Dbench.direct=7" \
        bench/rules.sh transformer bench-out/rules-transformer mup,sp ;;
    spark) step "distributed sweep on a standalone cluster"; bench/spark-sweep.sh 1.0 all 1 ;;
    faults) step "the driver's own faults: fault to stop, --resume to finish"; bench/faults.sh 3 ;;
    *) echo "unknown part '$part'; expected some of: quickstart ml-tuner hpo transfer rules spark faults" >&2; exit 2 ;;
  esac
done
