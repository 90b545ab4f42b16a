// SPDX-License-Identifier: GPL-3.0-or-later
// netmond.exe as a real Windows service under Wine: registered with the service manager,
// started, asked by `netmon.exe watch --json --count 1` through the default pipe, stopped
// through the manager (the clean path: exit status 0, history written), and deleted.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <thread>

#include "netmon_process.h"
#include "platform/paths.h"
#include "platform/windows/wide_text.h"
#include "platform/windows/windows_handles.h"

namespace netmon::test {
namespace {

using namespace std::chrono_literals;
using windows_platform::UniqueServiceHandle;

std::wstring netmondPath() {
    std::wstring path = windows_platform::toWide(NETMON_SERVICE_PATH);
    if (!path.empty() && path.front() == L'/') {
        path = L"Z:" + path;  // Wine's drive for the Linux root
    }
    for (wchar_t& c : path) {
        c = c == L'/' ? L'\\' : c;
    }
    return path;
}

// The state the manager reports, polled until it is `wanted` or `limit` passes.
SERVICE_STATUS waitForState(SC_HANDLE service, DWORD wanted, std::chrono::seconds limit) {
    SERVICE_STATUS status{};
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (::QueryServiceStatus(service, &status) != 0 && status.dwCurrentState != wanted &&
           std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(100ms);
    }
    return status;
}

// The test's service: stopped and deleted however the test ends.
class RegisteredService {
public:
    RegisteredService(SC_HANDLE manager, const std::wstring& command) {
        m_service.reset(
            ::CreateServiceW(manager, L"netmond", L"Network Monitor", SERVICE_ALL_ACCESS,
                             SERVICE_WIN32_OWN_PROCESS, SERVICE_DEMAND_START, SERVICE_ERROR_NORMAL,
                             command.c_str(), nullptr, nullptr, nullptr, nullptr, nullptr));
        m_error = m_service ? 0 : ::GetLastError();
    }
    ~RegisteredService() {
        if (m_service) {
            SERVICE_STATUS status{};
            ::ControlService(m_service.get(), SERVICE_CONTROL_STOP, &status);
            waitForState(m_service.get(), SERVICE_STOPPED, 30s);
            ::DeleteService(m_service.get());
        }
    }
    RegisteredService(const RegisteredService&) = delete;
    RegisteredService& operator=(const RegisteredService&) = delete;
    [[nodiscard]] SC_HANDLE get() const { return m_service.get(); }
    [[nodiscard]] DWORD error() const { return m_error; }

private:
    UniqueServiceHandle m_service;
    DWORD m_error = 0;
};

TEST(ServiceLive, NetmonWatchReadsATickFromTheServiceThroughThePipe) {
    const UniqueServiceHandle manager(
        ::OpenSCManagerW(nullptr, nullptr, SC_MANAGER_CONNECT | SC_MANAGER_CREATE_SERVICE));
    ASSERT_TRUE(manager) << "the service manager cannot be opened (error " << ::GetLastError()
                         << ")";
    // Its own database and settings, in a fresh folder; the default pipe, as clients use it.
    const std::filesystem::path folder =
        std::filesystem::temp_directory_path() /
        ("netmond-live-" + std::to_string(::GetCurrentProcessId()));
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    const std::filesystem::path database = folder / "history.db";
    // The service's log (%ProgramData%\NetworkMonitor\netmond.log): this run's lines are what
    // it appends from here on.
    const std::filesystem::path log = serviceDatabasePath().parent_path() / "netmond.log";
    std::error_code sizeError;
    const std::uintmax_t logBefore = std::filesystem::file_size(log, sizeError);
    const std::wstring command = L"\"" + netmondPath() + L"\" --db \"" + database.wstring() +
                                 L"\" --config \"" + (folder / "netmond.json").wstring() + L"\"";
    {
        RegisteredService service(manager.get(), command);
        ASSERT_TRUE(service.get()) << "cannot register netmond (error " << service.error()
                                   << "; 1073: a service netmond exists already, e.g. an "
                                      "installed one: uninstall it first)";
        ASSERT_NE(::StartServiceW(service.get(), 0, nullptr), 0)
            << "StartService failed (error " << ::GetLastError() << ")";
        const SERVICE_STATUS running = waitForState(service.get(), SERVICE_RUNNING, 60s);
        ASSERT_EQ(running.dwCurrentState, static_cast<DWORD>(SERVICE_RUNNING))
            << "exit code " << running.dwWin32ExitCode << "/" << running.dwServiceSpecificExitCode;

        const NetmonRun watch = runNetmon({"watch", "--json", "--count", "1"});
        ASSERT_EQ(watch.exitCode, 0) << watch.err;
        const auto tick = nlohmann::json::parse(watch.out.substr(0, watch.out.find('\n')));
        EXPECT_EQ(tick.at("source"), "service") << watch.out;
        EXPECT_FALSE(tick.at("interfaces").empty()) << watch.out;

        SERVICE_STATUS status{};
        ASSERT_NE(::ControlService(service.get(), SERVICE_CONTROL_STOP, &status), 0)
            << "error " << ::GetLastError();
        const SERVICE_STATUS stopped = waitForState(service.get(), SERVICE_STOPPED, 60s);
        ASSERT_EQ(stopped.dwCurrentState, static_cast<DWORD>(SERVICE_STOPPED));
        EXPECT_EQ(stopped.dwWin32ExitCode, static_cast<DWORD>(NO_ERROR))
            << "service-specific exit code " << stopped.dwServiceSpecificExitCode;
    }
    // The service wrote its history, and once it stopped nothing holds the database.
    std::error_code error;
    EXPECT_GT(std::filesystem::file_size(database, error), 0u) << error.message();
    std::filesystem::remove_all(folder, error);
    EXPECT_FALSE(error) << "the stopped service still holds a file: " << error.message();
    // Groups mean nothing on Windows: --group (default netmon) is not looked up, so the log
    // does not complain that there is no such group.
    std::ifstream logFile(log, std::ios::binary);
    logFile.seekg(sizeError ? 0 : static_cast<std::streamoff>(logBefore));
    const std::string logged{std::istreambuf_iterator<char>(logFile),
                             std::istreambuf_iterator<char>()};
    EXPECT_NE(logged.find("netmond: monitoring in"), std::string::npos) << logged;
    EXPECT_EQ(logged.find("no group"), std::string::npos) << logged;
    // Gone from the manager.
    const UniqueServiceHandle gone(::OpenServiceW(manager.get(), L"netmond", SERVICE_QUERY_STATUS));
    EXPECT_FALSE(gone);
}

}  // namespace
}  // namespace netmon::test
