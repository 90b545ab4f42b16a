// SPDX-License-Identifier: GPL-3.0-or-later
#include "integration/test_network.h"

#include <unistd.h>

#include <atomic>
#include <stdexcept>

#include "integration/child_process.h"

namespace netmon::test {
namespace {

void mustRun(const std::vector<std::string>& argv) {
    const CommandResult result = runCommand(argv);
    if (result.status != 0) {
        std::string line;
        for (const std::string& arg : argv) {
            line += arg + " ";
        }
        throw std::runtime_error("`" + line + "` failed (" + std::to_string(result.status) +
                                 "): " + result.err);
    }
}

std::atomic<int> g_networks{0};

}  // namespace

std::optional<std::string> TestNetwork::unavailableReason() {
    if (::geteuid() != 0) {
        return "network namespaces need root (run the tests as root, as CI does)";
    }
    const std::string probe = "nmt-probe-" + std::to_string(::getpid());
    const CommandResult added = runCommand({"ip", "netns", "add", probe});
    if (added.status != 0) {
        return "`ip netns add` failed: " + added.err;
    }
    // `ip netns exec` also needs to remount /sys (it fails in a chroot whose / is no mount).
    const CommandResult entered = runCommand({"ip", "netns", "exec", probe, "true"});
    runCommand({"ip", "netns", "del", probe});
    if (entered.status != 0) {
        return "`ip netns exec` failed: " + entered.err;
    }
    return std::nullopt;
}

TestNetwork::TestNetwork() {
    const int n = g_networks++;
    const std::string id = std::to_string(::getpid() % 100000) + "-" + std::to_string(n);
    nsA = "nmt-a-" + id;
    nsB = "nmt-b-" + id;
    ifA = "nmta" + std::to_string(n);
    ifB = "nmtb" + std::to_string(n);
    const std::string subnet = "10.251." + std::to_string(::getpid() % 200 + n) + ".";
    addressA = subnet + "1";
    addressB = subnet + "2";
    mustRun({"ip", "netns", "add", nsA});
    mustRun({"ip", "netns", "add", nsB});
    for (const std::string& ns : {nsA, nsB}) {
        mustRun({"ip", "netns", "exec", ns, "sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1"});
        mustRun(
            {"ip", "netns", "exec", ns, "sysctl", "-qw", "net.ipv6.conf.default.disable_ipv6=1"});
    }
    mustRun(
        {"ip", "-n", nsA, "link", "add", ifA, "type", "veth", "peer", "name", ifB, "netns", nsB});
    const std::string macA = "02:00:00:00:0a:01";
    const std::string macB = "02:00:00:00:0b:02";
    mustRun({"ip", "-n", nsA, "link", "set", ifA, "address", macA});
    mustRun({"ip", "-n", nsB, "link", "set", ifB, "address", macB});
    mustRun({"ip", "-n", nsA, "addr", "add", addressA + "/24", "dev", ifA});
    mustRun({"ip", "-n", nsB, "addr", "add", addressB + "/24", "dev", ifB});
    mustRun({"ip", "-n", nsA, "neigh", "add", addressB, "lladdr", macB, "dev", ifA, "nud",
             "permanent"});
    mustRun({"ip", "-n", nsB, "neigh", "add", addressA, "lladdr", macA, "dev", ifB, "nud",
             "permanent"});
    for (const auto& [ns, interface] : {std::pair{nsA, ifA}, std::pair{nsB, ifB}}) {
        mustRun({"ip", "-n", ns, "link", "set", "lo", "up"});
        mustRun({"ip", "-n", ns, "link", "set", interface, "up"});
    }
}

TestNetwork::~TestNetwork() {
    runCommand({"ip", "netns", "del", nsA});
    runCommand({"ip", "netns", "del", nsB});
}

std::vector<std::string> TestNetwork::inA(std::vector<std::string> argv) const {
    argv.insert(argv.begin(), {"ip", "netns", "exec", nsA});
    return argv;
}

std::vector<std::string> TestNetwork::inB(std::vector<std::string> argv) const {
    argv.insert(argv.begin(), {"ip", "netns", "exec", nsB});
    return argv;
}

std::uint64_t TestNetwork::counter(const std::string& ns, const std::string& interface,
                                   const std::string& name) const {
    const CommandResult result = runCommand(
        {"ip", "netns", "exec", ns, "cat", "/sys/class/net/" + interface + "/statistics/" + name});
    if (result.status != 0) {
        throw std::runtime_error("cannot read " + name + " of " + interface + ": " + result.err);
    }
    return std::stoull(result.out);
}

void TestNetwork::deleteLink() const {
    mustRun({"ip", "-n", nsA, "link", "del", ifA});
}

}  // namespace netmon::test
