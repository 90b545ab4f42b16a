// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/sources/process_source.h"
#include "platform/windows/process_table.h"

namespace netmon::windows_platform {

// Turns the owner tables' PIDs into processes: name (from the process list, which needs no
// admin rights), full path (where Windows lets this user open the process; empty otherwise) and,
// for svchost.exe, the services it hosts — "svchost.exe [Dnscache, NlaSvc]" — so shared service
// hosts can be told apart.
//
// Each PID is looked up once and cached while sockets keep naming it; the process list is taken
// only in ticks that bring a PID not seen before, the service list only when such a PID is a
// svchost (and a svchost's services are looked up again after `serviceRefresh`, since services
// start and stop inside it). A PID whose process has gone is no owner (not cached: its sockets
// are going too).
class ProcessOwners {
public:
    explicit ProcessOwners(
        std::unique_ptr<ProcessTable> table,
        std::chrono::steady_clock::duration serviceRefresh = std::chrono::seconds(60));

    // Queries carry PIDs in SocketQuery::inode (see owner_table_parser.h). One entry per query.
    std::unordered_map<std::uint64_t, SocketOwner> owners(
        const std::vector<SocketQuery>& queries, std::chrono::steady_clock::time_point now);

private:
    struct Cached {
        SocketOwner owner;
        std::chrono::steady_clock::time_point servicesAt;
        bool svchost = false;
    };
    std::unique_ptr<ProcessTable> m_table;
    std::chrono::steady_clock::duration m_serviceRefresh;
    std::unordered_map<std::uint32_t, Cached> m_cache;
};

// "svchost.exe [Dnscache, NlaSvc]" from the name and the services (sorted, unique); the name
// alone without services.
std::string nameWithServices(const std::string& name, std::vector<std::string> services);

}  // namespace netmon::windows_platform
