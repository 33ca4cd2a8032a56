#!/usr/bin/env bash
# Application benchmark driver (issue 13). Prints the times and three ratios, measured in one run; never asserts on time.
#   pipeline/script = `./build.sh` on a fresh clone (the whole application: 3 modules, 8 stages each side)
#                     / script.sh, the same tool commands one after another                          goal: <= 0.75
#   second/first    = `./build.sh` again in that clone, nothing changed / the first run             goal: <= 0.10
#   leaf/first      = `./build.sh` after a commit changing one file of the gateway (the leaf: nothing depends on it;
#                     it depends on director and ledger, build/Build.Environments.cs) / the first run  goal: <= 0.50
# Each round makes a fresh clone of this repository (as committed now) in .work/repo. The build project is compiled
# once, in the warm-up clone; each fresh clone gets a copy of that compiled build (.nuke/temp/bin, which build.sh
# accepts when its recorded source hash matches) and runs `./build.sh --help` untimed, so compiling the build
# definition (about 2 minutes here) is never measured, as in benchmarks/pipeline/run.sh. Everything else of a fresh
# clone is measured: the pipeline's first run assembles the embedded base image, starts its registry on empty storage,
# clones every module, builds everything. The script also starts from empty registry and buildah storage.
# One warm-up of each (NuGet caches, the base image layout and the chart sources script.sh reuses), then N rounds
# (odd rounds script first, even rounds pipeline first). Logs: benchmarks/application/.work/logs/.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
N="${N:-1}"
WORK="$HERE/.work"
LOGS="$WORK/logs"
WARM="$WORK/warm"
REPO="$WORK/repo"
MODULES=(director ledger gateway)
LEAF_FILE="samples/gateway/src/Gateway/Program.cs"
mkdir -p "$LOGS"
rm -f "$LOGS/failed"

now() { date +%s.%N; }
# timed NAME DIR COMMAND...: runs COMMAND in DIR with output to $LOGS/NAME.log, echoes elapsed seconds. A failed run is
# still timed (and flagged on stderr and in $LOGS/failed), so the figures show it rather than the driver stopping.
timed() {
  local name=$1 dir=$2; shift 2
  local start end rc=0
  start=$(now)
  (cd "$dir" && "$@") >"$LOGS/$name.log" 2>&1 || rc=$?
  end=$(now)
  if [ "$rc" != 0 ]; then
    echo "  FAILED (exit $rc): $* -- $(grep -m1 -oE '\| [A-Za-z.]+ +\| Failed .{0,90}' "$LOGS/$name.log" || echo "see $LOGS/$name.log")" >&2
    echo "$name" >>"$LOGS/failed"
  fi
  echo "$end - $start" | bc -l | xargs printf '%.2f\n'
}
# The targets' status and duration from a pipeline log's summary table ("BuildModule.gateway=Succeeded 12.3s ...").
targets() {
  grep -E '^\| [A-Za-z.]+ +\| [A-Za-z]+ +\| ' "$1" | awk -F'|' '{gsub(/ /,"",$2); gsub(/ /,"",$3); gsub(/ /,"",$4);
    if ($2 != "Target") printf "%s=%s%s ", $2, $3, ($3 == "Succeeded" ? " " $4 : "")}'
}
fresh_clone() { # DIR: a clone of this repository as committed, with the warm-up's compiled build
  rm -rf "$1"
  git clone --quiet -- "$ROOT" "$1"
  mkdir -p "$1/.nuke/temp"
  cp -a "$WARM/.nuke/temp/bin" "$1/.nuke/temp/bin"
  (cd "$1" && ./build.sh --help) >"$LOGS/prepare.log" 2>&1
  if grep -q 'Compiling the build project' "$LOGS/prepare.log"; then echo "  note: the fresh clone recompiled the build project (untimed)"; fi
}

echo "warm-up... (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
rm -rf "$WORK/bin-kept"
if [ -d "$WARM/.nuke/temp/bin" ]; then mv "$WARM/.nuke/temp/bin" "$WORK/bin-kept"; fi
rm -rf "$WARM"
git clone --quiet -- "$ROOT" "$WARM"
if [ -d "$WORK/bin-kept" ]; then mkdir -p "$WARM/.nuke/temp"; mv "$WORK/bin-kept" "$WARM/.nuke/temp/bin"; fi
(cd "$WARM" && ./build.sh --help) >"$LOGS/warmup-compile.log" 2>&1
echo "  warm-up pipeline $(timed warmup-pipeline "$WARM" ./build.sh)s"
export WORK_SCRIPT="$WORK/script"
export LAYOUT="$WARM/.nuke/temp/services/base-image/embedded-base-image" CHARTS="$WORK/charts"
rm -rf "$CHARTS"; mkdir -p "$CHARTS"
for m in "${MODULES[@]}"; do cp -r "$WARM/artifacts/modules/$m/chart/$m" "$CHARTS/$m"; done
run_script() { WORK="$WORK_SCRIPT" "$HERE/script.sh" "$@"; }
# The script's previous workspaces, registry and buildah (vfs) storage are deleted before it is timed: a fresh clone
# of the pipeline has nothing to delete either (deleting them took 14-25 s of the script's time under load).
clean_script() { rm -rf "$WORK_SCRIPT/ws" "$WORK_SCRIPT/results" "$WORK_SCRIPT/registry" "$WORK_SCRIPT/buildah" "$WORK_SCRIPT/buildah-run" "$WORK_SCRIPT/charts-out"; }
clean_script
echo "  warm-up script $(timed warmup-script "$WARM" run_script "$WARM" "$(git -C "$WARM" rev-parse HEAD)")s"

pipeline_rounds() { # sets FIRST, SECOND and LEAF for round $1, in a fresh clone
  FIRST=$(timed "r$1-first" "$REPO" ./build.sh)
  SECOND=$(timed "r$1-second" "$REPO" ./build.sh)
  echo "// benchmark round $1: a change to the leaf module" >>"$REPO/$LEAF_FILE"
  git -C "$REPO" -c user.name=bench -c user.email=bench@localhost commit --quiet -am "fix(gateway): benchmark round $1"
  LEAF=$(timed "r$1-leaf" "$REPO" ./build.sh)
}

B=() F=() S=() C=()
for i in $(seq "$N"); do
  fresh_clone "$REPO"
  commit="$(git -C "$REPO" rev-parse HEAD)"   # the script builds the commit the first run builds
  echo "round $i (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
  if (( i % 2 == 1 )); then
    clean_script; b=$(timed "r$i-script" "$REPO" run_script "$REPO" "$commit"); pipeline_rounds "$i"
  else
    pipeline_rounds "$i"; clean_script; b=$(timed "r$i-script" "$REPO" run_script "$REPO" "$commit")
  fi
  B+=("$b") F+=("$FIRST") S+=("$SECOND") C+=("$LEAF")
  echo "  script ${b}s  pipeline first ${FIRST}s  second ${SECOND}s  leaf change ${LEAF}s  (load average after: $(cut -d' ' -f1-3 /proc/loadavg))"
  echo "  script steps:$(grep -o 'steps:.*' "$LOGS/r$i-script.log" | cut -d: -f2-)"
  echo "  first:  $(targets "$LOGS/r$i-first.log")"
  echo "  second: $(targets "$LOGS/r$i-second.log")"
  echo "  leaf:   $(targets "$LOGS/r$i-leaf.log")"
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2}'; }
mb=$(median "${B[@]}") mf=$(median "${F[@]}") ms=$(median "${S[@]}") mc=$(median "${C[@]}")
echo
echo "medians (N=$N): script ${mb}s, pipeline first ${mf}s, second ${ms}s, leaf change ${mc}s"
printf 'pipeline/script = %.2f   (goal <= 0.75)\n' "$(echo "$mf / $mb" | bc -l)"
printf 'second/first    = %.2f   (goal <= 0.10)\n' "$(echo "$ms / $mf" | bc -l)"
printf 'leaf/first      = %.2f   (goal <= 0.50)\n' "$(echo "$mc / $mf" | bc -l)"
if [ -f "$LOGS/failed" ]; then echo "FAILED runs (their times count up to the failure): $(tr '\n' ' ' <"$LOGS/failed")"; fi
