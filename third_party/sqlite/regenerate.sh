#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates sqlite3.c / sqlite3.h (the amalgamation, public domain) in this folder from
# Debian's sqlite3 source package — the same SQLite the Linux build links — for the Windows
# cross build, which has no MinGW SQLite to link. Leaves the system's apt configuration alone:
# the deb-src lines live in a temporary sources file used for this run only.
#   third_party/sqlite/regenerate.sh            # the version this Debian release ships
#   third_party/sqlite/regenerate.sh 3.40.1-2+deb12u2
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
version="${1:-}"

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi
# Building the amalgamation needs tclsh and a C compiler; dpkg-source unpacks the package.
need=()
for package in dpkg-dev tcl build-essential; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
        need+=("$package")
done
if [ ${#need[@]} -gt 0 ]; then
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/cache/archives/partial"
# deb-src twins of the machine's own deb entries (one-line or deb822 format).
{
    grep -hE '^\s*deb\s' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
        sed -E 's/^\s*deb\s/deb-src /' || true
    for file in /etc/apt/sources.list.d/*.sources; do
        [ -e "$file" ] || continue
        sed -E 's/^Types:.*/Types: deb-src/' "$file"
        echo
    done
} > "$work/sources.list.tmp"
if grep -q '^Types:' "$work/sources.list.tmp"; then
    mv "$work/sources.list.tmp" "$work/src.sources"
    source_options=(-o "Dir::Etc::SourceList=/dev/null" -o "Dir::Etc::SourceParts=$work/parts")
    mkdir -p "$work/parts"
    mv "$work/src.sources" "$work/parts/src.sources"
    grep -hE '^deb-src ' "$work/sources.list.tmp" 2>/dev/null > "$work/parts/extra.list" || true
else
    source_options=(-o "Dir::Etc::SourceList=$work/sources.list.tmp" -o "Dir::Etc::SourceParts=/dev/null")
fi
apt_options=("${source_options[@]}" -o "Dir::State::Lists=$work/lists"
             -o "Dir::Cache=$work/cache" -o "APT::Get::Only-Source=true"
             -o "APT::Sandbox::User=root")
apt-get "${apt_options[@]}" update -qq
cd "$work"
# Downloads and unpacks the .dsc, upstream tarball and Debian patches (dpkg-source applies them).
apt-get "${apt_options[@]}" source -qq "sqlite3${version:+=$version}"
tree="$(find "$work" -maxdepth 1 -type d -name 'sqlite3-*' | head -n 1)"
[ -n "$tree" ] || { echo "regenerate.sh: the source package did not unpack" >&2; exit 1; }
package_version="$(cd "$tree" && dpkg-parsechangelog -S Version)"
upstream_version="$(cat "$tree/VERSION")"

mkdir -p "$work/build"
cd "$work/build"
"$tree/configure" --quiet >/dev/null
make -s sqlite3.c sqlite3.h >/dev/null
cp sqlite3.c sqlite3.h "$here/"
printf '%s\n%s\n' "$upstream_version" "$package_version" > "$here/VERSION"
echo "regenerate.sh: SQLite $upstream_version from Debian's sqlite3 $package_version → $here"
