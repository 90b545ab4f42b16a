#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian/Ubuntu packages that building and testing Network Monitor need.
# Idempotent: installs only what is missing, and does nothing (not even apt-get update) when all
# is present. Uses sudo when not run as root.
set -euo pipefail

packages=(
    # toolchain
    build-essential cmake ninja-build pkg-config git
    # libraries, all from Debian. The one vendored library is SQLite's amalgamation in
    # third_party/sqlite, for the Windows cross build only (Debian has no MinGW build of it);
    # the Linux build links libsqlite3 from here.
    libsqlite3-dev nlohmann-json3-dev libcli11-dev libexpected-dev
    # tests and benchmarks
    libgtest-dev libgmock-dev libbenchmark-dev
    # integration tests: network namespaces and veth pairs; sysctl
    iproute2 procps
    # deep mode's libpcap engine; ping for its integration test; clang for the packet
    # parser's fuzz test (bench/fuzz_parser.sh; libFuzzer itself is optional, below)
    libpcap-dev iputils-ping clang
    # deep mode's eBPF engine: kernel programs built with clang/LLVM, skeletons by bpftool
    bpftool libbpf-dev llvm
    # the desktop app (netmon-gui): Qt 6 Widgets (qtbase) only; its charts are painted with
    # QPainter and its icons are PNGs (scripts/render-icons.sh renders them from the SVGs)
    qt6-base-dev qt6-qpa-plugins
    # GUI tests and screenshots: offscreen Qt needs fonts; Xvfb runs the real app headless
    fonts-dejavu-core xvfb xauth
    # the .deb (scripts/build-deb.sh, tests/packaging): dpkg-shlibdeps for its dependencies,
    # lintian, desktop-file-validate, systemd-analyze for the unit, adduser for its postinst,
    # strace for the system calls netmond makes against the unit's filter
    dpkg-dev lintian desktop-file-utils systemd adduser strace
)

# Installed where the distribution has them; what needs them skips and says why otherwise.
# libclang-rt-14-dev holds libFuzzer on Debian 12 (Ubuntu 22.04 ships it inside clang).
optional=(libclang-rt-14-dev)

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/apt-packages.sh
source "$here/lib/apt-packages.sh"

# Optional packages only where the distribution has them: checked after an update, which
# install_missing_packages would do anyway when something is missing.
absent_optional=()
for package in "${optional[@]}"; do
    package_installed "$package" || absent_optional+=("$package")
done
if [ ${#absent_optional[@]} -gt 0 ]; then
    apt_as_root update -qq
    for package in "${absent_optional[@]}"; do
        if apt-cache show "$package" >/dev/null 2>&1; then
            packages+=("$package")
        else
            echo "setup-deps: $package is not in this distribution; what needs it will skip"
        fi
    done
fi
install_missing_packages setup-deps "${packages[@]}"
