#!/usr/bin/env bash
# Baseline for the application benchmark: the tool commands the application pipeline's stages run for the sample
# application (director, ledger from its Dockerfile, gateway calling both), typed into a shell and run ONE AFTER
# ANOTHER, with none of the library's planning, records, reports, incremental logic or parallel modules.
#
# Usage: script.sh SOURCE_REPOSITORY COMMIT   (env: WORK = a private folder, LAYOUT = the embedded base image's OCI
# layout a pipeline run assembled, CHARTS = a folder holding one chart source folder per module)
#
# Where each command comes from (the pipeline's own log, `./build.sh` on a fresh clone, and the stages' code):
#   Clone      `> git clone -- REPO WORKSPACE` per module (CloneModule.MODULE log line; Release.Stages/Clone)
#   Registry   docker-registry on 127.0.0.1 with the same config the pipeline writes (EmbeddedRegistry); the base
#              image: the pipeline assembles base/aspnet:10.0 in-process and uploads it; here `skopeo copy` of the
#              layout it assembled (the assembling itself, a tar of /usr/share/dotnet, is not scripted: the pipeline
#              pays it, the script does not)
#   Build      director, gateway: `> dotnet build MODULE.sln --configuration Release -p:ContinuousIntegrationBuild=true
#              -p:SourceRevisionId=.. -p:Version=..` (BuildModule log), then the image: the pipeline runs `dotnet publish
#              --no-build --no-restore` and assembles and uploads the image in-process (Release.Oci); the shell way is
#              `dotnet publish -t:PublishContainer --no-build`, which does both (as benchmarks/pipeline/baseline.sh)
#              ledger: `> dotnet publish src/Ledger/Ledger.csproj --configuration Release --output publish` (BuildModule
#              log), then `buildah bud` and `buildah push` with the arguments of Release.Containers/Builders/BuildahTool
#   UnitTest   `> dotnet test TESTS.csproj --configuration Release --results-directory .. --logger 'trx;..' --collect
#              'XPlat Code Coverage' -p:..` per module (UnitTestModule log)
#   Scan       nothing: the pipeline's SBOMs and advisory matching are in-process (Release.Scanning) and this machine
#              has no scanner CLI (no trivy, grype or syft), so the script does no scan work at all
#   Push       the images are already at their tags (PublishContainer and buildah push); the pipeline's Push re-tags by
#              digest, uploading nothing ("0 uploaded" in its log)
#   Chart      the pipeline writes, lints, packages and pushes a chart per module in-process (Release.Helm; no helm CLI
#              here): the script takes the chart sources a pipeline run wrote ($CHARTS), sets version and digest with
#              sed, `tar czf` (helm package) and pushes it as an OCI artifact with curl (helm push)
#   Deploy     `podman run --detach --network host --tls-verify=false --env ASPNETCORE_URLS=..` per module in dependency
#              order (director and ledger, then gateway with DIRECTOR_URL and LEDGER_URL), curl /health until it
#              answers (Release.Delivery/Deploy/Local/LocalLaunchers), then the application check through the gateway
#              (Build.Application.cs: POST /environments/development/deployments, 201)
#   Integrate  `dotnet test` of Director.IntegrationTests then Gateway.IntegrationTests with DIRECTOR_URL, LEDGER_URL
#              and GATEWAY_URL (IntegrateApplication log: Debug configuration, one after the other)
#   then       podman stop/rm, registry stopped by its pid
set -euo pipefail

SRC="$1" COMMIT="$2"
: "${WORK:?}" "${LAYOUT:?}" "${CHARTS:?}"
VERSION="0.0.1"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
[ -f "$LAYOUT/index.json" ] || { echo "script: $LAYOUT is missing; run ./build.sh once first." >&2; exit 2; }

. "$(dirname "${BASH_SOURCE[0]}")/../common/script-steps.sh"
wait_health() { # URL
  for i in $(seq 600); do curl -fsS "$1/health" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "script: $1/health never answered" >&2; return 1
}

REG_PID="" CONTAINERS=()
cleanup() {
  for c in "${CONTAINERS[@]}"; do podman stop --time 5 "$c" >/dev/null 2>&1 || true; podman rm --force "$c" >/dev/null 2>&1 || true; done
  [ -n "$REG_PID" ] && { kill "$REG_PID" 2>/dev/null || true; wait "$REG_PID" 2>/dev/null || true; }
}
trap cleanup EXIT

# --- Clone: one clone per module, as CloneModule does. Fresh storage for the registry and buildah, as on a fresh clone.
step Clone
rm -rf "$WORK/ws" "$WORK/results" "$WORK/registry" "$WORK/buildah" "$WORK/buildah-run" "$WORK/charts-out"
mkdir -p "$WORK/ws" "$WORK/results" "$WORK/registry" "$WORK/charts-out"
for m in director ledger gateway; do
  git clone --quiet -- "$SRC" "$WORK/ws/$m"
  git -C "$WORK/ws/$m" checkout --quiet "$COMMIT"
done
TAG="${VERSION}-g$(git -C "$WORK/ws/director" rev-parse --short=7 HEAD)"
PROPS=(-p:ContinuousIntegrationBuild=true -p:SourceRevisionId="$COMMIT" -p:Version="$VERSION")

# --- Registry with the base image
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
skopeo copy --quiet --dest-tls-verify=false "oci:$LAYOUT:10.0" "docker://$REGISTRY/base/aspnet:10.0"
BASE="$REGISTRY/base/aspnet:10.0"

# --- Build, one module after another (dependencies first: the gateway last)
step Build
D="$WORK/ws/director/samples/director"
dotnet build "$D/director.sln" --configuration Release "${PROPS[@]}"
dotnet publish "$D/src/Director/Director.csproj" -c Release -t:PublishContainer --no-build --nologo \
  -p:ContainerBaseImage="$BASE" -p:ContainerRepository=director -p:ContainerImageTags="$TAG" -p:ContainerRegistry="$REGISTRY" "${PROPS[@]}"
L="$WORK/ws/ledger/samples/ledger"
dotnet publish "$L/src/Ledger/Ledger.csproj" --configuration Release --output "$L/publish"
BUILDAH=(--storage-driver vfs --root "$WORK/buildah" --runroot "$WORK/buildah-run")
buildah bud "${BUILDAH[@]}" --isolation chroot --runtime /usr/sbin/runc --tls-verify=false -f "$L/Dockerfile" \
  --build-arg "BASE_IMAGE=$BASE" -t "$REGISTRY/ledger:$TAG" "$L"
buildah push "${BUILDAH[@]}" --tls-verify=false "$REGISTRY/ledger:$TAG" "docker://$REGISTRY/ledger:$TAG"
G="$WORK/ws/gateway/samples/gateway"
dotnet build "$G/gateway.sln" --configuration Release "${PROPS[@]}"
dotnet publish "$G/src/Gateway/Gateway.csproj" -c Release -t:PublishContainer --no-build --nologo \
  -p:ContainerBaseImage="$BASE" -p:ContainerRepository=gateway -p:ContainerImageTags="$TAG" -p:ContainerRegistry="$REGISTRY" "${PROPS[@]}"

# --- UnitTest with coverage, one module after another
step UnitTest
for t in "$D/tests/Director.Tests/Director.Tests.csproj" "$L/tests/Ledger.Tests/Ledger.Tests.csproj" "$G/tests/Gateway.Tests/Gateway.Tests.csproj"; do
  name="$(basename "$t" .csproj)"
  dotnet test "$t" --configuration Release --results-directory "$WORK/results/$name" --logger "trx;LogFileName=$name.trx" \
    --collect 'XPlat Code Coverage' "${PROPS[@]}"
done

# --- Chart: version and image digest into the chart sources, package (tar czf), push as an OCI artifact
step Chart
push_blob() { # REPOSITORY FILE: uploads FILE as a blob (POST then PUT ?digest=), prints its digest
  local digest location separator
  digest="sha256:$(sha256sum "$2" | cut -d' ' -f1)"
  location=$(curl -fsS -X POST -D - -o /dev/null "http://$REGISTRY/v2/$1/blobs/uploads/" | tr -d '\r' \
    | awk 'tolower($1)=="location:" {print $2}')
  case "$location" in http*) ;; *) location="http://$REGISTRY$location" ;; esac
  separator='?'; [[ "$location" == *\?* ]] && separator='&'
  curl -fsS -X PUT -H 'Content-Type: application/octet-stream' --data-binary "@$2" "$location${separator}digest=$digest" >/dev/null
  echo "$digest"
}
for m in director ledger gateway; do
  digest=$(curl -fsS -o /dev/null -D - -H 'Accept: application/vnd.oci.image.manifest.v1+json' \
    -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' "http://$REGISTRY/v2/$m/manifests/$TAG" \
    | tr -d '\r' | awk 'tolower($1)=="docker-content-digest:" {print $2}')
  out="$WORK/charts-out/$m"
  rm -rf "$out"; mkdir -p "$out"; cp -r "$CHARTS/$m" "$out/$m"
  sed -i -e "s/^version: .*/version: $TAG/" -e "s/^appVersion: .*/appVersion: \"$VERSION\"/" "$out/$m/Chart.yaml"
  sed -i -e "s/^  digest: .*/  digest: $digest/" "$out/$m/values.yaml"
  tar -C "$out" -czf "$out/$m-$TAG.tgz" "$m"
  printf '{"name":"%s","version":"%s","apiVersion":"v2"}' "$m" "$TAG" >"$out/config.json"
  config=$(push_blob "charts/$m" "$out/config.json")
  layer=$(push_blob "charts/$m" "$out/$m-$TAG.tgz")
  printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.cncf.helm.config.v1+json","digest":"%s","size":%s},"layers":[{"mediaType":"application/vnd.cncf.helm.chart.content.v1.tar+gzip","digest":"%s","size":%s}]}' \
    "$config" "$(stat -c %s "$out/config.json")" "$layer" "$(stat -c %s "$out/$m-$TAG.tgz")" >"$out/manifest.json"
  curl -fsS -X PUT -H 'Content-Type: application/vnd.oci.image.manifest.v1+json' --data-binary "@$out/manifest.json" \
    "http://$REGISTRY/v2/charts/$m/manifests/$TAG" >/dev/null
done

# --- Deploy in dependency order: director, ledger, then the gateway pointing at both
step Deploy
declare -A URL
run_module() { # MODULE [--env K=V ...]
  local m=$1; shift
  local port; port="$(free_port)"
  URL[$m]="http://127.0.0.1:$port"
  local name="$m-script-$$"
  CONTAINERS+=("$name")
  podman run --detach --name "$name" --network host --tls-verify=false --env "ASPNETCORE_URLS=${URL[$m]}" "$@" \
    "$REGISTRY/$m:$TAG" >/dev/null
}
run_module director; run_module ledger
wait_health "${URL[director]}"; wait_health "${URL[ledger]}"
run_module gateway --env "DIRECTOR_URL=${URL[director]}" --env "LEDGER_URL=${URL[ledger]}"
wait_health "${URL[gateway]}"
status=$(curl -sS -o "$WORK/check.json" -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
  --data '{"module":"director","version":"9.9.9"}' "${URL[gateway]}/environments/development/deployments")
[ "$status" = 201 ] && grep -q '"allowed":true' "$WORK/check.json" || { echo "script: the application check answered $status" >&2; exit 1; }

# --- Integrate: the director's then the gateway's integration tests against the running application
step Integrate
export DIRECTOR_URL="${URL[director]}/" LEDGER_URL="${URL[ledger]}/" GATEWAY_URL="${URL[gateway]}/"
dotnet test "$D/tests/Director.IntegrationTests/Director.IntegrationTests.csproj" \
  --results-directory "$WORK/results/integration" --logger 'trx;LogFileName=director.trx'
dotnet test "$G/tests/Gateway.IntegrationTests/Gateway.IntegrationTests.csproj" \
  --results-directory "$WORK/results/integration" --logger 'trx;LogFileName=gateway.trx'
step
echo "script: done ($TAG); steps:$STEPS"
