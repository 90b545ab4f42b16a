// SPDX-License-Identifier: GPL-3.0-or-later
// Prints one reading of the interfaces as JSON. The namespace test runs it with
// `ip netns exec`, which also remounts /sys for the namespace. `--proc` reads through the
// /proc/net/dev fallback instead of netlink.
#include <iostream>
#include <nlohmann/json.hpp>
#include <string_view>

#include "core/sources/interface_source.h"
#include "platform/linux/proc_interface_reader.h"
#include "platform/source_factories.h"

int main(int argc, char** argv) {
    const bool useProc = argc > 1 && std::string_view(argv[1]) == "--proc";
    auto source = netmon::makeInterfaceSource();
    const auto interfaces =
        useProc ? netmon::linux_platform::readInterfacesFromProc() : source->read();
    if (!interfaces) {
        std::cerr << interfaces.error().describe() << '\n';
        return 1;
    }
    nlohmann::json out;
    out["mechanism"] = useProc ? std::string("/proc/net/dev") : std::string(source->mechanism());
    out["interfaces"] = nlohmann::json::array();
    for (const auto& stat : *interfaces) {
        out["interfaces"].push_back({
            {"name", stat.name},
            {"index", stat.index},
            {"mac", stat.mac},
            {"state", static_cast<int>(stat.state)},
            {"kind", static_cast<int>(stat.kind)},
            {"isVirtual", stat.isVirtual},
            {"addresses", stat.addresses},
            {"rxBytes", stat.counters.rxBytes},
            {"txBytes", stat.counters.txBytes},
            {"rxPackets", stat.counters.rxPackets},
            {"txPackets", stat.counters.txPackets},
        });
    }
    std::cout << out.dump() << '\n';
    return 0;
}
