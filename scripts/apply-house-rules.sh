#!/usr/bin/env bash
# Brings library assemblies in line with the house rules of .editorconfig and then holds them there: the build treats
# the rules' diagnostics as errors for every assembly under source/ that Directory.Build.props's HouseRulesPending no
# longer lists.
#
#   scripts/apply-house-rules.sh                      every assembly still in HouseRulesPending
#   scripts/apply-house-rules.sh Release.Oci ...      just those
#
# For each assembly, in this order (each step's fixes feed the next):
#   1. IDE1006 (dotnet format style): private fields renamed to _camelCase, every use included; this.field becomes
#      this._field, which step 2 then shortens.
#   2. IDE0003 (dotnet format style): `this.` removed from field accesses.
#   3. CA2007 (dotnet format analyzers): ConfigureAwait(false) added to every await.
#   4. scripts/house-rules/await_using.py: repairs what CA2007's fix does to `await using` (see that file).
#   5. RCS0056 (dotnet format analyzers, Roslynator): lines over 150 characters wrapped where Roslynator can.
# Then the assembly leaves HouseRulesPending and is built; what the fixes could not do (RCS0056 lines Roslynator does
# not know how to wrap, mostly long interpolated strings) is listed as build errors to wrap by hand.
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
for assembly in "${assemblies[@]}"; do
  project="source/$assembly/$assembly.csproj"
  [ -f "$project" ] || { echo "error: no project $project (assembly names are the folders under source/)" >&2; exit 2; }
  # Out of the pending list first: dotnet format leaves alone the diagnostics a project suppresses (NoWarn).
  python3 - "$props" "$assembly" <<'PY'
import re, sys
path, assembly = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
def drop(match):
    names = [n for n in match.group(1).split(";") if n and n != assembly]
    return "<HouseRulesPending>" + ";".join(names) + "</HouseRulesPending>"
open(path, "w", encoding="utf-8").write(re.sub(r"<HouseRulesPending>(.*?)</HouseRulesPending>", drop, text))
PY
  echo "== $assembly"
  dotnet restore "$project" -v q --nologo > /dev/null
  dotnet format style "$project" --no-restore --diagnostics IDE1006 --severity warn
  dotnet format style "$project" --no-restore --diagnostics IDE0003 --severity warn
  dotnet format analyzers "$project" --no-restore --diagnostics CA2007 --severity warn
  python3 scripts/house-rules/await_using.py "source/$assembly"
  dotnet format analyzers "$project" --no-restore --diagnostics RCS0056 --severity warn
done

echo "== building what changed"
status=0
for assembly in "${assemblies[@]}"; do
  if ! output=$(dotnet build "source/$assembly/$assembly.csproj" -v q --nologo 2>&1); then
    status=1
    echo "$output" | grep -E ': error ' | sed "s|$root/||; s| \[.*||" | sort -u
  fi
done
echo "house rules applied to ${assemblies[*]} in $(( $(date +%s) - started )) s"
if [ $status -ne 0 ]; then
  echo "Wrap the lines listed above by hand (or fix what else is listed), then build again." >&2
fi
exit $status
