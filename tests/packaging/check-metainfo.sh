#!/usr/bin/env bash
# The AppStream metainfo validates (offline) and launches the desktop entry shipped beside it.
#   check-metainfo.sh FILE.metainfo.xml FILE.desktop
set -euo pipefail
metainfo=$1
entry=$2

fail() { echo "FAIL: $*" >&2; exit 1; }

appstreamcli validate --no-net "$metainfo" || fail "appstreamcli reports problems in $metainfo"
id=$(xmllint --xpath 'string(/component/id)' "$metainfo")
launchable=$(xmllint --xpath 'string(/component/launchable[@type="desktop-id"])' "$metainfo")
[ "$id" = "$(basename "$entry" .desktop)" ] || fail "component id '$id' differs from the desktop entry's name"
[ "$launchable" = "$(basename "$entry")" ] || fail "launchable '$launchable' is not $(basename "$entry")"
license=$(xmllint --xpath 'string(/component/project_license)' "$metainfo")
[ "$license" = GPL-3.0-or-later ] || fail "project_license is '$license'"
echo "PASS: $metainfo"
