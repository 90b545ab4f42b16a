// SPDX-License-Identifier: GPL-3.0-or-later
// POSIX side of core/file_io.h. Every file we create is 0600 and every folder 0700, set with
// fchmod/chmod after creation so neither the umask's 0644/0755 nor a stricter umask decides:
// history and settings name the hosts this user talks to, which other local users must not read.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "platform/file_io.h"
#include "platform/linux/unique_fd.h"

namespace netmon {
namespace {

namespace fs = std::filesystem;
using linux_platform::UniqueFd;

constexpr mode_t kPrivateFile = 0600;
constexpr mode_t kPrivateFolder = 0700;

std::string errnoText() {
    return std::strerror(errno);
}

PathKind kindOf(mode_t mode) {
    return S_ISDIR(mode) ? PathKind::Directory : PathKind::Other;
}

Result<void> writeAll(int fd, std::string_view content, const fs::path& path) {
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return fail("writing " + path.string() + " failed: " + errnoText(),
                        "check free disk space");
        }
        written += static_cast<std::size_t>(n);
    }
    return {};
}

// A new private file beside `target`: O_EXCL|O_NOFOLLOW so a file or link someone planted under
// the name is never opened, and a random name so one cannot be planted in advance.
Result<std::pair<UniqueFd, fs::path>> createTemporaryBeside(const fs::path& target) {
    for (int attempt = 0; attempt < 100; ++attempt) {
        fs::path temporary = target;
        temporary += ".tmp-" + unpredictableSuffix();
        UniqueFd file(::open(temporary.c_str(),
                             O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, kPrivateFile));
        if (file.valid()) {
            if (::fchmod(file.get(), kPrivateFile) != 0) {
                const std::string reason = errnoText();
                ::unlink(temporary.c_str());
                return fail("cannot make " + temporary.string() + " private: " + reason,
                            "check the folder's permissions");
            }
            return std::pair{std::move(file), std::move(temporary)};
        }
        if (errno != EEXIST) {
            return fail("cannot write " + temporary.string() + ": " + errnoText(),
                        "check the folder's permissions and free space");
        }
    }
    return fail("cannot find a free temporary name beside " + target.string(),
                "remove the *.tmp-* files there");
}

}  // namespace

Result<FileStart> readFileStart(const fs::path& path, std::size_t maxBytes) {
    // stat first so a device or FIFO is never even opened (opening a tape or a tty can act).
    struct stat status {};
    if (::stat(path.c_str(), &status) != 0) {
        return fail("cannot read " + path.string() + ": " + errnoText(),
                    "check that it exists and that you may read it");
    }
    if (!S_ISREG(status.st_mode)) {
        return tl::unexpected(notARegularFile(path, kindOf(status.st_mode), ""));
    }
    // O_NONBLOCK: swapped for a FIFO since the stat, open() still returns at once, and fstat
    // below refuses it.
    const UniqueFd file(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC));
    if (!file.valid()) {
        return fail("cannot open " + path.string() + " for reading: " + errnoText(),
                    "check that it exists and that you may read it");
    }
    if (::fstat(file.get(), &status) != 0 || !S_ISREG(status.st_mode)) {
        return tl::unexpected(notARegularFile(path, kindOf(status.st_mode), ""));
    }
    // One byte more than asked tells whether the file goes on.
    FileStart start;
    start.bytes.resize(maxBytes + 1);
    std::size_t used = 0;
    while (used < start.bytes.size()) {
        const ssize_t got =
            ::read(file.get(), start.bytes.data() + used, start.bytes.size() - used);
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (got < 0) {
            return fail("reading " + path.string() + " failed: " + errnoText(), "check the disk");
        }
        if (got == 0) {
            break;
        }
        used += static_cast<std::size_t>(got);
    }
    start.whole = used <= maxBytes;
    start.bytes.resize(std::min(used, maxBytes));
    return start;
}

Result<void> createPrivateFolders(const fs::path& folder) {
    fs::path current;
    for (const fs::path& part : folder) {
        current /= part;
        struct stat status {};
        if (::stat(current.c_str(), &status) == 0) {
            if (!S_ISDIR(status.st_mode)) {
                return fail("cannot create the folder " + folder.string() + ": " +
                                current.string() + " is not a folder",
                            "move that file away, or choose another path");
            }
            continue;  // an existing folder keeps its mode: it may be shared on purpose
        }
        if (::mkdir(current.c_str(), kPrivateFolder) != 0) {
            if (errno == EEXIST) {
                continue;  // made by someone else meanwhile: theirs, not ours to chmod
            }
            return fail("cannot create the folder " + current.string() + ": " + errnoText(),
                        "check its parent folder's permissions");
        }
        if (::chmod(current.c_str(), kPrivateFolder) != 0) {
            return fail("cannot make the folder " + current.string() + " private: " + errnoText(),
                        "check its permissions");
        }
    }
    return {};
}

Result<void> createPrivateFile(const fs::path& path) {
    const UniqueFd file(
        ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, kPrivateFile));
    if (!file.valid()) {
        return fail("cannot create " + path.string() + ": " + errnoText(),
                    "check the folder's permissions, and that nothing else has that name");
    }
    if (::fchmod(file.get(), kPrivateFile) != 0) {
        return fail("cannot make " + path.string() + " private: " + errnoText(),
                    "check the folder's permissions");
    }
    return {};
}

Result<void> makePrivate(const fs::path& path) {
    // Never through a link: it could point at a file that is not ours (glibc refuses links here).
    if (::fchmodat(AT_FDCWD, path.c_str(), kPrivateFile, AT_SYMLINK_NOFOLLOW) != 0) {
        return fail("cannot make " + path.string() + " private (mode 0600): " + errnoText(),
                    "run `chmod 600` on it yourself");
    }
    return {};
}

Result<void> writeFileAtomically(const fs::path& path, std::string_view content) {
    auto target = prepareWriteTarget(path);
    if (!target) {
        return tl::unexpected(target.error());
    }
    auto temporary = createTemporaryBeside(*target);
    if (!temporary) {
        return tl::unexpected(temporary.error());
    }
    auto& [file, temporaryPath] = *temporary;
    Result<void> done = writeAll(file.get(), content, temporaryPath);
    if (done && ::fsync(file.get()) != 0) {
        done = fail("flushing " + temporaryPath.string() + " failed: " + errnoText(),
                    "check the disk");
    }
    file.reset();
    if (done && ::rename(temporaryPath.c_str(), target->c_str()) != 0) {
        done = fail("cannot replace " + target->string() + ": " + errnoText(),
                    "check its permissions");
    }
    if (!done) {
        ::unlink(temporaryPath.c_str());
        return done;
    }
    // Make the rename itself durable.
    const fs::path folder = target->has_parent_path() ? target->parent_path() : fs::path(".");
    if (const UniqueFd dir(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
        dir.valid()) {
        ::fsync(dir.get());
    }
    return {};
}

}  // namespace netmon
