// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/windows/process_table.h"

// clang-format off
#include "platform/windows/windows_api.h"
#include <tlhelp32.h>
// clang-format on

#include <array>

#include "platform/windows/windows_handles.h"

namespace netmon::windows_platform {
namespace {

class SystemProcessTable final : public ProcessTable {
public:
    std::vector<ProcessEntry> processes() override {
        std::vector<ProcessEntry> out;
        const UniqueHandle snapshot =
            adoptHandle(::CreateToolhelp32Snapshot(TH32CS_SNAPPROCESS, 0));
        if (!snapshot) {
            return out;
        }
        PROCESSENTRY32W entry{};
        entry.dwSize = sizeof entry;
        for (BOOL more = ::Process32FirstW(snapshot.get(), &entry); more != 0;
             more = ::Process32NextW(snapshot.get(), &entry)) {
            out.push_back({entry.th32ProcessID, entry.szExeFile});
        }
        return out;
    }

    ImagePath imagePath(std::uint32_t pid) override {
        const UniqueHandle process(::OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, pid));
        if (!process) {
            const DWORD error = ::GetLastError();
            // A PID that names no process any more is "invalid parameter".
            return {{},
                    error == ERROR_ACCESS_DENIED       ? ImagePathFailure::AccessDenied
                    : error == ERROR_INVALID_PARAMETER ? ImagePathFailure::Gone
                                                       : ImagePathFailure::Other};
        }
        std::array<wchar_t, 32768> buffer{};  // the longest path Windows allows
        DWORD size = static_cast<DWORD>(buffer.size());
        if (::QueryFullProcessImageNameW(process.get(), 0, buffer.data(), &size) == 0) {
            return {{}, ImagePathFailure::Other};
        }
        return {std::wstring(buffer.data(), size), ImagePathFailure::Other};
    }

    std::vector<ServiceEntry> services() override {
        std::vector<ServiceEntry> out;
        const UniqueServiceHandle manager(
            ::OpenSCManagerW(nullptr, nullptr, SC_MANAGER_ENUMERATE_SERVICE));
        if (!manager) {
            return out;
        }
        std::vector<BYTE> buffer(64 * 1024);
        DWORD resume = 0;
        for (;;) {
            DWORD needed = 0;
            DWORD count = 0;
            const BOOL done = ::EnumServicesStatusExW(
                manager.get(), SC_ENUM_PROCESS_INFO, SERVICE_WIN32, SERVICE_ACTIVE, buffer.data(),
                static_cast<DWORD>(buffer.size()), &needed, &count, &resume, nullptr);
            if (done == 0 && ::GetLastError() != ERROR_MORE_DATA) {
                return out;
            }
            const auto* services =
                reinterpret_cast<const ENUM_SERVICE_STATUS_PROCESSW*>(buffer.data());
            for (DWORD i = 0; i < count; ++i) {
                if (services[i].ServiceStatusProcess.dwProcessId != 0) {
                    out.push_back(
                        {services[i].lpServiceName, services[i].ServiceStatusProcess.dwProcessId});
                }
            }
            if (done != 0) {
                return out;
            }
            if (needed > buffer.size()) {
                buffer.resize(needed);
            }
        }
    }
};

}  // namespace

std::unique_ptr<ProcessTable> makeSystemProcessTable() {
    return std::make_unique<SystemProcessTable>();
}

}  // namespace netmon::windows_platform
