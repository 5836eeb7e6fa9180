#!/usr/bin/env bash
# Builds the Debian package with CPack into a temporary folder, checks its control fields and
# contents, unpacks it and runs the packaged command-line tool on the packaged sample project, with a
# command of its own and one of the module it loads.
#   check-deb.sh BUILD_DIR VERSION MODULE (the commands module's path below the prefix)
set -euo pipefail
build_dir=$1
version=$2
module=$3
app_id=io.journeybench.JourneyBench
# Loaded at run time (by Qt; libcurl by the file-server probes), so dpkg-shlibdeps cannot see them:
# the package must name them itself.
runtime_depends=(qt6-qpa-plugins libqt6sql6-sqlite libqt6sql6-psql libqt6svg6 fonts-dejavu-core libcurl4)

fail() { echo "FAIL: $*" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! cpack -G DEB --config "$build_dir/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1; then
  cat "$work/cpack.log" >&2
  fail "cpack -G DEB failed"
fi
shopt -s nullglob
debs=("$work"/out/journeybench_*.deb)
[ ${#debs[@]} -eq 1 ] || fail "expected one journeybench_*.deb, found ${#debs[@]}"
deb=${debs[0]}
echo "built $(basename "$deb")"
dpkg-deb -I "$deb" control

field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = journeybench ] || fail "Package is '$(field Package)'"
[ "$(field Section)" = devel ] || fail "Section is '$(field Section)'"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', expected $version"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
[ -n "$(field Description)" ] || fail "no Description"

# One dependency per line, without version constraints or alternatives' spacing.
depends=$(field Depends | tr ',' '\n' | sed -E 's/^ +//; s/ *\(.*\)//')
for p in "${runtime_depends[@]}"; do
  grep -qx "$p" <<<"$depends" || fail "Depends lacks $p: $(field Depends)"
done
# dpkg-shlibdeps ran: the Qt libraries the executables link are there with versions.
grep -qx 'libqt6core6' <<<"$depends" || fail "Depends lacks libqt6core6, so shlibdeps did not run: $(field Depends)"

root=$work/root
dpkg-deb -x "$deb" "$root"
for f in \
  usr/bin/journeybench \
  usr/bin/journeybench-cli \
  "usr/share/applications/$app_id.desktop" \
  "usr/share/metainfo/$app_id.metainfo.xml" \
  "usr/share/icons/hicolor/scalable/apps/$app_id.svg" \
  usr/share/mime/packages/journeybench.xml \
  usr/share/doc/journeybench/copyright \
  usr/share/journeybench/sample/journey.json \
  "usr/$module"; do
  [ -f "$root/$f" ] || fail "the package lacks /$f"
done
for exe in journeybench journeybench-cli; do
  [ -x "$root/usr/bin/$exe" ] || fail "/usr/bin/$exe is not executable"
done
[ ! -e "$root/usr/local" ] || fail "the package installs under /usr/local"

# The unpacked executables use the system's Qt: no library path is needed.
cli=$root/usr/bin/journeybench-cli
out=$("$cli" --version) || fail "journeybench-cli --version exited non-zero"
echo "journeybench-cli --version: $out"
grep -qF "$version" <<<"$out" || fail "--version does not print $version"
"$cli" validate "$root/usr/share/journeybench/sample" || fail "the packaged sample does not validate"
# export is in the module, which the executable finds relative to its own folder
"$cli" export "$root/usr/share/journeybench/sample" --artifact vpn --format md --out "$work/export" ||
  fail "journeybench-cli export (through /usr/$module) failed"
[ -s "$work/export/vpn.md" ] || fail "journeybench-cli export wrote no vpn.md"
echo "PASS: $(basename "$deb")"
