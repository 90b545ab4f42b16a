// SPDX-License-Identifier: GPL-3.0-or-later
// The service's socket and sessions in-process, on a real Unix socket in a temporary folder:
// what a client reads is what the service published; a stale socket is replaced, anything else
// at the path is left alone; a client that breaks the rules loses only its own connection.
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <fstream>

#include "fakes/temp_dir.h"
#include "platform/local_socket.h"
#include "protocol/messages.h"
#include "protocol/service_client.h"
#include "service/server.h"

namespace netmon::service {
namespace {

using namespace std::chrono_literals;

Snapshot tick(std::uint64_t sequence, std::uint64_t rxBytes) {
    Snapshot snapshot;
    snapshot.sequence = sequence;
    snapshot.wallTime = std::chrono::system_clock::time_point{std::chrono::seconds{1'765'000'000}};
    snapshot.mode = MonitoringMode::Deep;
    InterfaceStat eth;
    eth.name = "eth0";
    eth.counters.rxBytes = rxBytes;
    eth.counters.txBytes = 42;
    snapshot.interfaces.push_back(eth);
    return snapshot;
}

class ServiceSession : public ::testing::Test {
protected:
    void SetUp() override {
        auto listener = platform::LocalListener::listen(socket, {0600, std::nullopt});
        ASSERT_TRUE(listener) << listener.error().describe();
        server = std::make_unique<Server>(std::move(*listener), services);
        server->start();
    }

    test::TempDir folder;
    std::filesystem::path socket = folder.path() / "s.sock";
    SnapshotHub hub;
    Config settings;
    SessionServices services{
        hub,
        folder.path() / "history.db",
        std::nullopt,
        "netmon",
        [] {
            return nlohmann::json{{"version", "test"}, {"mode", "deep"}, {"interval_ms", 250}};
        },
        [] {
            return nlohmann::json{{"cpu_seconds", 1.5}};
        },
        [this] { return settings; },
        [this](const Config& changed) -> Result<std::vector<std::string>> {
            settings = changed;
            return std::vector<std::string>{};
        }};
    std::unique_ptr<Server> server;
};

TEST_F(ServiceSession, TheSocketIsAsPrivateAsAskedAndAClientReadsWhatWasPublished) {
    struct stat info {};
    ASSERT_EQ(::lstat(socket.c_str(), &info), 0);
    EXPECT_TRUE(S_ISSOCK(info.st_mode));
    EXPECT_EQ(info.st_mode & 0777, 0600u);

    hub.publish(tick(3, 987'654'321'012ULL));
    auto client = protocol::ServiceClient::connect(socket, 5s);
    ASSERT_TRUE(client) << client.error().describe();
    EXPECT_EQ(client->info().version, "test");
    EXPECT_EQ(client->info().mode, MonitoringMode::Deep);
    EXPECT_EQ(client->info().interval, 250ms);
    EXPECT_EQ(client->info().fullAccess, ::geteuid() == 0);
    auto snapshot = client->snapshot();
    ASSERT_TRUE(snapshot) << snapshot.error().describe();
    EXPECT_EQ(snapshot->sequence, 3u);
    ASSERT_EQ(snapshot->interfaces.size(), 1u);
    EXPECT_EQ(snapshot->interfaces[0].counters.rxBytes, 987'654'321'012ULL);
    auto health = client->call(protocol::RequestKind::Health);
    ASSERT_TRUE(health);
    EXPECT_EQ((*health)["health"]["cpu_seconds"], 1.5);
}

TEST_F(ServiceSession, ASubscriberGetsEveryTickInOrderWhileAnotherClientMisbehaves) {
    auto subscriber = protocol::ServiceClient::connect(socket, 5s);
    ASSERT_TRUE(subscriber);
    ASSERT_TRUE(subscriber->subscribe());
    hub.publish(tick(1, 100));

    // A client past the line limit loses its connection, and only it.
    const int rogue = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::strncpy(address.sun_path, socket.c_str(), sizeof(address.sun_path) - 1);
    ASSERT_EQ(::connect(rogue, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
    const std::string flood(protocol::kMaxRequestBytes + 1024, '[');
    EXPECT_GT(::send(rogue, flood.data(), flood.size(), MSG_NOSIGNAL), 0);
    char byte = 0;
    timeval wait{5, 0};
    ::setsockopt(rogue, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof(wait));
    EXPECT_EQ(::recv(rogue, &byte, 1, 0), 0) << "closed by the service";
    ::close(rogue);

    std::uint64_t expected = 1;
    auto first = subscriber->readSnapshot(5s);
    ASSERT_TRUE(first) << first.error().describe();
    EXPECT_EQ(first->sequence, expected);
    for (std::uint64_t sequence = 2; sequence <= 4; ++sequence) {
        hub.publish(tick(sequence, sequence * 100));
        auto next = subscriber->readSnapshot(5s);
        ASSERT_TRUE(next) << next.error().describe();
        EXPECT_EQ(next->sequence, sequence);
        EXPECT_EQ(next->interfaces[0].counters.rxBytes, sequence * 100);
    }
}

TEST_F(ServiceSession, BadRequestsGetAnErrorAndTheConnectionGoesOn) {
    auto client = protocol::ServiceClient::connect(socket, 5s);
    ASSERT_TRUE(client);
    auto unknown = client->call(protocol::RequestKind::History, {{"query", "not an object"}});
    EXPECT_FALSE(unknown);
    auto again = client->call(protocol::RequestKind::Hello);
    ASSERT_TRUE(again) << again.error().describe();
    EXPECT_EQ((*again)["service"], "netmond");
}

TEST(LocalListener, AStaleSocketIsReplacedAFileOrALiveServiceIsNot) {
    test::TempDir folder;
    const std::filesystem::path path = folder.path() / "s.sock";
    {
        // A socket file whose service died: bound, never listened on, closed.
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        std::strncpy(address.sun_path, path.c_str(), sizeof(address.sun_path) - 1);
        ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
        ::close(fd);
    }
    auto live = platform::LocalListener::listen(path, {0600, std::nullopt});
    ASSERT_TRUE(live) << live.error().describe();
    auto second = platform::LocalListener::listen(path, {0600, std::nullopt});
    ASSERT_FALSE(second);
    EXPECT_NE(second.error().message.find("already answers"), std::string::npos);

    const std::filesystem::path file = folder.path() / "notes.txt";
    std::ofstream(file) << "mine";
    auto onFile = platform::LocalListener::listen(file, {0600, std::nullopt});
    ASSERT_FALSE(onFile);
    std::ifstream kept(file);
    EXPECT_EQ(std::string(std::istreambuf_iterator<char>(kept), {}), "mine");
}

TEST(LocalConnection, ThePeerIsWhoTheKernelSays) {
    test::TempDir folder;
    const std::filesystem::path path = folder.path() / "s.sock";
    auto listener = platform::LocalListener::listen(path, {0600, std::nullopt});
    ASSERT_TRUE(listener);
    auto client = platform::connectLocal(path, 1s);
    ASSERT_TRUE(client);
    auto accepted = listener->accept();
    ASSERT_TRUE(accepted);
    EXPECT_EQ(accepted->peer().uid, ::geteuid());
    EXPECT_EQ(accepted->peer().pid, static_cast<std::uint32_t>(::getpid()));
    ASSERT_FALSE(accepted->peer().groups.empty());
    EXPECT_EQ(accepted->peer().groups[0], ::getegid());
    EXPECT_EQ(accepted->peer().administrator, ::geteuid() == 0);
}

// Who sees everything is decided by the socket's group here, and the hint says how to join it.
TEST(FullAccess, OnLinuxTheHintNamesTheGroupAndHowToJoinIt) {
    EXPECT_TRUE(platform::localGroupsApply());
    const std::string hint = platform::fullAccessHint("watchers");
    EXPECT_NE(hint.find("sudo adduser $USER watchers"), std::string::npos) << hint;
    EXPECT_NE(hint.find("log in again"), std::string::npos) << hint;
}

}  // namespace
}  // namespace netmon::service
