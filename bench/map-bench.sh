#!/usr/bin/env bash
# Maps 1,000,000 customer records, JSON Lines in and JSON Lines out (trim, upper, lower, Brazilian
# phone to E.164, concatenate), with journeybench-cli map and with jq doing the same mapping in one
# run, 3 repetitions each, and prints a Markdown table of the medians. The input is generated
# deterministically (awk, fixed seed) and every phone in it is valid, so both tools map every line
# and their outputs can be compared byte for byte, which the script does.
#
#   bench/map-bench.sh [path/to/journeybench-cli]      (N=... REPS=... JOBS=... to change the run)
#
# Build the CLI in release first, e.g.:
#   cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release && ninja -C build/release journeybench-cli
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cli="${1:-${JOURNEYBENCH_CLI:-$here/../build/release/app/cli/journeybench-cli}}"
n="${N:-1000000}"
reps="${REPS:-3}"
jobs="${JOBS:-}"
command -v jq >/dev/null || { echo "map-bench: jq is not installed (packaging/deps.sh installs it)" >&2; exit 2; }
[ -x "$cli" ] || { echo "map-bench: no journeybench-cli at $cli" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A minimal project: the provider's row, the consumer's customer, and the mapping between them.
mkdir -p "$work/project/contracts" "$work/project/mappings"
cat >"$work/project/journey.json" <<'JSON'
{"schemaVersion": 1, "name": "map bench"}
JSON
cat >"$work/project/contracts/bench-row.json" <<'JSON'
{"id": "bench-row", "name": "Bench row", "format": "json", "fields": [
  {"name": "customerid", "type": "integer", "required": true},
  {"name": "customername", "type": "string", "required": true},
  {"name": "customerstreet", "type": "string"},
  {"name": "customercity", "type": "string"},
  {"name": "customerphone", "type": "string"},
  {"name": "customeremail", "type": "string"}]}
JSON
cat >"$work/project/contracts/bench-customer.json" <<'JSON'
{"id": "bench-customer", "name": "Bench customer", "format": "json", "fields": [
  {"name": "id", "type": "string", "required": true, "format": "^[0-9]+$"},
  {"name": "name", "type": "string", "required": true, "maxLength": 100},
  {"name": "address", "type": "string", "maxLength": 200},
  {"name": "phone", "type": "string", "required": true, "format": "^\\+[1-9][0-9]{7,14}$"},
  {"name": "email", "type": "string", "required": true, "maxLength": 254}]}
JSON
cat >"$work/project/mappings/bench.json" <<'JSON'
{"id": "bench", "name": "Bench", "sourceContract": "bench-row", "targetContract": "bench-customer", "rules": [
  {"target": "id", "source": "customerid", "transforms": ["digits"]},
  {"target": "name", "source": "customername", "transforms": ["trim", "upper"]},
  {"target": "address", "source": "customerstreet",
   "transforms": ["trim", {"op": "concat", "fields": ["customercity"], "separator": " - "}]},
  {"target": "phone", "source": "customerphone", "transforms": ["phone-br"]},
  {"target": "email", "source": "customeremail", "transforms": ["trim", "lower"]}]}
JSON

# The same mapping in jq: regex-free where jq allows it (its gsub is the slow part of jq).
cat >"$work/map.jq" <<'JQ'
def trimws: sub("^\\s+"; "") | sub("\\s+$"; "");
def digits: explode | map(select(. >= 48 and . <= 57)) | implode;
def e164: digits
  | if length == 10 or length == 11 then "+55" + .
    elif (length == 12 or length == 13) and startswith("55") then "+" + .
    else error("phone: not a Brazilian phone number") end;
{id: (.customerid | tostring), name: (.customername | trimws | ascii_upcase),
 address: ((.customerstreet | trimws) + " - " + .customercity),
 phone: (.customerphone | e164), email: (.customeremail | trimws | ascii_downcase)}
JQ

# The input: n records, deterministic, valid, with the spaces and mixed case the transforms fix.
awk -v n="$n" 'BEGIN {
  srand(20261120);
  split("maria aparecida da silva|joao pedro oliveira|ana beatriz souza|carlos eduardo lima|fernanda rodrigues|rafael costa pereira|juliana almeida|marcos vinicius santos", names, "|");
  split("Rua Augusta|Avenida Paulista|Rua da Bahia|Avenida Atlantica|Rua XV de Novembro|Rua dos Andradas", streets, "|");
  split("Sao Paulo|Campinas|Rio de Janeiro|Belo Horizonte|Curitiba|Porto Alegre|Recife|Salvador", cities, "|");
  split("11 12 19 21 27 31 41 47 51 61 71 81 85 91", ddds, " ");
  for (i = 1; i <= n; i++) {
    name = names[int(rand() * 8) + 1]; street = streets[int(rand() * 6) + 1]; city = cities[int(rand() * 8) + 1];
    ddd = ddds[int(rand() * 14) + 1];
    if (rand() < 0.7) phone = sprintf("(%s) 9%04d-%04d", ddd, int(rand() * 10000), int(rand() * 10000));
    else phone = sprintf("+55 %s %d%03d-%04d", ddd, 2 + int(rand() * 4), int(rand() * 1000), int(rand() * 10000));
    printf "{\"customerid\":%d,\"customername\":\"  %s \",\"customerstreet\":\" %s, %d\",\"customercity\":\"%s\",\"customerphone\":\"%s\",\"customeremail\":\" User%d@Example.COM\"}\n", \
      100000 + i, (rand() < 0.5 ? toupper(name) : name), street, int(rand() * 3000), city, phone, i
  }
}' >"$work/in.jsonl"

seconds() { date +%s.%N; }
median() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

jb_times=()
jq_times=()
for ((rep = 1; rep <= reps; rep++)); do
  start=$(seconds)
  "$cli" map "$work/project" bench --input "$work/in.jsonl" --out "$work/jb.jsonl" ${jobs:+--jobs "$jobs"} 2>"$work/jb.err" \
    || { cat "$work/jb.err" >&2; exit 1; }
  jb_times+=("$(awk -v a="$(seconds)" -v b="$start" 'BEGIN { printf "%.3f", a - b }')")
  start=$(seconds)
  jq -c -f "$work/map.jq" "$work/in.jsonl" >"$work/jq.jsonl"
  jq_times+=("$(awk -v a="$(seconds)" -v b="$start" 'BEGIN { printf "%.3f", a - b }')")
done

if ! cmp -s "$work/jb.jsonl" "$work/jq.jsonl"; then
  echo "map-bench: the two outputs differ:" >&2
  diff <(head -1000 "$work/jb.jsonl") <(head -1000 "$work/jq.jsonl") | head -10 >&2
  exit 1
fi

jb_median=$(printf '%s\n' "${jb_times[@]}" | median)
jq_median=$(printf '%s\n' "${jq_times[@]}" | median)
rate() { awk -v n="$n" -v s="$1" 'BEGIN { printf "%.0f", n / s }'; }
jb_rate=$(rate "$jb_median")
jq_rate=$(rate "$jq_median")
speedup=$(awk -v a="$jq_median" -v b="$jb_median" 'BEGIN { printf "%.1f", a / b }')

echo "Mapping $n customer records (JSON Lines in and out; trim, upper, lower, phone to E.164, concatenate),"
echo "median of $reps runs, $(nproc) cores, $(jq --version), outputs identical:"
echo
echo "| tool | median (s) | records/s | vs jq |"
echo "|---|---:|---:|---:|"
printf '| journeybench-cli map (%s) | %.2f | %s | %s× |\n' "${jobs:+--jobs $jobs}${jobs:-all cores}" "$jb_median" "$jb_rate" "$speedup"
printf '| jq -c | %.2f | %s | 1.0× |\n' "$jq_median" "$jq_rate"
echo
echo "runs (s): journeybench ${jb_times[*]}; jq ${jq_times[*]}"
