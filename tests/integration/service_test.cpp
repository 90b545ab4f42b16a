// SPDX-License-Identifier: GPL-3.0-or-later
// The real netmond in a network namespace, asked by the real netmon as other users: a member of
// the service's group sees another user's deep-mode flows to the byte, a non-member only its
// own; hostile and stalled clients hold up nobody; SIGTERM writes the last tick and removes the
// filters; history comes from the service's database; nobody else records beside it.
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

#include "fakes/temp_dir.h"
#include "integration/child_process.h"
#include "integration/cli_json.h"
#include "integration/deep_mode_ticks.h"
#include "integration/tc_listing.h"
#include "integration/test_network.h"
#include "integration/udp_traffic.h"
#include "integration/uid_udp_receiver.h"

namespace netmon::test {
namespace {

using namespace std::chrono_literals;

const char* const kNetmond = NETMON_SERVICE_PATH;
// Numeric ids without entries in /etc/passwd or /etc/group: nothing on the machine changes.
constexpr std::uint32_t kGroup = 61500;
constexpr std::uint32_t kMember = 61001;
constexpr std::uint32_t kOtherUser = 61002;
constexpr std::uint32_t kNonMember = 61003;
constexpr int kPayload = 300;
constexpr std::uint64_t kDatagramOnWire = kPayload + kUdpOverIpv4FrameOverhead;

// A client of our own on the socket, to send what netmon never would.
class RawClient {
public:
    explicit RawClient(const std::string& path) : m_fd(::socket(AF_UNIX, SOCK_STREAM, 0)) {
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        std::strncpy(address.sun_path, path.c_str(), sizeof(address.sun_path) - 1);
        m_connected = ::connect(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0;
    }
    ~RawClient() { ::close(m_fd); }
    RawClient(const RawClient&) = delete;
    RawClient& operator=(const RawClient&) = delete;

    [[nodiscard]] bool connected() const { return m_connected; }
    bool send(const std::string& bytes) {
        return ::send(m_fd, bytes.data(), bytes.size(), MSG_NOSIGNAL) ==
               static_cast<ssize_t>(bytes.size());
    }
    // The next line; nothing on timeout; "<closed>" when the service closed the connection.
    std::optional<std::string> readLine(std::chrono::milliseconds timeout) {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (m_buffer.find('\n') == std::string::npos) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                deadline - std::chrono::steady_clock::now());
            pollfd entry{m_fd, POLLIN, 0};
            if (left.count() <= 0 || ::poll(&entry, 1, static_cast<int>(left.count())) <= 0) {
                return std::nullopt;
            }
            char chunk[65536];
            const ssize_t got = ::recv(m_fd, chunk, sizeof(chunk), 0);
            if (got <= 0) {
                return "<closed>";
            }
            m_buffer.append(chunk, static_cast<std::size_t>(got));
        }
        const auto end = m_buffer.find('\n');
        std::string line = m_buffer.substr(0, end);
        m_buffer.erase(0, end + 1);
        return line;
    }

private:
    int m_fd;
    bool m_connected = false;
    std::string m_buffer;
};

// The unit's AmbientCapabilities= as setpriv takes them: "+bpf,+perfmon,…".
std::string unitCapabilities() {
    std::ifstream unit(NETMON_SERVICE_UNIT);
    for (std::string line; std::getline(unit, line);) {
        const std::string key = "AmbientCapabilities=";
        if (line.rfind(key, 0) != 0) {
            continue;
        }
        std::istringstream names(line.substr(key.size()));
        std::string caps;
        for (std::string name; names >> name;) {
            std::transform(name.begin(), name.end(), name.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            caps += (caps.empty() ? "+" : ",+") + name.substr(name.rfind("cap_", 0) == 0 ? 4 : 0);
        }
        return caps;
    }
    return {};
}

class Service : public ::testing::Test {
protected:
    void SetUp() override {
        if (const auto reason = ebpfMachineUnavailableReason()) {
            GTEST_SKIP() << *reason;
        }
        network = std::make_unique<TestNetwork>();
        // Other users reach the socket through the folder; their HOME is the folder too.
        std::filesystem::permissions(folder.path(), std::filesystem::perms(0755));
        socket = (folder.path() / "netmond.sock").string();
        database = (folder.path() / "history.db").string();
        config = (folder.path() / "netmond.json").string();
        std::ofstream(config) << R"({"version": 1, "sampling_interval_ms": 200})";
    }

    // netmond in namespace a (as root, or as `prefix` makes it run), once it answers with a
    // first tick.
    std::unique_ptr<ChildProcess> startService(std::vector<std::string> prefix = {}) {
        for (const std::string& arg :
             {std::string(kNetmond), std::string("--foreground"), std::string("--socket"), socket,
              std::string("--db"), database, std::string("--config"), config,
              std::string("--group"), std::to_string(kGroup), std::string("--socket-mode"),
              std::string("0666")}) {
            prefix.push_back(arg);
        }
        auto service = std::make_unique<ChildProcess>(network->inA(prefix));
        for (int attempt = 0; attempt < 100; ++attempt) {
            RawClient client(socket);
            if (client.connected() && client.send(R"({"request":"snapshot"})"
                                                  "\n")) {
                const auto line = client.readLine(10s);
                if (line && nlohmann::json::parse(*line, nullptr, false).value("ok", false)) {
                    return service;
                }
            }
            std::this_thread::sleep_for(100ms);
        }
        ADD_FAILURE() << "netmond did not answer: " << service->drainStderr();
        return service;
    }

    // `netmon --socket … args` in namespace a as `uid`, in the service's group or not.
    [[nodiscard]] std::vector<std::string> netmonAs(std::uint32_t uid, bool member,
                                                    std::vector<std::string> args) const {
        std::vector<std::string> argv{
            "setpriv",
            "--reuid=" + std::to_string(uid),
            "--regid=" + std::to_string(uid),
            member ? "--groups=" + std::to_string(kGroup) : std::string("--clear-groups"),
            "env",
            "HOME=" + folder.path().string(),
            "XDG_CONFIG_HOME=" + (folder.path() / "none").string(),
            kNetmon,
            "--socket",
            socket};
        argv.insert(argv.end(), args.begin(), args.end());
        return network->inA(argv);
    }

    [[nodiscard]] static std::optional<nlohmann::json> udpFlowOn(const nlohmann::json& flows,
                                                                 std::uint16_t port) {
        for (const auto& flow : flows) {
            if (flow["protocol"] == "udp" && flow["local_port"] == port) {
                return flow;
            }
        }
        return std::nullopt;
    }

    TempDir folder;
    std::unique_ptr<TestNetwork> network;
    std::string socket, database, config;
};

TEST_F(Service, AMemberSeesAnotherUsersDeepFlowsToTheByteANonMemberOnlyItsOwn) {
    auto service = startService();
    UidUdpReceiver otherUsers(network->nsA, kOtherUser, 40'500);
    UidUdpReceiver nonMembers(network->nsA, kNonMember, 40'501);
    sendUdp(network->nsB, network->addressA, 40'500, 20, kPayload);
    sendUdp(network->nsB, network->addressA, 40'501, 7, kPayload);

    const nlohmann::json memberView =
        pollJson(netmonAs(kMember, true, {"connections", "--json"}), [](const nlohmann::json& f) {
            const auto flow = udpFlowOn(f, 40'500);
            return flow && (*flow)["bytes_in"] == 20 * kDatagramOnWire;
        });
    const auto otherFlow = udpFlowOn(memberView, 40'500);
    ASSERT_TRUE(otherFlow) << memberView.dump(1) << service->drainStderr();
    EXPECT_EQ((*otherFlow)["bytes_in"], 20 * kDatagramOnWire) << memberView.dump(1);
    EXPECT_EQ((*otherFlow)["packets_in"], 20);
    EXPECT_EQ((*otherFlow)["uid"], kOtherUser);
    EXPECT_EQ((*otherFlow)["source"], "service");
    EXPECT_TRUE(udpFlowOn(memberView, 40'501)) << "a member sees every user's flows";

    const nlohmann::json ownView = pollJson(
        netmonAs(kNonMember, false, {"connections", "--json"}), [](const nlohmann::json& f) {
            const auto flow = udpFlowOn(f, 40'501);
            return flow && (*flow)["bytes_in"] == 7 * kDatagramOnWire;
        });
    ASSERT_TRUE(udpFlowOn(ownView, 40'501)) << ownView.dump(1);
    EXPECT_EQ((*udpFlowOn(ownView, 40'501))["bytes_in"], 7 * kDatagramOnWire);
    EXPECT_FALSE(udpFlowOn(ownView, 40'500)) << "another user's flow leaked: " << ownView.dump(1);
    for (const auto& flow : ownView) {
        EXPECT_EQ(flow["uid"], kNonMember) << flow.dump();
    }

    // Hosts are summed again from the client's own flows: only its 7 datagrams.
    const CommandResult hosts = runCommand(netmonAs(kNonMember, false, {"hosts", "--json"}));
    ASSERT_EQ(hosts.status, 0) << hosts.err;
    const auto host = findNamed(nlohmann::json::parse(hosts.out), network->addressB, "address");
    ASSERT_TRUE(host) << hosts.out;
    EXPECT_EQ((*host)["bytes_in"], 7 * kDatagramOnWire);
    const CommandResult allHosts = runCommand(netmonAs(kMember, true, {"hosts", "--json"}));
    const auto allHost =
        findNamed(nlohmann::json::parse(allHosts.out), network->addressB, "address");
    ASSERT_TRUE(allHost) << allHosts.out;
    EXPECT_EQ((*allHost)["bytes_in"], 27 * kDatagramOnWire);
}

// As the systemd unit runs it: an ordinary uid with only the unit's ambient capabilities.
TEST_F(Service, AsAnOrdinaryUserWithTheUnitsCapabilitiesItCountsAndNamesEveryonesFlows) {
    constexpr std::uint32_t kServiceUser = 61900;
    const std::filesystem::path state = folder.path() / "state";
    std::filesystem::create_directory(state);
    ASSERT_EQ(::chown(state.c_str(), kServiceUser, kGroup), 0);
    socket = (state / "netmond.sock").string();
    database = (state / "history.db").string();
    const std::string caps = unitCapabilities();
    ASSERT_NE(caps.find("+bpf"), std::string::npos) << caps;
    auto service = startService({"setpriv", "--reuid=" + std::to_string(kServiceUser),
                                 // User=netmon, Group=netmon: its group is the clients' group
                                 "--regid=" + std::to_string(kGroup), "--clear-groups",
                                 "--inh-caps=-all," + caps, "--ambient-caps=-all," + caps,
                                 "--bounding-set=-all," + caps, "--no-new-privs"});
    UidUdpReceiver otherUsers(network->nsA, kOtherUser, 40'530);
    sendUdp(network->nsB, network->addressA, 40'530, 12, kPayload);
    const nlohmann::json view =
        pollJson(netmonAs(kMember, true, {"connections", "--json"}), [](const nlohmann::json& f) {
            const auto flow = udpFlowOn(f, 40'530);
            return flow && (*flow)["bytes_in"] == 12 * kDatagramOnWire && !(*flow)["pid"].is_null();
        });
    const auto flow = udpFlowOn(view, 40'530);
    ASSERT_TRUE(flow) << view.dump(1) << service->drainStderr();
    EXPECT_EQ((*flow)["bytes_in"], 12 * kDatagramOnWire);
    EXPECT_EQ((*flow)["uid"], kOtherUser);
    EXPECT_EQ((*flow)["pid"], otherUsers.pid()) << "another user's socket owner, by /proc";
    const CommandResult doctor = runCommand(netmonAs(kMember, true, {"doctor"}));
    EXPECT_NE(doctor.out.find("deep mode"), std::string::npos) << doctor.out;
    service->signal(SIGTERM);
    EXPECT_EQ(service->wait(15s), 0) << service->drainStderr();
    EXPECT_EQ(filterListing(network->nsA, network->ifA).find("netmon"), std::string::npos);
}

TEST_F(Service, GarbageOversizedAndStalledClientsHoldUpNobodyElse) {
    auto service = startService();
    RawClient garbage(socket);
    ASSERT_TRUE(garbage.send("this is not json\n"));
    const auto refused = garbage.readLine(5s);
    ASSERT_TRUE(refused);
    EXPECT_EQ(nlohmann::json::parse(*refused)["ok"], false) << *refused;
    ASSERT_TRUE(garbage.send(R"({"request":"hello"})"
                             "\n"));
    const auto hello = garbage.readLine(5s);
    ASSERT_TRUE(hello);
    EXPECT_EQ(nlohmann::json::parse(*hello)["service"], "netmond") << "a bad line ends nothing";

    RawClient oversized(socket);
    oversized.send(std::string(200 * 1024, 'x'));
    EXPECT_EQ(oversized.readLine(10s), "<closed>") << "a line past 64 KiB ends its connection";

    RawClient stalled(socket);  // subscribes, then never reads
    ASSERT_TRUE(stalled.send(R"({"request":"subscribe","format":"full"})"
                             "\n"));
    RawClient silent(socket);  // connects and says nothing

    const auto started = std::chrono::steady_clock::now();
    const CommandResult watch =
        runCommand(netmonAs(kMember, true, {"watch", "--json", "--count", "10"}), 60s);
    ASSERT_EQ(watch.status, 0) << watch.err;
    int lines = 0;
    std::istringstream out(watch.out);
    for (std::string line; std::getline(out, line); ++lines) {
        const auto tick = nlohmann::json::parse(line);
        EXPECT_EQ(tick["source"], "service");
        EXPECT_EQ(tick["mode"], "deep");
    }
    EXPECT_EQ(lines, 10);
    // Ten ticks at the service's 200 ms: well under the 5 s a stalled write may take.
    EXPECT_LT(std::chrono::steady_clock::now() - started, 20s);
}

TEST_F(Service, SigtermWritesTheLastTickAndRemovesTheFilters) {
    const ClsactFilters clsact;  // filters outlive a process; TCX links do not
    const std::uint64_t rxBefore = network->counter(network->nsA, network->ifA, "rx_bytes");
    auto service = startService();
    EXPECT_EQ(filterProgramIds(network->nsA, network->ifA).size(), 2u)
        << filterListing(network->nsA, network->ifA);
    ASSERT_EQ(sendUdpFromBToA(*network, 15, kPayload, 40'510).received, 15);
    service->signal(SIGTERM);  // at once: the last tick holds the datagrams
    ASSERT_EQ(service->wait(15s), 0) << service->drainStderr();
    const std::uint64_t rxAfter = network->counter(network->nsA, network->ifA, "rx_bytes");
    EXPECT_EQ(filterListing(network->nsA, network->ifA).find("netmon"), std::string::npos)
        << filterListing(network->nsA, network->ifA);

    const CommandResult history =
        runCommand({kNetmon, "--no-service", "history", "--json", "--db", database, "--iface",
                    network->ifA, "--resolution", "raw", "--since", "-1h"});
    ASSERT_EQ(history.status, 0) << history.err;
    std::uint64_t rx = 0;
    for (const auto& row : nlohmann::json::parse(history.out)) {
        rx += row["rx_bytes"].get<std::uint64_t>();
    }
    EXPECT_EQ(rx, rxAfter - rxBefore) << history.out;
    EXPECT_GE(rx, 15 * kDatagramOnWire);
}

TEST_F(Service, HistoryComesFromTheServiceAndNobodyRecordsBesideIt) {
    const std::uint64_t rxBefore = network->counter(network->nsA, network->ifA, "rx_bytes");
    auto service = startService();
    ASSERT_EQ(sendUdpFromBToA(*network, 9, kPayload, 40'520).received, 9);
    const std::uint64_t rxAfter = network->counter(network->nsA, network->ifA, "rx_bytes");
    const auto sumRx = [](const nlohmann::json& rows) {
        std::uint64_t rx = 0;
        for (const auto& row : rows) {
            rx += row["rx_bytes"].get<std::uint64_t>();
        }
        return rx;
    };
    // The service writes every 2 s; a non-member may read interface history too.
    const nlohmann::json rows =
        pollJson(netmonAs(kNonMember, false,
                          {"history", "--json", "--iface", network->ifA, "--resolution", "raw",
                           "--since", "-1h"}),
                 [&](const nlohmann::json& r) { return sumRx(r) == rxAfter - rxBefore; });
    EXPECT_EQ(sumRx(rows), rxAfter - rxBefore) << rows.dump(1);
    ASSERT_FALSE(rows.empty());
    EXPECT_EQ(rows[0]["source"], "service");

    const CommandResult byHost =
        runCommand(netmonAs(kNonMember, false, {"history", "--by", "host", "--json"}));
    EXPECT_EQ(byHost.status, 1);
    EXPECT_NE(byHost.err.find("members of the group"), std::string::npos) << byHost.err;
    const CommandResult memberByHost =
        runCommand(netmonAs(kMember, true, {"history", "--by", "host", "--json"}));
    EXPECT_EQ(memberByHost.status, 0) << memberByHost.err;

    const CommandResult record = runCommand(
        netmonAs(kMember, true,
                 {"record", "--duration", "1", "--db", (folder.path() / "mine.db").string()}));
    EXPECT_EQ(record.status, 1);
    EXPECT_NE(record.err.find("netmond records this machine's history"), std::string::npos)
        << record.err;
    EXPECT_FALSE(std::filesystem::exists(folder.path() / "mine.db"));
}

TEST_F(Service, MembersChangeItsSettingsWithNetmonSettingsOthersMayNot) {
    auto service = startService();
    const auto onDisk = [&] {
        std::ifstream in(config);
        return nlohmann::json::parse(in, nullptr, false);
    };
    const nlohmann::json before = onDisk();
    ASSERT_EQ(before.value("sampling_interval_ms", 0), 200) << before.dump();

    const auto shownSettings = [&] {
        const CommandResult shown = runCommand(netmonAs(kNonMember, false, {"settings", "--json"}));
        EXPECT_EQ(shown.status, 0) << shown.err;
        const auto document = nlohmann::json::parse(shown.out, nullptr, false);
        EXPECT_EQ(document.value("source", ""), "service") << shown.out;
        return document.value("settings", nlohmann::json());
    };
    const nlohmann::json settings = shownSettings();
    EXPECT_EQ(settings.value("sampling_interval_ms", 0), 200) << settings.dump();

    const CommandResult refused =
        runCommand(netmonAs(kNonMember, false, {"settings", "set", "retention_days=30"}));
    EXPECT_EQ(refused.status, 1);
    EXPECT_NE(refused.err.find("members of the group"), std::string::npos) << refused.err;
    EXPECT_EQ(onDisk(), before);

    const CommandResult changed =
        runCommand(netmonAs(kMember, true, {"settings", "set", "retention_days=30"}));
    ASSERT_EQ(changed.status, 0) << changed.err << service->drainStderr();
    EXPECT_EQ(changed.out, "retention_days: " + settings["retention_days"].dump() + " -> 30\n");
    nlohmann::json expected = settings;
    expected["retention_days"] = 30;
    EXPECT_EQ(onDisk(), expected) << "only the key named changed, in the service's own file";
    EXPECT_EQ(shownSettings(), expected);
}

TEST_F(Service, ASecondServiceAndAFileAtTheSocketPathAreRefused) {
    auto service = startService();
    const CommandResult second =
        runCommand(network->inA({kNetmond, "--socket", socket, "--db",
                                 (folder.path() / "second.db").string(), "--config", config}));
    EXPECT_EQ(second.status, 1);
    EXPECT_NE(second.err.find("another service already answers"), std::string::npos) << second.err;
    const CommandResult sameDatabase =
        runCommand(network->inA({kNetmond, "--socket", (folder.path() / "other.sock").string(),
                                 "--db", database, "--config", config}));
    EXPECT_EQ(sameDatabase.status, 1);
    EXPECT_NE(sameDatabase.err.find("is recorded by"), std::string::npos) << sameDatabase.err;

    const std::filesystem::path notASocket = folder.path() / "precious.txt";
    std::ofstream(notASocket) << "keep me";
    const CommandResult onFile =
        runCommand(network->inA({kNetmond, "--socket", notASocket.string(), "--db",
                                 (folder.path() / "third.db").string(), "--config", config}));
    EXPECT_EQ(onFile.status, 1);
    EXPECT_NE(onFile.err.find("is not a socket"), std::string::npos) << onFile.err;
    std::ifstream kept(notASocket);
    EXPECT_EQ(std::string(std::istreambuf_iterator<char>(kept), {}), "keep me");
}

}  // namespace
}  // namespace netmon::test
