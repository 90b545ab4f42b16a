// SPDX-License-Identifier: GPL-3.0-or-later
#include <array>
#include <filesystem>

#include "platform/service_installation.h"

namespace netmon {

ServiceInstallation serviceInstallation() {
    constexpr std::array<const char*, 5> kPlaces{
        "/lib/systemd/system/netmond.service", "/usr/lib/systemd/system/netmond.service",
        "/etc/systemd/system/netmond.service", "/usr/sbin/netmond", "/usr/local/sbin/netmond"};
    ServiceInstallation installation;
    installation.startHint = "sudo systemctl enable --now netmond";
    std::error_code error;
    for (const char* place : kPlaces) {
        if (std::filesystem::exists(place, error)) {
            installation.installed = true;
            installation.detail = place;
            return installation;
        }
    }
    installation.detail = "no netmond.service unit and no /usr/sbin/netmond";
    return installation;
}

}  // namespace netmon
