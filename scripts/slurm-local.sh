#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, for fipgen's tests of sharded runs.
#   scripts/slurm-local.sh start DIR   # configures and starts munged, slurmctld, slurmd; prints SLURM_CONF=...
#   scripts/slurm-local.sh stop DIR    # stops what start started (by pid files) and removes DIR
# Needs root and Debian's slurmctld slurmd slurm-client munge (.ci/run installs them).
# Everything of the cluster (config, state, spool, logs, pid files) lives in DIR.
set -euo pipefail
cmd=${1:?usage: slurm-local.sh start|stop DIR}
dir=$(realpath -m "${2:?usage: slurm-local.sh start|stop DIR}")

stop() {
  local pids=()
  for f in "$dir/slurmd.pid" "$dir/slurmctld.pid" "$dir/munge/munged.pid"; do
    if [ -f "$f" ]; then pids+=("$(cat "$f")"); kill "${pids[-1]}" 2>/dev/null || true; fi
  done
  # Wait (at most 15 s) until they are gone, so a next start finds the ports free.
  for _ in $(seq 1 30); do
    alive=0
    for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 0.5
  done
  rm -rf "$dir"
}

if [ "$cmd" = stop ]; then stop; exit 0; fi
[ "$cmd" = start ] || { echo "usage: slurm-local.sh start|stop DIR" >&2; exit 2; }
for b in munged slurmctld slurmd sbatch; do
  command -v "$b" >/dev/null || { echo "slurm-local.sh: $b not found (apt-get install slurmctld slurmd slurm-client munge)" >&2; exit 3; }
done

mkdir -p "$dir"/{state,spool,log}
runuser -u munge -- test -x "$dir" || { echo "slurm-local.sh: user munge cannot reach $dir (check the permissions of its parents)" >&2; exit 3; }
# munge: a key of our own and a daemon with its own socket, so nothing of the machine's is touched.
dd if=/dev/urandom of="$dir/munge.key" bs=1024 count=1 status=none
chown munge:munge "$dir/munge.key"
chmod 400 "$dir/munge.key"
mkdir -p "$dir/munge" && chown munge:munge "$dir/munge" "$dir"
chmod 755 "$dir"
runuser -u munge -- munged --key-file="$dir/munge.key" --socket="$dir/munge/munge.socket" \
  --pid-file="$dir/munge/munged.pid" --log-file="$dir/munge/munged.log" --seed-file="$dir/munge/seed" --force

host=$(hostname -s)
# Ports of our own, so that two clusters on one machine (two test runs at once) do not collide.
port=$((20000 + (RANDOM % 4000) * 2))
cpus=$(nproc)
mem=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 - 1024 ))
cat > "$dir/slurm.conf" <<CONF
ClusterName=fipgen-test
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/munge/munge.socket
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
SlurmctldPort=$port
SlurmdPort=$((port + 1))
ReturnToService=2
MpiDefault=none
NodeName=$host CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
# Absolute path: the daemons change directory when they daemonise.
slurmctld -f "$dir/slurm.conf"
slurmd -f "$dir/slurm.conf"
export SLURM_CONF="$dir/slurm.conf"
for _ in $(seq 1 30); do
  if sinfo -h -o '%T' 2>/dev/null | grep -q -E '^(idle|mixed|allocated)'; then
    echo "SLURM_CONF=$dir/slurm.conf"
    exit 0
  fi
  sleep 1
done
echo "slurm-local.sh: the node did not come up; logs in $dir/log" >&2
tail -n 20 "$dir"/log/*.log >&2 || true
exit 1
