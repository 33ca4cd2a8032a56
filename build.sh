#!/bin/bash
# Bootstrap: finds the .NET SDK named in global.json, compiles build/ only when its sources changed, then runs it.
# The warm path (nothing changed) starts one process besides the build itself: the `find` that checks for changes.
# Everything else uses shell builtins, because every fork shows up in the start-up time of `./build.sh --help`
# (so does the shebang: /bin/bash, which every supported machine has, saves the `env` process of /usr/bin/env).
set -euo pipefail

case "${BASH_SOURCE[0]}" in */*) pushd "${BASH_SOURCE[0]%/*}" >/dev/null ;; *) pushd . >/dev/null ;; esac
ROOT="$PWD"
popd >/dev/null
TEMP="$ROOT/.nuke/temp"
BIN="$TEMP/bin"
# Renamed from build.stamp when the warm path below began to rely on the compiled build's side of the change check:
# a build compiled before that does not read the check, so it must be compiled again first.
STAMP="$TEMP/compiled.stamp"

# Only messages need the SDK version, so it is read only for them.
sdk_version() { sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' "$ROOT/global.json" | head -n1; }

if command -v dotnet >/dev/null 2>&1; then
  DOTNET=dotnet
else
  DOTNET=
  for candidate in "${DOTNET_ROOT:-}/dotnet" "$HOME/.dotnet/dotnet" /usr/share/dotnet/dotnet /usr/lib/dotnet/dotnet; do
    if [ -x "$candidate" ]; then DOTNET="$candidate"; break; fi
  done
  if [ -z "$DOTNET" ]; then
    SDK_VERSION="$(sdk_version)"
    echo "error: the .NET SDK $SDK_VERSION (global.json) was not found on PATH, in DOTNET_ROOT or in ~/.dotnet." >&2
    echo "       Install it (Debian: the Microsoft package feed's dotnet-sdk-${SDK_VERSION%.*.*}.0 package, or dotnet-install.sh --version $SDK_VERSION)" >&2
    echo "       and make sure 'dotnet' is on PATH." >&2
    exit 127
  fi
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Prints the first file the build project compiles from that is newer than the last successful compile, if any.
changed_source() {
  find "$ROOT/build" "$ROOT/source" "$ROOT/global.json" "$ROOT/Directory.Build.props" "$ROOT/Directory.Packages.props" \
    \( -name bin -o -name obj \) -prune -o -type f -newer "$STAMP" -print -quit 2>/dev/null
}

# A content hash of what the build project compiles from (paths relative to the root, so a clone elsewhere matches),
# kept inside the compiled build so the one folder is all a CI job hands on (artifact or cache). Computed only when
# file times say something changed: a later job has a fresh checkout, so every source looks newer than any stamp.
HASH="$BIN/compiled-from.sha256"
source_hash() {
  (cd "$ROOT" && find build source global.json Directory.Build.props Directory.Packages.props \( -name bin -o -name obj \) -prune \
    -o -type f -print 2>/dev/null | LC_ALL=C sort | xargs -d '\n' sha256sum | sha256sum | cut -d' ' -f1)
}

# Recompile only when something the build project compiles from is newer than the last successful compile (or there
# is no stamp) and its content differs from what was compiled; when only the times differ, the stamp is renewed.
needs_compile() {
  [ -f "$BIN/_build.dll" ] || return 0
  if [ -f "$STAMP" ] && [ -z "$(changed_source)" ]; then return 1; fi
  if [ -f "$HASH" ] && [ "$(cat "$HASH")" = "$(source_hash)" ]; then mkdir -p "$TEMP"; touch "$STAMP"; return 1; fi
  return 0
}

# Warm path: the build starts at once and the change check runs meanwhile, on the second core, instead of before it.
# The build reads the check's verdict from descriptor 3 before it does anything (Release.Engine's BuildHost, "bootstrap
# check"); when something changed it runs this script again with RELEASE_BOOTSTRAP_RERUN=1, which compiles first.
# Not while another compile is under way (its $STAMP.next exists): that one is waited for below.
RERUN="${RELEASE_BOOTSTRAP_RERUN:-}"
unset RELEASE_BOOTSTRAP_RERUN RELEASE_BOOTSTRAP_CHECK RELEASE_BOOTSTRAP
if [ -z "$RERUN" ] && [ -f "$STAMP" ] && [ -f "$BIN/_build.dll" ] && [ ! -e "$STAMP.next" ]; then
  exec 3< <(changed_source)
  export RELEASE_BOOTSTRAP_CHECK="3:$$" RELEASE_BOOTSTRAP="$ROOT/build.sh"
  exec "$DOTNET" "$BIN/_build.dll" "$@" --root "$ROOT"
fi

if needs_compile; then
  mkdir -p "$TEMP"
  exec 9>"$TEMP/compile.lock"
  flock 9
  if needs_compile; then
    # The SDK check costs a process start, so it runs only when compiling; running the build needs just the runtime.
    if ! (cd "$ROOT" && "$DOTNET" --version >/dev/null 2>&1); then
      SDK_VERSION="$(sdk_version)"
      echo "error: 'dotnet' at $(command -v "$DOTNET") cannot provide SDK $SDK_VERSION required by $ROOT/global.json." >&2
      echo "       Installed SDKs: $("$DOTNET" --list-sdks 2>/dev/null | cut -d' ' -f1 | tr '\n' ' ')" >&2
      echo "       Install SDK $SDK_VERSION or a later feature band of the same major version." >&2
      exit 127
    fi
    echo "Compiling the build project (build/ or source/ changed)..."
    touch "$STAMP.next"
    SOURCE_HASH="$(source_hash)"
    case "$(uname -m)" in aarch64|arm64) RID=linux-arm64 ;; *) RID=linux-x64 ;; esac
    # ReadyToRun (precompiled) code makes every later start of the build faster; plain compile is the fallback.
    rm -rf "$BIN.next"
    if ! "$DOTNET" publish "$ROOT/build/_build.csproj" -c Release -r "$RID" --self-contained false -p:PublishReadyToRun=true \
          -o "$BIN.next" --nologo -v quiet -clp:NoSummary 2>/dev/null \
       && ! "$DOTNET" build "$ROOT/build/_build.csproj" -c Release -o "$BIN.next" --nologo -v quiet -clp:NoSummary; then
      echo "error: the build project did not compile; fix the errors above (file and line shown)." >&2
      exit 1
    fi
    echo "$SOURCE_HASH" >"$BIN.next/compiled-from.sha256"
    # Swapped in whole: a build still running from the old files (one that found itself out of date and ran this
    # script again, or a long run) keeps them, as renaming leaves open files alone; copying over them would not.
    rm -rf "$BIN.old"
    if [ -d "$BIN" ]; then mv "$BIN" "$BIN.old"; fi
    mv "$BIN.next" "$BIN"
    mv "$STAMP.next" "$STAMP"
  fi
  flock -u 9
fi

exec "$DOTNET" "$BIN/_build.dll" "$@" --root "$ROOT"
