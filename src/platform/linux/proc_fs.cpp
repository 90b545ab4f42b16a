// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/linux/proc_fs.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <memory>

#include "platform/linux/proc_pid_parser.h"
#include "platform/linux/text_file.h"

namespace netmon::linux_platform {
namespace {

struct DirClose {
    void operator()(DIR* dir) const { ::closedir(dir); }
};
using DirHandle = std::unique_ptr<DIR, DirClose>;

// opendir() opens with O_CLOEXEC; the handle closes its fd.
DirHandle openDirectory(const std::string& path) {
    return DirHandle(::opendir(path.c_str()));
}

std::optional<std::uint32_t> pidName(const char* name) {
    std::uint32_t pid = 0;
    const char* end = name + std::strlen(name);
    const auto [next, error] = std::from_chars(name, end, pid);
    if (name == end || error != std::errc() || next != end || pid == 0) {
        return std::nullopt;
    }
    return pid;
}

}  // namespace

std::string ProcFs::path(std::uint32_t pid, std::string_view name) const {
    std::string out = m_root;
    out += '/';
    out += std::to_string(pid);
    out += '/';
    out += name;
    return out;
}

Result<std::vector<std::uint32_t>> ProcFs::processIds() const {
    const DirHandle dir = openDirectory(m_root);
    if (!dir) {
        return fail("cannot list " + m_root + ": " + std::strerror(errno),
                    "process names need /proc mounted");
    }
    std::vector<std::uint32_t> pids;
    while (const dirent* entry = ::readdir(dir.get())) {
        if (const auto pid = pidName(entry->d_name)) {
            pids.push_back(*pid);
        }
    }
    return pids;
}

std::optional<std::string> ProcFs::readFile(std::uint32_t pid, std::string_view name) const {
    auto text = readTextFile(path(pid, name));
    if (!text) {
        return std::nullopt;
    }
    return std::move(*text);
}

std::string ProcFs::readLink(std::uint32_t pid, std::string_view name) const {
    std::array<char, 4096> target{};
    const ssize_t length = ::readlink(path(pid, name).c_str(), target.data(), target.size());
    if (length <= 0 || static_cast<std::size_t>(length) >= target.size()) {
        return {};
    }
    return std::string(target.data(), static_cast<std::size_t>(length));
}

ProcFs::SocketInodes ProcFs::socketInodes(std::uint32_t pid) const {
    SocketInodes result;
    const DirHandle dir = openDirectory(path(pid, "fd"));
    if (!dir) {
        result.error = errno;
        return result;
    }
    const int dirFd = ::dirfd(dir.get());
    std::array<char, 64> target{};  // "socket:[4294967295]" fits; longer targets are files
    while (const dirent* entry = ::readdir(dir.get())) {
        if (entry->d_name[0] == '.') {
            continue;
        }
        const ssize_t length = ::readlinkat(dirFd, entry->d_name, target.data(), target.size());
        if (length < 0) {
            if (errno == EACCES || errno == EPERM) {
                result.error = errno;  // the process changed credentials meanwhile
                return result;
            }
            continue;  // closed since the listing
        }
        const std::string_view text(target.data(), static_cast<std::size_t>(length));
        if (const auto inode = parseSocketLink(text)) {
            result.inodes.push_back(*inode);
        }
    }
    return result;
}

std::optional<std::uint64_t> ProcFs::fdCount(std::uint32_t pid) const {
    struct stat info {};
    if (::stat(path(pid, "fd").c_str(), &info) != 0 || info.st_size <= 0) {
        return std::nullopt;  // gone, or a kernel before 6.2 (size 0)
    }
    return static_cast<std::uint64_t>(info.st_size);
}

}  // namespace netmon::linux_platform
