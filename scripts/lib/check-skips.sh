#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# check-skips.sh JUNIT ALLOWED: fails when ctest's JUnit report (ctest --output-junit) holds a
# test that did not run (skipped, or not run at all) and is not on the ALLOWED list
# (tests/allowed-skips.txt: "<regex for the whole test name> # <why>"). On CI a skip hides a
# failure: a test that cannot run there must fail, unless the platform cannot avoid it.
# Prints every skip with its reason either way.
set -euo pipefail
junit="$1"
allowed="$2"
[ -s "$junit" ] || { echo "check-skips: no test report at $junit" >&2; exit 1; }

patterns=()
while IFS= read -r line; do
    line="${line%%#*}"
    line="$(echo "$line" | sed -E 's/[[:space:]]+$//; s/^[[:space:]]+//')"
    [ -n "$line" ] && patterns+=("$line")
done <"$allowed"

allowed_here() {
    local name="$1" pattern
    for pattern in "${patterns[@]}"; do
        if [[ "$name" =~ ^(${pattern})$ ]]; then
            return 0
        fi
    done
    return 1
}

# One test per line: name, then the first line of its output that says why it skipped.
# JUnit from ctest puts each <testcase …> on its own line, with status="run|fail|notrun|disabled".
report="$(awk '
    function unescape(text) {
        gsub(/&quot;/, "\"", text); gsub(/&apos;/, "\047", text); gsub(/&lt;/, "<", text)
        gsub(/&gt;/, ">", text); gsub(/&amp;/, "\\&", text); gsub(/^[ \t]+|[ \t]+$/, "", text)
        return text
    }
    /<testcase / {
        name = $0; sub(/.*<testcase name="/, "", name); sub(/".*/, "", name)
        status = $0; sub(/.*status="/, "", status); sub(/".*/, "", status)
        pending = (status != "run" && status != "fail") ? name : ""
        reason = ""; fallback = ""; after_skipped = 0
        next
    }
    pending == "" { next }
    # GoogleTest prints "<file>:<line>: Skipped" and then the reason on the next line.
    after_skipped && reason == "" { reason = unescape($0); after_skipped = 0 }
    /: Skipped$/ { after_skipped = 1 }
    fallback == "" && /<skipped message=|SKIPPED|skipped/ { fallback = unescape($0) }
    /<\/testcase>/ {
        print pending "\t" (reason != "" ? reason : fallback)
        pending = ""
    }
' "$junit")"

failed=0
while IFS=$'\t' read -r name reason; do
    [ -n "$name" ] || continue
    if allowed_here "$name"; then
        echo "check-skips: allowed skip: $name — $reason"
    else
        echo "check-skips: NOT ALLOWED on CI: $name did not run — $reason" >&2
        failed=1
    fi
done <<<"$report"
if [ "$failed" -ne 0 ]; then
    echo "check-skips: tests skipped on CI; make them run here, or (only when the platform" \
         "cannot avoid it) add them with the reason to $allowed" >&2
    exit 1
fi
