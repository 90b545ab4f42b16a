// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/windows/process_owners.h"

#include <algorithm>
#include <cwctype>
#include <optional>

#include "platform/windows/wide_text.h"

namespace netmon::windows_platform {
namespace {

bool isSvchost(std::wstring_view exeName) {
    constexpr std::wstring_view kSvchost = L"svchost.exe";
    return exeName.size() == kSvchost.size() &&
           std::equal(exeName.begin(), exeName.end(), kSvchost.begin(),
                      [](wchar_t a, wchar_t b) { return std::towlower(a) == std::towlower(b); });
}

std::vector<std::string> servicesOf(std::uint32_t pid, const std::vector<ServiceEntry>& services) {
    std::vector<std::string> names;
    for (const ServiceEntry& service : services) {
        if (service.pid == pid) {
            names.push_back(toUtf8(service.name));
        }
    }
    return names;
}

}  // namespace

std::string nameWithServices(const std::string& name, std::vector<std::string> services) {
    std::sort(services.begin(), services.end());
    services.erase(std::unique(services.begin(), services.end()), services.end());
    if (services.empty()) {
        return name;
    }
    std::string out = name + " [";
    for (std::size_t i = 0; i < services.size(); ++i) {
        out += (i == 0 ? "" : ", ") + services[i];
    }
    return out + "]";
}

ProcessOwners::ProcessOwners(std::unique_ptr<ProcessTable> table,
                             std::chrono::steady_clock::duration serviceRefresh)
    : m_table(std::move(table)), m_serviceRefresh(serviceRefresh) {}

std::unordered_map<std::uint64_t, SocketOwner> ProcessOwners::owners(
    const std::vector<SocketQuery>& queries, std::chrono::steady_clock::time_point now) {
    std::unordered_map<std::uint32_t, bool> wanted;  // pid → needs a (new) look-up
    for (const SocketQuery& query : queries) {
        if (query.inode == 0 || query.inode > UINT32_MAX) {
            continue;
        }
        const auto pid = static_cast<std::uint32_t>(query.inode);
        const auto cached = m_cache.find(pid);
        wanted[pid] =
            cached == m_cache.end() ||
            (cached->second.svchost && now - cached->second.servicesAt >= m_serviceRefresh);
    }
    std::erase_if(m_cache, [&wanted](const auto& entry) { return !wanted.contains(entry.first); });

    std::optional<std::unordered_map<std::uint32_t, std::wstring>> names;
    std::optional<std::vector<ServiceEntry>> services;
    std::unordered_map<std::uint64_t, SocketOwner> out;
    for (const auto& [pid, lookUp] : wanted) {
        if (lookUp) {
            if (!names) {
                names.emplace();
                for (ProcessEntry& entry : m_table->processes()) {
                    names->emplace(entry.pid, std::move(entry.exeName));
                }
            }
            const auto name = names->find(pid);
            ImagePath path;
            if (name != names->end()) {
                path = m_table->imagePath(pid);
            }
            if (name == names->end() ||
                (path.path.empty() && path.failure == ImagePathFailure::Gone)) {
                m_cache.erase(pid);
                out[pid] = SocketOwner{};  // gone between the socket table and now
                continue;
            }
            Cached entry;
            entry.svchost = isSvchost(name->second);
            entry.servicesAt = now;
            entry.owner.visibility = OwnerVisibility::Known;
            entry.owner.process.pid = pid;
            entry.owner.process.name = toUtf8(name->second);
            entry.owner.process.executable = toUtf8(path.path);
            if (entry.svchost) {
                if (!services) {
                    services = m_table->services();
                }
                entry.owner.process.name =
                    nameWithServices(entry.owner.process.name, servicesOf(pid, *services));
            }
            m_cache[pid] = std::move(entry);
        }
        out[pid] = m_cache.at(pid).owner;
    }
    return out;
}

}  // namespace netmon::windows_platform
