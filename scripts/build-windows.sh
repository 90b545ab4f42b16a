#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The Windows leg, all from this Debian/Ubuntu machine: installs the MinGW-w64 toolchain, Wine
# and NSIS (idempotently), builds Qt for MinGW-w64 once (scripts/windows/build-qt.sh, cached),
# cross-builds core, the CLI, the service, the desktop app and the tests for Windows 10+
# (build-windows/),
# runs the tests through Wine with ctest, lays out the app with its DLLs
# (scripts/windows/deploy-gui.sh), takes screenshots of the app under Wine with the real
# `windows` platform on a virtual X display, builds the NSIS installer, and installs, runs and
# uninstalls it silently under Wine.
#   scripts/build-windows.sh              # everything
#   NETMON_WINDOWS_SKIP_TESTS=1 scripts/build-windows.sh   # build and package only
#   NETMON_WINDOWS_GUI=0 scripts/build-windows.sh          # without the desktop app (no Qt)
# Slow things are cached outside the checkout, keyed by version: Qt (per Qt package, compiler
# and options; about 30 minutes the first time on 2 cores), the Wine prefix (per Wine version)
# and the compiler cache (ccache) in ${NETMON_CACHE_DIR:-~/.cache/netmon}. One persistent
# wineserver serves the whole run and is stopped at the end, whatever happens; so is the
# virtual X display.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${NETMON_WINDOWS_BUILD_DIR:-$root/build-windows}"
cache="${NETMON_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/netmon}"
werror=OFF
if [ "${CI:-}" = "true" ]; then
    werror=ON
fi
started=$(date +%s)
say() { echo "build-windows: $* ($(($(date +%s) - started)) s)"; }

packages=(
    # cross toolchain (the posix flavour: std::thread), windres, CMake and Ninja
    g++-mingw-w64-x86-64-posix mingw-w64-tools cmake ninja-build ccache
    # header-only libraries and libpcap's API headers, exposed folder by folder to the cross
    # build; GoogleTest's sources, built for Windows
    libexpected-dev nlohmann-json3-dev libcli11-dev libpcap-dev googletest
    # running the tests and the installer (Wine's own fonts; a virtual X display and
    # xwininfo for the app's window); building the installer
    wine wine64 fonts-wine xvfb x11-utils nsis
)
# shellcheck source=lib/apt-packages.sh
source "$root/scripts/lib/apt-packages.sh"
install_missing_packages build-windows "${packages[@]}"

# Wine: the 64-bit loader, a private prefix per Wine version (made once, ~20 s), no Mono or
# Gecko prompts, and quiet except for what fails a test (crashes, unimplemented functions).
wine64=/usr/lib/wine/wine64
[ -x "$wine64" ] || wine64="$(command -v wine64 || command -v wine)"
wine_version="$("$wine64" --version 2>/dev/null | tr -c 'A-Za-z0-9.\n-' '_')"
export WINEPREFIX="$cache/wine-prefix-$wine_version"
export WINELOADER="$wine64"
export WINEARCH=win64
export WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml="
export DISPLAY=
mkdir -p "$cache"
if [ ! -f "$WINEPREFIX/.netmon-ready" ]; then
    say "creating the Wine prefix $WINEPREFIX"
    rm -rf "$WINEPREFIX"
    "$wine64" wineboot --init >/dev/null 2>&1
    # Windows 10, as the programs' manifests say (a new prefix claims Windows 7).
    "$wine64" reg add 'HKCU\Software\Wine' /v Version /d win10 /f >/dev/null 2>&1
    # A crash ends the process at once with its message, instead of waiting for winedbg.
    "$wine64" reg add 'HKLM\Software\Microsoft\Windows NT\CurrentVersion\AeDebug' \
        /v Auto /t REG_SZ /d 0 /f >/dev/null 2>&1
    wineserver -w
    touch "$WINEPREFIX/.netmon-ready"
fi
# Tahoma, the UI font Wine's own dialogs name, where Wine's GDI finds it: Debian's Wine does not
# read its fonts-wine folder, and without it the app's text falls back to a TeX math font whose
# metrics scroll short line-edit texts out of view. (Real Windows has Segoe UI.)
if [ -d /usr/share/wine/fonts ]; then
    mkdir -p "$WINEPREFIX/drive_c/windows/Fonts"
    cp -u /usr/share/wine/fonts/tahoma*.ttf "$WINEPREFIX/drive_c/windows/Fonts/"
fi
# One persistent wineserver for the build's test discovery, ctest and the installer; stopped
# on every way out of this script.
wineserver -k 2>/dev/null || true
wineserver -p
trap 'wineserver -k 2>/dev/null || true' EXIT
# Start Wine's own services (services.exe, explorer…) now, detached from any pipe: started by a
# test instead, they would inherit its output pipe and keep ctest or test discovery waiting.
"$wine64" cmd /c exit </dev/null >/dev/null 2>&1

# The desktop app needs Qt for MinGW-w64, built here once and cached (its last line: the prefix).
qt_prefix=""
gui=OFF
if [ "${NETMON_WINDOWS_GUI:-1}" != "0" ]; then
    qt_prefix="$("$root/scripts/windows/build-qt.sh" | tail -n 1)"
    gui=ON
fi

export CCACHE_DIR="$cache/ccache"
say "configuring $build"
cmake -S "$root" -B "$build" -G Ninja \
    -DCMAKE_TOOLCHAIN_FILE="$root/cmake/toolchains/mingw-w64-x86_64.cmake" \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNETMON_WERROR="$werror" \
    -DNETMON_GUI="$gui" -DNETMON_WINDOWS_QT="$qt_prefix" \
    -DNETMON_BUILD_BENCH=OFF -DNETMON_EBPF=OFF -DNETMON_BUILD_TESTS=ON \
    -DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
say "building"
cmake --build "$build"
version="$(sed -nE 's/^project\(NetworkMonitor VERSION ([0-9.]+).*/\1/p' "$root/CMakeLists.txt")"
package="$build/packaging/windows"
rm -rf "$package"
mkdir -p "$package"
# The installed programs without their debug information (the build keeps it for debugging).
x86_64-w64-mingw32-strip -o "$package/netmon.exe" "$build/src/cli/netmon.exe"
x86_64-w64-mingw32-strip -o "$package/netmond.exe" "$build/src/service/netmond.exe"
nsis_gui=()
if [ "$gui" = ON ]; then
    say "laying out netmon-gui.exe with the DLLs it imports"
    "$root/scripts/windows/deploy-gui.sh" "$build/src/gui/netmon-gui.exe" "$qt_prefix" \
        "$package/gui"
    # The uninstaller removes exactly these files.
    (cd "$package/gui" && find . -type f | sed -E 's|^\./||; s|/|\\|g' | sort |
        sed -E 's|^(.*)$|  Delete "$INSTDIR\\\1"|'
     cd "$package/gui" && find . -mindepth 1 -type d | sed -E 's|^\./||; s|/|\\|g' | sort -r |
        sed -E 's|^(.*)$|  RMDir "$INSTDIR\\\1"|') > "$package/gui-files.nsh"
    nsis_gui=(-DNETMON_GUI_DIR="$package/gui" -DNETMON_GUI_FILES="$package/gui-files.nsh"
              -DNETMON_ICON="$root/src/gui/theme/icons/app.ico")
fi
say "building the installer (NSIS) for $version"
makensis -V2 -DNETMON_VERSION="$version" -DNETMON_EXE="$package/netmon.exe" \
    -DNETMON_SERVICE_EXE="$package/netmond.exe" "${nsis_gui[@]}" \
    -DNETMON_OUTFILE="$package/NetworkMonitor-$version-setup.exe" \
    "$root/packaging/windows/netmon.nsi"

if [ -z "${NETMON_WINDOWS_SKIP_TESTS:-}" ]; then
    say "running the tests under Wine"
    ctest --test-dir "$build" --output-on-failure --timeout 300 -j "$(nproc)" --no-tests=error \
        --output-junit "$build/test-report.xml"
    if [ "${CI:-}" = "true" ]; then
        "$root/scripts/lib/check-skips.sh" "$build/test-report.xml" \
            "$root/tests/allowed-skips.txt"
    fi
    if [ "$gui" = ON ]; then
        # A virtual X display for the app's real `windows` platform, on a free display number
        # that Xvfb picks and reports, stopped on the way out.
        display_file="$build/xvfb-display"
        rm -f "$display_file"
        Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>"$display_file" \
            >/dev/null 2>&1 &
        xvfb_pid=$!
        trap 'kill "$xvfb_pid" 2>/dev/null || true; wineserver -k 2>/dev/null || true' EXIT
        for _ in $(seq 1 100); do
            [ -s "$display_file" ] && break
            sleep 0.1
        done
        [ -s "$display_file" ] || { echo "build-windows: Xvfb did not start" >&2; exit 1; }
        export NETMON_TEST_DISPLAY=":$(head -n 1 "$display_file")"
        say "screenshots of netmon-gui.exe under Wine (windows platform, Xvfb) in $build/screenshots-wine"
        "$root/packaging/windows/screenshot-gui.sh" "$package/gui/netmon-gui.exe" \
            "$build/screenshots-wine"
    fi
    say "installing, running and uninstalling the installer under Wine"
    "$root/packaging/windows/test-installer.sh" "$build"
fi
say "done: $(ls "$package"/*.exe | tr '\n' ' ')"
