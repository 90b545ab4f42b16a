// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/linux/text_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "platform/linux/unique_fd.h"

namespace netmon::linux_platform {

Result<std::string> readTextFile(const std::string& path, std::size_t chunk) {
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd.valid()) {
        return fail("cannot open " + path + ": " + std::strerror(errno));
    }
    std::string text;
    std::size_t used = 0;
    for (;;) {
        text.resize(used + chunk);
        const ssize_t got = ::read(fd.get(), text.data() + used, chunk);
        if (got < 0) {
            if (errno == EINTR) {
                continue;
            }
            return fail("cannot read " + path + ": " + std::strerror(errno));
        }
        if (got == 0) {
            text.resize(used);
            return text;
        }
        used += static_cast<std::size_t>(got);
    }
}

}  // namespace netmon::linux_platform
