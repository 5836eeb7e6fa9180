#!/usr/bin/env bash
# Runs every libFuzzer target (fuzz/) for a set time and prints, per target, the executions, the
# corpus it grew and the crashes it found; exits non-zero when any target crashed, leaked or hung.
#   bench/fuzz.sh [SECONDS] [TARGET...]     default: 60 s each, every target
# The targets come from the asan preset's tree (cmake --preset asan && cmake --build --preset asan);
# this script builds them when they are missing. Seeds come from the sample project and the test
# data, written afresh into build/asan/fuzz-corpus/<target>/ beside what earlier runs grew. A
# crash leaves its input in build/asan/fuzz-crashes/<target>/: make it a regression test.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tree=$root/build/asan
seconds=${1:-60}
shift || true

if [[ ! -x $tree/fuzz/fuzz_project ]]; then
  (cd "$root" && cmake --preset asan >/dev/null && cmake --build --preset asan --target fuzzers)
fi
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
  mapfile -t targets < <(find "$tree/fuzz" -maxdepth 1 -type f -executable -name "fuzz_*" -printf "%f\n" | sort)
fi

python3 "$root/bench/fuzz-seeds.py" "$root" "$tree/fuzz-corpus"

# Leaks are real findings in a parser; Qt's process-lifetime allocations are suppressed.
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export LSAN_OPTIONS=suppressions=$root/tests/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1
export ASAN_SYMBOLIZER_PATH=/usr/bin/llvm-symbolizer-14
export QT_LOGGING_RULES='*=false'

# Per target: the template target runs QJSEngine, whose own heap makes every input look like a leak
# (tests/lsan.supp); the per-input leak scan would only slow it down a hundredfold.
declare -A extra=([fuzz_template]=-detect_leaks=0)

printf '%-20s %8s %12s %10s %8s %8s\n' target seconds executions exec/s corpus crashes
failed=0
for target in "${targets[@]}"; do
  corpus=$tree/fuzz-corpus/$target
  crashes=$tree/fuzz-crashes/$target
  rm -rf "$crashes"
  mkdir -p "$corpus" "$crashes"
  log=$tree/fuzz-crashes/$target.log
  status=0
  # -timeout: one input taking 10 s is a hang; -rss_limit_mb: one that takes 2 GB is a runaway
  "$tree/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=262144 \
    -artifact_prefix="$crashes/" -print_final_stats=1 ${extra[$target]:-} "$corpus" >"$log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  found=$(find "$crashes" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
  size=$(find "$corpus" -type f | wc -l)
  runs=${runs:-0}
  printf '%-20s %8s %12s %10s %8s %8s\n' "$target" "$seconds" "$runs" "$((runs / (seconds > 0 ? seconds : 1)))" "$size" "$found"
  if [[ $status -ne 0 || $found -ne 0 ]]; then
    failed=1
    echo "  $target failed (exit $status): see $log" >&2
    grep -m 5 -E 'ERROR|SUMMARY|Test unit written' "$log" >&2 || true
  fi
done
exit $failed
