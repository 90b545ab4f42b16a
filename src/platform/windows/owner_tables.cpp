// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/windows/owner_tables.h"

#include <string>

#include "platform/windows/windows_api.h"
#include "platform/windows/windows_error.h"

namespace netmon::windows_platform {
namespace {

constexpr int kAttempts = 5;

DWORD fill(OwnerTable table, std::vector<std::byte>& buffer, DWORD& size) {
    void* data = buffer.empty() ? nullptr : buffer.data();
    switch (table) {
        case OwnerTable::Tcp4:
            return ::GetExtendedTcpTable(data, &size, FALSE, AF_INET, TCP_TABLE_OWNER_PID_ALL, 0);
        case OwnerTable::Tcp6:
            return ::GetExtendedTcpTable(data, &size, FALSE, AF_INET6, TCP_TABLE_OWNER_PID_ALL, 0);
        case OwnerTable::Udp4:
            return ::GetExtendedUdpTable(data, &size, FALSE, AF_INET, UDP_TABLE_OWNER_PID, 0);
        case OwnerTable::Udp6:
            return ::GetExtendedUdpTable(data, &size, FALSE, AF_INET6, UDP_TABLE_OWNER_PID, 0);
    }
    return ERROR_INVALID_PARAMETER;
}

}  // namespace

std::string_view toString(OwnerTable table) {
    switch (table) {
        case OwnerTable::Tcp4:
            return "TCP IPv4";
        case OwnerTable::Tcp6:
            return "TCP IPv6";
        case OwnerTable::Udp4:
            return "UDP IPv4";
        case OwnerTable::Udp6:
            return "UDP IPv6";
    }
    return "?";
}

Result<std::vector<std::byte>> readOwnerTable(OwnerTable table) {
    std::vector<std::byte> buffer;
    DWORD size = 0;
    DWORD status = NO_ERROR;
    for (int attempt = 0; attempt < kAttempts; ++attempt) {
        status = fill(table, buffer, size);
        if (status == NO_ERROR) {
            return buffer;  // the row count inside says how much of it is filled
        }
        if (status != ERROR_INSUFFICIENT_BUFFER) {
            break;
        }
        // Room for connections opened between this call and the next.
        buffer.resize(size + size / 8 + 1024);
        size = static_cast<DWORD>(buffer.size());
    }
    return fail("cannot read the " + std::string(toString(table)) +
                    " connection table: " + describeWindowsError(status),
                "check that the IP Helper service (iphlpsvc) is running");
}

}  // namespace netmon::windows_platform
