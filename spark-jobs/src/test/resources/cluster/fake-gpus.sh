#!/usr/bin/env bash
# Spark's GPU discovery script for tests: every Worker offers MUTUNE_FAKE_GPUS GPUs (default 2),
# addresses 0, 1, ... (the Worker's environment says how many).
n=${MUTUNE_FAKE_GPUS:-2}
printf '{"name": "gpu", "addresses": ['
for ((i = 0; i < n; i++)); do
  [[ $i -gt 0 ]] && printf ','
  printf '"%d"' "$i"
done
printf ']}\n'
