#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the Qt the Windows desktop app needs — qtbase's Core, Gui, Widgets and Test with the
# `windows` and `offscreen` platform plugins and the Windows style — for MinGW-w64, from Debian's
# own qt6-base source package, with Debian's host Qt as QT_HOST_PATH (its moc, rcc and uic).
# Installs into a cache folder outside the checkout, keyed by the Qt package version, the
# compiler and this script's build options, and reuses it when it is complete:
#   scripts/windows/build-qt.sh            # prints the Qt prefix on its last line
# The first build takes about 20–30 minutes on 2 cores; later runs take a second.
# The GUI draws its own charts and ships PNG icons, so Qt Charts and Qt SVG are not needed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cache="${NETMON_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/netmon}"
started=$(date +%s)
say() { echo "build-qt: $* ($(($(date +%s) - started)) s)" >&2; }

packages=(g++-mingw-w64-x86-64-posix cmake ninja-build dpkg-dev qt6-base-dev qt6-base-dev-tools
          fonts-dejavu-core)
# shellcheck source=../lib/apt-packages.sh
source "$root/scripts/lib/apt-packages.sh"
install_missing_packages build-qt "${packages[@]}"

# The target Qt must be the host Qt's version: its tools generate code for it.
qt_package_version="$(dpkg-query -W -f='${Version}' qt6-base-dev)"
compiler_version="$(x86_64-w64-mingw32-g++-posix -dumpfullversion)"
# Everything below that shapes the result is part of the key, so a change rebuilds.
options=(
    -DCMAKE_BUILD_TYPE=Release
    -DBUILD_SHARED_LIBS=ON
    -DQT_BUILD_EXAMPLES=OFF -DQT_BUILD_TESTS=OFF -DQT_BUILD_BENCHMARKS=OFF
    # Only what the GUI and its tests use.
    -DFEATURE_network=OFF -DFEATURE_sql=OFF -DFEATURE_dbus=OFF -DFEATURE_printsupport=OFF
    -DFEATURE_xml=OFF -DFEATURE_concurrent=OFF -DFEATURE_vulkan=OFF
    # Debian's tarball has no wintab (src/3rdparty/wintab): no tablet events.
    -DFEATURE_tabletevent=OFF
    # No MinGW builds of these in Debian: Qt's bundled copies.
    -DFEATURE_system_zlib=OFF -DFEATURE_system_pcre2=OFF -DFEATURE_system_png=OFF
    -DFEATURE_system_jpeg=OFF -DFEATURE_system_freetype=OFF -DFEATURE_system_harfbuzz=OFF
    -DFEATURE_system_doubleconversion=OFF
)
key="$(printf '%s\n' "$qt_package_version" "$compiler_version" "${options[@]}" \
       "$(sha256sum "$root/cmake/toolchains/mingw-w64-x86_64.cmake" | cut -c1-64)" |
       sha256sum | cut -c1-12)"
prefix="$cache/qt-${qt_package_version//[^A-Za-z0-9.]/_}-mingw-$compiler_version-$key"
# Fonts for the `offscreen` platform the GUI tests use: under Windows it reads TrueType files
# from <prefix>/lib/fonts (Wine drops the QT_QPA_FONTDIR variable). Real Windows and the
# `windows` platform use the system's fonts; none of these is installed by the installer.
install_test_fonts() {
    mkdir -p "$prefix/lib/fonts"
    cp /usr/share/fonts/truetype/dejavu/DejaVuSans*.ttf "$prefix/lib/fonts/"
}
if [ -f "$prefix/.netmon-complete" ]; then
    install_test_fonts
    say "reusing $prefix"
    echo "$prefix"
    exit 0
fi

say "building Qt $qt_package_version for MinGW-w64 $compiler_version into $prefix — the first" \
    "time takes about 20–30 minutes on 2 cores"
work="$cache/qt-build-$key"
rm -rf "$work" "$prefix"
mkdir -p "$work"
# shellcheck source=../lib/debian-source.sh
source "$root/scripts/lib/debian-source.sh"
say "downloading Debian's qt6-base $qt_package_version source package"
tree="$(debian_source "qt6-base=$qt_package_version" "$work")"

say "configuring"
cmake -S "$tree" -B "$work/build" -G Ninja \
    -DCMAKE_TOOLCHAIN_FILE="$root/cmake/toolchains/mingw-w64-x86_64.cmake" \
    -DQT_HOST_PATH=/usr \
    -DQT_HOST_PATH_CMAKE_DIR="/usr/lib/$(dpkg-architecture -qDEB_HOST_MULTIARCH)/cmake" \
    -DCMAKE_INSTALL_PREFIX="$prefix" "${options[@]}" > "$work/configure.log" 2>&1 ||
    { tail -n 60 "$work/configure.log" >&2; say "configuring Qt failed ($work/configure.log)"; exit 1; }

say "compiling (progress every 5 %)"
# Ninja's own lines would be thousands; one line per 5 % says how far it is.
NINJA_STATUS="[%f/%t] " cmake --build "$work/build" --parallel "$(nproc)" 2>&1 |
    tee "$work/build.log" |
    awk '
        /^\[[0-9]+\/[0-9]+\] / {
            split(substr($1, 2, length($1) - 2), step, "/");
            percent = int(100 * step[1] / step[2]);
            if (percent >= shown + 5) {
                shown = percent - percent % 5;
                printf "build-qt: %d %% (%d of %d steps)\n", shown, step[1], step[2] > "/dev/stderr";
                fflush("/dev/stderr");
            }
        }
        /error:|FAILED:/ { print > "/dev/stderr" }'
if [ "${PIPESTATUS[0]}" -ne 0 ]; then
    say "compiling Qt failed ($work/build.log)"
    exit 1
fi
cmake --install "$work/build" > "$work/install.log"
install_test_fonts
touch "$prefix/.netmon-complete"
rm -rf "$work"
say "done: $prefix"
echo "$prefix"
