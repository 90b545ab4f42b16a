// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>
#include <windows.h>

#include <array>
#include <filesystem>

#include "capture/pcap/npcap_api_windows.h"
#include "capture/pcap/pcap_capture_engine.h"

namespace netmon::capture {
namespace {

class ScratchFolder {
public:
    ScratchFolder()
        : m_path(std::filesystem::temp_directory_path() /
                 (L"netmon-npcap-" + std::to_wstring(::GetCurrentProcessId()))) {
        std::filesystem::create_directories(m_path);
    }
    ~ScratchFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

std::filesystem::path systemDll(const wchar_t* name) {
    std::array<wchar_t, MAX_PATH + 1> folder{};
    ::GetSystemDirectoryW(folder.data(), static_cast<UINT>(folder.size()));
    return std::filesystem::path(folder.data()) / name;
}

TEST(NpcapLoader, AFolderWithoutNpcapSaysWhereToGetIt) {
    const ScratchFolder folder;
    const auto api = loadNpcapApi(folder.path());
    ASSERT_FALSE(api);
    EXPECT_NE(api.error().message.find("Npcap is not installed"), std::string::npos);
    EXPECT_NE(api.error().hint.find("https://npcap.com"), std::string::npos);
}

TEST(NpcapLoader, ADllThatIsNotNpcapIsRefusedByName) {
    // Any DLL under Npcap's names that is not Npcap: here a system DLL copied there. (Under
    // Wine the copy is a placeholder and Wine loads its own builtin wpcap instead — the very
    // answer a bare LoadLibrary("wpcap.dll") gets there — which lacks pcap_set_immediate_mode.)
    const ScratchFolder folder;
    std::filesystem::copy_file(systemDll(L"version.dll"), folder.path() / L"wpcap.dll");
    std::filesystem::copy_file(systemDll(L"version.dll"), folder.path() / L"Packet.dll");
    const auto api = loadNpcapApi(folder.path());
    ASSERT_FALSE(api);
    EXPECT_NE(api.error().message.find("wpcap.dll lacks pcap_"), std::string::npos)
        << api.error().message;
    EXPECT_NE(api.error().message.find("not Npcap's"), std::string::npos);
}

TEST(NpcapLoader, WithoutNpcapTheEngineProbeFailsWithTheReason) {
    if (std::filesystem::exists(systemDll(L"Npcap") / L"wpcap.dll")) {
        GTEST_SKIP() << "Npcap is installed here";
    }
    const auto probe = probePcapPermission();
    ASSERT_FALSE(probe);
    EXPECT_NE(probe.error().message.find("Npcap is not installed"), std::string::npos)
        << probe.error().message;
}

}  // namespace
}  // namespace netmon::capture
