// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/sources/process_source.h"
#include "platform/linux/proc_fs.h"
#include "platform/linux/proc_pid_parser.h"

namespace netmon::linux_platform {

// Finds the process holding each socket inode through /proc/<pid>/fd, incrementally.
//
// Kept between calls: each process seen (pid + start time, so a reused pid is told apart; its
// uids, name and executable) and inode → pid for the sockets asked about. Per call:
// - /proc is listed when an inode is not known yet, and at least every kRelistCalls calls;
//   processes that exited are then forgotten with their inodes (a known owner that exited is
//   found out by its own stat, below).
// - A known inode costs, once per owner and call, a read of its stat (same start time?) and a
//   stat() of its fd folder (same number of open files? else its fds are read again, so a
//   socket it closed or handed over is not left attributed to it).
// - Inodes not yet known trigger, at most once each per call: a scan of the processes not
//   seen before; then of the processes with the socket's uid (root's sockets: root's
//   processes), those whose number of open files changed first; then, for what is still
//   missing (a socket passed to, or created before a setuid by, another user's process), of
//   every other process. No process is read twice in one call.
// - An inode no scan found is remembered as such and not looked for again until another
//   unknown inode triggers scans. It is NeedsAdmin when a process that may hold it could not be
//   read (EACCES), or when this viewer cannot read other users' processes and the socket is
//   another user's; otherwise NoOwner. Never a wrong process.
class ProcSocketOwners {
public:
    // At least every kRelistCalls calls /proc is listed, to forget processes that exited.
    static constexpr std::uint64_t kRelistCalls = 30;

    // `viewerUid`: the caller's effective uid when it cannot read other users' processes
    // (not root); nullopt when it can.
    ProcSocketOwners(std::unique_ptr<ProcFs> procFs, std::optional<std::uint32_t> viewerUid);

    std::unordered_map<std::uint64_t, SocketOwner> owners(const std::vector<SocketQuery>& sockets);

    // What the calls so far cost, for tests and benchmarks.
    struct Stats {
        std::uint64_t listings = 0;       // /proc listed
        std::uint64_t identityReads = 0;  // stat/status/comm/exe of a new (or reused) pid
        std::uint64_t verifications = 0;  // stat re-read to check a pid is the same process
        std::uint64_t fdCountChecks = 0;  // <pid>/fd stat()ed to see whether its fds changed
        std::uint64_t fdScans = 0;        // <pid>/fd folders read
    };
    [[nodiscard]] const Stats& stats() const { return m_stats; }
    [[nodiscard]] std::size_t cachedProcesses() const { return m_processes.size(); }

private:
    struct Process {
        std::uint64_t startTime = 0;
        ProcessUids uids;
        ProcessInfo info;
        bool fdsReadable = true;
        std::vector<std::uint64_t> inodes;        // those of m_ownerOf it was found holding
        std::optional<std::uint64_t> fdCount;     // open files when its fds were last read
        std::optional<std::uint64_t> fdCountNow;  // open files at fdCheckedCall
        std::uint64_t checkedCall = 0;            // identity confirmed in this call
        std::uint64_t fdCheckedCall = 0;          // fd count looked at in this call
        std::uint64_t scannedCall = 0;            // fds read in this call
    };
    using InodeSet = std::unordered_set<std::uint64_t>;

    // The cached process, its identity confirmed this call; nullptr when it is gone.
    Process* confirmed(std::uint32_t pid);
    // The process holding `inode` as far as the cache knows, confirmed, and read again first
    // if its number of open files changed since its fds were read.
    const Process* holder(std::uint64_t inode, const InodeSet& wanted);
    // Whether its number of open files differs from when its fds were read (one stat() per
    // call); `ifUnknown` where the kernel does not tell.
    bool fdsChanged(Process& process, std::uint32_t pid, bool ifUnknown);
    std::optional<Process> identify(std::uint32_t pid);
    std::optional<std::uint64_t> startTime(std::uint32_t pid) const;
    void scan(std::uint32_t pid, const InodeSet& wanted);
    void forget(const std::unordered_set<std::uint32_t>& pids);
    void findMissing(const std::vector<SocketQuery>& missing, const InodeSet& wanted);
    [[nodiscard]] OwnerVisibility unresolved(std::uint32_t socketUid,
                                             const std::vector<ProcessUids>& unreadable) const;

    std::unique_ptr<ProcFs> m_procFs;
    std::optional<std::uint32_t> m_viewerUid;
    std::unordered_map<std::uint32_t, Process> m_processes;
    std::vector<std::uint32_t> m_listed;  // pids of the last listing
    std::uint64_t m_listedCall = 0;
    std::unordered_map<std::uint64_t, std::uint32_t> m_ownerOf;       // inode → pid
    std::unordered_map<std::uint64_t, OwnerVisibility> m_unresolved;  // looked for, not found
    std::uint64_t m_call = 0;
    Stats m_stats;
};

}  // namespace netmon::linux_platform
