// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/file_io.h"

#include <fstream>
#include <sstream>
#include <system_error>

#include "core/time_text.h"

namespace netmon {

Result<std::string> readWholeFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return fail("cannot open " + path.string() + " for reading",
                    "check that it exists and that you may read it");
    }
    std::ostringstream content;
    content << in.rdbuf();
    if (in.bad()) {
        return fail("reading " + path.string() + " failed", "check the disk");
    }
    return content.str();
}

Result<std::filesystem::path> moveAside(const std::filesystem::path& path,
                                        std::chrono::system_clock::time_point now) {
    std::filesystem::path target = path;
    target += ".corrupt-" + formatCompactUtc(now);
    // Two damaged files in one second: number them rather than overwrite the first.
    for (int attempt = 2; std::filesystem::exists(target); ++attempt) {
        target = path;
        target += ".corrupt-" + formatCompactUtc(now) + "-" + std::to_string(attempt);
    }
    std::error_code error;
    std::filesystem::rename(path, target, error);
    if (error) {
        return fail("cannot move " + path.string() + " aside to " + target.string() + ": " +
                        error.message(),
                    "move or delete it by hand");
    }
    return target;
}

}  // namespace netmon
