#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# pack-deb.sh BUILD_DIR OUTPUT_DIR: packs an already built tree into a .deb with CPack
# (packaging/linux/CMakeLists.txt says what goes in; the prefix inside is /usr whatever the
# tree was configured with) and prints the package's path as its last line. CPack's own
# messages go to stderr. Shared by scripts/build-deb.sh and tests/packaging.
set -euo pipefail
build="$1"
output="$2"
mkdir -p "$output"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! cpack -G DEB --config "$build/CPackConfig.cmake" -B "$output" >"$log" 2>&1; then
    cat "$log" >&2
    echo "pack-deb: cpack failed in $build" >&2
    exit 1
fi
cat "$log" >&2
# "CPack: - package: /path/netmon_0.1.0_amd64.deb generated."
package="$(sed -n 's/^CPack: - package: \(.*\.deb\) generated\.$/\1/p' "$log" | tail -n 1)"
if [ -z "$package" ] || [ ! -f "$package" ]; then
    echo "pack-deb: cpack named no .deb it made" >&2
    exit 1
fi
echo "$package"
