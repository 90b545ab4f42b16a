// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include "platform/windows/windows_api.h"

namespace netmon::windows_platform {

// RAII for the Windows handles this library opens: each closed exactly once, by the call that
// matches how it was opened.

struct HandleCloser {
    void operator()(HANDLE handle) const noexcept { ::CloseHandle(handle); }
};
// A kernel object handle (process, event, token, snapshot). HANDLE is void*.
using UniqueHandle = std::unique_ptr<void, HandleCloser>;

// Functions return either null or INVALID_HANDLE_VALUE for "no handle"; both become empty.
inline UniqueHandle adoptHandle(HANDLE handle) {
    return UniqueHandle(handle == INVALID_HANDLE_VALUE ? nullptr : handle);
}

struct ModuleCloser {
    void operator()(HMODULE module) const noexcept { ::FreeLibrary(module); }
};
// A DLL loaded with LoadLibraryExW.
using UniqueModule = std::unique_ptr<std::remove_pointer_t<HMODULE>, ModuleCloser>;

struct ServiceHandleCloser {
    void operator()(SC_HANDLE handle) const noexcept { ::CloseServiceHandle(handle); }
};
using UniqueServiceHandle = std::unique_ptr<std::remove_pointer_t<SC_HANDLE>, ServiceHandleCloser>;

struct MibTableFree {
    void operator()(void* table) const noexcept { ::FreeMibTable(table); }
};
// A table an IP Helper *2 function allocated (GetIfTable2, GetUnicastIpAddressTable).
template <typename Table>
using MibTable = std::unique_ptr<Table, MibTableFree>;

// Converts a function address from GetProcAddress to its real type (the one cast Windows'
// run-time linking needs; FARPROC is a generic function pointer).
template <typename Function>
Function procAddress(HMODULE module, const char* name) {
    return reinterpret_cast<Function>(reinterpret_cast<void*>(::GetProcAddress(module, name)));
}

}  // namespace netmon::windows_platform
