#!/usr/bin/env bash
# Before/after for the application benchmark in one script: builds this checkout's benchmark and that of BASE (a commit,
# default main) in Release, runs them alternately ROUNDS times (default 3) on the same machine load, and prints the
# ratio after/before of the medians of the whole run (check + load + --plan + load + generate) and of generation alone.
# usage: benchmarks/Release.CI.Benchmarks/compare.sh [BASE] [ROUNDS]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
base=${1:-main}
rounds=${2:-3}
work=$(mktemp -d -t release-ci-compare-XXXXXX)
trap 'rm -rf "$work"' EXIT
git -C "$root" archive "$base" | tar -x -C "$work"
# The same harness measures both: this checkout's benchmark sources (and the CI project file, which lets the benchmark
# time generation's internal sections) go over BASE's, so only the library under test differs.
cp "$root"/benchmarks/Release.CI.Benchmarks/*.cs "$work/benchmarks/Release.CI.Benchmarks/"
cp "$root/source/Release.CI/Release.CI.csproj" "$work/source/Release.CI/"
for tree in "$root" "$work"; do dotnet build -c Release "$tree/benchmarks/Release.CI.Benchmarks" -v q -nologo >/dev/null; done
dll=benchmarks/Release.CI.Benchmarks/bin/Release/net10.0/Release.CI.Benchmarks.dll
declare -a before_total before_generation before_cpu after_total after_generation after_cpu
for ((i = 0; i < rounds; i++)); do
  for side in before after; do
    tree=$([ "$side" = before ] && echo "$work" || echo "$root")
    out=$(dotnet "$tree/$dll" application)
    total=$(sed -n 's/.*generate GitLab and Azure: median *\([0-9.]*\) ms.*/\1/p' <<<"$out")
    generation=$(sed -n 's/.*, generation *\([0-9.]*\) ms.*/\1/p' <<<"$out")
    cpu=$(sed -n 's/.*processor time of the process per run.*median *\([0-9.]*\) ms.*/\1/p' <<<"$out")
    echo "round $((i + 1)) $side: whole run ${total} ms (processor ${cpu} ms), generation ${generation} ms; $(grep -o 'peak working set *[0-9.]* MB' <<<"$out")"
    eval "${side}_total+=($total)"; eval "${side}_generation+=($generation)"; eval "${side}_cpu+=($cpu)"
  done
done
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
bt=$(median "${before_total[@]}"); at=$(median "${after_total[@]}")
bg=$(median "${before_generation[@]}"); ag=$(median "${after_generation[@]}")
bc=$(median "${before_cpu[@]}"); ac=$(median "${after_cpu[@]}")
echo "median of $rounds rounds, $base -> this checkout (load average $(cut -d' ' -f1-3 /proc/loadavg)):"
awk -v b="$bt" -v a="$at" 'BEGIN { printf "  whole run   %8.1f ms -> %8.1f ms: after/before %.2f\n", b, a, a / b }'
awk -v b="$bg" -v a="$ag" 'BEGIN { printf "  generation  %8.1f ms -> %8.1f ms: after/before %.2f\n", b, a, a / b }'
awk -v b="$bc" -v a="$ac" 'BEGIN { printf "  processor   %8.1f ms -> %8.1f ms: after/before %.2f (whole run)\n", b, a, a / b }'
