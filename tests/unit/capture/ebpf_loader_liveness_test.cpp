// SPDX-License-Identifier: GPL-3.0-or-later
// Whether the process that loaded a filter still runs, over a fake /proc: dead only when that
// is proven (no such pid, or the pid started at another time); a start time that cannot be
// read (hidepid, permissions, no /proc), another pid namespace or an identity recorded without
// a start time keep the filter's owner alive.
#include <gtest/gtest.h>

#include <set>

#include "capture/ebpf/loader_liveness.h"
#include "fakes/temp_dir.h"
#include "unit/platform_linux/fake_proc_tree.h"

namespace netmon::capture {
namespace {

using linux_platform::test_proc::FakeProc;

constexpr std::uint64_t kOurPidNamespace = 4026531836;
constexpr std::uint32_t kLoaderPid = 4242;
constexpr std::uint64_t kLoaderStart = 987654;

// A /proc where reading any file fails, as for a process of another user under hidepid=1 or
// a /proc/PID/stat that cannot be opened.
class UnreadableProcFs final : public linux_platform::ProcFs {
public:
    using ProcFs::ProcFs;
    [[nodiscard]] std::optional<std::string> readFile(std::uint32_t /*pid*/,
                                                      std::string_view /*name*/) const override {
        return std::nullopt;
    }
};

class LoaderLivenessTest : public testing::Test {
protected:
    LoaderLivenessTest() : m_tree(root()), m_proc(root()) {}

    [[nodiscard]] std::string root() const { return (m_dir.path() / "proc").string(); }

    ProcessView view(const linux_platform::ProcFs& proc,
                     std::optional<std::uint64_t> pidNamespace = kOurPidNamespace) {
        return ProcessView{proc, pidNamespace, [this](std::uint32_t pid) -> std::optional<bool> {
                               if (m_unknowable) {
                                   return std::nullopt;
                               }
                               return m_running.contains(pid);
                           }};
    }
    LoaderVerdict judge(const LoaderIdentity& loader) { return judgeLoader(loader, view(m_proc)); }

    static LoaderIdentity loader(std::uint64_t start = kLoaderStart,
                                 std::uint64_t pidNamespace = kOurPidNamespace) {
        return LoaderIdentity{pidNamespace, kLoaderPid, start, 1};
    }
    void runLoader(std::uint64_t start) {
        m_tree.add(kLoaderPid, start, 65534, "netmon", {});
        m_running.insert(kLoaderPid);
    }

    test::TempDir m_dir;
    FakeProc m_tree;
    linux_platform::ProcFs m_proc;
    std::set<std::uint32_t> m_running;
    bool m_unknowable = false;
};

TEST_F(LoaderLivenessTest, ARunningLoaderWithItsStartTimeIsAlive) {
    runLoader(kLoaderStart);
    EXPECT_EQ(judge(loader()).state, LoaderState::Alive);
}

TEST_F(LoaderLivenessTest, AGonePidIsDead) {
    const LoaderVerdict verdict = judge(loader());
    EXPECT_EQ(verdict.state, LoaderState::Dead);
    EXPECT_NE(verdict.reason.find("4242 has ended"), std::string::npos) << verdict.reason;
}

TEST_F(LoaderLivenessTest, APidReusedByAProcessWithAnotherStartTimeIsDead) {
    runLoader(kLoaderStart + 5000);
    EXPECT_EQ(judge(loader()).state, LoaderState::Dead);
}

TEST_F(LoaderLivenessTest, AnUnreadableStartTimeKeepsARunningPidAlive) {
    const UnreadableProcFs unreadable(root());
    runLoader(kLoaderStart + 5000);  // even a different start time cannot be seen
    const LoaderVerdict verdict = judgeLoader(loader(), view(unreadable));
    EXPECT_EQ(verdict.state, LoaderState::Unknown);
    EXPECT_NE(verdict.reason.find("cannot read the start time of pid 4242"), std::string::npos)
        << verdict.reason;
}

TEST_F(LoaderLivenessTest, APidHiddenFromProcButRunningIsNotDead) {
    m_running.insert(kLoaderPid);  // kill(pid, 0) finds it; hidepid=2 hides its folder
    EXPECT_EQ(judge(loader()).state, LoaderState::Unknown);
}

TEST_F(LoaderLivenessTest, AMalformedStatIsNotProofOfDeath) {
    runLoader(kLoaderStart);
    std::ofstream(m_dir.path() / "proc" / std::to_string(kLoaderPid) / "stat") << "4242 (netm";
    EXPECT_EQ(judge(loader()).state, LoaderState::Unknown);
}

TEST_F(LoaderLivenessTest, WhenWhetherThePidRunsCannotBeToldItIsNotDead) {
    m_unknowable = true;
    EXPECT_EQ(judge(loader()).state, LoaderState::Unknown);
}

TEST_F(LoaderLivenessTest, AnotherPidNamespacesLoaderIsNeverJudgedByOurPids) {
    // Its pid 4242 is not ours: our 4242 being gone proves nothing.
    const LoaderVerdict verdict = judge(loader(kLoaderStart, kOurPidNamespace + 1));
    EXPECT_EQ(verdict.state, LoaderState::Unknown);
    EXPECT_NE(verdict.reason.find("another pid namespace"), std::string::npos) << verdict.reason;
    EXPECT_EQ(judge(loader(kLoaderStart, 0)).state, LoaderState::Unknown);
}

TEST_F(LoaderLivenessTest, WithoutOurOwnPidNamespaceNothingIsDead) {
    // /proc not mounted, or one of another pid namespace.
    EXPECT_EQ(judgeLoader(loader(), view(m_proc, std::nullopt)).state, LoaderState::Unknown);
}

TEST_F(LoaderLivenessTest, ALoaderRecordedWithoutStartTimeIsDeadOnlyWhenItsPidIsGone) {
    runLoader(kLoaderStart);
    EXPECT_EQ(judge(loader(0)).state, LoaderState::Unknown);
    m_running.clear();
    EXPECT_EQ(judge(loader(0)).state, LoaderState::Dead);
}

TEST_F(LoaderLivenessTest, ThisProcessSeesItsOwnPidNamespaceAndStartTime) {
    const linux_platform::ProcFs proc;
    const ProcessView self = thisProcessView(proc);
    const LoaderIdentity identity = thisProcessIdentity();
    ASSERT_TRUE(self.pidNamespace);
    EXPECT_EQ(identity.pidNamespace, *self.pidNamespace);
    EXPECT_NE(identity.startTime, 0u);
    EXPECT_EQ(self.running(identity.pid), true);
    EXPECT_EQ(judgeLoader(identity, self).state, LoaderState::Alive);
}

}  // namespace
}  // namespace netmon::capture
