#!/usr/bin/env bash
# Pipeline benchmark driver. Prints medians and two ratios; never asserts on time.
#   pipeline/baseline = `./build.sh --force` (full pipeline, incremental state ignored) / baseline.sh   goal: <= 1.05
#   second/first      = `./build.sh` right after that run, nothing changed / the first run              goal: <= 1.15
# Both sides build a scratch clone of this repository (.work/repo, passed as --source-repository) that gets one empty
# commit per round, so every round's first run builds a commit never built before.
# One warm-up of each, then N alternating rounds (odd rounds baseline first, even rounds pipeline first).
# Before each pipeline measurement `./build.sh --help` runs untimed, so a recompile of the build project (build/ or
# source/ changed) is never measured. Logs: benchmarks/pipeline/.work/logs/.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
N="${N:-2}"
LOGS="$HERE/.work/logs"
SRC="$HERE/.work/repo"
mkdir -p "$LOGS"
cd "$ROOT"

now() { date +%s.%N; }
# timed NAME COMMAND...: runs COMMAND with output to $LOGS/NAME.log, echoes elapsed seconds. A failed run is still
# timed (and flagged on stderr and in $LOGS/failed), so the figures show it rather than the driver stopping.
timed() {
  local name=$1; shift
  local start end rc=0
  start=$(now)
  "$@" >"$LOGS/$name.log" 2>&1 || rc=$?
  end=$(now)
  if [ "$rc" != 0 ]; then
    echo "  FAILED (exit $rc): $* -- $(grep -m1 -oE '\| [A-Za-z]+ +\| Failed .{0,90}' "$LOGS/$name.log" || echo "see $LOGS/$name.log")" >&2
    echo "$name" >>"$LOGS/failed"
  fi
  echo "$end - $start" | bc -l | xargs printf '%.2f\n'
}
prepare_pipeline() { ./build.sh --help >"$LOGS/prepare.log" 2>&1; }

pipeline_pair() { # sets FIRST and SECOND for round $1
  prepare_pipeline
  # A fresh commit per round (an empty one, in a scratch copy of this repository that both sides clone), so "first"
  # builds a commit never built before rather than one whose Build is already up to date.
  git -C "$SRC" -c user.name=bench -c user.email=bench@localhost commit --quiet --allow-empty -m "chore: benchmark round $1"
  FIRST=$(timed "r$1-first" ./build.sh --force --source-repository "$SRC")
  SECOND=$(timed "r$1-second" ./build.sh --source-repository "$SRC")
  grep -q 'Compiling the build project' "$LOGS/r$1-second.log" && echo "  note: round $1 second run recompiled the build project"
  echo "  second run targets: $(grep -E '^\| [A-Za-z]+ +\| [A-Za-z]+ ' "$LOGS/r$1-second.log" | awk -F'|' '{gsub(/ /,"",$2); gsub(/ /,"",$3); printf "%s=%s ", $2, $3}')"
}

echo "warm-up..."
prepare_pipeline
rm -rf "$LOGS/failed" "$SRC"
git clone --quiet -- "$ROOT" "$SRC"   # the repository as committed now; the parent's later commits do not leak in
export SOURCE_REPOSITORY="$SRC"       # read by baseline.sh
git -C "$SRC" -c user.name=bench -c user.email=bench@localhost commit --quiet --allow-empty -m "chore: benchmark warm-up"
timed warmup-pipeline ./build.sh --source-repository "$SRC" >/dev/null
timed warmup-baseline "$HERE/baseline.sh" >/dev/null

B=() F=() S=()
for i in $(seq "$N"); do
  if (( i % 2 == 1 )); then
    b=$(timed "r$i-baseline" "$HERE/baseline.sh"); pipeline_pair "$i"
  else
    pipeline_pair "$i"; b=$(timed "r$i-baseline" "$HERE/baseline.sh")
  fi
  B+=("$b") F+=("$FIRST") S+=("$SECOND")
  echo "round $i: baseline ${b}s  pipeline(first) ${FIRST}s  second ${SECOND}s"
  echo "  baseline steps:$(grep -o 'steps:.*' "$LOGS/r$i-baseline.log" | cut -d: -f2-)"
  echo "  pipeline stages: $(grep -E '^\| [A-Za-z]+ +\| Succeeded' "$LOGS/r$i-first.log" | awk -F'|' '{gsub(/ /,"",$2); gsub(/ /,"",$4); printf "%s %s ", $2, $4}')"
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2}'; }
mb=$(median "${B[@]}") mf=$(median "${F[@]}") ms=$(median "${S[@]}")
echo
echo "medians (N=$N): baseline ${mb}s, pipeline first ${mf}s, pipeline second ${ms}s"
printf 'pipeline/baseline = %.2f   (goal <= 1.05)\n' "$(echo "$mf / $mb" | bc -l)"
[ -f "$LOGS/failed" ] && echo "FAILED runs (their times count up to the failure): $(tr '\n' ' ' <"$LOGS/failed")"
printf 'second/first = %.2f   (goal <= 1.15)\n' "$(echo "$ms / $mf" | bc -l)"
