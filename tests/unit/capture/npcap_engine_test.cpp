// SPDX-License-Identifier: GPL-3.0-or-later
// The Windows capture path end to end with a stand-in for Npcap (fake_wpcap.dll; Npcap itself
// cannot run under Wine): loaded by full path, devices opened by Npcap name for netmon's
// interface name, direction filters on the adapter's MAC handed to the driver, each frame
// counted once in the right direction by the same engine, parser and flow table as on Linux,
// and every handle closed again.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <filesystem>
#include <thread>

#include "capture/pcap/npcap_api_windows.h"
#include "capture/pcap/pcap_capture_engine.h"
#include "core/sources/interface_source.h"
#include "platform/source_factories.h"
#include "platform/windows/windows_handles.h"
#include "unit/capture/frame_builder.h"

namespace netmon::capture {
namespace {

using namespace std::chrono_literals;
using test::Frame;
using test::operator+;

std::filesystem::path fromBuildPath(std::string path) {
    if (!path.empty() && path.front() == '/') {
        path = "Z:" + path;  // Wine's drive for the Linux root
    }
    std::replace(path.begin(), path.end(), '/', '\\');
    return path;
}

// An interface Windows (here: Wine) lists with a 6-byte MAC, to open "by alias".
std::optional<InterfaceStat> adapterWithMac() {
    const auto interfaces = makeInterfaceSource()->read();
    if (!interfaces) {
        return std::nullopt;
    }
    for (const InterfaceStat& interface_ : *interfaces) {
        if (interface_.mac.size() == 17 && interface_.kind != InterfaceKind::Loopback) {
            return interface_;
        }
    }
    return std::nullopt;
}

std::array<std::uint8_t, 6> macBytes(const std::string& text) {
    std::array<std::uint8_t, 6> mac{};
    for (std::size_t i = 0; i < 6; ++i) {
        mac[i] = static_cast<std::uint8_t>(std::stoi(text.substr(i * 3, 2), nullptr, 16));
    }
    return mac;
}

Frame udpFrame(const std::array<std::uint8_t, 6>& destination,
               const std::array<std::uint8_t, 6>& source, test::V4 from, test::V4 to,
               std::uint16_t fromPort, std::uint16_t toPort, std::size_t payload) {
    Frame frame(destination.begin(), destination.end());
    frame.insert(frame.end(), source.begin(), source.end());
    test::put16(frame, 0x0800);
    frame = frame + test::ipv4Header(17, from, to, 8 + payload);
    test::put16(frame, fromPort);
    test::put16(frame, toPort);
    test::put16(frame, static_cast<std::uint16_t>(8 + payload));
    test::put16(frame, 0);
    return frame + test::payload(payload);
}

TEST(NpcapEngine, CountsEachFrameOnceInItsDirectionThroughTheLoadedDll) {
    const auto adapter = adapterWithMac();
    if (!adapter) {
        GTEST_SKIP() << "no interface with a MAC address here to open by name";
    }
    const auto folder = std::filesystem::temp_directory_path() /
                        (L"netmon-fake-npcap-" + std::to_wstring(::GetCurrentProcessId()));
    std::filesystem::create_directories(folder);
    const auto fake = fromBuildPath(NETMON_FAKE_WPCAP);
    std::filesystem::copy_file(fake, folder / L"wpcap.dll",
                               std::filesystem::copy_options::overwrite_existing);
    std::filesystem::copy_file(fake, folder / L"Packet.dll",
                               std::filesystem::copy_options::overwrite_existing);

    const auto api = loadNpcapApi(folder);
    ASSERT_TRUE(api) << api.error().describe();
    const HMODULE module = ::GetModuleHandleW((folder / L"wpcap.dll").c_str());
    ASSERT_NE(module, nullptr);
    using AddFrame = void (*)(const unsigned char*, int);
    using Text = const char* (*)(int);
    using Count = int (*)();
    const auto addFrame = windows_platform::procAddress<AddFrame>(module, "fake_add_frame");
    const auto device = windows_platform::procAddress<Text>(module, "fake_device");
    const auto filter = windows_platform::procAddress<Text>(module, "fake_filter");
    const auto openHandles = windows_platform::procAddress<Count>(module, "fake_open_handles");

    const auto ours = macBytes(adapter->mac);
    const std::array<std::uint8_t, 6> router{0x00, 0x1a, 0x2b, 0x3c, 0x4d, 0x5e};
    const Frame sent = udpFrame(router, ours, test::kHostA, test::kHostB, 5000, 53, 30);
    const Frame received = udpFrame(ours, router, test::kHostB, test::kHostA, 53, 5000, 100);
    addFrame(sent.data(), static_cast<int>(sent.size()));
    addFrame(received.data(), static_cast<int>(received.size()));

    {
        auto engine = makePcapCaptureEngine(PcapCaptureOptions{}, **api);
        ASSERT_TRUE(engine->setInterfaces({adapter->name}));
        CaptureReading reading;
        for (int attempt = 0; attempt < 50; ++attempt) {
            std::this_thread::sleep_for(50ms);
            auto read = engine->read();
            ASSERT_TRUE(read) << read.error().describe();
            reading = std::move(*read);
            if (!reading.flows.empty() &&
                reading.flows[0].packetsIn + reading.flows[0].packetsOut == 2) {
                break;
            }
        }
        ASSERT_EQ(reading.flows.size(), 1U);
        const CapturedFlow& flow = reading.flows[0];
        EXPECT_EQ(flow.key.localAddress.toString(), "192.0.2.1");
        EXPECT_EQ(flow.key.localPort, 5000);
        EXPECT_EQ(flow.key.remoteAddress.toString(), "198.51.100.7");
        EXPECT_EQ(flow.key.remotePort, 53);
        EXPECT_EQ(flow.bytesOut, sent.size());
        EXPECT_EQ(flow.packetsOut, 1U);
        EXPECT_EQ(flow.bytesIn, received.size());
        EXPECT_EQ(flow.packetsIn, 1U);

        // Two Npcap devices of this adapter (received, sent), by GUID, with the MAC filters.
        ASSERT_NE(device(0), nullptr);
        ASSERT_NE(device(1), nullptr);
        EXPECT_TRUE(std::string(device(0)).starts_with("\\Device\\NPF_{")) << device(0);
        EXPECT_EQ(std::string(device(0)), std::string(device(1)));
        ASSERT_NE(filter(0), nullptr);
        ASSERT_NE(filter(1), nullptr);
        EXPECT_EQ(std::string(filter(0)), "not ether src " + adapter->mac);
        EXPECT_EQ(std::string(filter(1)), "ether src " + adapter->mac);
        EXPECT_EQ(openHandles(), 2);
    }
    EXPECT_EQ(openHandles(), 0);  // the engine closed both
    std::error_code ignored;
    std::filesystem::remove_all(folder, ignored);
}

}  // namespace
}  // namespace netmon::capture
