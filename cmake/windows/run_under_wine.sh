#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The Windows build's emulator for ctest and test discovery: runs a program under Wine, and runs
# it again (twice at most) when Wine evidently did not start it. Under a parallel ctest, Wine now
# and then ends a program it could not start, with no output at all (a GoogleTest program failed
# in 0.03 s, printing nothing; a listing came back empty with status 0). Every program ctest runs
# here prints before it does anything (GoogleTest's filter note or its list of tests), so "no
# output and failed", or "no output while listing tests", means not started. A program that
# printed anything is never run again: a test's own failure is reported as it happened.
#   run_under_wine.sh <wine64> <program.exe> [arguments…]
set -uo pipefail
wine="$1"
shift
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
listing=false
for argument in "$@"; do
    [ "$argument" = --gtest_list_tests ] && listing=true
done
attempts=3
for ((attempt = 1; ; attempt++)); do
    "$wine" "$@" | tee "$out"
    status=${PIPESTATUS[0]}
    if [ -s "$out" ] || { [ "$status" -eq 0 ] && ! $listing; } || [ "$attempt" -ge "$attempts" ]; then
        exit "$status"
    fi
    echo "run_under_wine: ${1##*/} printed nothing and exited with $status: Wine did not start" \
        "it; running it again ($((attempt + 1)) of $attempts)" >&2
done
