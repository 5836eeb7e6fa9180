#!/usr/bin/env bash
# The application icon is a well-formed, square SVG.
#   check-icon.sh ICON.svg
set -euo pipefail
svg=$1

fail() { echo "FAIL: $*" >&2; exit 1; }

xmllint --noout "$svg" || fail "$svg is not well-formed XML"
viewbox=$(xmllint --xpath 'string(/*[local-name()="svg"]/@viewBox)' "$svg")
read -r _ _ width height <<<"$viewbox"
[[ -n ${width:-} && $width == "${height:-}" ]] || fail "viewBox '$viewbox' is not square"
echo "PASS: $svg"
