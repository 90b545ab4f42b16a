#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates sqlite3.c / sqlite3.h (the amalgamation, public domain) in this folder from
# Debian's sqlite3 source package — the same SQLite the Linux build links — for the Windows
# cross build, which has no MinGW SQLite to link. Leaves the system's apt configuration alone
# (scripts/lib/debian-source.sh).
#   third_party/sqlite/regenerate.sh            # the version this Debian release ships
#   third_party/sqlite/regenerate.sh 3.40.1-2+deb12u2
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
version="${1:-}"

# Building the amalgamation needs tclsh and a C compiler; dpkg-source unpacks the package.
# shellcheck source=../../scripts/lib/apt-packages.sh
source "$here/../../scripts/lib/apt-packages.sh"
install_missing_packages regenerate.sh dpkg-dev tcl build-essential

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# shellcheck source=../../scripts/lib/debian-source.sh
source "$here/../../scripts/lib/debian-source.sh"
tree="$(debian_source "sqlite3${version:+=$version}" "$work")"
package_version="$(cd "$tree" && dpkg-parsechangelog -S Version)"
upstream_version="$(cat "$tree/VERSION")"

mkdir -p "$work/build"
cd "$work/build"
"$tree/configure" --quiet >/dev/null
make -s sqlite3.c sqlite3.h >/dev/null
cp sqlite3.c sqlite3.h "$here/"
printf '%s\n%s\n' "$upstream_version" "$package_version" > "$here/VERSION"
echo "regenerate.sh: SQLite $upstream_version from Debian's sqlite3 $package_version → $here"
