#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the Debian package of Network Monitor: netmon, netmon-gui, the service netmond and
# its systemd unit, the desktop entry and icon. Installs what building needs (setup-deps.sh),
# builds in its own folder (build-deb/, or $NETMON_DEB_BUILD_DIR) for the prefix /usr, packs it
# with CPack and prints the .deb's path as its last line:
#   sudo apt install "$(./scripts/build-deb.sh | tail -n 1)"
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${NETMON_DEB_BUILD_DIR:-$root/build-deb}"

"$root/scripts/setup-deps.sh" >&2
# The package ships every part: NETMON_REQUIRE_PACKAGED fails instead of leaving the GUI or a
# deep-mode engine out. Tests and benchmarks are not built here (scripts/test.sh does).
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_INSTALL_PREFIX=/usr -DNETMON_REQUIRE_PACKAGED=ON \
    -DNETMON_BUILD_TESTS=OFF -DNETMON_BUILD_BENCH=OFF >&2
cmake --build "$build" >&2
"$root/scripts/lib/pack-deb.sh" "$build" "$build/package"
