// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/linux/proc_socket_owners.h"

#include <algorithm>
#include <cerrno>

#include "core/utf8_text.h"

namespace netmon::linux_platform {
namespace {

std::string firstLine(std::string text) {
    text.resize(std::min(text.find('\n'), text.size()));
    return text;
}

}  // namespace

ProcSocketOwners::ProcSocketOwners(std::unique_ptr<ProcFs> procFs,
                                   std::optional<std::uint32_t> viewerUid)
    : m_procFs(std::move(procFs)), m_viewerUid(viewerUid) {}

std::optional<std::uint64_t> ProcSocketOwners::startTime(std::uint32_t pid) const {
    const auto stat = m_procFs->readFile(pid, "stat");
    if (!stat) {
        return std::nullopt;
    }
    const auto parsed = parseStartTime(*stat);
    return parsed ? std::optional<std::uint64_t>(*parsed) : std::nullopt;
}

std::optional<ProcSocketOwners::Process> ProcSocketOwners::identify(std::uint32_t pid) {
    ++m_stats.identityReads;
    const auto started = startTime(pid);
    const auto status = started ? m_procFs->readFile(pid, "status") : std::nullopt;
    const auto uids = status ? parseUids(*status) : fail("no status");
    if (!started || !uids) {
        return std::nullopt;  // exited meanwhile (or not a process folder)
    }
    Process process;
    process.startTime = *started;
    process.uids = *uids;
    process.info.pid = pid;
    process.info.uid = uids->effective();
    // Names and paths are bytes any user chooses (the kernel also cuts comm at 15 bytes,
    // mid-character): made valid UTF-8 here, where they enter core.
    process.info.name = toValidUtf8(firstLine(m_procFs->readFile(pid, "comm").value_or("")));
    process.info.executable = toValidUtf8(m_procFs->readLink(pid, "exe"));
    process.checkedCall = m_call;
    return process;
}

ProcSocketOwners::Process* ProcSocketOwners::confirmed(std::uint32_t pid) {
    const auto found = m_processes.find(pid);
    if (found == m_processes.end()) {
        return nullptr;
    }
    Process& process = found->second;
    if (process.checkedCall != m_call) {
        ++m_stats.verifications;
        if (startTime(pid) != process.startTime) {
            forget({pid});  // exited, or the pid now names another process
            return nullptr;
        }
        process.checkedCall = m_call;
    }
    return &process;
}

const ProcSocketOwners::Process* ProcSocketOwners::holder(std::uint64_t inode,
                                                          const InodeSet& wanted) {
    const auto owner = m_ownerOf.find(inode);
    if (owner == m_ownerOf.end()) {
        return nullptr;
    }
    const std::uint32_t pid = owner->second;
    Process* process = confirmed(pid);
    if (process == nullptr) {
        return nullptr;
    }
    if (fdsChanged(*process, pid, false)) {
        scan(pid, wanted);  // may forget the process, or drop this inode from it
    }
    const auto still = m_ownerOf.find(inode);
    if (still == m_ownerOf.end() || still->second != pid) {
        return nullptr;
    }
    return &m_processes.at(pid);
}

bool ProcSocketOwners::fdsChanged(Process& process, std::uint32_t pid, bool ifUnknown) {
    if (process.scannedCall == m_call) {
        return false;  // just read
    }
    if (process.fdCheckedCall != m_call) {
        process.fdCheckedCall = m_call;
        ++m_stats.fdCountChecks;
        process.fdCountNow = m_procFs->fdCount(pid);
    }
    if (!process.fdCountNow || !process.fdCount) {
        return ifUnknown;  // a kernel before 6.2 does not say
    }
    return process.fdCountNow != process.fdCount;
}

void ProcSocketOwners::forget(const std::unordered_set<std::uint32_t>& pids) {
    for (const std::uint32_t pid : pids) {
        const auto found = m_processes.find(pid);
        if (found == m_processes.end()) {
            continue;
        }
        for (const std::uint64_t inode : found->second.inodes) {
            if (const auto owner = m_ownerOf.find(inode);
                owner != m_ownerOf.end() && owner->second == pid) {
                m_ownerOf.erase(owner);
            }
        }
        m_processes.erase(found);
    }
}

void ProcSocketOwners::scan(std::uint32_t pid, const InodeSet& wanted) {
    Process* process = confirmed(pid);
    if (process == nullptr) {
        auto fresh = identify(pid);
        if (!fresh) {
            return;
        }
        process = &(m_processes[pid] = std::move(*fresh));
    }
    if (process->scannedCall == m_call) {
        return;
    }
    process->scannedCall = m_call;
    process->fdCount = m_procFs->fdCount(pid);  // before the read: later changes show next time
    ++m_stats.fdScans;
    const ProcFs::SocketInodes fds = m_procFs->socketInodes(pid);
    if (fds.error != 0) {
        if (fds.error == EACCES || fds.error == EPERM) {
            process->fdsReadable = false;
        } else {
            forget({pid});  // ENOENT: exited since the listing
        }
        return;
    }
    process->fdsReadable = true;
    for (const std::uint64_t inode : process->inodes) {
        if (const auto owner = m_ownerOf.find(inode);
            owner != m_ownerOf.end() && owner->second == pid) {
            m_ownerOf.erase(owner);
        }
    }
    process->inodes.clear();
    for (const std::uint64_t inode : fds.inodes) {
        if (wanted.contains(inode) && m_ownerOf.try_emplace(inode, pid).second) {
            process->inodes.push_back(inode);
        }
    }
}

void ProcSocketOwners::findMissing(const std::vector<SocketQuery>& missing,
                                   const InodeSet& wanted) {
    std::unordered_map<std::uint64_t, std::uint32_t> needed;  // inode → socket uid
    for (const SocketQuery& query : missing) {
        needed.emplace(query.inode, query.uid);
    }
    const auto stillNeeded = [&] {
        std::erase_if(needed, [this](const auto& item) { return m_ownerOf.contains(item.first); });
        return !needed.empty();
    };
    const auto scanWhere = [&](const auto& select) {
        std::vector<std::uint32_t> pids;
        for (const std::uint32_t pid : m_listed) {
            if (select(pid)) {
                pids.push_back(pid);
            }
        }
        for (const std::uint32_t pid : pids) {
            scan(pid, wanted);
        }
    };
    // 1. Processes not seen before: a new program with a new socket is the usual case.
    scanWhere([this](std::uint32_t pid) { return !m_processes.contains(pid); });
    if (!stillNeeded()) {
        return;
    }
    // 2. The processes of the sockets' users: first those whose number of open files changed
    //    (one stat() each), then the others.
    std::unordered_set<std::uint32_t> uids;
    for (const auto& item : needed) {
        uids.insert(item.second);
    }
    const auto ofThoseUsers = [&](std::uint32_t pid) -> Process* {
        const auto found = m_processes.find(pid);
        const bool match = found != m_processes.end() && found->second.fdsReadable &&
                           std::any_of(uids.begin(), uids.end(), [&](std::uint32_t uid) {
                               return found->second.uids.has(uid);
                           });
        return match ? &found->second : nullptr;
    };
    scanWhere([&](std::uint32_t pid) {
        Process* process = ofThoseUsers(pid);
        return process != nullptr && fdsChanged(*process, pid, true);
    });
    if (!stillNeeded()) {
        return;
    }
    scanWhere([&](std::uint32_t pid) { return ofThoseUsers(pid) != nullptr; });
    if (!stillNeeded()) {
        return;
    }
    // 3. Everyone else readable: sockets passed to another user, or made before a setuid.
    scanWhere([this](std::uint32_t pid) {
        const auto found = m_processes.find(pid);
        return found != m_processes.end() && found->second.fdsReadable;
    });
}

OwnerVisibility ProcSocketOwners::unresolved(std::uint32_t socketUid,
                                             const std::vector<ProcessUids>& unreadable) const {
    if (m_viewerUid && socketUid != *m_viewerUid) {
        return OwnerVisibility::NeedsAdmin;  // another user's processes are closed to us
    }
    const bool hidden =
        std::any_of(unreadable.begin(), unreadable.end(),
                    [socketUid](const ProcessUids& uids) { return uids.has(socketUid); });
    return hidden ? OwnerVisibility::NeedsAdmin : OwnerVisibility::NoOwner;
}

std::unordered_map<std::uint64_t, SocketOwner> ProcSocketOwners::owners(
    const std::vector<SocketQuery>& sockets) {
    ++m_call;
    std::unordered_map<std::uint64_t, SocketOwner> result;
    result.reserve(sockets.size());
    InodeSet wanted;
    wanted.reserve(sockets.size());
    for (const SocketQuery& query : sockets) {
        if (query.inode != 0) {
            wanted.insert(query.inode);
        }
    }
    const auto knownOwner = [&](std::uint64_t inode) { return holder(inode, wanted); };
    std::vector<SocketQuery> missing;
    bool anyNew = false;
    for (const SocketQuery& query : sockets) {
        if (query.inode != 0 && knownOwner(query.inode) == nullptr) {
            missing.push_back(query);
            anyNew = anyNew || !m_unresolved.contains(query.inode);
        }
    }
    // Known owners are confirmed one by one above, so /proc is listed only to look for new
    // sockets, and now and then to forget the processes that exited.
    if (anyNew || m_call - m_listedCall >= kRelistCalls) {
        auto listed = m_procFs->processIds();
        ++m_stats.listings;
        if (!listed) {
            for (const SocketQuery& query : sockets) {
                result[query.inode].visibility =
                    query.inode == 0 ? OwnerVisibility::NoOwner : OwnerVisibility::NeedsAdmin;
            }
            return result;
        }
        m_listedCall = m_call;
        m_listed = std::move(*listed);
        const std::unordered_set<std::uint32_t> alive(m_listed.begin(), m_listed.end());
        std::unordered_set<std::uint32_t> exited;
        for (const auto& [pid, process] : m_processes) {
            if (!alive.contains(pid)) {
                exited.insert(pid);
            }
        }
        forget(exited);
        if (anyNew) {
            findMissing(missing, wanted);
        }
    }

    std::vector<ProcessUids> unreadable;  // of the processes whose fds are closed to us
    for (const auto& [pid, process] : m_processes) {
        if (!process.fdsReadable) {
            unreadable.push_back(process.uids);
        }
    }
    std::unordered_map<std::uint64_t, OwnerVisibility> stillUnresolved;
    for (const SocketQuery& query : sockets) {
        SocketOwner& owner = result[query.inode];
        if (query.inode == 0) {
            owner.visibility = OwnerVisibility::NoOwner;
        } else if (const Process* process = knownOwner(query.inode)) {
            owner.visibility = OwnerVisibility::Known;
            owner.process = process->info;
        } else {
            const auto before = m_unresolved.find(query.inode);
            owner.visibility = anyNew || before == m_unresolved.end()
                                   ? unresolved(query.uid, unreadable)
                                   : before->second;
            stillUnresolved.emplace(query.inode, owner.visibility);
        }
    }
    m_unresolved = std::move(stillUnresolved);
    std::erase_if(m_ownerOf, [&wanted](const auto& item) { return !wanted.contains(item.first); });
    return result;
}

}  // namespace netmon::linux_platform
