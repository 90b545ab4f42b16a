// SPDX-License-Identifier: GPL-3.0-or-later
// The Windows calls themselves, as far as Wine shows them: interface counters, owner tables,
// calendar, paths, atomic writes.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "core/sources/interface_source.h"
#include "core/sources/socket_source.h"
#include "platform/calendar.h"
#include "platform/file_io.h"
#include "platform/local_time_text.h"
#include "platform/paths.h"
#include "platform/source_factories.h"
#include "platform/windows/wide_text.h"
#include "platform/windows/windows_handles.h"
#include "platform/windows/winsock_session.h"

namespace netmon::windows_platform {
namespace {

std::filesystem::path environmentPath(const wchar_t* variable) {
    std::wstring value(32768, L'\0');
    const DWORD length =
        ::GetEnvironmentVariableW(variable, value.data(), static_cast<DWORD>(value.size()));
    value.resize(length);
    return value;
}

TEST(SystemCalls, InterfaceTableListsLoopbackWithGrowingCounters) {
    const auto source = makeInterfaceSource();
    EXPECT_EQ(source->mechanism(), "GetIfTable2");
    const auto first = source->read();
    ASSERT_TRUE(first) << first.error().describe();
    const auto loopback = std::find_if(first->begin(), first->end(), [](const InterfaceStat& i) {
        return i.kind == InterfaceKind::Loopback;
    });
    ASSERT_NE(loopback, first->end());
    EXPECT_TRUE(loopback->isVirtual);
    EXPECT_FALSE(loopback->name.empty());
    const auto second = source->read();
    ASSERT_TRUE(second);
    for (const InterfaceStat& later : *second) {
        for (const InterfaceStat& earlier : *first) {
            if (earlier.name == later.name) {
                EXPECT_GE(later.counters.rxBytes, earlier.counters.rxBytes) << later.name;
                EXPECT_GE(later.counters.txPackets, earlier.counters.txPackets) << later.name;
            }
        }
    }
}

TEST(SystemCalls, OwnerTablesListAListenerWeOpen) {
    ASSERT_TRUE(ensureWinsock());
    const SOCKET listener = ::socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ASSERT_NE(listener, INVALID_SOCKET);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = ::htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::bind(listener, reinterpret_cast<const sockaddr*>(&address), sizeof address), 0);
    ASSERT_EQ(::listen(listener, 4), 0);
    int length = sizeof address;
    ::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length);
    const std::uint16_t port = ::ntohs(address.sin_port);

    const auto reading = makeSocketSource()->read();
    ::closesocket(listener);
    ASSERT_TRUE(reading) << reading.error().describe();
    const bool listed =
        std::any_of(reading->open.begin(), reading->open.end(), [port](const SocketRecord& record) {
            return record.key.protocol == Protocol::Tcp && record.listening &&
                   record.key.localPort == port &&
                   record.key.localAddress.toString() == "127.0.0.1";
        });
    EXPECT_TRUE(listed) << "no listener on 127.0.0.1:" << port;
}

TEST(SystemCalls, LocalDaysAndMonths) {
    using namespace std::chrono;
    const auto now = system_clock::now();
    const auto dayStart = localDayStart(now);
    const auto nextDay = nextLocalDayStart(now);
    EXPECT_LE(dayStart, now);
    EXPECT_GT(nextDay, now);
    EXPECT_GE(nextDay - dayStart, hours(23));
    EXPECT_LE(nextDay - dayStart, hours(25));
    EXPECT_TRUE(formatLocalTime(dayStart).ends_with(" 00:00:00")) << formatLocalTime(dayStart);
    EXPECT_TRUE(formatLocalTime(localMonthStart(now)).ends_with("-01 00:00:00"));
    EXPECT_EQ(formatLocalTime(now).size(), std::string("2026-11-26 20:34:05").size());
}

TEST(SystemCalls, SettingsRoamAndHistoryStaysLocal) {
    EXPECT_EQ(defaultConfigPath(),
              environmentPath(L"APPDATA") / L"NetworkMonitor" / L"config.json");
    EXPECT_EQ(defaultDatabasePath(),
              environmentPath(L"LOCALAPPDATA") / L"NetworkMonitor" / L"history.db");
}

TEST(SystemCalls, AtomicWritesReplaceAndLeaveNothingBehind) {
    const std::filesystem::path folder =
        std::filesystem::temp_directory_path() /
        (L"netmon-write-" + std::to_wstring(::GetCurrentProcessId())) / L"B\u00fcro";
    const std::filesystem::path file = folder / L"config.json";
    ASSERT_TRUE(writeFileAtomically(file, "first"));
    ASSERT_TRUE(writeFileAtomically(file, "second, longer"));
    const auto content = readWholeFile(file);
    ASSERT_TRUE(content);
    EXPECT_EQ(*content, "second, longer");
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(folder),
                            std::filesystem::directory_iterator()),
              1);
    std::filesystem::remove_all(folder.parent_path());
}

}  // namespace
}  // namespace netmon::windows_platform
