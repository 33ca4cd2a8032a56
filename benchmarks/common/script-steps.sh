# Shared by the hand-written script baselines (benchmarks/pipeline/baseline.sh, benchmarks/application/script.sh),
# sourced after WORK is set: the podman configuration the pipeline's calls read, step timing, a free port.

# The same containers.conf the pipeline's podman calls read (Release.Containers PodmanConfiguration): this host is a
# restricted container (low rlimits, no network namespaces, no systemd).
mkdir -p "$WORK"
cat > "$WORK/containers.conf" <<'CONF'
[containers]
default_ulimits = ["nofile=1024:1024", "nproc=1024:1024"]
netns = "none"

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
CONF
export CONTAINERS_CONF="$WORK/containers.conf"

# Step times, printed at the end beside the pipeline's summary table, show where the two differ: `step NAME` ends the
# step before and starts NAME; `step` alone ends the last one. The result accumulates in STEPS.
STEP_NAME="" STEP_START="" STEPS=""
step() {
  local now; now=$(date +%s.%N)
  [ -n "$STEP_NAME" ] && STEPS="$STEPS $STEP_NAME $(awk -v a="$STEP_START" -v b="$now" 'BEGIN { printf "%.2f", b - a }')s"
  STEP_NAME="${1:-}" STEP_START="$now"
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
