#!/usr/bin/env bash
# A stand-in for a user's training script: sleeps for a time that depends on the learning rate
# (so segments have heterogeneous durations), then reports val_loss and the GPU it was given.
set -euo pipefail
lr=$MUTUNE_HP_LR
scale=${SLEEP_SCALE:-1.0}
dur=$(awk -v lr="$lr" -v s="$scale" 'BEGIN { printf "%.3f", s * (0.5 + 1.5 * (log(lr) - log(1e-4)) / (log(1e-1) - log(1e-4))) }')
if [[ -n "${RUNNING_DIR:-}" ]]; then
  # Tests read which Worker runs what now (MUTUNE_TEST_WORKER comes from the Worker's environment).
  mkdir -p "$RUNNING_DIR"
  marker="$RUNNING_DIR/worker-${MUTUNE_TEST_WORKER:-unknown}-$MUTUNE_TRIAL_ID"
  touch "$marker"
  trap 'rm -f "$marker"' EXIT
fi
sleep "$dur"
loss=$(awk -v lr="$lr" -v w="$MUTUNE_SCALE_WIDTH" 'BEGIN { x = log(lr) - log(0.01) + 0.1 * log(w / 64); printf "%.6f", 1 + x * x }')
echo "trial $MUTUNE_TRIAL_ID slept $dur s"
echo "{\"resource\": $MUTUNE_TO_RESOURCE, \"val_loss\": $loss, \"gpu\": ${CUDA_VISIBLE_DEVICES:--1}, \"slept_s\": $dur}"
