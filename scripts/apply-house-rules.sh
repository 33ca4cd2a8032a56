#!/usr/bin/env bash
# Brings library assemblies in line with the house rules of .editorconfig and then holds them there: the build treats
# the rules' diagnostics as errors for every assembly under source/ that Directory.Build.props's HouseRulesPending no
# longer lists.
#
#   scripts/apply-house-rules.sh                      every assembly still in HouseRulesPending
#   scripts/apply-house-rules.sh Release.Oci ...      just those
#
# For each assembly, in this order (each step's fixes feed the next):
#   1. IDE1006: scripts/house-rules/underscore_fields.py renames `this.field` fields to `_field` (dotnet format cannot:
#      its naming fix does not support fixing all at once), then the uses without `this.` the compiler finds.
#   2. IDE0003 (dotnet format style): what `this.` is left on field accesses removed.
#   3. CA2007 (dotnet format analyzers): ConfigureAwait(false) added to every await.
#   4. scripts/house-rules/await_using.py: repairs what CA2007's fix does to `await using` (see that file).
#   5. RCS0056 (dotnet format analyzers, Roslynator): code over 150 characters wrapped where Roslynator can (argument
#      and parameter lists, binary expressions, member chains).
#   6. scripts/house-rules/wrap_long_lines.py: what Roslynator leaves (comments, long string literals) wrapped too.
# Then the assembly is built; what no step could wrap is listed (by the wrapper, and as RCS0056 build errors) for a
# person to wrap, and so is what needs a person's review (a field that shadowed a primary-constructor parameter,
# CS9124). The steps run over all the assemblies at once (one dotnet format workspace per step) and print their times.
#
# Run it on a merged tree with no other changes pending, then review `git diff` and run the tests.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
props=Directory.Build.props

pending() { sed -n 's:.*<HouseRulesPending>\(.*\)</HouseRulesPending>.*:\1:p' "$props" | tr ';' ' '; }

if [ $# -gt 0 ]; then assemblies=("$@"); else read -r -a assemblies <<< "$(pending)"; fi
if [ ${#assemblies[@]} -eq 0 ]; then echo "Every assembly under source/ already holds the house rules."; exit 0; fi

started=$(date +%s)
projects=()
folders=()
for assembly in "${assemblies[@]}"; do
  project="source/$assembly/$assembly.csproj"
  [ -f "$project" ] || { echo "error: no project $project (assembly names are the folders under source/)" >&2; exit 2; }
  projects+=("$project")
  # The trailing slash matters: dotnet format's --include takes "source/X" for a file and fixes nothing in the folder.
  folders+=("source/$assembly/")
done

# Out of the pending list first: dotnet format leaves alone the diagnostics a project suppresses (NoWarn).
python3 - "$props" "${assemblies[@]}" <<'PY'
import re, sys
path, assemblies = sys.argv[1], set(sys.argv[2:])
text = open(path, encoding="utf-8").read()
def drop(match):
    names = [n for n in match.group(1).split(";") if n and n not in assemblies]
    return "<HouseRulesPending>" + ";".join(names) + "</HouseRulesPending>"
open(path, "w", encoding="utf-8").write(re.sub(r"<HouseRulesPending>(.*?)</HouseRulesPending>", drop, text))
PY

# Each `dotnet format` loads a workspace (a design-time build of the projects and everything they reference), which
# costs far more than its fixes: one workspace of all the assemblies serves each step, limited to their folders.
workspace="$root/.house-rules.sln"
trap 'rm -f "$workspace"' EXIT
rm -f "$workspace"
dotnet new sln --format sln --name .house-rules --output "$root" > /dev/null
dotnet sln "$workspace" add "${projects[@]}" > /dev/null
step() { local from=$(date +%s); "$@"; echo "   ($(( $(date +%s) - from )) s: ${*:1:4})" >&2; }

echo "== ${assemblies[*]}"
step dotnet restore "$workspace" -v q --nologo > /dev/null
renamed=$(python3 scripts/house-rules/underscore_fields.py "${folders[@]}")
if [ -n "$renamed" ]; then
  echo "$renamed"
  # Only a rename can leave uses behind: one build of them all finds those, and what needs a person.
  step python3 scripts/house-rules/underscore_fields.py --uses "$workspace"
fi
step dotnet format style "$workspace" --no-restore --diagnostics IDE0003 --severity warn --include "${folders[@]}"
step dotnet format analyzers "$workspace" --no-restore --diagnostics CA2007 --severity warn --include "${folders[@]}"
python3 scripts/house-rules/await_using.py "${folders[@]}"
# Roslynator's wrapping fixed nothing when run over the shared workspace (the scratch run of 2026-12-06: 13 s, no line
# wrapped), but does per project: one workspace per assembly here.
for project in "${projects[@]}"; do
  step dotnet format analyzers "$project" --no-restore --diagnostics RCS0056 --severity warn > /dev/null
done
python3 scripts/house-rules/wrap_long_lines.py 150 "${folders[@]}"

echo "== building what changed"
status=0
for project in "${projects[@]}"; do
  from=$(date +%s)
  if ! output=$(dotnet build "$project" -v q --nologo 2>&1); then
    status=1
    echo "$output" | grep -E ': error ' | sed "s|$root/||; s| \[.*||" | sort -u
  fi
  echo "   ($(( $(date +%s) - from )) s: build $project)"
done
echo "house rules applied to ${assemblies[*]} in $(( $(date +%s) - started )) s"
if [ $status -ne 0 ]; then
  echo "Wrap the lines listed above by hand (or fix what else is listed), then build again." >&2
fi
exit $status
