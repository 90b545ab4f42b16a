// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/windows/permission_checks.h"

#include <gtest/gtest.h>

#include "core/mode_selection.h"

namespace netmon::windows_platform {
namespace {

WindowsFacts facts(std::optional<bool> elevated, bool npcap,
                   std::optional<std::string> wine = std::nullopt) {
    WindowsFacts out;
    out.elevated = elevated;
    out.elevationError = "cannot open this process's token";
    out.npcapInstalled = npcap;
    out.npcapDirectory = "C:\\Windows\\System32\\Npcap";
    out.wine = std::move(wine);
    return out;
}

TEST(PermissionChecks, DeepModeNeedsElevationAndNpcap) {
    EXPECT_TRUE(permissionReport(facts(true, true)).pcapPossible);
    EXPECT_FALSE(permissionReport(facts(false, true)).pcapPossible);
    EXPECT_FALSE(permissionReport(facts(true, false)).pcapPossible);
    EXPECT_FALSE(permissionReport(facts(std::nullopt, true)).pcapPossible);
    EXPECT_FALSE(permissionReport(facts(true, true)).ebpfPossible);
}

TEST(PermissionChecks, MissingNpcapSaysWhereToGetIt) {
    const PermissionReport report = permissionReport(facts(true, false));
    const PermissionCheck& npcap = report.checks[1];
    EXPECT_FALSE(npcap.passed);
    EXPECT_NE(npcap.name.find("C:\\Windows\\System32\\Npcap\\wpcap.dll"), std::string::npos);
    EXPECT_NE(npcap.hint.find("https://npcap.com"), std::string::npos);
    EXPECT_NE(npcap.hint.find("does not bundle"), std::string::npos);
}

TEST(PermissionChecks, BasicModeMessageNamesWhatIsMissing) {
    CaptureAvailability availability;
    availability.pcapBuiltIn = true;
    availability.permissions = permissionReport(facts(false, false));
    const ModeDecision decision = chooseMode(CaptureMode::Auto, availability);
    EXPECT_EQ(decision.mode, MonitoringMode::Basic);
    EXPECT_NE(decision.message.find("Run as administrator"), std::string::npos) << decision.message;
    EXPECT_NE(decision.message.find("npcap.com"), std::string::npos);
    // The per-connection bytes check is informational: it is not listed as missing.
    EXPECT_EQ(decision.message.find("per-connection"), std::string::npos);
}

TEST(PermissionChecks, PerConnectionBytesUnderWineAndWithoutElevation) {
    const auto wine = permissionReport(facts(true, false, "8.0")).checks[2];
    EXPECT_FALSE(wine.passed);
    EXPECT_NE(wine.detail.find("Wine 8.0"), std::string::npos);
    const auto user = permissionReport(facts(false, false)).checks[2];
    EXPECT_FALSE(user.passed);
    EXPECT_NE(user.hint.find("Run as administrator"), std::string::npos);
    EXPECT_TRUE(permissionReport(facts(true, false)).checks[2].passed);
}

}  // namespace
}  // namespace netmon::windows_platform
