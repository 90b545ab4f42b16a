// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// POSIX only: for the Linux tests that check which files other users could read.

#include <sys/stat.h>

#include <filesystem>

namespace netmon::test {

// The permission bits of the path itself (a link is not followed), as `ls -l` shows them; 0 if
// there is nothing there.
inline mode_t modeOf(const std::filesystem::path& path) {
    struct stat status {};
    if (::lstat(path.c_str(), &status) != 0) {
        return 0;
    }
    return status.st_mode & 07777;
}

// The usual umask 022 for one test (files 0644, folders 0755 unless the code says otherwise),
// and the old one back afterwards.
class ScopedUmask {
public:
    ScopedUmask() : m_old(::umask(022)) {}
    ~ScopedUmask() { ::umask(m_old); }
    ScopedUmask(const ScopedUmask&) = delete;
    ScopedUmask& operator=(const ScopedUmask&) = delete;

private:
    mode_t m_old;
};

}  // namespace netmon::test
