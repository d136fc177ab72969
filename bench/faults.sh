#!/usr/bin/env bash
# The driver's own faults, timed as a user meets them: how long from the fault to the stop (the
# process has exited with its one line), and how long the `--resume` command that line prints
# takes to finish the sweep once the fault is fixed.
#   bench/faults.sh [REPEATS]      (default 3; needs root: it creates a user and runs PostgreSQL servers)
# Faults, each on a fresh sweep:
#   read-only   the journal's folder made read-only mid-sweep (the sweep runs as the system user
#               mutune-faults: root ignores permissions; see spark-jobs/src/test/.../faults/OtherUser.java)
#   pg-down     the PostgreSQL server holding both tables stopped mid-sweep for longer than the retry
#               window (-Dmutune.io.retrySeconds=3), started again before the resume
# Each sweep: 24 trials of `sleep 1` at one width on local[2]; the fault comes once 4 trials have ended.
# Every resume is checked: exit 0 and 24 trials ended in the journal, each once.
set -euo pipefail
cd "$(dirname "$0")/.."
repeats=${1:-3}
root=$(pwd)
mutune="$root/bin/mutune"
[[ -f spark-jobs/target/mutune-spark-jobs.jar ]] || ./mvnw -q -B -ntp package -DskipTests
[[ $(id -u) -eq 0 ]] || { echo "bench/faults.sh needs root (useradd, chmod against another user, PostgreSQL)" >&2; exit 2; }
id mutune-faults >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin mutune-faults
# Only CAP_DAC_READ_SEARCH is kept: the user reads the JDK and the Maven jars under /root, and writes
# only where permissions allow.
asuser=(setpriv --reuid=mutune-faults --regid=mutune-faults --init-groups --inh-caps=+dac_read_search --ambient-caps=+dac_read_search)
trials=24
work=$(mktemp -d /tmp/mutune-bench-faults.XXXXXX)
chmod 755 "$work"
pg_dir=""
cleanup() {
  [[ -z "$pg_dir" ]] || bin/ci-postgres stop "$pg_dir" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

spec() {  # NAME TRIALS_URI RECS_URI DIR
  cat > "$4/trial.sh" <<'SH'
sleep 1
echo "{\"val_loss\": $(awk -v lr=$MUTUNE_HP_LR 'BEGIN { x = log(lr / 0.01); print 1 + x * x }')}"
SH
  cat > "$4/$1.yaml" <<YAML
sweep: $1
seed: 3
proxy: {model: command, command: ["bash", "$4/trial.sh"]}
scales: {width: [64]}
search:
  space: {lr: {float: [1.0e-4, 1.0], log: true}}
  resource: {max: 10}
  trials_per_scale: $trials
targets: [{width: 1024}]
output: {trials: "$2", recommendations: "$3", checkpoints: "file:$4/ckpt"}
YAML
}

await_trial() {  # OUT N PID: wait for the Nth progress line
  while ! grep -qE "^\[ +$2\] " "$1" 2>/dev/null; do
    kill -0 "$3" 2>/dev/null || { echo "mutune ended before its trial $2:" >&2; cat "$1" >&2; exit 1; }
    sleep 0.05
  done
}

# The command the stop line prints after "resume with: mutune ", as words.
resume_args() { grep -o 'resume with: mutune .*' "$1" | head -n 1 | sed 's/^resume with: mutune //'; }

# How many trials ended in the journal (the last row of each trial), as `mutune trials` lists it.
ended() {  # SWEEP_ID SPEC
  "$mutune" trials "$1" --spec "$2" --format csv | awk -F, 'NR > 1 && ($0 ~ /,completed,|,diverged,|,failed,/) { print $1 }' | sort -u | wc -l
}

row() { printf "%-12s %3s  %13s  %4s  %16s  %4s  %s\n" "$@"; }

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) at the start, $(date -u +%Y-%m-%dT%H:%MZ)"
row fault run fault_to_stop exit resume_to_finish exit "trials ended"
for r in $(seq 1 "$repeats"); do
  # 1. The journal's folder becomes read-only.
  d="$work/ro-$r"; mkdir -p "$d"; spec ro "delta:$d/lake/trials" "delta:$d/lake/recs" "$d"; chown -R mutune-faults: "$d"
  ( cd "$d"; rc=0; HOME="$d" MUTUNE_JAVA_OPTS=-Xmx1g "${asuser[@]}" "$mutune" sweep "$d/ro.yaml" --sweep-id "ro-$r" --master 'local[2]' \
      > "$d/run.out" 2>&1 || rc=$?; now > "$d/run.end"; echo $rc > "$d/run.rc" ) &
  pid=$!
  await_trial "$d/run.out" 4 $pid
  chmod -R a-w "$d/lake/trials"; fault=$(now)
  wait $pid || true
  chmod -R u+w "$d/lake/trials"
  read -r -a args <<<"$(resume_args "$d/run.out")"
  start=$(now)
  ( cd "$d" && HOME="$d" MUTUNE_JAVA_OPTS=-Xmx1g "${asuser[@]}" "$mutune" "${args[@]}" > "$d/resume.out" 2>&1 ) && rc2=0 || rc2=$?
  row read-only "$r" "$(secs "$fault" "$(cat "$d/run.end")")" "$(cat "$d/run.rc")" "$(secs "$start" "$(now)")" "$rc2" \
      "$(ended "ro-$r" "$d/ro.yaml")/$trials"

  # 2. The PostgreSQL server holding both tables goes away for longer than the retry window.
  d="$work/pg-$r"; mkdir -p "$d"
  eval "$(bin/ci-postgres start)"   # MUTUNE_PG_DIR, MUTUNE_PG_URL, MUTUNE_PG_PASSWORD_FILE
  pg_dir=$MUTUNE_PG_DIR
  spec pg "$MUTUNE_PG_URL&table=trials" "$MUTUNE_PG_URL&table=recs" "$d"
  export MUTUNE_JDBC_PASSWORD_FILE=$MUTUNE_PG_PASSWORD_FILE
  ( cd "$d"; rc=0; MUTUNE_JAVA_OPTS="-Xmx1g -Dmutune.io.retrySeconds=3" "$mutune" sweep "$d/pg.yaml" --sweep-id "pg-$r" --master 'local[2]' \
      > "$d/run.out" 2>&1 || rc=$?; now > "$d/run.end"; echo $rc > "$d/run.rc" ) &
  pid=$!
  await_trial "$d/run.out" 4 $pid
  bin/ci-postgres down "$pg_dir"; fault=$(now)
  wait $pid || true
  bin/ci-postgres up "$pg_dir"
  read -r -a args <<<"$(resume_args "$d/run.out")"
  start=$(now)
  ( cd "$d" && MUTUNE_JAVA_OPTS=-Xmx1g "$mutune" "${args[@]}" > "$d/resume.out" 2>&1 ) && rc2=0 || rc2=$?
  row pg-down "$r" "$(secs "$fault" "$(cat "$d/run.end")")" "$(cat "$d/run.rc")" "$(secs "$start" "$(now)")" "$rc2" \
      "$(ended "pg-$r" "$d/pg.yaml")/$trials"
  bin/ci-postgres stop "$pg_dir"; pg_dir=""
  unset MUTUNE_JDBC_PASSWORD_FILE
done
echo
echo "the stop lines of the last repeat:"
grep -h "^mutune sweep: stopped" "$work/ro-$repeats/run.out" "$work/pg-$repeats/run.out" || true
echo "for scale, the same spec without a fault (one run, as root, Delta):"
d="$work/plain"; mkdir -p "$d"; spec plain "delta:$d/lake/trials" "delta:$d/lake/recs" "$d"
start=$(now)
( cd "$d" && MUTUNE_JAVA_OPTS=-Xmx1g "$mutune" sweep "$d/plain.yaml" --sweep-id plain-1 --master 'local[2]' > "$d/run.out" 2>&1 )
echo "  whole run $(secs "$start" "$(now)") s; $(grep 'trial segments in' "$d/run.out")"
echo "machine: load $(cut -d' ' -f1-3 /proc/loadavg) at the end"
