// SPDX-License-Identifier: GPL-3.0-or-later
// clang-format off
#include "platform/windows/windows_api.h"
#include <knownfolders.h>
#include <shlobj.h>
// clang-format on

#include <memory>
#include <optional>
#include <system_error>

#include "platform/paths.h"

namespace netmon {
namespace {

struct CoTaskMemFreer {
    void operator()(wchar_t* text) const noexcept { ::CoTaskMemFree(text); }
};

// The user's known folder (Roaming or Local AppData), else its environment variable, else the
// working directory so that the files at least land somewhere visible.
std::filesystem::path knownFolder(const KNOWNFOLDERID& id, const wchar_t* variable) {
    wchar_t* raw = nullptr;
    const HRESULT result = ::SHGetKnownFolderPath(id, KF_FLAG_DEFAULT, nullptr, &raw);
    const std::unique_ptr<wchar_t, CoTaskMemFreer> folder(raw);
    if (SUCCEEDED(result) && folder && folder.get()[0] != L'\0') {
        return std::filesystem::path(folder.get());
    }
    std::wstring value(32768, L'\0');
    const DWORD length =
        ::GetEnvironmentVariableW(variable, value.data(), static_cast<DWORD>(value.size()));
    if (length > 0 && length < value.size()) {
        value.resize(length);
        std::filesystem::path path(value);
        if (path.is_absolute()) {
            return path;
        }
    }
    std::error_code error;
    auto current = std::filesystem::current_path(error);
    return error ? std::filesystem::path(".") : current;
}

}  // namespace

std::filesystem::path defaultConfigPath() {
    return knownFolder(FOLDERID_RoamingAppData, L"APPDATA") / L"NetworkMonitor" / L"config.json";
}

std::filesystem::path defaultDatabasePath() {
    return knownFolder(FOLDERID_LocalAppData, L"LOCALAPPDATA") / L"NetworkMonitor" / L"history.db";
}

std::filesystem::path serviceConfigPath() {
    return knownFolder(FOLDERID_ProgramData, L"ProgramData") / L"NetworkMonitor" / L"netmond.json";
}

std::filesystem::path serviceDatabasePath() {
    return knownFolder(FOLDERID_ProgramData, L"ProgramData") / L"NetworkMonitor" / L"history.db";
}

std::filesystem::path serviceSocketPath() {
    return LR"(\\.\pipe\netmond)";
}

}  // namespace netmon
