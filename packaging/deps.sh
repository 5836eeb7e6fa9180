#!/usr/bin/env bash
# Installs every Debian 12 package JourneyBench needs to build, run, test and package itself.
# Idempotent: when everything is already installed it returns at once without touching apt.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git clang-format
  # the linker (CMakeLists.txt uses it when present): links the executables several times faster
  mold
  # the sanitizer build and the fuzz targets (the asan preset): clang with its sanitizer runtimes,
  # libFuzzer, and llvm-symbolizer for readable reports
  clang-14 libclang-rt-14-dev libfuzzer-14-dev llvm-14
  # Qt 6.4 (qt6-httpserver-dev needs qt6-websockets-dev named explicitly)
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-charts-dev qt6-httpserver-dev qt6-websockets-dev qt6-svg-dev qt6-declarative-dev
  qt6-qpa-plugins libqt6sql6-sqlite libqt6sql6-psql libgl-dev libxkbcommon-dev
  # libraries
  libcurl4-openssl-dev libvalijson-dev libyaml-cpp-dev libxlsxwriter-dev qtkeychain-qt6-dev
  # run time: fonts (PDF text under offscreen needs them), SVG icon loading, libcurl (opened by the
  # FTP/FTPS/SFTP probes on first use; the -dev package above gives its header)
  fonts-dejavu-core libqt6svg6 libcurl4
  # tests: real servers, screenshots, document checks, packaging checks
  postgresql vsftpd openssh-server openssl iproute2 xvfb xauth imagemagick poppler-utils
  libxml2-utils unzip desktop-file-utils appstream dpkg-dev file python3
  # the documentation: README and docs/ rendered to HTML for the package and Help > Documentation
  cmark-gfm
  # probes: sqlite3 rebuilds the sample's customers.sqlite; nmap is the benchmark's peer
  sqlite3 nmap
  # mapping: jq is the De-Para benchmark's peer
  jq
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "journeybench: installing ${#missing[@]} packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
