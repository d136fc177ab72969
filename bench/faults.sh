#!/usr/bin/env bash
# The driver's own faults, timed as a user meets them: how long from the fault to the stop, and
# how long `--resume` takes to finish the sweep once the fault is fixed.
#   bench/faults.sh [REPEATS]      (default 3; needs root: it creates a user and stops a PostgreSQL server)
# Faults: the journal folder made read-only mid-sweep (the sweep runs as user mutune-faults, see
# spark-jobs/src/test/.../faults/OtherUser.java), and the PostgreSQL server holding both tables
# stopped mid-sweep for longer than the retry window (-Dmutune.io.retrySeconds=3).
# Each sweep: 24 trials of `sleep 0.5` at one width on local[2]; the fault comes after the 4th trial ends.
set -euo pipefail
cd "$(dirname "$0")/.."
repeats=${1:-3}
root=$(pwd)
mutune="$root/bin/mutune"
[[ -f spark-jobs/target/mutune-spark-jobs.jar ]] || ./mvnw -q -B -ntp package -DskipTests
[[ $(id -u) -eq 0 ]] || { echo "bench/faults.sh needs root (useradd, chmod against another user, PostgreSQL)" >&2; exit 2; }
id mutune-faults >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin mutune-faults
asuser=(setpriv --reuid=mutune-faults --regid=mutune-faults --init-groups --inh-caps=+dac_read_search --ambient-caps=+dac_read_search)
work=$(mktemp -d /tmp/mutune-bench-faults.XXXXXX)
chmod 755 "$work"
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

spec() {  # NAME TRIALS_URI RECS_URI DIR
  cat > "$4/trial.sh" <<'SH'
sleep 0.5
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
  trials_per_scale: 24
targets: [{width: 1024}]
output: {trials: "$2", recommendations: "$3", checkpoints: "file:$4/ckpt"}
YAML
}

await_trial() {  # OUT N PID: wait until the Nth progress line
  while ! grep -qE "^\[ +$2\] " "$1" 2>/dev/null; do
    kill -0 "$3" 2>/dev/null || { echo "mutune ended early:" >&2; cat "$1" >&2; exit 1; }
    sleep 0.05
  done
}

echo "fault                          run  fault->stop_s  exit  resume->finish_s  exit"
for r in $(seq 1 "$repeats"); do
  # 1. The journal's folder becomes read-only.
  d="$work/ro-$r"; mkdir -p "$d"; spec ro "delta:$d/lake/trials" "delta:$d/lake/recs" "$d"; chown -R mutune-faults: "$d"
  ( cd "$d" && HOME="$d" MUTUNE_JAVA_OPTS=-Xmx1g "${asuser[@]}" "$mutune" sweep "$d/ro.yaml" --sweep-id ro-$r --master 'local[2]' > "$d/run.out" 2>&1; echo $? > "$d/run.rc"; now > "$d/run.end" ) &
  pid=$!
  await_trial "$d/run.out" 4 $pid
  chmod -R a-w "$d/lake/trials"; fault=$(now)
  wait $pid
  chmod -R u+w "$d/lake/trials"
  start=$(now)
  ( cd "$d" && HOME="$d" MUTUNE_JAVA_OPTS=-Xmx1g "${asuser[@]}" "$mutune" sweep "$d/ro.yaml" --sweep-id ro-$r --resume --master 'local[2]' > "$d/resume.out" 2>&1 ) && rc2=0 || rc2=$?
  printf "%-30s %3d  %13s  %4s  %16s  %4s\n" "journal folder read-only" "$r" "$(secs "$fault" "$(cat "$d/run.end")")" "$(cat "$d/run.rc")" "$(secs "$start" "$(now)")" "$rc2"

  # 2. The PostgreSQL server holding both tables goes away for longer than the retry window.
  d="$work/pg-$r"; mkdir -p "$d"
  eval "$(bin/ci-postgres start | sed 's/^/local /')"
  spec pg "$MUTUNE_PG_URL&table=trials" "$MUTUNE_PG_URL&table=recs" "$d"
  ( cd "$d" && MUTUNE_JDBC_PASSWORD_FILE=$MUTUNE_PG_PASSWORD_FILE MUTUNE_JAVA_OPTS="-Xmx1g -Dmutune.io.retrySeconds=3" \
      "$mutune" sweep "$d/pg.yaml" --sweep-id pg-$r --master 'local[2]' > "$d/run.out" 2>&1; echo $? > "$d/run.rc"; now > "$d/run.end" ) &
  pid=$!
  await_trial "$d/run.out" 4 $pid
  bin/ci-postgres down "$MUTUNE_PG_DIR"; fault=$(now)
  wait $pid
  bin/ci-postgres up "$MUTUNE_PG_DIR"
  start=$(now)
  ( cd "$d" && MUTUNE_JDBC_PASSWORD_FILE=$MUTUNE_PG_PASSWORD_FILE MUTUNE_JAVA_OPTS=-Xmx1g \
      "$mutune" sweep "$d/pg.yaml" --sweep-id pg-$r --resume --master 'local[2]' > "$d/resume.out" 2>&1 ) && rc2=0 || rc2=$?
  printf "%-30s %3d  %13s  %4s  %16s  %4s\n" "PostgreSQL down (window 3 s)" "$r" "$(secs "$fault" "$(cat "$d/run.end")")" "$(cat "$d/run.rc")" "$(secs "$start" "$(now)")" "$rc2"
  bin/ci-postgres stop "$MUTUNE_PG_DIR"
done
echo
echo "stop lines of the last repeat:"
grep -h "^mutune sweep: stopped" "$work"/ro-"$repeats"/run.out "$work"/pg-"$repeats"/run.out
echo "an uninterrupted sweep of the same spec, for scale:"
d="$work/plain"; mkdir -p "$d"; spec plain "delta:$d/lake/trials" "delta:$d/lake/recs" "$d"
start=$(now); "$mutune" sweep "$d/plain.yaml" --master 'local[2]' > "$d/run.out" 2>&1; echo "  whole run $(secs "$start" "$(now)") s; $(grep 'trial segments in' "$d/run.out")"
rm -rf "$work"
