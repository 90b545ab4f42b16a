// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/result.h"

// netmond's own data folder and files, made safe before netmond opens anything there. Only for
// the service's default locations (platform/paths.h: serviceConfigPath() …), never for paths a
// user or test gives. Windows: %ProgramData% lets every user create folders and files, so the
// folder is created admin-only (SYSTEM and Administrators, nothing inherited), and one that
// exists is used only when an administrator's account (or netmond's own) owns it and it is no
// link (platform/common/folder_trust.h decides). Linux: systemd creates the service's folders
// (StateDirectory=, ConfigurationDirectory=, owned by netmon, 0700), so these accept as they are.
// (A user's own data goes through createPrivateFolders/createPrivateFile, platform/file_io.h.)
namespace netmon::platform {

// Creates `folder` admin-only if missing; checks it if not. Returns notes for the log (an access
// list it reset); an error, with nothing moved or deleted, when the folder is not provably ours.
Result<std::vector<std::string>> secureServiceFolder(const std::filesystem::path& folder);

// Checks a file netmond is about to open in its folder: missing is fine (created later, it
// inherits the folder's access list); a link, or a file owned by anyone but an administrator's
// account, is refused. Returns notes for the log (an access list it reset).
Result<std::vector<std::string>> checkServiceFile(const std::filesystem::path& file);

}  // namespace netmon::platform
