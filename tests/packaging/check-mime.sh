#!/usr/bin/env bash
# The shared-mime-info XML is well formed, compiles, and maps journey.json to the project type.
#   check-mime.sh journeybench-mime.xml
set -euo pipefail
xml=$1

fail() { echo "FAIL: $*" >&2; exit 1; }

xmllint --noout "$xml" || fail "$xml is not well-formed XML"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/mime/packages"
cp "$xml" "$work/mime/packages/journeybench.xml"
# update-mime-database rejects unknown elements and attributes; its note about the search path is noise.
update-mime-database "$work/mime" >"$work/log" 2>&1 || { cat "$work/log" >&2; fail "update-mime-database failed"; }
grep -Eq '^[0-9]+:application/x-journeybench-project:journey\.json(:|$)' "$work/mime/globs2" ||
  fail "journey.json is not mapped to application/x-journeybench-project"
weight=$(grep 'application/x-journeybench-project:journey\.json' "$work/mime/globs2" | head -n1 | cut -d: -f1)
[ "$weight" -gt 50 ] || fail "the journey.json glob has weight $weight; it must beat application/json's *.json (50)"
grep -qx 'application/x-journeybench-project' "$work/mime/types" || fail "the type is not registered"
echo "PASS: $xml"
