// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/monitor.h"

#include <gtest/gtest.h>

#include <condition_variable>
#include <mutex>

#include "fakes/fake_clock.h"
#include "fakes/fake_interface_source.h"

namespace netmon {
namespace {

using namespace std::chrono_literals;
using test::FakeClock;
using test::FakeInterfaceSource;
using test::makeInterface;

// Collects what a monitor publishes, for tests on its thread.
class SnapshotLog {
public:
    void operator()(const Snapshot& snapshot) {
        const std::lock_guard lock(m_mutex);
        m_snapshots.push_back(snapshot);
        m_arrived.notify_all();
    }
    bool waitFor(std::size_t count, std::chrono::milliseconds timeout) {
        std::unique_lock lock(m_mutex);
        return m_arrived.wait_for(lock, timeout, [&] { return m_snapshots.size() >= count; });
    }
    std::size_t size() {
        const std::lock_guard lock(m_mutex);
        return m_snapshots.size();
    }
    std::vector<Snapshot> all() {
        const std::lock_guard lock(m_mutex);
        return m_snapshots;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_arrived;
    std::vector<Snapshot> m_snapshots;
};

struct MonitorFixture : ::testing::Test {
    MonitorFixture() {
        auto source = std::make_unique<FakeInterfaceSource>();
        fake = source.get();
        monitor = std::make_unique<Monitor>(std::move(source), clock);
    }
    FakeClock clock;
    FakeInterfaceSource* fake = nullptr;  // owned by the monitor
    std::unique_ptr<Monitor> monitor;
};

TEST_F(MonitorFixture, TicksPublishNumberedSnapshotsWithRates) {
    SnapshotLog log;
    monitor->subscribe(std::ref(log));
    fake->push({makeInterface("eth0", 2, 1'000, 500)});
    fake->push({makeInterface("eth0", 2, 251'000, 1'500)});

    const Snapshot first = monitor->tick();
    clock.advance(2s);
    const Snapshot second = monitor->tick();

    EXPECT_EQ(first.sequence, 1U);
    EXPECT_EQ(second.sequence, 2U);
    EXPECT_FALSE(first.interfaces.at(0).traffic);
    ASSERT_TRUE(second.interfaces.at(0).traffic);
    EXPECT_DOUBLE_EQ(second.interfaces[0].traffic->rxBitsPerSecond, 1'000'000.0);  // 250'000*8/2
    EXPECT_EQ(second.wallTime - first.wallTime, 2s);
    EXPECT_EQ(log.size(), 2U);
    EXPECT_EQ(second.mode, MonitoringMode::Basic);
}

TEST_F(MonitorFixture, FailedReadWarnsKeepsInterfacesAndLosesNothing) {
    fake->push({makeInterface("eth0", 2, 0, 0)});
    fake->pushFailure("netlink said no");
    fake->push({makeInterface("eth0", 2, 300'000, 0)});

    monitor->tick();
    clock.advance(1s);
    const Snapshot failed = monitor->tick();
    clock.advance(2s);
    const Snapshot recovered = monitor->tick();

    ASSERT_EQ(failed.warnings.size(), 1U);
    EXPECT_NE(failed.warnings[0].find("netlink said no"), std::string::npos);
    ASSERT_EQ(failed.interfaces.size(), 1U) << "a failed read is not 'all interfaces gone'";
    EXPECT_FALSE(failed.interfaces[0].traffic) << "a failed read is never a zero";
    ASSERT_TRUE(recovered.interfaces.at(0).traffic);
    EXPECT_EQ(recovered.interfaces[0].traffic->rxBytes, 300'000U);
    EXPECT_DOUBLE_EQ(recovered.interfaces[0].traffic->elapsedSeconds, 3.0);
    EXPECT_DOUBLE_EQ(recovered.interfaces[0].traffic->rxBitsPerSecond, 800'000.0);
}

TEST_F(MonitorFixture, InterfaceFilterKeepsOnlyTheNamedOnes) {
    monitor->setInterfaceFilter({"wlan0"});
    fake->push({makeInterface("eth0", 2, 0, 0), makeInterface("wlan0", 3, 0, 0)});
    const Snapshot snapshot = monitor->tick();
    ASSERT_EQ(snapshot.interfaces.size(), 1U);
    EXPECT_EQ(snapshot.interfaces[0].name, "wlan0");
}

TEST_F(MonitorFixture, IntervalIsClampedToTheAllowedRange) {
    monitor->setInterval(10ms);
    EXPECT_EQ(monitor->interval(), 100ms);
    monitor->setInterval(120s);
    EXPECT_EQ(monitor->interval(), 60s);
    monitor->setInterval(250ms);
    EXPECT_EQ(monitor->interval(), 250ms);
}

TEST_F(MonitorFixture, ThreadTicksUntilStoppedAndThenNeverAgain) {
    SnapshotLog log;
    monitor->subscribe(std::ref(log));
    monitor->setInterval(100ms);
    monitor->start();
    EXPECT_TRUE(monitor->running());
    ASSERT_TRUE(log.waitFor(3, 5s));
    monitor->stop();
    EXPECT_FALSE(monitor->running());
    const std::size_t afterStop = log.size();
    const int readsAfterStop = fake->reads();
    std::this_thread::sleep_for(300ms);
    EXPECT_EQ(log.size(), afterStop);
    EXPECT_EQ(fake->reads(), readsAfterStop);
    const auto snapshots = log.all();
    for (std::size_t i = 0; i < snapshots.size(); ++i) {
        EXPECT_EQ(snapshots[i].sequence, i + 1);
    }
}

TEST_F(MonitorFixture, ShorterIntervalTakesEffectWithoutRestart) {
    SnapshotLog log;
    monitor->subscribe(std::ref(log));
    monitor->setInterval(60s);
    monitor->start();
    ASSERT_TRUE(log.waitFor(1, 5s));
    monitor->setInterval(100ms);
    // With the old interval the second tick would be a minute away.
    EXPECT_TRUE(log.waitFor(3, 5s));
    monitor->stop();
}

TEST_F(MonitorFixture, StopIsPromptEvenWithALongInterval) {
    monitor->setInterval(60s);
    monitor->start();
    const auto started = std::chrono::steady_clock::now();
    monitor->stop();
    EXPECT_LT(std::chrono::steady_clock::now() - started, 5s);
}

TEST_F(MonitorFixture, UnsubscribedCallbackIsNotCalled) {
    SnapshotLog kept;
    SnapshotLog dropped;
    monitor->subscribe(std::ref(kept));
    const auto id = monitor->subscribe(std::ref(dropped));
    monitor->tick();
    monitor->unsubscribe(id);
    monitor->tick();
    EXPECT_EQ(kept.size(), 2U);
    EXPECT_EQ(dropped.size(), 1U);
}

}  // namespace
}  // namespace netmon
