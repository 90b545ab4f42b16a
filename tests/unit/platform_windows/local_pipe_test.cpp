// SPDX-License-Identifier: GPL-3.0-or-later
// The service's named pipe (platform/windows/local_socket_windows.cpp) under Wine: bytes both
// ways, the end of the stream, timeouts, wake-ups from another thread, the single service per
// pipe name, its access list as the kernel object holds it, and the client's identity.
#include <gtest/gtest.h>

// clang-format off
#include "platform/windows/windows_api.h"
#include <aclapi.h>
#include <sddl.h>
// clang-format on

#include <atomic>
#include <string>
#include <thread>

#include "platform/local_socket.h"
#include "platform/windows/pipe_client_identity.h"
#include "platform/windows/pipe_security.h"
#include "platform/windows/windows_handles.h"

namespace netmon::platform {
namespace {

using namespace std::chrono_literals;
using windows_platform::UniqueHandle;

// A pipe name of this test process alone (ctest runs test binaries side by side).
std::filesystem::path uniquePipe() {
    static std::atomic<int> counter{0};
    return LR"(\\.\pipe\netmon-test-)" + std::to_wstring(::GetCurrentProcessId()) + L"-" +
           std::to_wstring(counter++);
}

// Everything until the end of the stream.
std::string readAll(LocalConnection& connection) {
    std::string all;
    char buffer[4096];
    for (;;) {
        auto got = connection.read(buffer, 10s);
        if (!got) {
            ADD_FAILURE() << got.error().message;
            return all;
        }
        if (*got == 0) {
            return all;
        }
        all.append(buffer, *got);
    }
}

std::string payload(std::size_t size) {
    std::string text(size, '\0');
    for (std::size_t i = 0; i < size; ++i) {
        text[i] = static_cast<char>('a' + i % 26);
    }
    return text;
}

TEST(LocalPipe, ClientReadsWhatTheServicesPeerWroteThenTheEnd) {
    const auto path = uniquePipe();
    auto listener = LocalListener::listen(path, {});
    ASSERT_TRUE(listener) << listener.error().message;
    // More than the pipe's 64 KiB buffer: the writer waits for the reader, chunk by chunk.
    const std::string sent = "hello\n" + payload(300'000);
    std::string received;
    std::thread server([&] {
        auto connection = listener->accept();
        ASSERT_TRUE(connection) << connection.error().message;
        char request[16];
        auto got = connection->read(request, 10s);
        ASSERT_TRUE(got && *got == 5) << "the request";
        received.assign(request, *got);
        ASSERT_TRUE(connection->write(sent, 10s));
        connection->shutdown();  // written bytes stay readable; then the client sees the end
    });
    auto client = connectLocal(path, 5s);
    ASSERT_TRUE(client) << client.error().message;
    ASSERT_TRUE(client->write("ping\n", 5s));
    const std::string all = readAll(*client);
    server.join();
    EXPECT_EQ(received, "ping\n");
    EXPECT_EQ(all.size(), sent.size());
    EXPECT_TRUE(all == sent);
}

TEST(LocalPipe, ReadWithoutDataTimesOut) {
    const auto path = uniquePipe();
    auto listener = LocalListener::listen(path, {});
    ASSERT_TRUE(listener) << listener.error().message;
    auto client = connectLocal(path, 5s);
    ASSERT_TRUE(client) << client.error().message;
    auto connection = listener->accept();
    ASSERT_TRUE(connection) << connection.error().message;
    char buffer[16];
    auto got = connection->read(buffer, 100ms);
    ASSERT_FALSE(got);
    EXPECT_NE(got.error().message.find("no data"), std::string::npos) << got.error().message;
    // The connection still works after a timed-out read (the cancelled read lost nothing).
    ASSERT_TRUE(client->write("x", 5s));
    got = connection->read(buffer, 5s);
    ASSERT_TRUE(got) << got.error().message;
    EXPECT_EQ(std::string(buffer, *got), "x");
}

TEST(LocalPipe, WriteToAReaderThatReadsNothingTimesOut) {
    const auto path = uniquePipe();
    auto listener = LocalListener::listen(path, {});
    ASSERT_TRUE(listener) << listener.error().message;
    auto client = connectLocal(path, 5s);
    ASSERT_TRUE(client) << client.error().message;
    auto connection = listener->accept();
    ASSERT_TRUE(connection) << connection.error().message;
    auto written = connection->write(payload(1'000'000), 200ms);  // far more than the buffer
    ASSERT_FALSE(written);
    EXPECT_NE(written.error().message.find("took nothing"), std::string::npos)
        << written.error().message;
}

TEST(LocalPipe, ShutdownWakesABlockedRead) {
    const auto path = uniquePipe();
    auto listener = LocalListener::listen(path, {});
    ASSERT_TRUE(listener) << listener.error().message;
    auto client = connectLocal(path, 5s);
    ASSERT_TRUE(client) << client.error().message;
    auto connection = listener->accept();
    ASSERT_TRUE(connection) << connection.error().message;
    Result<std::size_t> got = 99;
    std::thread reader([&] {
        char buffer[16];
        got = connection->read(buffer, 60s);  // no data will come
    });
    std::this_thread::sleep_for(100ms);  // let it block (if not yet, it sees the shutdown)
    connection->shutdown();
    reader.join();
    ASSERT_TRUE(got) << got.error().message;
    EXPECT_EQ(*got, 0u);
    // The client sees the end too.
    char buffer[16];
    auto end = client->read(buffer, 5s);
    ASSERT_TRUE(end) << end.error().message;
    EXPECT_EQ(*end, 0u);
}

TEST(LocalPipe, CloseWakesABlockedAccept) {
    auto listener = LocalListener::listen(uniquePipe(), {});
    ASSERT_TRUE(listener) << listener.error().message;
    std::optional<Result<LocalConnection>> accepted;
    std::thread acceptor([&] { accepted.emplace(listener->accept()); });
    std::this_thread::sleep_for(100ms);
    listener->close();
    acceptor.join();
    ASSERT_TRUE(accepted);
    EXPECT_FALSE(*accepted);
}

TEST(LocalPipe, ASecondServiceOnTheSamePipeFailsCleanly) {
    const auto path = uniquePipe();
    auto first = LocalListener::listen(path, {});
    ASSERT_TRUE(first) << first.error().message;
    auto second = LocalListener::listen(path, {});
    ASSERT_FALSE(second);
    EXPECT_NE(second.error().message.find("another service already answers"), std::string::npos)
        << second.error().message;
    // The first still serves.
    auto client = connectLocal(path, 5s);
    EXPECT_TRUE(client) << client.error().message;
}

TEST(LocalPipe, OnlyPipeNamesAreEndpoints) {
    auto listener = LocalListener::listen(LR"(C:\ProgramData\netmond.sock)", {});
    ASSERT_FALSE(listener);
    EXPECT_NE(listener.error().hint.find(R"(\\.\pipe\)"), std::string::npos);
    EXPECT_FALSE(connectLocal(LR"(\\.\pipe\sub\folder)", 1s));
}

TEST(LocalPipe, NoServiceIsAnErrorAtOnce) {
    auto client = connectLocal(uniquePipe(), 30s);
    ASSERT_FALSE(client);
    EXPECT_NE(client.error().message.find("no service at"), std::string::npos);
}

// The access list as the pipe object holds it, read back through a client's handle.
TEST(LocalPipe, ThePipesAccessListIsSystemAdministratorsAndInteractiveUsers) {
    const auto path = uniquePipe();
    auto listener = LocalListener::listen(path, {});
    ASSERT_TRUE(listener) << listener.error().message;
    UniqueHandle raw = windows_platform::adoptHandle(::CreateFileW(
        path.c_str(), GENERIC_READ | GENERIC_WRITE, 0, nullptr, OPEN_EXISTING, 0, nullptr));
    ASSERT_TRUE(raw);
    PACL dacl = nullptr;
    PSECURITY_DESCRIPTOR descriptor = nullptr;
    ASSERT_EQ(::GetSecurityInfo(raw.get(), SE_KERNEL_OBJECT, DACL_SECURITY_INFORMATION, nullptr,
                                nullptr, &dacl, nullptr, &descriptor),
              static_cast<DWORD>(ERROR_SUCCESS));
    wchar_t* text = nullptr;
    ASSERT_NE(::ConvertSecurityDescriptorToStringSecurityDescriptorW(
                  descriptor, SDDL_REVISION_1, DACL_SECURITY_INFORMATION, &text, nullptr),
              0);
    const std::wstring sddl(text);
    ::LocalFree(text);
    ::LocalFree(descriptor);
    // Full control for SYSTEM and Administrators; interactive users read and write without
    // FILE_CREATE_PIPE_INSTANCE (0x4); no one else; nothing inherited.
    EXPECT_EQ(sddl.rfind(L"D:P", 0), 0u) << std::string(sddl.begin(), sddl.end());
    EXPECT_NE(sddl.find(L"(A;;FA;;;SY)"), std::wstring::npos)
        << std::string(sddl.begin(), sddl.end());
    EXPECT_NE(sddl.find(L"(A;;FA;;;BA)"), std::wstring::npos);
    EXPECT_NE(sddl.find(L";;;IU)"), std::wstring::npos);
    EXPECT_EQ(dacl->AceCount, 3);
    ACCESS_ALLOWED_ACE* interactive = nullptr;
    ASSERT_NE(::GetAce(dacl, 2, reinterpret_cast<void**>(&interactive)), 0);
    EXPECT_EQ(interactive->Mask & FILE_CREATE_PIPE_INSTANCE, 0u);
    EXPECT_EQ(interactive->Mask & (FILE_READ_DATA | FILE_WRITE_DATA),
              static_cast<DWORD>(FILE_READ_DATA | FILE_WRITE_DATA));
}

// Wine's own answer for this process: whether its token has Administrators enabled.
bool thisProcessIsAdministrator() {
    BYTE sid[SECURITY_MAX_SID_SIZE];
    DWORD size = sizeof sid;
    BOOL member = FALSE;
    return ::CreateWellKnownSid(WinBuiltinAdministratorsSid, nullptr, sid, &size) != 0 &&
           ::CheckTokenMembership(nullptr, sid, &member) != 0 && member != FALSE;
}

TEST(LocalPipe, TheServiceKnowsTheClientFromItsToken) {
    const auto path = uniquePipe();
    auto listener = LocalListener::listen(path, {});
    ASSERT_TRUE(listener) << listener.error().message;
    auto client = connectLocal(path, 5s);
    ASSERT_TRUE(client) << client.error().message;
    auto connection = listener->accept();
    ASSERT_TRUE(connection) << connection.error().message;
    const PeerIdentity& peer = connection->peer();
    EXPECT_EQ(peer.pid, std::optional<std::uint32_t>(::GetCurrentProcessId()));
    EXPECT_EQ(peer.administrator, thisProcessIsAdministrator());
    EXPECT_FALSE(peer.uid);  // no uid on Windows
    EXPECT_TRUE(peer.groups.empty());
    EXPECT_EQ(client->peer().pid, std::optional<std::uint32_t>(::GetCurrentProcessId()));
}

// What Wine cannot show (UAC's filtered tokens, other users, other services) from the facts.
TEST(PipeClientIdentity, OnlyAnEnabledAdministratorsGroupOrSystemIsAnAdministrator) {
    using windows_platform::peerIdentityFrom;
    using windows_platform::PipeClientFacts;
    EXPECT_TRUE(peerIdentityFrom(PipeClientFacts{7, true, false}).administrator);
    EXPECT_EQ(peerIdentityFrom(PipeClientFacts{7, true, false}).pid,
              std::optional<std::uint32_t>(7));
    // An administrator's UAC-filtered token: Administrators is there, deny-only.
    EXPECT_FALSE(peerIdentityFrom(PipeClientFacts{7, false, false}).administrator);
    // Another service running as SYSTEM.
    EXPECT_TRUE(peerIdentityFrom(PipeClientFacts{7, false, true}).administrator);
    // A token that could not be read is never an administrator's.
    EXPECT_FALSE(
        peerIdentityFrom(PipeClientFacts{std::nullopt, std::nullopt, false}).administrator);
    EXPECT_FALSE(peerIdentityFrom(PipeClientFacts{7, true, false}).uid);
}

// On Windows the client's token decides (administrators see everything): the hint says so, and
// never asks for a group or sudo.
TEST(LocalPipe, FullAccessIsForAdministratorsAndTheHintSaysSo) {
    EXPECT_FALSE(localGroupsApply());
    const std::string hint = fullAccessHint("netmon");
    EXPECT_NE(hint.find("administrator"), std::string::npos) << hint;
    EXPECT_EQ(hint.find("sudo"), std::string::npos) << hint;
    EXPECT_EQ(hint.find("netmon"), std::string::npos) << hint;
}

}  // namespace
}  // namespace netmon::platform
