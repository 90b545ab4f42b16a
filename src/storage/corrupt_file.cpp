// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/corrupt_file.h"

#include <string>
#include <system_error>

#include "platform/file_io.h"

namespace netmon::storage {

Result<std::filesystem::path> moveCorruptAside(const std::filesystem::path& path, TimePoint now) {
    auto target = moveAside(path, now);
    if (!target) {
        return target;
    }
    // The WAL holds committed transactions not yet in the main file: it must follow, or it
    // would be lost (or applied to the new database of the same name).
    for (const char* suffix : {"-wal", "-shm"}) {
        const std::filesystem::path from = path.string() + suffix;
        const std::filesystem::path to = target->string() + suffix;
        std::error_code error;
        if (!std::filesystem::exists(from, error)) {
            continue;
        }
        std::filesystem::rename(from, to, error);
        if (error) {
            return fail("Moved the damaged history database to " + target->string() +
                            " but could not move " + from.string() + " to " + to.string() + ": " +
                            error.message(),
                        "move " + from.string() + " next to it yourself before recording again");
        }
        (void)makePrivate(to);  // as moveAside did for the main file
    }
    return target;
}

}  // namespace netmon::storage
