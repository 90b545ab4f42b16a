// SPDX-License-Identifier: GPL-3.0-or-later
// flock() on a lock file of its own, never on the file it guards: closing any descriptor of a
// file drops every POSIX lock the process holds on it, which would silently drop SQLite's.
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <string>
#include <utility>

#include "platform/file_lock.h"
#include "platform/linux/unique_fd.h"

namespace netmon {
namespace {

using linux_platform::UniqueFd;

class FlockFile final : public FileLock {
public:
    // `noted`: opened for writing, with our note in it (not so on a read-only disk).
    FlockFile(UniqueFd fd, bool noted) : m_fd(std::move(fd)), m_noted(noted) {}
    ~FlockFile() override {
        // While still ours: no one reads our pid after we are gone. Closing drops the lock.
        if (m_noted) {
            if (::ftruncate(m_fd.get(), 0) != 0) {
                // Nothing to do: the lock still goes with the descriptor, and a stale note
                // names a pid that no longer holds it (readers take the lock, not the note).
            }
        }
    }
    FlockFile(const FlockFile&) = delete;
    FlockFile& operator=(const FlockFile&) = delete;

private:
    UniqueFd m_fd;
    bool m_noted;
};

tl::unexpected<FileLockFailure> failed(std::string message, std::string hint) {
    return tl::unexpected(FileLockFailure{Error{std::move(message), std::move(hint)}});
}

// The holder's note, read with a bound: the file may hold anything.
std::optional<LockHolder> readNote(int fd) {
    std::array<char, kMaxLockNoteBytes + 1> buffer{};
    ssize_t length = -1;
    do {
        length = ::pread(fd, buffer.data(), buffer.size(), 0);
    } while (length < 0 && errno == EINTR);
    if (length <= 0) {
        return std::nullopt;  // unreadable, or the holder has not written it yet
    }
    return parseLockNote(std::string_view(buffer.data(), static_cast<std::size_t>(length)));
}

void writeNote(int fd, const std::string& note) {
    // Best effort: without a note others still see the lock, and say "another process".
    if (::ftruncate(fd, 0) != 0) {
        return;
    }
    std::size_t written = 0;
    while (written < note.size()) {
        const ssize_t n =
            ::pwrite(fd, note.data() + written, note.size() - written, static_cast<off_t>(written));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return;
        }
        written += static_cast<std::size_t>(n);
    }
}

}  // namespace

std::uint32_t currentProcessId() {
    return static_cast<std::uint32_t>(::getpid());
}

tl::expected<std::unique_ptr<FileLock>, FileLockFailure> tryLockFile(
    const std::filesystem::path& path, std::string_view program) {
    // O_NOFOLLOW: a symbolic link planted at the name is not followed (to a file we would then
    // write into); O_NONBLOCK: a FIFO there does not hang us. Mode 0600 whatever the umask
    // allows more: the note is nobody else's business.
    constexpr int kFlags = O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC;
    UniqueFd fd(::open(path.c_str(), O_RDWR | O_CREAT | kFlags, S_IRUSR | S_IWUSR));
    const bool writable = fd.valid();
    int error = errno;
    if (!writable && (error == EROFS || error == EACCES)) {
        // A disk mounted read-only (the writer then keeps samples in memory until it is
        // writable): an existing lock file still locks when opened for reading, without a note.
        fd = UniqueFd(::open(path.c_str(), O_RDONLY | kFlags));
        error = !fd.valid() && errno != ENOENT ? errno : error;
    }
    if (!fd.valid()) {
        if (error == ELOOP) {
            return failed(
                "The lock file " + path.string() + " is a symbolic link; it was left alone",
                "remove it if it is not yours, or choose another database path");
        }
        return failed("Cannot open the lock file " + path.string() + ": " + std::strerror(error),
                      "make its folder writable, or choose another database path");
    }
    struct stat status {};
    if (::fstat(fd.get(), &status) != 0 || !S_ISREG(status.st_mode) || status.st_nlink != 1) {
        return failed("The lock file " + path.string() +
                          " is not a plain file of its own (a directory, device, FIFO or hard "
                          "link); it was left alone",
                      "remove it if it is not yours, or choose another database path");
    }
    int locked = -1;
    do {
        locked = ::flock(fd.get(), LOCK_EX | LOCK_NB);
    } while (locked != 0 && errno == EINTR);
    if (locked != 0) {
        error = errno;
        if (error == EWOULDBLOCK) {
            std::optional<LockHolder> holder = readNote(fd.get());
            return tl::unexpected(FileLockFailure{
                Error{path.string() + " is locked by " + describeLockHolder(holder), {}}, true,
                std::move(holder)});
        }
        return failed("Cannot lock " + path.string() + ": " + std::strerror(error),
                      "check that its file system supports locks (a local disk does)");
    }
    if (writable) {
        writeNote(fd.get(), formatLockNote(LockHolder{currentProcessId(), std::string(program)}));
    }
    return std::make_unique<FlockFile>(std::move(fd), writable);
}

}  // namespace netmon
