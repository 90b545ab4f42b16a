// SPDX-License-Identifier: GPL-3.0-or-later
// The real netmon-gui, started as an unprivileged member of the service's group (a numeric uid
// through setpriv, offscreen), against the real netmond running as root in a test namespace:
// it says its data comes from the service in deep mode, its History screen shows the service's
// history to the byte of the kernel's counter, and it creates no history database of its own.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "fakes/temp_dir.h"
#include "gui/services/service_history.h"
#include "integration/child_process.h"
#include "integration/deep_mode_ticks.h"
#include "integration/test_network.h"
#include "integration/udp_traffic.h"

namespace netmon::test {
namespace {

using namespace std::chrono_literals;

const char* const kNetmond = NETMON_SERVICE_PATH;
const char* const kNetmon = NETMON_CLI_PATH;
const char* const kNetmonGui = NETMON_GUI_PATH;
// Numeric ids without entries in /etc/passwd or /etc/group: nothing on the machine changes.
constexpr std::uint32_t kGroup = 61500;
constexpr std::uint32_t kMember = 61001;

class GuiWithService : public ::testing::Test {
protected:
    void SetUp() override {
        if (const auto reason = ebpfMachineUnavailableReason()) {
            GTEST_SKIP() << *reason;
        }
        network = std::make_unique<TestNetwork>();
        std::filesystem::permissions(folder.path(), std::filesystem::perms(0755));
        socket = (folder.path() / "netmond.sock").string();
        config = (folder.path() / "netmond.json").string();
        std::ofstream(config) << R"({"version": 1, "sampling_interval_ms": 200})";
        // The app's own folders, the member's: it may write its preferences, never a database.
        for (const char* name : {"home", "config", "data", "runtime", "out"}) {
            const std::filesystem::path path = folder.path() / name;
            std::filesystem::create_directory(path);
            ASSERT_EQ(::chown(path.c_str(), kMember, kMember), 0);
            std::filesystem::permissions(path, std::filesystem::perms::owner_all);
        }
    }

    std::unique_ptr<ChildProcess> startService() {
        auto service = std::make_unique<ChildProcess>(
            network->inA({kNetmond, "--foreground", "--socket", socket, "--db",
                          (folder.path() / "history.db").string(), "--config", config, "--group",
                          std::to_string(kGroup), "--socket-mode", "0666"}));
        for (int attempt = 0; attempt < 100 && !std::filesystem::exists(socket); ++attempt) {
            std::this_thread::sleep_for(100ms);
        }
        return service;
    }

    // The service's history of the veth (as root, through the service), received bytes summed.
    std::optional<std::uint64_t> serviceHistoryRx() const {
        const CommandResult result =
            runCommand(network->inA({kNetmon, "--socket", socket, "history", "--json", "--iface",
                                     network->ifA, "--resolution", "day", "--since", "-2d"}));
        if (result.status != 0) {
            return std::nullopt;
        }
        std::uint64_t rx = 0;
        for (const auto& row : nlohmann::json::parse(result.out)) {
            rx += row["rx_bytes"].get<std::uint64_t>();
        }
        return rx;
    }

    [[nodiscard]] std::vector<std::string> guiAsMember(std::vector<std::string> args) const {
        const auto in = [this](const char* name) { return (folder.path() / name).string(); };
        std::vector<std::string> argv{"setpriv",
                                      "--reuid=" + std::to_string(kMember),
                                      "--regid=" + std::to_string(kMember),
                                      "--groups=" + std::to_string(kGroup),
                                      "env",
                                      "HOME=" + in("home"),
                                      "XDG_CONFIG_HOME=" + in("config"),
                                      "XDG_DATA_HOME=" + in("data"),
                                      "XDG_RUNTIME_DIR=" + in("runtime"),
                                      "QT_QPA_PLATFORM=offscreen",
                                      kNetmonGui,
                                      "--socket",
                                      socket};
        argv.insert(argv.end(), args.begin(), args.end());
        return network->inA(argv);
    }

    TempDir folder;
    std::unique_ptr<TestNetwork> network;
    std::string socket, config;
};

TEST_F(GuiWithService, AMemberSeesDeepModeAndTheServicesHistoryAndStoresNothingOfItsOwn) {
    // The link is quiet (no IPv6, no ARP): the only bytes are the ones sent here.
    const std::uint64_t rxBefore = network->counter(network->nsA, network->ifA, "rx_bytes");
    auto service = startService();
    ASSERT_EQ(sendUdpFromBToA(*network, 40, 700, 40'530).received, 40);
    const std::uint64_t received =
        network->counter(network->nsA, network->ifA, "rx_bytes") - rxBefore;
    ASSERT_GE(received, 40u * 700u);
    std::optional<std::uint64_t> stored;
    for (int attempt = 0; attempt < 100 && stored != received; ++attempt) {
        std::this_thread::sleep_for(200ms);  // the service writes every 2 s
        stored = serviceHistoryRx();
    }
    ASSERT_EQ(stored, received) << service->drainStderr();

    const std::filesystem::path out = folder.path() / "out";
    const CommandResult gui =
        runCommand(guiAsMember({"--screen", "history", "--history-interface", network->ifA,
                                "--quit-after", "8000", "--state-file",
                                (out / "state.json").string(), "--screenshot-dir", out.string()}),
                   90s);
    ASSERT_EQ(gui.status, 0) << gui.err;
    std::ifstream stateFile(out / "state.json");
    const nlohmann::json state = nlohmann::json::parse(stateFile, nullptr, false);
    ASSERT_TRUE(state.is_object()) << gui.err;

    EXPECT_EQ(state["source"], "Live data and history from the Network Monitor service (deep mode)")
        << state.dump(1);
    EXPECT_EQ(state["status"].get<std::string>().rfind("Deep mode · service records", 0), 0u)
        << state.dump(1);
    const nlohmann::json& history = state["history"];
    EXPECT_EQ(history["error"], "") << state.dump(1);
    EXPECT_EQ(history["rx_bytes"], std::to_string(received)) << state.dump(1);
    EXPECT_NE(std::find(history["interfaces"].begin(), history["interfaces"].end(), network->ifA),
              history["interfaces"].end())
        << state.dump(1);
    // A member may change the service's settings from the app (Settings: Apply).
    EXPECT_NE(state["settings_note"].get<std::string>().find("Apply sends them to the service"),
              std::string::npos)
        << state.dump(1);
    // Nothing else crossed the link meanwhile, so the figure compared is the kernel's.
    EXPECT_EQ(network->counter(network->nsA, network->ifA, "rx_bytes") - rxBefore, received);

    // No database, no folder of the app's under XDG_DATA_HOME.
    EXPECT_TRUE(std::filesystem::is_empty(folder.path() / "data"))
        << (std::filesystem::directory_iterator(folder.path() / "data")->path());
    for (const char* screen : {"dashboard", "history", "settings"}) {
        EXPECT_TRUE(std::filesystem::exists(out / (std::string(screen) + ".png"))) << gui.err;
    }
    service->signal(SIGTERM);
    EXPECT_EQ(service->wait(15s), 0) << service->drainStderr();
}

// What the app's Apply sends (its storage worker's ServiceHistory, as an administrator here):
// the service takes it and keeps it in its own settings file.
TEST_F(GuiWithService, TheAppsApplyChangesTheServicesSettingsFile) {
    auto service = startService();
    gui::ServiceHistory client(socket);
    auto current = client.settings();
    ASSERT_TRUE(current) << current.error().describe() << service->drainStderr();
    EXPECT_EQ(current->config.samplingInterval, 200ms);
    Config changed = current->config;
    changed.samplingInterval = 700ms;
    changed.retentionDays = 33;
    const auto saved = client.changeSettings(changed);
    ASSERT_TRUE(saved) << saved.error().describe();

    std::ifstream file(config);
    const nlohmann::json onDisk = nlohmann::json::parse(file, nullptr, false);
    EXPECT_EQ(onDisk.value("sampling_interval_ms", 0), 700) << onDisk.dump();
    EXPECT_EQ(onDisk.value("retention_days", 0), 33) << onDisk.dump();
    const auto readBack = client.settings();
    ASSERT_TRUE(readBack) << readBack.error().describe();
    EXPECT_EQ(readBack->config.samplingInterval, 700ms);
    service->signal(SIGTERM);
    EXPECT_EQ(service->wait(15s), 0) << service->drainStderr();
}

TEST_F(GuiWithService, WithoutAServiceTheAppMonitorsItselfAndSaysSo) {
    // No netmond at --socket: the app runs in process as before and says where its data is from.
    const std::filesystem::path out = folder.path() / "out";
    const CommandResult gui = runCommand(
        guiAsMember({"--quit-after", "4000", "--state-file", (out / "state.json").string()}), 60s);
    ASSERT_EQ(gui.status, 0) << gui.err;
    std::ifstream stateFile(out / "state.json");
    const nlohmann::json state = nlohmann::json::parse(stateFile, nullptr, false);
    ASSERT_TRUE(state.is_object()) << gui.err;
    EXPECT_EQ(state["source"], "Monitoring in this app (basic mode); history in your own database")
        << state.dump(1);
    EXPECT_NE(state["mode_text"].get<std::string>().find("systemctl enable --now netmond"),
              std::string::npos)
        << state.dump(1);
    EXPECT_EQ(state["mode_text"].get<std::string>().find("setcap"), std::string::npos)
        << state.dump(1);
    EXPECT_TRUE(std::filesystem::exists(folder.path() / "data" / "netmon"))
        << "in process, the app keeps its own history as before";
}

}  // namespace
}  // namespace netmon::test
