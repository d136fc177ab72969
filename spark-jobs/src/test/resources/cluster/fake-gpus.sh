#!/usr/bin/env bash
# Spark's GPU discovery script for tests: every Worker offers two GPUs, addresses 0 and 1.
echo '{"name": "gpu", "addresses": ["0","1"]}'
