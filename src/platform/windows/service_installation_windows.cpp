// SPDX-License-Identifier: GPL-3.0-or-later
// clang-format off
#include <windows.h>
// clang-format on

#include "platform/service_installation.h"

namespace netmon {

ServiceInstallation serviceInstallation() {
    ServiceInstallation installation;
    installation.startHint = "net start netmond (as Administrator)";
    SC_HANDLE manager = ::OpenSCManagerW(nullptr, nullptr, SC_MANAGER_CONNECT);
    if (manager == nullptr) {
        installation.detail = "the service manager cannot be asked";
        return installation;
    }
    SC_HANDLE service = ::OpenServiceW(manager, L"netmond", SERVICE_QUERY_STATUS);
    installation.installed = service != nullptr;
    installation.detail = installation.installed ? "registered as the service netmond"
                                                 : "no service netmond is registered";
    if (service != nullptr) {
        ::CloseServiceHandle(service);
    }
    ::CloseServiceHandle(manager);
    return installation;
}

}  // namespace netmon
