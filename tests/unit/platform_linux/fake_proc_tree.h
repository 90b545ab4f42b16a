// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cerrno>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "platform/linux/proc_fs.h"

// A fake /proc tree in a folder, for ProcSocketOwners: processes with fd links "socket:[N]",
// stat (start time in field 22), status (Uid), comm and exe; and a ProcFs over it that counts
// the fd folders read and can refuse some (as the kernel does for another user's process).
namespace netmon::linux_platform::test_proc {

namespace fs = std::filesystem;

class FakeProc {
public:
    explicit FakeProc(fs::path root) : m_root(std::move(root)) {
        fs::create_directories(m_root / "self");  // non-numeric entries are not processes
        fs::create_directories(m_root / "net");
    }

    void add(std::uint32_t pid, std::uint64_t start, std::uint32_t uid, const std::string& comm,
             const std::vector<std::uint64_t>& inodes) {
        const fs::path dir = m_root / std::to_string(pid);
        fs::create_directories(dir / "fd");
        std::ofstream(dir / "stat") << pid << " (" << comm << ") S 1 " << pid << " " << pid
                                    << " 0 -1 4194560 10 0 0 0 1 1 0 0 20 0 1 0 " << start
                                    << " 1000 100 18446744073709551615\n";
        std::ofstream(dir / "status") << "Name:\t" << comm << "\nUmask:\t0022\nUid:\t" << uid
                                      << "\t" << uid << "\t" << uid << "\t" << uid << "\n";
        std::ofstream(dir / "comm") << comm << "\n";
        fs::create_symlink("/usr/bin/" + comm, dir / "exe");
        fs::create_symlink("/dev/null", dir / "fd" / "0");
        fs::create_symlink("pipe:[77]", dir / "fd" / "1");
        int fd = 2;
        for (const std::uint64_t inode : inodes) {
            fs::create_symlink("socket:[" + std::to_string(inode) + "]",
                               dir / "fd" / std::to_string(++fd));
        }
    }
    void addSocket(std::uint32_t pid, std::uint64_t inode) {
        const fs::path fd = m_root / std::to_string(pid) / "fd";
        int next = 0;
        while (fs::is_symlink(fd / std::to_string(next))) {
            ++next;  // the lowest free number, as the kernel picks
        }
        fs::create_symlink("socket:[" + std::to_string(inode) + "]", fd / std::to_string(next));
    }
    void removeSocket(std::uint32_t pid, std::uint64_t inode) {
        const std::string target = "socket:[" + std::to_string(inode) + "]";
        for (const auto& link : fs::directory_iterator(m_root / std::to_string(pid) / "fd")) {
            if (fs::read_symlink(link.path()) == target) {
                fs::remove(link.path());
            }
        }
    }
    void replaceWithSocket(std::uint32_t pid, int fd, std::uint64_t inode) {
        const fs::path link = m_root / std::to_string(pid) / "fd" / std::to_string(fd);
        fs::remove(link);
        fs::create_symlink("socket:[" + std::to_string(inode) + "]", link);
    }
    void remove(std::uint32_t pid) { fs::remove_all(m_root / std::to_string(pid)); }
    void removeFdFolder(std::uint32_t pid) { fs::remove_all(m_root / std::to_string(pid) / "fd"); }

private:
    fs::path m_root;
};

// Counts what is read; refuses the fd folders of `denied` pids with EACCES.
class CountingProcFs : public ProcFs {
public:
    using ProcFs::ProcFs;
    [[nodiscard]] SocketInodes socketInodes(std::uint32_t pid) const override {
        ++fdScans[pid];
        if (denied.contains(pid)) {
            return {{}, EACCES};
        }
        return ProcFs::socketInodes(pid);
    }
    // The kernel (6.2+) reports the number of open files as the fd folder's size; a folder on
    // disk does not, so count its entries.
    [[nodiscard]] std::optional<std::uint64_t> fdCount(std::uint32_t pid) const override {
        std::error_code error;
        const fs::directory_iterator links(fs::path(root()) / std::to_string(pid) / "fd", error);
        if (error) {
            return std::nullopt;
        }
        return static_cast<std::uint64_t>(std::distance(links, fs::directory_iterator{}));
    }
    [[nodiscard]] int totalFdScans() const {
        int total = 0;
        for (const auto& [pid, count] : fdScans) {
            total += count;
        }
        return total;
    }
    mutable std::map<std::uint32_t, int> fdScans;
    std::set<std::uint32_t> denied;
};

}  // namespace netmon::linux_platform::test_proc
