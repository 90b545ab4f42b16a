#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian/Ubuntu packages that building and testing Network Monitor need.
# Idempotent: installs only what is missing, and does nothing (not even apt-get update) when all
# is present. Uses sudo when not run as root.
set -euo pipefail

packages=(
    # toolchain
    build-essential cmake ninja-build pkg-config git
    # libraries (all Debian-packaged; nothing is vendored)
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
)

# Installed where the distribution has them; what needs them skips and says why otherwise.
# libclang-rt-14-dev holds libFuzzer on Debian 12 (Ubuntu 22.04 ships it inside clang).
optional=(libclang-rt-14-dev)

installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

missing=()
for package in "${packages[@]}"; do
    if ! installed "$package"; then
        missing+=("$package")
    fi
done
absent_optional=()
for package in "${optional[@]}"; do
    if ! installed "$package"; then
        absent_optional+=("$package")
    fi
done
if [ ${#missing[@]} -eq 0 ] && [ ${#absent_optional[@]} -eq 0 ]; then
    exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi
# A new machine may have no package lists yet: update before asking what exists.
$sudo apt-get update -qq
for package in "${absent_optional[@]}"; do
    if apt-cache show "$package" >/dev/null 2>&1; then
        missing+=("$package")
    else
        echo "setup-deps: $package is not in this distribution; what needs it will skip"
    fi
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup-deps: installing ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
        "${missing[@]}"
fi
