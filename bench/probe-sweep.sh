#!/usr/bin/env bash
# Benchmark: a sweep of 1,000 TCP probes on loopback (500 open ports, 500 closed) with
# `journeybench-cli check --concurrency 64`, side by side with `nmap -sT -p <the same ports> 127.0.0.1`,
# each run 3 times (RUNS=N to change) in the same session (alternating), for the probes recorded as
# 1,000 probe files and as one server with 1,000 ports; medians and ratios printed as a Markdown table.
#
#   bench/probe-sweep.sh [path/to/journeybench-cli]     (default: build/dev/app/cli/journeybench-cli)
#
# A small Python helper opens the 500 listeners (and accepts and closes whatever connects); the 500
# closed ports are ports it bound once and released. Needs python3 and nmap (packaging/deps.sh).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
cli=${1:-$root/build/dev/app/cli/journeybench-cli}
runs=${RUNS:-3}
open_count=500
closed_count=500
concurrency=64

[[ -x $cli ]] || { echo "probe-sweep: no journeybench-cli at $cli (build it, or pass its path)" >&2; exit 2; }
command -v nmap >/dev/null || { echo "probe-sweep: nmap is not installed (packaging/deps.sh installs it)" >&2; exit 2; }

work=$(mktemp -d)
helper_pid=
cleanup() {
  [[ -z $helper_pid ]] || kill "$helper_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

: >"$work/ports"
# The listeners: print "open p1 p2 ..." and "closed q1 q2 ..." once bound, then serve until killed.
python3 - "$open_count" "$closed_count" >"$work/ports" <<'PY' &
import selectors, socket, sys
opened, closed = int(sys.argv[1]), int(sys.argv[2])
sel = selectors.DefaultSelector()
listeners = []
for _ in range(opened):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(128)
    s.setblocking(False)
    sel.register(s, selectors.EVENT_READ)
    listeners.append(s)
spare = []
for _ in range(closed):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    spare.append(s)
closed_ports = [s.getsockname()[1] for s in spare]
for s in spare:
    s.close()  # nothing listens there any more: connecting is refused
print("open", *[s.getsockname()[1] for s in listeners])
print("closed", *closed_ports, flush=True)
while True:
    for key, _ in sel.select():
        try:
            conn, _ = key.fileobj.accept()
            conn.close()
        except BlockingIOError:
            pass
PY
helper_pid=$!
for ((i = 0; i < 100; i++)); do
  [[ $(wc -l <"$work/ports") -ge 2 ]] && break
  sleep 0.1
done
[[ $(wc -l <"$work/ports") -ge 2 ]] || { echo "probe-sweep: the listener helper did not start" >&2; exit 1; }
read -r -a open_ports < <(grep '^open' "$work/ports")
read -r -a closed_ports < <(grep '^closed' "$work/ports")
open_ports=("${open_ports[@]:1}")
closed_ports=("${closed_ports[@]:1}")
all_ports=("${open_ports[@]}" "${closed_ports[@]}")
port_list=$(IFS=,; echo "${all_ports[*]}")

# The same 1,000 TCP probes recorded two ways an integration owner records them, each a project of
# its own with environment "bench":
# - files: 1,000 user probes, one file each under probes/;
# - server: one server under servers/ (ip 127.0.0.1) with the 1,000 ports, from which the planner
#   generates the probes, as it does from any inventory.
make_project() { # folder
  mkdir -p "$1/environments"
  printf '{\n  "schemaVersion": 1,\n  "name": "probe sweep"\n}\n' >"$1/journey.json"
  printf '{\n  "id": "bench",\n  "name": "Bench"\n}\n' >"$1/environments/bench.json"
}
make_project "$work/files"
mkdir -p "$work/files/probes"
for port in "${all_ports[@]}"; do
  printf '{\n  "id": "tcp-%s",\n  "name": "port %s",\n  "type": "tcp",\n  "phase": 2,\n  "environment": "bench",\n  "host": "127.0.0.1",\n  "port": %s\n}\n' \
    "$port" "$port" "$port" >"$work/files/probes/tcp-$port.json"
done
make_project "$work/server"
mkdir -p "$work/server/servers"
python3 - "$work/server/servers/sweep.json" "${all_ports[@]}" <<'PY'
import json, sys
ports = [{"port": int(p), "protocol": "tcp", "purpose": "sweep"} for p in sys.argv[2:]]
server = {"id": "sweep", "name": "Sweep target", "ip": "127.0.0.1", "environment": "bench", "ports": ports}
json.dump(server, open(sys.argv[1], "w"), indent=2)
PY

# bash's own clock, read without a fork: a `date` on each side of a run cost both tools some 15 ms
# that was no part of either, and drew their ratio towards 1
now_us() { now=${EPOCHREALTIME/[.,]/}; }
median() { printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"; }

echo "| date | machine | inventory | journeybench-cli check, whole process (ms) | of which the probe run (ms) | nmap -sT (ms) | nmap / process | nmap / probe run |"
echo "|---|---|---|---|---|---|---|---|"
for shape in files server; do
  project=$work/$shape
  ours=()
  ours_inner=()
  theirs=()
  for ((run = 1; run <= runs; run++)); do
    now_us
    start=$now
    set +e
    "$cli" check "$project" --env bench --concurrency "$concurrency" --no-evidence --json >"$work/ours.json" 2>"$work/ours.err"
    code=$?
    set -e
    now_us
    end=$now
    # exit 1 is expected: half the ports are closed, so half the probes fail
    [[ $code -eq 1 ]] || { echo "probe-sweep: journeybench-cli exited $code: $(cat "$work/ours.err")" >&2; exit 1; }
    read -r passed failed inner < <(python3 -c '
import json, sys
from datetime import datetime
run = json.load(open(sys.argv[1]))
s = run["summary"]
t = lambda k: datetime.fromisoformat(run[k].replace("Z", "+00:00"))
print(s["pass"], s["fail"], int((t("finishedAt") - t("startedAt")).total_seconds() * 1000))' "$work/ours.json")
    [[ $passed -eq $open_count && $failed -eq $closed_count ]] ||
      { echo "probe-sweep: journeybench-cli found $passed open and $failed closed, expected $open_count and $closed_count" >&2; exit 1; }
    ours+=($(((end - start) / 1000)))
    ours_inner+=("$inner")

    now_us
    start=$now
    nmap -sT -p "$port_list" 127.0.0.1 >"$work/nmap.txt" 2>&1
    now_us
    end=$now
    found=$(grep -c '/tcp  *open' "$work/nmap.txt" || true)
    [[ $found -eq $open_count ]] || { echo "probe-sweep: nmap found $found open ports, expected $open_count" >&2; exit 1; }
    theirs+=($(((end - start) / 1000)))
  done
  m_ours=$(median "${ours[@]}")
  m_inner=$(median "${ours_inner[@]}")
  m_theirs=$(median "${theirs[@]}")
  ratio=$(python3 -c "print(f'{$m_theirs / $m_ours:.2f}')")
  ratio_inner=$(python3 -c "print(f'{$m_theirs / max($m_inner, 1):.2f}')")
  what=$([[ $shape == files ]] && echo "1,000 probe files" || echo "1 server, 1,000 ports")
  echo "| $(date -u +%Y-%m-%d) | $(nproc) CPUs, $(uname -r) | $what | $m_ours (runs: ${ours[*]}) | $m_inner (runs: ${ours_inner[*]}) | $m_theirs (runs: ${theirs[*]}) | $ratio | $ratio_inner |"
done
