#!/usr/bin/env bash
# Baseline for the pipeline benchmark: the tool commands the 8 stages of `./build.sh` run, typed directly into a
# shell, with none of the library's planning, records, reports, SBOM/scan, chart or incremental logic.
#
#   Clone     git clone of this repository, or of $SOURCE_REPOSITORY (fresh, into benchmarks/pipeline/.work/src)
#   Build     dotnet build of samples/director/director.sln, then dotnet publish -t:PublishContainer onto the
#             embedded base image, pushed to a docker-registry on 127.0.0.1 (the shell way to get the image; the
#             pipeline publishes with --no-build and assembles the same image reproducibly in-process instead)
#   UnitTest  dotnet test of Director.Tests with the coverlet collector (XPlat Code Coverage) and a TRX logger
#   Deploy    podman run --network host of the pushed image, curl /health until it answers
#   Integrate dotnet test of Director.IntegrationTests with DIRECTOR_URL pointing at the container
#   then      podman stop/rm, registry stopped by its pid
#
# Base image: the registry is started on this script's OWN storage (benchmarks/pipeline/.work/registry), not on the
# pipeline's .nuke/temp/services/registry, so the two never write into each other's storage. The first run pushes the
# OCI layout the pipeline assembled (.nuke/temp/services/base-image/embedded-base-image) into it with skopeo as
# base/aspnet:10.0; later runs find it there, just as the pipeline finds it in its own storage (that one-off push
# happens during the driver's warm-up, not in a measured run). Run ./build.sh once first so the layout exists.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="$HERE/.work"
LAYOUT="$ROOT/.nuke/temp/services/base-image/embedded-base-image"
VERSION="${VERSION:-0.0.1}"   # the pipeline derives it from git (conventional commits); the sample gets 0.0.1
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

for pkg in podman:podman docker-registry:docker-registry skopeo:skopeo curl:curl; do
  command -v "${pkg%%:*}" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "${pkg##*:}"; }
done
[ -f "$LAYOUT/index.json" ] || { echo "baseline: $LAYOUT is missing; run ./build.sh once first." >&2; exit 2; }

. "$(dirname "${BASH_SOURCE[0]}")/../common/script-steps.sh"

REG_PID="" CONTAINER=""
cleanup() {
  [ -n "$CONTAINER" ] && { podman stop --time 5 "$CONTAINER" >/dev/null 2>&1 || true; podman rm --force "$CONTAINER" >/dev/null 2>&1 || true; }
  [ -n "$REG_PID" ] && { kill "$REG_PID" 2>/dev/null || true; wait "$REG_PID" 2>/dev/null || true; }
}
trap cleanup EXIT

# --- Clone
step Clone
rm -rf "$WORK/src" "$WORK/results"
mkdir -p "$WORK/registry" "$WORK/results"
git clone --quiet -- "${SOURCE_REPOSITORY:-$ROOT}" "$WORK/src"
COMMIT="$(git -C "$WORK/src" rev-parse HEAD)"
TAG="${VERSION}_g$(git -C "$WORK/src" rev-parse --short=7 HEAD)"
MODULE="$WORK/src/samples/director"

# --- Registry on 127.0.0.1 (the pipeline starts the same docker-registry with the same config)
step Registry
RPORT="$(free_port)"
cat > "$WORK/registry.yml" <<YML
version: 0.1
log:
  level: info
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: "$WORK/registry"
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$RPORT
YML
docker-registry serve "$WORK/registry.yml" >"$WORK/registry.log" 2>&1 &
REG_PID=$!
REGISTRY="localhost:$RPORT"
for _ in $(seq 100); do curl -fsS "http://127.0.0.1:$RPORT/v2/" >/dev/null 2>&1 && break; sleep 0.1; done
if ! curl -fsS -o /dev/null "http://127.0.0.1:$RPORT/v2/base/aspnet/manifests/10.0" \
     -H 'Accept: application/vnd.oci.image.manifest.v1+json'; then
  skopeo copy --quiet --dest-tls-verify=false "oci:$LAYOUT:10.0" "docker://$REGISTRY/base/aspnet:10.0"
fi

# --- Build: compile, then the container image
step Build
dotnet build "$MODULE/director.sln" --configuration Release -p:ContinuousIntegrationBuild=true \
  -p:SourceRevisionId="$COMMIT" -p:Version="$VERSION"
dotnet publish "$MODULE/src/Director/Director.csproj" -c Release -t:PublishContainer --nologo \
  -p:ContainerBaseImage="$REGISTRY/base/aspnet:10.0" -p:ContainerRepository=director -p:ContainerImageTags="$TAG" \
  -p:ContainerRegistry="$REGISTRY" -p:Version="$VERSION" -p:SourceRevisionId="$COMMIT" -p:ContinuousIntegrationBuild=true

# --- UnitTest with coverage
step UnitTest
dotnet test "$MODULE/tests/Director.Tests/Director.Tests.csproj" --configuration Release \
  --results-directory "$WORK/results/unit" --logger 'trx;LogFileName=Director.Tests.trx' \
  --collect 'XPlat Code Coverage' -p:SourceRevisionId="$COMMIT" -p:Version="$VERSION" -p:ContinuousIntegrationBuild=true

# --- Deploy: podman on the host network, wait for /health
step Deploy
APORT="$(free_port)"
URL="http://127.0.0.1:$APORT"
CONTAINER="director-baseline-$$"
podman run --detach --name "$CONTAINER" --network host --tls-verify=false \
  --env "ASPNETCORE_URLS=$URL" "$REGISTRY/director:$TAG" >/dev/null
for i in $(seq 300); do curl -fsS "$URL/health" >/dev/null 2>&1 && break; [ "$i" = 300 ] && { echo "baseline: $URL/health never answered" >&2; exit 1; }; sleep 0.1; done

# --- Integrate
step Integrate
DIRECTOR_URL="$URL" dotnet test "$MODULE/tests/Director.IntegrationTests/Director.IntegrationTests.csproj" \
  --results-directory "$WORK/results/integration" --logger 'trx;LogFileName=integration.trx' --logger 'console;verbosity=normal'
step
echo "baseline: done ($TAG); steps:$STEPS"
