#!/usr/bin/env bash
# The README's two commands, for a fresh Debian 12 machine, as root or with sudo:
#   packaging/dev.sh run    install what is needed, build the dev preset, open the GUI on the sample
#   packaging/dev.sh test   install what is needed, build the dev preset, run every test (CTest),
#                           build the Debian package, then build the asan preset (clang, ASan and
#                           UBSan) and run every test again in it, and smoke-run each fuzz target;
#                           exits non-zero on any failure. JB_SANITIZE=0 leaves the sanitizer
#                           half out (a quick local run; CI always runs it).
# Only the package installation needs root. Started through sudo from a user's clone, the build and
# the GUI run as that user, so build/ stays theirs and the window opens on their display.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
build_dir=$root/build/dev

usage() {
  echo "usage: $0 run|test" >&2
  exit 2
}

# Each line says how long the run has taken so far (CI's time limit is the whole run's).
say() { printf 'journeybench [%02d:%02d]: %s\n' $((SECONDS / 60)) $((SECONDS % 60)) "$*"; }

# Suites that need real servers (PostgreSQL, FTP, SFTP, ...) start them here, on loopback only, and
# stop them in stop_test_services. CI runs on a machine that starts nothing for us.
start_test_services() {
  :
}

stop_test_services() {
  :
}

# True when this is root started through sudo by a user who owns the clone (and its build folder).
should_drop_to_sudo_user() {
  [[ $(id -u) -eq 0 && -n ${SUDO_USER:-} && ${SUDO_USER} != root ]] || return 1
  [[ $(stat -c %U "$root") == "$SUDO_USER" ]] || return 1
  [[ ! -e $root/build || $(stat -c %U "$root/build") == "$SUDO_USER" ]] || return 1
  [[ ! -e $build_dir || $(stat -c %U "$build_dir") == "$SUDO_USER" ]]
}

setup_ccache() {
  if [[ -z ${CCACHE_DIR:-} ]]; then
    if [[ $(id -u) -eq 0 ]]; then
      CCACHE_DIR=/var/cache/journeybench-ccache
    else
      CCACHE_DIR=${XDG_CACHE_HOME:-$HOME/.cache}/ccache
    fi
  fi
  export CCACHE_DIR
  # clones in different folders (a developer's, CI's) share the cache: paths are made relative
  export CCACHE_BASEDIR=$root CCACHE_NOHASHDIR=true
  mkdir -p "$CCACHE_DIR"
}

# CI builds both trees from an empty cache: a unity build (16 sources of a library compiled as one)
# parses Qt's headers once per batch instead of once per file, and takes about half the time.
# Developers build file by file, so that a change recompiles one file.
ci_unity=()
[[ ${CI:-} == true ]] && ci_unity=(-DCMAKE_UNITY_BUILD=ON -DCMAKE_UNITY_BUILD_BATCH_SIZE=16)

build() {
  cd "$root"
  local extra=()
  # CI builds everything from an empty cache and never opens a debugger: without debug information
  # the build is about a quarter faster (compiling and, above all, linking the ~100 executables)
  [[ ${CI:-} == true ]] && extra=(-DCMAKE_CXX_FLAGS_DEBUG=-O0 "${ci_unity[@]}")
  say "configuring (cmake --preset dev ${extra[*]})"
  cmake --preset dev "${extra[@]}"
  say "building (cmake --build --preset dev)"
  cmake --build --preset dev
}

has_display() {
  [[ ${CI:-} != true ]] && [[ -n ${DISPLAY:-} || -n ${WAYLAND_DISPLAY:-} ]]
}

run_gui() {
  if ! has_display; then
    if [[ ${CI:-} == true ]]; then
      say "CI=true: not opening a window." >&2
    else
      say "no display: DISPLAY and WAYLAND_DISPLAY are both empty, so the GUI cannot open." >&2
    fi
    say "the build is ready; from a graphical session, start it with:" >&2
    say "  $build_dir/app/gui/journeybench --sample" >&2
    say "or run the tests without a display: $0 test" >&2
    exit 1
  fi
  say "opening the sample project"
  exec "$build_dir/app/gui/journeybench" --sample
}

# The sample's own test suites, as a user runs them: every case passes, or the run fails. On a copy,
# so that the run's evidence (evidence/tests/) leaves no untracked file in the checkout.
run_sample_pipe_tests() {
  say "running the sample's pipe tests (journeybench-cli test resources/sample)"
  local copy status=0
  copy=$(mktemp -d)/sample
  "$build_dir/app/cli/journeybench-cli" sample "$copy" >/dev/null
  "$build_dir/app/cli/journeybench-cli" test "$copy" --junit "$build_dir/sample-pipe-tests.xml" || status=$?
  rm -rf "$(dirname "$copy")"
  [[ $status -eq 0 ]] || { say "the sample's pipe tests failed (exit $status)"; return "$status"; }
}

# The same suites in the sanitizer build (docs/reliability.md): a lifetime or undefined-behaviour
# defect the dev build hides fails here. Then each libFuzzer target for a short time, so none rots.
run_sanitizer_suites() {
  cd "$root"
  say "configuring and building the asan preset (clang: ASan, UBSan, the fuzz targets)"
  cmake --preset asan "${ci_unity[@]}"
  cmake --build --preset asan
  say "running the tests in the sanitizer build (ctest --preset asan)"
  ctest --preset asan --output-on-failure -j2
  say "smoke-running the fuzz targets (bench/fuzz.sh ${JB_FUZZ_SECONDS:-20})"
  bash "$root/bench/fuzz.sh" "${JB_FUZZ_SECONDS:-20}"
}

# No test, script or example may leave files in the checkout's sources (the sample above all: its
# evidence/ and .journeybench/ belong to a copy). Untracked files there fail the run, named.
check_checkout_clean() {
  git -C "$root" rev-parse --is-inside-work-tree >/dev/null 2>&1 || return 0
  local left
  left=$(git -C "$root" ls-files --others --exclude-standard -- resources docs bench tests)
  [[ -z $left ]] || { say "the run left untracked files in the checkout:"; echo "$left" >&2; return 1; }
}

run_tests() {
  cd "$root"
  start_test_services
  trap stop_test_services EXIT
  say "running the tests (ctest --preset dev)"
  ctest --preset dev --output-on-failure -j2
  run_sample_pipe_tests
  say "building the Debian package (cpack -G DEB)"
  (cd "$build_dir" && cpack -G DEB)
  say "package: $(ls -1 "$build_dir"/journeybench_*.deb)"
  if [[ ${JB_SANITIZE:-1} != 0 || ${CI:-} == true ]]; then
    run_sanitizer_suites
  fi
  check_checkout_clean
}

main() {
  [[ $# -eq 1 ]] || usage
  local mode=$1
  [[ $mode == run || $mode == test ]] || usage

  if [[ ${JB_DEPS_DONE:-} != 1 ]]; then
    bash "$here/deps.sh"
    if should_drop_to_sudo_user; then
      say "packages are in place; building as $SUDO_USER"
      # The user's own runtime folder (sudo passes root's, or none); DISPLAY and XAUTHORITY pass through.
      local -a user_env=(-u XDG_RUNTIME_DIR JB_DEPS_DONE=1)
      local runtime_dir
      runtime_dir=/run/user/$(id -u "$SUDO_USER")
      [[ ! -d $runtime_dir ]] || user_env+=(XDG_RUNTIME_DIR="$runtime_dir")
      exec runuser -u "$SUDO_USER" -- env "${user_env[@]}" bash "$here/dev.sh" "$mode"
    fi
  fi

  setup_ccache
  build
  case $mode in
    run) run_gui ;;
    test) run_tests ;;
  esac
}

main "$@"
