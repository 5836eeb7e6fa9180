#!/usr/bin/env bash
# Measures JourneyBench's ViaCEP mock and its served sp-check pipe side by side with the loopback
# anchors of ../shared/bench/run-anchors.sh (nginx, Mockoon, json-server, a Node-RED flow doing the
# same pipe), in one run of that harness. Read the harness's header for what it measures.
#
#   bench/http-anchors.sh [path/to/journeybench-cli] [harness options, e.g. --reps 1 --duration 5]
#
# Use a release build (cmake --preset release && cmake --build --preset release --target
# journeybench-cli): the default is build/release/app/cli/journeybench-cli. The harness installs
# nginx, wrk and the npm peers it needs; its results go to its own results/ folder (or
# /tmp/bench-results), and this script prints the path of results.md at the end.
#
# - candidate mock: `journeybench-cli mock resources/sample --compact --erro-boolean --dataset D`,
#   where D holds the harness's own record (configs/body.json, ViaCEP's older ten-key shape) so that
#   every mock serves the same bytes; the harness's contract is one compact body and
#   `{"erro": true}`. ViaCEP's own default ("true" as a string, pretty-printed, the thirteen-key
#   records of resources/viacep-dataset.json) is what the mock serves without those options.
# - candidate pipe: `journeybench-cli serve resources/sample --no-mock` with the environment's
#   viacep.baseUrl pointed at the harness's nginx mock (MOCK_BASE_URL), the same mock the Node-RED
#   flow calls, so that both pipes do the same work.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
cli=$root/build/release/app/cli/journeybench-cli
if [[ $# -gt 0 && $1 != --* ]]; then
  cli=$(realpath "$1")
  shift
fi
harness=${JB_BENCH_HARNESS:-$root/../shared/bench/run-anchors.sh}
[[ -x $cli ]] || { echo "no journeybench-cli at $cli (build the release preset first)" >&2; exit 2; }
[[ -f $harness ]] || { echo "no harness at $harness (set JB_BENCH_HARNESS)" >&2; exit 2; }

# a copy of the sample: what serving writes (.journeybench/) stays out of the checkout
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sample=$work/sample
"$cli" sample "$sample" >/dev/null
dataset=$work/dataset.json
python3 - "$(dirname "$harness")/configs/body.json" "$dataset" <<'PY'
import json, sys
record = json.load(open(sys.argv[1]), object_pairs_hook=dict)
json.dump({"records": [record]}, open(sys.argv[2], "w"), ensure_ascii=False)
PY
mock_port=${JB_MOCK_PORT:-18290}
pipe_port=${JB_PIPE_PORT:-18291}

bash "$harness" \
  --mock-cmd "exec '$cli' mock '$sample' --port $mock_port --compact --erro-boolean --dataset '$dataset'" \
  --mock-url "http://127.0.0.1:$mock_port/ws/01001000/json/" \
  --pipe-cmd "exec '$cli' serve '$sample' --port $pipe_port --no-mock --set \"viacep.baseUrl=\$MOCK_BASE_URL\"" \
  --pipe-url "http://127.0.0.1:$pipe_port/consultaCEP/01001-000" \
  "$@"
