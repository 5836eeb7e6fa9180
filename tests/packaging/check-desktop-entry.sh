#!/usr/bin/env bash
# The desktop entry validates, starts the GUI and opens project manifests.
#   check-desktop-entry.sh FILE.desktop
set -euo pipefail
entry=$1

fail() { echo "FAIL: $*" >&2; exit 1; }

desktop-file-validate "$entry" || fail "desktop-file-validate reports errors in $entry"
grep -qx 'Exec=journeybench %f' "$entry" || fail "Exec must start journeybench with the file to open"
grep -q '^MimeType=.*application/x-journeybench-project;' "$entry" || fail "MimeType lacks the project type"
grep -qx "Icon=$(basename "$entry" .desktop)" "$entry" || fail "Icon must be the application id"
echo "PASS: $entry"
