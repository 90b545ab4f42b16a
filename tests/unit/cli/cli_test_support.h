// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <mutex>
#include <sstream>
#include <string>
#include <vector>

#include "cli/app.h"
#include "cli/context.h"
#include "cli/source_provider.h"
#include "fakes/fake_clock.h"
#include "fakes/fake_flow_sources.h"
#include "fakes/fake_interface_source.h"
#include "fakes/temp_dir.h"

namespace netmon::cli::test {

using netmon::test::FakeClock;

// A stop switch per run: StopSignal is one per process and stays set once asked.
class TestStopRequests final : public StopRequests {
public:
    bool waitFor(std::chrono::milliseconds timeout) override {
        std::unique_lock lock(m_mutex);
        return m_changed.wait_for(lock, timeout, [this] { return m_requested; });
    }
    void request() override {
        {
            const std::lock_guard lock(m_mutex);
            m_requested = true;
        }
        m_changed.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_requested = false;
};

// Interface readings a test queued, each read `step` of the fake clock after the one before:
// a monitor's ticks are then exactly `step` apart, whatever the real scheduling did.
class SteppedInterfaceSource final : public InterfaceSource {
public:
    SteppedInterfaceSource(const std::vector<std::vector<InterfaceStat>>& readings,
                           FakeClock& clock, std::chrono::nanoseconds step)
        : m_clock(clock), m_step(step) {
        for (const auto& reading : readings) {
            m_readings.push(reading);
        }
    }
    Result<std::vector<InterfaceStat>> read() override {
        m_clock.advance(m_step);
        return m_readings.read();
    }
    [[nodiscard]] std::string_view mechanism() const override { return "fake"; }

private:
    netmon::test::FakeInterfaceSource m_readings;
    FakeClock& m_clock;
    std::chrono::nanoseconds m_step;
};

// The machine the commands see: interface and socket readings queued by the test (the last one
// repeats), socket owners, a clock that moves `step` per interface read, basic mode, no reverse
// DNS. Every monitor or interface source made replays the readings from the first.
class FakeMachine {
public:
    FakeMachine() = default;
    explicit FakeMachine(FakeClock::WallTime wall) : m_clock(wall) {}

    void pushInterfaces(std::vector<InterfaceStat> reading) {
        m_interfaceReadings.push_back(std::move(reading));
    }
    void failInterfaceReads(std::string message) { m_interfaceFailure = std::move(message); }
    void pushSockets(SocketReading reading) { m_socketReadings.push_back(std::move(reading)); }
    void setOwner(std::uint64_t inode, SocketOwner owner) {
        m_owners.emplace_back(inode, std::move(owner));
    }
    void setStep(std::chrono::nanoseconds step) { m_step = step; }
    [[nodiscard]] FakeClock& clock() { return m_clock; }

    SourceProvider sources() {
        return SourceProvider{
            [this](const Config& config, SnapshotDetail detail) {
                runtime::MonitorSetup setup;
                setup.monitor = std::make_unique<Monitor>(makeInterfaceSource(), m_clock);
                auto sockets = std::make_unique<netmon::test::FakeSocketSource>();
                for (const SocketReading& reading : m_socketReadings) {
                    sockets->push(reading);
                }
                auto processes = std::make_unique<netmon::test::FakeProcessSource>();
                for (const auto& [inode, owner] : m_owners) {
                    processes->set(inode, owner);
                }
                setup.monitor->setFlowPipeline(
                    std::make_unique<FlowPipeline>(std::move(sockets), std::move(processes),
                                                   nullptr, MonitoringMode::Basic, detail));
                setup.monitor->applyConfig(config);
                return setup;
            },
            [this] { return makeInterfaceSource(); },
            [this]() -> StopRequests& { return m_stops.emplace_back(); },
            nullptr,  // no service: the commands sample the fake machine in-process
        };
    }

private:
    std::unique_ptr<InterfaceSource> makeInterfaceSource() {
        if (m_interfaceFailure) {
            auto failing = std::make_unique<netmon::test::FakeInterfaceSource>();
            failing->pushFailure(*m_interfaceFailure);
            return failing;
        }
        return std::make_unique<SteppedInterfaceSource>(m_interfaceReadings, m_clock, m_step);
    }

    FakeClock m_clock;
    std::chrono::nanoseconds m_step{std::chrono::seconds(1)};
    std::vector<std::vector<InterfaceStat>> m_interfaceReadings;
    std::optional<std::string> m_interfaceFailure;
    std::vector<SocketReading> m_socketReadings;
    std::vector<std::pair<std::uint64_t, SocketOwner>> m_owners;
    std::deque<TestStopRequests> m_stops;  // one per run that waits; a deque keeps them in place
};

// What one `netmon …` run printed and returned.
struct CliRun {
    int status = -1;
    std::string out;
    std::string err;
};

// Runs `netmon --config <folder>/config.json <arguments…>` through runApp, the parse path
// main() takes, against `machine`; the settings file is the test's own (none: defaults).
inline CliRun runNetmon(FakeMachine& machine, const std::filesystem::path& folder,
                        std::vector<std::string> arguments) {
    std::vector<std::string> words{"netmon", "--config", (folder / "config.json").string()};
    words.insert(words.end(), arguments.begin(), arguments.end());
    std::vector<const char*> argv;
    for (const std::string& word : words) {
        argv.push_back(word.c_str());
    }
    std::ostringstream out;
    std::ostringstream err;
    const SourceProvider sources = machine.sources();
    CliRun run;
    run.status = runApp(static_cast<int>(argv.size()), argv.data(), sources, Output{out, err});
    run.out = out.str();
    run.err = err.str();
    return run;
}

// The lines of `text`, without their "\n".
inline std::vector<std::string> linesOf(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    return lines;
}

}  // namespace netmon::cli::test
