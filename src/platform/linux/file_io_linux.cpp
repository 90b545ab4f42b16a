// SPDX-License-Identifier: GPL-3.0-or-later
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/file_io.h"
#include "platform/linux/unique_fd.h"

namespace netmon {
namespace {

std::string errnoText() {
    return std::strerror(errno);
}

}  // namespace

Result<void> writeFileAtomically(const std::filesystem::path& path, std::string_view content) {
    std::error_code error;
    const std::filesystem::path folder =
        path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    std::filesystem::create_directories(folder, error);
    if (error) {
        return fail("cannot create the folder " + folder.string() + ": " + error.message(),
                    "check its permissions");
    }
    std::filesystem::path temporary = path;
    temporary += ".tmp-" + std::to_string(::getpid());
    {
        const linux_platform::UniqueFd file(
            ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
        if (!file.valid()) {
            return fail("cannot write " + temporary.string() + ": " + errnoText(),
                        "check the folder's permissions and free space");
        }
        std::size_t written = 0;
        while (written < content.size()) {
            const ssize_t n =
                ::write(file.get(), content.data() + written, content.size() - written);
            if (n < 0 && errno == EINTR) {
                continue;
            }
            if (n <= 0) {
                const std::string reason = errnoText();
                ::unlink(temporary.c_str());
                return fail("writing " + temporary.string() + " failed: " + reason,
                            "check free disk space");
            }
            written += static_cast<std::size_t>(n);
        }
        if (::fsync(file.get()) != 0) {
            const std::string reason = errnoText();
            ::unlink(temporary.c_str());
            return fail("flushing " + temporary.string() + " failed: " + reason, "check the disk");
        }
    }
    if (::rename(temporary.c_str(), path.c_str()) != 0) {
        const std::string reason = errnoText();
        ::unlink(temporary.c_str());
        return fail("cannot replace " + path.string() + ": " + reason, "check its permissions");
    }
    // Make the rename itself durable.
    if (const linux_platform::UniqueFd dir(
            ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
        dir.valid()) {
        ::fsync(dir.get());
    }
    return {};
}

}  // namespace netmon
