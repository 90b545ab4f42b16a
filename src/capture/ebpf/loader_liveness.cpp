// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/ebpf/loader_liveness.h"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>

#include "platform/linux/proc_pid_parser.h"
#include "platform/linux/text_file.h"

namespace netmon::capture {
namespace {

std::uint64_t ownPidNamespace(const std::string& procRoot) {
    struct stat info {};
    return ::stat((procRoot + "/self/ns/pid").c_str(), &info) == 0 ? info.st_ino : 0;
}

// /proc/self names this process by its number in the pid namespace /proc belongs to; the
// same number as getpid() means that namespace is ours.
bool procShowsOurPids(const std::string& procRoot) {
    std::array<char, 32> target{};
    const ssize_t length =
        ::readlink((procRoot + "/self").c_str(), target.data(), target.size() - 1);
    return length > 0 && std::string(target.data(), static_cast<std::size_t>(length)) ==
                             std::to_string(::getpid());
}

std::optional<bool> pidRunning(std::uint32_t pid) {
    if (pid == 0 || pid > static_cast<std::uint32_t>(INT32_MAX)) {
        return std::nullopt;  // kill() would address a process group
    }
    if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM) {
        return true;  // EPERM: it exists, it is just not ours to signal
    }
    return errno == ESRCH ? std::optional(false) : std::nullopt;
}

}  // namespace

ProcessView thisProcessView(const linux_platform::ProcFs& proc) {
    std::optional<std::uint64_t> pidNamespace;
    if (const std::uint64_t inode = ownPidNamespace(proc.root());
        inode != 0 && procShowsOurPids(proc.root())) {
        pidNamespace = inode;
    }
    return ProcessView{proc, pidNamespace, pidRunning};
}

LoaderIdentity thisProcessIdentity() {
    LoaderIdentity identity;
    identity.pid = static_cast<std::uint32_t>(::getpid());
    identity.pidNamespace = ownPidNamespace("/proc");
    if (const auto stat = linux_platform::readTextFile("/proc/self/stat")) {
        identity.startTime = linux_platform::parseStartTime(*stat).value_or(0);
    }
    return identity;
}

LoaderVerdict judgeLoader(const LoaderIdentity& loader, const ProcessView& view) {
    const std::string pid = "pid " + std::to_string(loader.pid);
    if (!view.pidNamespace) {
        return {LoaderState::Unknown, "this process's /proc does not show its own pid namespace"};
    }
    if (loader.pidNamespace != *view.pidNamespace) {
        return {LoaderState::Unknown, loader.pidNamespace == 0
                                          ? "its pid namespace was not recorded"
                                          : "it ran in another pid namespace (" +
                                                std::to_string(loader.pidNamespace) +
                                                "), whose pids this process cannot look up"};
    }
    const std::optional<bool> running = view.running(loader.pid);
    if (running == false) {
        return {LoaderState::Dead, pid + " has ended"};
    }
    if (!running) {
        return {LoaderState::Unknown, "cannot tell whether " + pid + " runs"};
    }
    const std::optional<std::string> stat = view.proc.readFile(loader.pid, "stat");
    const Result<std::uint64_t> started =
        stat ? linux_platform::parseStartTime(*stat) : fail("not readable");
    if (!started) {
        return {LoaderState::Unknown, "cannot read the start time of " + pid + " (" +
                                          view.proc.root() + "/" + std::to_string(loader.pid) +
                                          "/stat: hidden or not readable)"};
    }
    if (loader.startTime == 0) {
        return {LoaderState::Unknown, "its start time was not recorded"};
    }
    if (*started != loader.startTime) {
        return {LoaderState::Dead, pid + " is another process now (another start time)"};
    }
    return {LoaderState::Alive, {}};
}

}  // namespace netmon::capture
