// SPDX-License-Identifier: GPL-3.0-or-later
// Builds two network namespaces joined by a veth pair, sends a few datagrams across, and
// checks what the source reads inside one of them against `ip -j` and the namespace's sysfs.
// Needs root and iproute2; skips with the reason otherwise.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/model/interface_stat.h"
#include "core/sources/interface_source.h"
#include "platform/linux/unique_fd.h"
#include "platform/source_factories.h"
#include "support/network_namespace.h"

#ifndef NETMON_INTERFACE_DUMP
#error "NETMON_INTERFACE_DUMP must name the helper binary"
#endif

namespace netmon {
namespace {

using nlohmann::json;

struct CommandResult {
    int status = -1;
    std::string output;
};

CommandResult run(const std::string& command) {
    struct PipeClose {
        void operator()(FILE* pipe) const { ::pclose(pipe); }
    };
    CommandResult result;
    std::unique_ptr<FILE, PipeClose> pipe(::popen((command + " 2>&1").c_str(), "r"));
    if (!pipe) {
        return result;
    }
    std::array<char, 4096> chunk{};
    while (const std::size_t got = std::fread(chunk.data(), 1, chunk.size(), pipe.get())) {
        result.output.append(chunk.data(), got);
    }
    result.status = ::pclose(pipe.release());
    return result;
}

// Two namespaces, deleted (with their veth ends) whatever way the test leaves.
class VethNamespaces {
public:
    VethNamespaces()
        : m_left("nmt" + std::to_string(::getpid()) + "a"),
          m_right("nmt" + std::to_string(::getpid()) + "b") {}
    VethNamespaces(const VethNamespaces&) = delete;
    VethNamespaces& operator=(const VethNamespaces&) = delete;
    ~VethNamespaces() {
        for (const std::string& name : m_created) {
            run("ip netns del " + name);
        }
    }

    // Empty on success, else what failed.
    std::string create() {
        for (const std::string& name : {m_left, m_right}) {
            const auto added = run("ip netns add " + name);
            if (added.status != 0) {
                return "ip netns add " + name + ": " + added.output;
            }
            m_created.push_back(name);
        }
        const std::string steps[] = {
            "ip -n " + m_left + " link add nmta0 type veth peer name nmtb0 netns " + m_right,
            "ip -n " + m_left + " addr add 10.200.7.1/24 dev nmta0",
            "ip -n " + m_left + " addr add fd00:6e6d::1/64 dev nmta0 nodad",
            "ip -n " + m_right + " addr add 10.200.7.2/24 dev nmtb0",
            "ip -n " + m_left + " link set lo up",
            "ip -n " + m_left + " link set nmta0 up",
            "ip -n " + m_right + " link set nmtb0 up",
        };
        for (const std::string& step : steps) {
            if (const auto done = run(step); done.status != 0) {
                return step + ": " + done.output;
            }
        }
        return {};
    }
    [[nodiscard]] const std::string& left() const { return m_left; }

private:
    std::string m_left;
    std::string m_right;
    std::vector<std::string> m_created;
};

json linkInfo(const std::string& ns, const std::string& device) {
    const auto shown = run("ip -n " + ns + " -j link show dev " + device);
    EXPECT_EQ(shown.status, 0) << shown.output;
    return shown.status == 0 ? json::parse(shown.output).at(0) : json::object();
}

const json* findInterface(const json& dump, const std::string& name) {
    for (const json& entry : dump.at("interfaces")) {
        if (entry.at("name") == name) {
            return &entry;
        }
    }
    return nullptr;
}

class NetnsInterface : public testing::Test {
protected:
    void SetUp() override {
        if (::geteuid() != 0) {
            GTEST_SKIP() << "needs root to create network namespaces";
        }
        if (run("ip -V").status != 0) {
            GTEST_SKIP() << "iproute2 (`ip`) is not installed";
        }
        if (const std::string failed = m_namespaces.create(); !failed.empty()) {
            GTEST_SKIP() << "cannot build the test namespaces: " << failed;
        }
        // operstate follows "up" after the kernel's link watch, up to a second later.
        for (int i = 0; i < 50 && linkInfo(ns(), "nmta0").value("operstate", "") != "UP"; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    }
    [[nodiscard]] const std::string& ns() const { return m_namespaces.left(); }

    // Runs the helper inside the namespace between two reads of the veth's sysfs counters.
    struct Reading {
        json dump;
        std::uint64_t txBefore = 0;
        std::uint64_t txAfter = 0;
    };
    Reading readInside(const std::string& helperArguments) {
        const std::string counter = "/sys/class/net/nmta0/statistics/tx_bytes";
        const auto result =
            run("ip netns exec " + ns() + " sh -c 'cat " + counter + " && " +
                NETMON_INTERFACE_DUMP + " " + helperArguments + " && cat " + counter + "'");
        EXPECT_EQ(result.status, 0) << result.output;
        Reading reading;
        std::istringstream lines(result.output);
        std::string dumpLine;
        lines >> reading.txBefore;
        lines >> std::ws;
        std::getline(lines, dumpLine);
        lines >> reading.txAfter;
        reading.dump = json::parse(dumpLine, nullptr, false);
        EXPECT_FALSE(reading.dump.is_discarded()) << result.output;
        return reading;
    }

private:
    VethNamespaces m_namespaces;
};

TEST_F(NetnsInterface, VethIsReadAsTheKernelSeesIt) {
    // A few datagrams across the pair, so the counters are not all zero.
    const auto sent =
        run("ip netns exec " + ns() +
            " bash -c 'for i in 1 2 3; do echo netmon > /dev/udp/10.200.7.2/9; done'");
    ASSERT_EQ(sent.status, 0) << sent.output;

    const Reading reading = readInside("");
    ASSERT_FALSE(reading.dump.is_discarded());
    EXPECT_EQ(reading.dump.at("mechanism"), "netlink");
    const json* veth = findInterface(reading.dump, "nmta0");
    ASSERT_NE(veth, nullptr) << reading.dump.dump(2);
    const json ip = linkInfo(ns(), "nmta0");
    EXPECT_EQ(veth->at("kind"), static_cast<int>(InterfaceKind::Veth));
    EXPECT_EQ(veth->at("isVirtual"), true);
    EXPECT_EQ(veth->at("mac"), ip.at("address"));
    EXPECT_EQ(veth->at("index"), ip.at("ifindex"));
    ASSERT_EQ(ip.at("operstate"), "UP");
    EXPECT_EQ(veth->at("state"), static_cast<int>(OperState::Up));
    const auto& addresses = veth->at("addresses");
    EXPECT_NE(std::find(addresses.begin(), addresses.end(), "10.200.7.1/24"), addresses.end())
        << addresses.dump();
    EXPECT_NE(std::find(addresses.begin(), addresses.end(), "fd00:6e6d::1/64"), addresses.end())
        << addresses.dump();
    const auto tx = veth->at("txBytes").get<std::uint64_t>();
    EXPECT_GT(tx, 0U);
    EXPECT_LE(reading.txBefore, tx);
    EXPECT_LE(tx, reading.txAfter);

    const json* lo = findInterface(reading.dump, "lo");
    ASSERT_NE(lo, nullptr);
    EXPECT_EQ(lo->at("kind"), static_cast<int>(InterfaceKind::Loopback));
    // Only the namespace's own links are visible: lo and one veth end.
    EXPECT_EQ(reading.dump.at("interfaces").size(), 2U);
}

TEST_F(NetnsInterface, ProcFallbackSeesTheSameVeth) {
    const Reading reading = readInside("--proc");
    ASSERT_FALSE(reading.dump.is_discarded());
    const json* veth = findInterface(reading.dump, "nmta0");
    ASSERT_NE(veth, nullptr) << reading.dump.dump(2);
    const json ip = linkInfo(ns(), "nmta0");
    EXPECT_EQ(veth->at("isVirtual"), true);  // no bus device behind a veth
    EXPECT_EQ(veth->at("mac"), ip.at("address"));
    EXPECT_EQ(veth->at("index"), ip.at("ifindex"));
    EXPECT_EQ(veth->at("state"), static_cast<int>(OperState::Up));
    const auto tx = veth->at("txBytes").get<std::uint64_t>();
    EXPECT_LE(reading.txBefore, tx);
    EXPECT_LE(tx, reading.txAfter);
}

std::uint64_t txBytesByIp(const std::string& ns, const std::string& device) {
    const auto shown = run("ip -n " + ns + " -s -j link show dev " + device);
    EXPECT_EQ(shown.status, 0) << shown.output;
    if (shown.status != 0) {
        return 0;
    }
    return json::parse(shown.output).at(0).at("stats64").at("tx").at("bytes").get<std::uint64_t>();
}

const InterfaceStat* findStat(const std::vector<InterfaceStat>& interfaces, std::string_view name) {
    const auto found =
        std::find_if(interfaces.begin(), interfaces.end(),
                     [name](const InterfaceStat& stat) { return stat.name == name; });
    return found == interfaces.end() ? nullptr : &*found;
}

// The reader keeps identities between readings and re-reads them only on a kernel
// notification; every change below must show up in the very next reading. Runs in a thread
// that joined the namespace (netlink sockets belong to the namespace they were opened in).
TEST_F(NetnsInterface, KeptIdentitiesFollowEveryChange) {
    test::inNetworkNamespace(ns(), [this] {
        auto source = makeInterfaceSource();
        auto read = [&source] {
            auto result = source->read();
            EXPECT_TRUE(result) << result.error().describe();
            return result.value_or(std::vector<InterfaceStat>{});
        };

        const auto first = read();
        ASSERT_NE(findStat(first, "nmta0"), nullptr);
        EXPECT_EQ(source->mechanism(), "netlink");

        // Counters only, identities kept: still exact against iproute2 before and after.
        run("ip netns exec " + ns() + " bash -c 'echo netmon > /dev/udp/10.200.7.2/9'");
        const std::uint64_t before = txBytesByIp(ns(), "nmta0");
        const auto second = read();
        const std::uint64_t after = txBytesByIp(ns(), "nmta0");
        const InterfaceStat* veth = findStat(second, "nmta0");
        ASSERT_NE(veth, nullptr);
        EXPECT_LE(before, veth->counters.txBytes);
        EXPECT_LE(veth->counters.txBytes, after);
        EXPECT_EQ(veth->addresses, findStat(first, "nmta0")->addresses);

        ASSERT_EQ(run("ip -n " + ns() + " addr add 10.200.9.1/24 dev nmta0").status, 0);
        const auto withAddress = read();
        const auto& addresses = findStat(withAddress, "nmta0")->addresses;
        EXPECT_NE(std::find(addresses.begin(), addresses.end(), "10.200.9.1/24"), addresses.end());

        ASSERT_EQ(run("ip -n " + ns() + " link set nmta0 down").status, 0);
        for (int i = 0; i < 50 && linkInfo(ns(), "nmta0").value("operstate", "") != "DOWN"; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        EXPECT_EQ(findStat(read(), "nmta0")->state, OperState::Down);

        ASSERT_EQ(run("ip -n " + ns() + " link add nmtc0 type veth peer name nmtd0").status, 0);
        const auto added = read();
        ASSERT_NE(findStat(added, "nmtc0"), nullptr);
        EXPECT_EQ(findStat(added, "nmtd0")->kind, InterfaceKind::Veth);

        ASSERT_EQ(run("ip -n " + ns() + " link del nmtc0").status, 0);
        const auto removed = read();
        EXPECT_EQ(findStat(removed, "nmtc0"), nullptr);
        EXPECT_EQ(findStat(removed, "nmtd0"), nullptr);
        EXPECT_NE(findStat(removed, "nmta0"), nullptr);
    });
}

// Any bytes but '/', ':', blanks and NUL may name a Linux interface. Here "nm", the first two
// bytes of "€" (E2 82) and an ESC: core gets valid UTF-8, the broken character as U+FFFD.
TEST_F(NetnsInterface, NamesThatAreNotUtf8BecomeValidText) {
    ASSERT_EQ(run("ip -n " + ns() +
                  " link add \"$(printf 'nm\\342\\202\\033')\" type veth peer "
                  "name nmte0")
                  .status,
              0);
    test::inNetworkNamespace(ns(), [this] {
        const auto interfaces = makeInterfaceSource()->read();
        ASSERT_TRUE(interfaces) << interfaces.error().describe();
        const InterfaceStat* odd = findStat(*interfaces, "nm\xEF\xBF\xBD\x1B");
        ASSERT_NE(odd, nullptr);
        EXPECT_EQ(odd->kind, InterfaceKind::Veth);  // classified by the kernel's own name
        EXPECT_NE(findStat(*interfaces, "nmte0"), nullptr);
    });
}

}  // namespace
}  // namespace netmon
