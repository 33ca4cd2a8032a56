#!/bin/bash
# Bootstrap of the Release build: compiles build/ (from the ReleaseKit packages) only when it changed, then runs it.
set -euo pipefail
case "${BASH_SOURCE[0]}" in */*) cd "${BASH_SOURCE[0]%/*}" ;; esac
ROOT="$PWD"
TEMP="$ROOT/.nuke/temp"
BIN="$TEMP/bin"
STAMP="$TEMP/compiled.stamp"
DOTNET="$(command -v dotnet || true)"
for candidate in "${DOTNET_ROOT:-}/dotnet" "$HOME/.dotnet/dotnet"; do
  if [ -z "$DOTNET" ] && [ -x "$candidate" ]; then DOTNET="$candidate"; fi
done
if [ -z "$DOTNET" ]; then
  echo "error: the .NET SDK was not found on PATH, in DOTNET_ROOT or in ~/.dotnet; install it and put 'dotnet' on PATH." >&2
  exit 127
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Compiles when nothing was compiled yet or a file of build/ (or the repository's NuGet/SDK settings) is newer.
if [ ! -f "$STAMP" ] || [ ! -f "$BIN/_build.dll" ] || [ -n "$(find "$ROOT/build" "$ROOT"/global.json "$ROOT"/nuget.config "$ROOT"/NuGet.Config \
     \( -name bin -o -name obj \) -prune -o -type f -newer "$STAMP" -print -quit 2>/dev/null)" ]; then
  echo "Compiling the build project (build/ changed)..."
  mkdir -p "$TEMP"
  touch "$STAMP.next"
  if ! "$DOTNET" build "$ROOT/build/_build.csproj" -c Release -o "$BIN" --nologo -v quiet -clp:NoSummary; then
    echo "error: the build project did not compile; fix the errors above (file and line shown)." >&2
    exit 1
  fi
  mv "$STAMP.next" "$STAMP"
fi
exec "$DOTNET" "$BIN/_build.dll" "$@" --root "$ROOT"
