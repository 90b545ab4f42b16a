// SPDX-License-Identifier: GPL-3.0-or-later
// Linux side of platform/service_folder.h: systemd makes netmond's folders before it starts
// (packaging/linux/netmond.service: StateDirectory=, ConfigurationDirectory=, mode 0700, owned by
// the service's user), so there is nothing to create or check here.
#include "platform/service_folder.h"

namespace netmon::platform {

Result<std::vector<std::string>> secureServiceFolder(const std::filesystem::path& /*folder*/) {
    return std::vector<std::string>{};
}

Result<std::vector<std::string>> checkServiceFile(const std::filesystem::path& /*file*/) {
    return std::vector<std::string>{};
}

}  // namespace netmon::platform
