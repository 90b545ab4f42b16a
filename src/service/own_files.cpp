// SPDX-License-Identifier: GPL-3.0-or-later
#include "service/own_files.h"

#include "platform/file_io.h"
#include "platform/service_folder.h"

namespace netmon::service {

Result<void> secureIfServiceDefault(const std::filesystem::path& path,
                                    const std::filesystem::path& defaultPath,
                                    std::initializer_list<std::string_view> suffixes,
                                    const std::function<void(const std::string&)>& log) {
    if (path != defaultPath && !sameLocation(path, defaultPath)) {
        return {};
    }
    auto folder = platform::secureServiceFolder(path.parent_path());
    if (!folder) {
        return tl::unexpected(folder.error());
    }
    for (const std::string& note : *folder) {
        log(note);
    }
    for (const std::string_view suffix : suffixes) {
        std::filesystem::path file = path;
        file += std::string(suffix);
        auto checked = platform::checkServiceFile(file);
        if (!checked) {
            return tl::unexpected(checked.error());
        }
        for (const std::string& note : *checked) {
            log(note);
        }
    }
    return {};
}

}  // namespace netmon::service
