// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Windows' headers in the one order that works: Winsock before windows.h (which would pull in
// the old winsock.h), ws2ipdef before iphlpapi (netioapi.h declares MIB_IF_ROW2, GetIfTable2 and
// the other *2 calls only when it has seen it).
// clang-format off
#include <winsock2.h>
#include <ws2tcpip.h>
#include <ws2ipdef.h>
#include <windows.h>
#include <iphlpapi.h>
#include <netioapi.h>
// clang-format on
