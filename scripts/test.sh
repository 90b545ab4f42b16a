#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds everything (with -Werror when CI=true), and runs every test.
# Integration tests need root for network namespaces; without it they skip and say why — except
# with CI=true, where a skipped test is a failure (scripts/lib/check-skips.sh).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${NETMON_BUILD_DIR:-$root/build}"
werror=OFF
if [ "${CI:-}" = "true" ]; then
    werror=ON
fi

"$root/scripts/setup-deps.sh"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNETMON_WERROR="$werror" \
    -DNETMON_REQUIRE_PACKAGED=ON
cmake --build "$build"
# --no-tests=error: a build that made no tests fails. With CI=true a skipped test fails too,
# unless tests/allowed-skips.txt names it with the reason the platform cannot avoid it.
ctest --test-dir "$build" --output-on-failure --timeout 300 -j "$(nproc)" --no-tests=error \
    --output-junit "$build/test-report.xml"
if [ "${CI:-}" = "true" ]; then
    "$root/scripts/lib/check-skips.sh" "$build/test-report.xml" "$root/tests/allowed-skips.txt"
fi

# The Windows leg: core, the CLI and their tests cross-built with MinGW-w64 into build-windows/,
# run through Wine by ctest, and the NSIS installer installed, run and uninstalled under Wine
# (scripts/build-windows.sh; it installs what it needs). NETMON_SKIP_WINDOWS=1 leaves it out.
if [ -z "${NETMON_SKIP_WINDOWS:-}" ]; then
    "$root/scripts/build-windows.sh"
fi
