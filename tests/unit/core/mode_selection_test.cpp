// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/mode_selection.h"

#include <gtest/gtest.h>

namespace netmon {
namespace {

CaptureAvailability machine(bool ebpfAllowed, bool pcapAllowed, bool ebpfBuilt = true,
                            bool pcapBuilt = true) {
    CaptureAvailability availability;
    availability.ebpfBuiltIn = ebpfBuilt;
    availability.pcapBuiltIn = pcapBuilt;
    availability.permissions.ebpfPossible = ebpfAllowed;
    availability.permissions.pcapPossible = pcapAllowed;
    availability.permissions.checks = {
        {"root or CAP_BPF+CAP_PERFMON+CAP_NET_ADMIN", ebpfAllowed, "uid 1000",
         "sudo setcap cap_bpf,cap_perfmon,cap_net_admin,cap_net_raw+ep netmon"},
        {"bpffs at /sys/fs/bpf (optional)", false, "not mounted", "mount it"},
        {"kernel BTF", true, "readable", ""},
    };
    return availability;
}

TEST(ModeSelection, AutoPicksDeepWithEbpfFirstWhenAllowed) {
    const ModeDecision decision = chooseMode(CaptureMode::Auto, machine(true, true));
    EXPECT_EQ(decision.mode, MonitoringMode::Deep);
    EXPECT_EQ(decision.backends,
              (std::vector<CaptureBackend>{CaptureBackend::Ebpf, CaptureBackend::Pcap}));
    EXPECT_TRUE(decision.message.empty());
    EXPECT_FALSE(decision.fellBack);
}

TEST(ModeSelection, LibpcapWhenEbpfIsNotBuiltOrNotAllowed) {
    EXPECT_EQ(chooseMode(CaptureMode::Auto, machine(true, true, false, true)).backends,
              std::vector<CaptureBackend>{CaptureBackend::Pcap});
    EXPECT_EQ(chooseMode(CaptureMode::Deep, machine(false, true)).backends,
              std::vector<CaptureBackend>{CaptureBackend::Pcap});
}

TEST(ModeSelection, WithoutRightsBasicSaysWhatIsMissingAndHowToGetIt) {
    for (const CaptureMode requested : {CaptureMode::Auto, CaptureMode::Deep}) {
        const ModeDecision decision = chooseMode(requested, machine(false, false));
        EXPECT_EQ(decision.mode, MonitoringMode::Basic);
        EXPECT_TRUE(decision.fellBack);
        EXPECT_TRUE(decision.backends.empty());
        EXPECT_NE(decision.message.find("root or CAP_BPF"), std::string::npos) << decision.message;
        EXPECT_NE(decision.message.find("sudo setcap"), std::string::npos);
        EXPECT_EQ(decision.message.find("bpffs"), std::string::npos) << "optional checks stay out";
    }
}

TEST(ModeSelection, NothingBuiltInIsSaidAsSuch) {
    const ModeDecision decision = chooseMode(CaptureMode::Deep, machine(true, true, false, false));
    EXPECT_EQ(decision.mode, MonitoringMode::Basic);
    EXPECT_NE(decision.message.find("not built into"), std::string::npos);
}

TEST(ModeSelection, BasicByChoiceIsQuiet) {
    const ModeDecision decision = chooseMode(CaptureMode::Basic, machine(true, true));
    EXPECT_EQ(decision.mode, MonitoringMode::Basic);
    EXPECT_TRUE(decision.message.empty());
    EXPECT_FALSE(decision.fellBack);
}

TEST(ModeSelection, EnginesThatFailToStartGiveTheirReasons) {
    const ModeDecision decision =
        fallBackToBasic({"ebpf: verifier refused the program", "libpcap: no CAP_NET_RAW"});
    EXPECT_EQ(decision.mode, MonitoringMode::Basic);
    EXPECT_TRUE(decision.fellBack);
    EXPECT_NE(decision.message.find("verifier refused"), std::string::npos);
    EXPECT_NE(decision.message.find("no CAP_NET_RAW"), std::string::npos);
}

}  // namespace
}  // namespace netmon
