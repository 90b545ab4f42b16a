// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/sources/socket_source.h"
#include "platform/windows/windows_api.h"

namespace netmon::windows_platform {

// Pure parsers of the owner tables GetExtendedTcpTable / GetExtendedUdpTable fill
// (TCP_TABLE_OWNER_PID_ALL, UDP_TABLE_OWNER_PID; IPv4 and IPv6), from the raw buffer: the row
// count is checked against the buffer's size, so a short buffer is an error, never garbage.
//
// Windows sockets have no inode. The owner table names the owning process directly, so each
// record carries that PID in SocketRecord::inode — the key the process source (which core asks
// by inode) resolves to a name, path and services. PID 0 (TIME_WAIT, sockets Windows keeps no
// owner for) stays 0: no owner.
//
// Odd rows: ports are stored in network byte order in the low 16 bits of a DWORD whose upper
// bits may hold garbage; listeners' remote ends are reported as 0.0.0.0:0 / [::]:0 whatever the
// row says; dual-stack sockets' IPv4 peers keep their v4-mapped IPv6 form (::ffff:a.b.c.d), as
// on Linux, for core to unmap where it names hosts.
Result<std::vector<SocketRecord>> parseTcp4OwnerTable(std::span<const std::byte> table);
Result<std::vector<SocketRecord>> parseTcp6OwnerTable(std::span<const std::byte> table);
Result<std::vector<SocketRecord>> parseUdp4OwnerTable(std::span<const std::byte> table);
Result<std::vector<SocketRecord>> parseUdp6OwnerTable(std::span<const std::byte> table);

// The port in a table's DWORD port field (network byte order in its low 16 bits).
std::uint16_t portFromTableField(DWORD field);
// The same field as Windows expects it back (e.g. in the MIB_TCPROW EStats calls take).
DWORD tableFieldFromPort(std::uint16_t port);

// MIB_TCP_STATE as the Linux names core uses ("ESTABLISHED", "LISTEN", "TIME_WAIT", …).
std::string_view tcpStateName(DWORD state);

}  // namespace netmon::windows_platform
