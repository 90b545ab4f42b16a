// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace netmon::windows_platform {

struct ProcessEntry {
    std::uint32_t pid = 0;
    std::wstring exeName;  // "svchost.exe", as the process list names it
};

struct ServiceEntry {
    std::wstring name;  // the service's key name ("Dnscache")
    std::uint32_t pid = 0;
};

enum class ImagePathFailure { AccessDenied, Gone, Other };

struct ImagePath {
    std::wstring path;  // "C:\Windows\System32\svchost.exe" when it could be read
    ImagePathFailure failure = ImagePathFailure::Other;  // why not, when path is empty
};

// What the process source asks Windows, behind an interface so its logic (caching, svchost
// services, vanished and protected processes) is unit-tested with recorded answers.
class ProcessTable {
public:
    virtual ~ProcessTable() = default;
    // Every process with its executable's name (Toolhelp snapshot: no admin rights needed).
    virtual std::vector<ProcessEntry> processes() = 0;
    // OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION) + QueryFullProcessImageNameW.
    virtual ImagePath imagePath(std::uint32_t pid) = 0;
    // Running Win32 services with the PID of the process hosting each (EnumServicesStatusExW).
    virtual std::vector<ServiceEntry> services() = 0;
};

std::unique_ptr<ProcessTable> makeSystemProcessTable();

}  // namespace netmon::windows_platform
