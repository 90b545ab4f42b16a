# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced, not run: Debian package helpers shared by the set-up and build scripts.
#   package_installed <package>              true when dpkg has it installed
#   apt_as_root <apt-get arguments…>         apt-get, through sudo when not root
#   install_missing_packages <who> <package>…
#       installs those of the packages that are missing (apt-get update first: a new machine
#       may have no package lists yet); does nothing, not even the update, when all are there.
#       Its messages go to stderr, so a caller's stdout stays its own.
package_installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

apt_as_root() {
    if [ "$(id -u)" -ne 0 ]; then
        sudo DEBIAN_FRONTEND=noninteractive apt-get "$@"
    else
        DEBIAN_FRONTEND=noninteractive apt-get "$@"
    fi
}

install_missing_packages() {
    local who="$1" package
    shift
    local missing=()
    for package in "$@"; do
        package_installed "$package" || missing+=("$package")
    done
    [ ${#missing[@]} -gt 0 ] || return 0
    echo "$who: installing ${missing[*]}" >&2
    apt_as_root update -qq >&2
    apt_as_root install -y -qq --no-install-recommends "${missing[@]}" >&2
}
