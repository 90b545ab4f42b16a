// SPDX-License-Identifier: GPL-3.0-or-later
// This OS's socket address types (sockaddr_in, sockaddr_in6, sockaddr_storage, AF_INET…), for
// the platform's shared code in platform/common/, which includes "os_sockets.h" and gets this
// file through the Windows platform library's include path.
#pragma once

#include "platform/windows/windows_api.h"
