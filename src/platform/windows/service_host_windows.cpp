// SPDX-License-Identifier: GPL-3.0-or-later
// netmond under Windows' service manager: StartServiceCtrlDispatcherW hands the process's
// service to ServiceMain on a thread of its own, the body runs there, and the manager's stop
// and shutdown controls become a StopSignal request: the same path as Ctrl-C or SIGTERM, so the
// last tick is written. A service has no console: the log goes to a file in the service's
// admin-only folder, made or checked first (platform/service_folder.h).
#include <fstream>
#include <iostream>

#include "platform/paths.h"
#include "platform/service_folder.h"
#include "platform/service_host.h"
#include "platform/stop_signal.h"
#include "platform/windows/wide_text.h"
#include "platform/windows/windows_api.h"

namespace netmon {
namespace {

constexpr wchar_t kServiceName[] = L"netmond";
constexpr std::uintmax_t kLogLimit = 1024 * 1024;
constexpr DWORD kStopWaitHint = 30'000;  // a last tick, then capture and clients end

// StartServiceCtrlDispatcherW gives ServiceMain no context: the one body of this process.
const std::function<int(ServiceHost&)>* g_body = nullptr;
SERVICE_STATUS_HANDLE g_status = nullptr;
int g_exitStatus = 0;

void report(DWORD state, DWORD exitCode = NO_ERROR, DWORD waitHint = 0) {
    SERVICE_STATUS status{};
    status.dwServiceType = SERVICE_WIN32_OWN_PROCESS;
    status.dwCurrentState = state;
    status.dwControlsAccepted =
        state == SERVICE_RUNNING ? SERVICE_ACCEPT_STOP | SERVICE_ACCEPT_SHUTDOWN : 0;
    status.dwWin32ExitCode = exitCode == NO_ERROR ? NO_ERROR : ERROR_SERVICE_SPECIFIC_ERROR;
    status.dwServiceSpecificExitCode = exitCode;
    status.dwWaitHint = waitHint;
    ::SetServiceStatus(g_status, &status);
}

DWORD WINAPI onControl(DWORD control, DWORD, void*, void*) {
    switch (control) {
        case SERVICE_CONTROL_STOP:
        case SERVICE_CONTROL_SHUTDOWN:
            report(SERVICE_STOP_PENDING, NO_ERROR, kStopWaitHint);
            StopSignal::install().request();
            return NO_ERROR;
        case SERVICE_CONTROL_INTERROGATE:
            return NO_ERROR;
        default:
            return ERROR_CALL_NOT_IMPLEMENTED;
    }
}

// A service has no console: a failure before its log exists goes to the Windows event log
// (Application, source netmond) and, for a console that started it by hand, standard error.
void reportEarlyFailure(const Error& error) {
    const std::string text =
        "netmond: error: " + error.message + (error.hint.empty() ? "" : "\n  hint: " + error.hint);
    std::cerr << text << std::endl;
    const HANDLE source = ::RegisterEventSourceW(nullptr, kServiceName);
    if (source == nullptr) {
        return;
    }
    const std::wstring wide = windows_platform::toWide(text);
    const wchar_t* strings[] = {wide.c_str()};
    ::ReportEventW(source, EVENTLOG_ERROR_TYPE, 0, 0, nullptr, 1, 0, strings, nullptr);
    ::DeregisterEventSource(source);
}

// The service's folder made admin-only (platform/service_folder.h) and the log files in it
// checked before the log is opened; returns what was fixed, for the log.
Result<std::vector<std::string>> secureLogFiles(const std::filesystem::path& folder) {
    auto notes = platform::secureServiceFolder(folder);
    if (!notes) {
        return notes;
    }
    for (const wchar_t* name : {L"netmond.log", L"netmond.old.log"}) {
        auto checked = platform::checkServiceFile(folder / name);
        if (!checked) {
            return checked;
        }
        notes->insert(notes->end(), checked->begin(), checked->end());
    }
    return notes;
}

// %ProgramData%\NetworkMonitor\netmond.log, appended to; a log past 1 MiB starts afresh, the
// previous one kept as netmond.old.log.
std::ofstream openLog(const std::filesystem::path& folder) {
    const std::filesystem::path path = folder / L"netmond.log";
    std::error_code error;
    if (std::filesystem::file_size(path, error) > kLogLimit && !error) {
        std::filesystem::rename(path, folder / L"netmond.old.log", error);
    }
    return std::ofstream(path, std::ios::app);
}

void WINAPI serviceMain(DWORD, wchar_t**) {
    g_status = ::RegisterServiceCtrlHandlerExW(kServiceName, onControl, nullptr);
    if (g_status == nullptr) {
        return;
    }
    report(SERVICE_START_PENDING, NO_ERROR, kStopWaitHint);
    const std::filesystem::path folder = serviceDatabasePath().parent_path();
    const auto secured = secureLogFiles(folder);
    if (!secured) {
        reportEarlyFailure(secured.error());
        g_exitStatus = 1;
        report(SERVICE_STOPPED, static_cast<DWORD>(g_exitStatus));
        return;
    }
    std::ofstream file = openLog(folder);
    std::ostream& log = file.is_open() ? static_cast<std::ostream&>(file) : std::cerr;
    for (const std::string& note : *secured) {
        log << "netmond: " << note << std::endl;
    }
    ServiceHost host{log, [] { report(SERVICE_RUNNING); }};
    try {
        g_exitStatus = (*g_body)(host);
    } catch (const std::exception& error) {
        log << "netmond: unexpected failure: " << error.what() << std::endl;
        g_exitStatus = 1;
    }
    report(SERVICE_STOPPED, static_cast<DWORD>(g_exitStatus));
}

}  // namespace

int runServiceProcess(bool foreground, const std::function<int(ServiceHost&)>& body) {
    if (foreground) {
        ServiceHost host{std::cerr, [] {}};
        return body(host);
    }
    g_body = &body;
    wchar_t name[] = L"netmond";  // the API wants it writable
    const SERVICE_TABLE_ENTRYW table[] = {{name, serviceMain}, {nullptr, nullptr}};
    if (::StartServiceCtrlDispatcherW(table) == 0) {
        if (::GetLastError() == ERROR_FAILED_SERVICE_CONTROLLER_CONNECT) {
            std::cerr << "netmond: error: not started by the service manager\n"
                         "  hint: start the service (net start netmond, as Administrator), or "
                         "run netmond --foreground in a console\n";
        } else {
            std::cerr << "netmond: error: cannot reach the service manager\n";
        }
        return 1;
    }
    return g_exitStatus;
}

}  // namespace netmon
