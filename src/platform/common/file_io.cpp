// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/file_io.h"

#include <random>
#include <system_error>

#include "core/time_text.h"

namespace netmon {

namespace fs = std::filesystem;

PathKind pathKind(const fs::path& path) {
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (status.type() == fs::file_type::not_found) {
        // A link whose target is gone is something, not nothing: writing through it would
        // create a file wherever it points.
        return fs::is_symlink(fs::symlink_status(path, error)) ? PathKind::Other
                                                               : PathKind::Missing;
    }
    if (error) {
        return PathKind::Inaccessible;  // e.g. EACCES on a folder along the way
    }
    switch (status.type()) {
        case fs::file_type::regular:
            return PathKind::RegularFile;
        case fs::file_type::directory:
            return PathKind::Directory;
        default:
            return PathKind::Other;  // FIFO, socket, device, or a status we may not read
    }
}

Error notARegularFile(const fs::path& path, PathKind kind, std::string_view what) {
    const std::string is = kind == PathKind::Directory ? " is a folder, not a file"
                           : kind == PathKind::Inaccessible
                               ? " cannot be looked at (a folder on its path is not "
                                 "readable by this user)"
                               : " is not a regular file (a device, a FIFO, a socket "
                                 "or a broken link)";
    const std::string subject =
        what.empty() ? path.string() : std::string(what) + " " + path.string();
    return Error{subject + is + "; it was left alone",
                 "give the path of a file (a new name is fine: it is created)"};
}

bool sameLocation(const fs::path& a, const fs::path& b) {
    std::error_code error;
    // The same words name the same place, even where the folders cannot be looked into.
    if (fs::absolute(a, error).lexically_normal() == fs::absolute(b, error).lexically_normal() &&
        !error) {
        return true;
    }
    const fs::path first = fs::weakly_canonical(fs::absolute(a, error), error);
    if (error) {
        return false;
    }
    const fs::path second = fs::weakly_canonical(fs::absolute(b, error), error);
    return !error && first == second;
}

Result<fs::path> resolveSymlinks(const fs::path& path) {
    fs::path current = path;
    // Linux gives up after 40 links (ELOOP); so do we.
    for (int hops = 0; hops < 40; ++hops) {
        std::error_code error;
        if (!fs::is_symlink(fs::symlink_status(current, error))) {
            return current;
        }
        const fs::path target = fs::read_symlink(current, error);
        if (error) {
            return fail("cannot read the link " + current.string() + ": " + error.message(),
                        "check its permissions");
        }
        current = target.is_absolute() ? target : current.parent_path() / target;
    }
    return fail("too many symbolic links at " + path.string(), "check where the links point");
}

std::string unpredictableSuffix() {
    std::random_device random;  // the OS's generator (getrandom, rand_s), not a seeded PRNG
    static constexpr char kHex[] = "0123456789abcdef";
    std::string suffix;
    for (int i = 0; i < 16; ++i) {
        suffix += kHex[random() % 16];
    }
    return suffix;
}

Result<fs::path> prepareWriteTarget(const fs::path& path) {
    auto target = resolveSymlinks(path);
    if (!target) {
        return target;
    }
    if (const PathKind kind = pathKind(*target);
        kind == PathKind::Directory || kind == PathKind::Other) {
        return tl::unexpected(notARegularFile(*target, kind, ""));
    }
    if (auto created =
            createPrivateFolders(target->has_parent_path() ? target->parent_path() : fs::path("."));
        !created) {
        return tl::unexpected(created.error());
    }
    return target;
}

Result<std::string> readWholeFile(const fs::path& path, std::size_t maxBytes) {
    auto start = readFileStart(path, maxBytes);
    if (!start) {
        return tl::unexpected(start.error());
    }
    if (!start->whole) {
        return fail(path.string() + " is larger than " + std::to_string(maxBytes >> 10U) +
                        " KiB; it was not read",
                    "check that this is the right file");
    }
    return std::move(start->bytes);
}

Result<fs::path> moveAside(const fs::path& path, std::chrono::system_clock::time_point now) {
    if (const PathKind kind = pathKind(path); kind != PathKind::RegularFile) {
        return tl::unexpected(notARegularFile(path, kind, "the damaged file"));
    }
    fs::path target = path;
    target += ".corrupt-" + formatCompactUtc(now);
    // Two damaged files in one second: number them rather than overwrite the first.
    std::error_code error;
    for (int attempt = 2; fs::exists(fs::symlink_status(target, error)); ++attempt) {
        target = path;
        target += ".corrupt-" + formatCompactUtc(now) + "-" + std::to_string(attempt);
    }
    fs::rename(path, target, error);
    if (error) {
        return fail("cannot move " + path.string() + " aside to " + target.string() + ": " +
                        error.message(),
                    "move or delete it by hand");
    }
    // It may hold per-host history or settings, and an older build made it 0644. Best effort:
    // the kept file is already safe, so a failed chmod does not undo the move.
    (void)makePrivate(target);
    return target;
}

}  // namespace netmon
