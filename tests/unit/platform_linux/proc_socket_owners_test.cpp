// SPDX-License-Identifier: GPL-3.0-or-later
// ProcSocketOwners over a fake /proc tree in a temporary folder (fake_proc_tree.h).
#include "platform/linux/proc_socket_owners.h"

#include <gtest/gtest.h>

#include "fakes/temp_dir.h"
#include "unit/platform_linux/fake_proc_tree.h"

namespace netmon::linux_platform {
namespace {

using test_proc::CountingProcFs;
using test_proc::FakeProc;

class ProcSocketOwnersTest : public testing::Test {
protected:
    ProcSocketOwnersTest() : m_proc(m_dir.path() / "proc") {}

    // Built on first use, so a test can choose the viewer.
    ProcSocketOwners& owners(std::optional<std::uint32_t> viewer = std::nullopt) {
        if (!m_owners) {
            auto procFs = std::make_unique<CountingProcFs>((m_dir.path() / "proc").string());
            m_fs = procFs.get();
            m_owners.emplace(std::move(procFs), viewer);
        }
        return *m_owners;
    }
    std::unordered_map<std::uint64_t, SocketOwner> ask(const std::vector<SocketQuery>& queries) {
        return owners().owners(queries);
    }
    OwnerVisibility visibility(std::uint64_t inode, std::uint32_t uid = 0) {
        return ask({{inode, uid}}).at(inode).visibility;
    }

    test::TempDir m_dir;
    FakeProc m_proc;
    CountingProcFs* m_fs = nullptr;  // owned by m_owners
    std::optional<ProcSocketOwners> m_owners;
};

TEST_F(ProcSocketOwnersTest, NamesAndPathsBecomeValidUtf8) {
    // comm as the kernel keeps prctl(PR_SET_NAME, "Überwachung-€"): cut at 15 bytes, inside €;
    // the fake's exe link is /usr/bin/<comm>, so the path holds the same broken bytes.
    m_proc.add(100, 5000, 0,
               "\xC3\x9C"
               "berwachung-\xE2\x82",
               {1001});
    m_proc.add(200, 6000, 0, "\xFF\x1B]0;x\x07", {2001});
    auto result = ask({{1001, 0}, {2001, 0}});
    EXPECT_EQ(result[1001].process.name,
              "\xC3\x9C"
              "berwachung-\xEF\xBF\xBD");
    EXPECT_EQ(result[1001].process.executable,
              "/usr/bin/\xC3\x9C"
              "berwachung-\xEF\xBF\xBD");
    EXPECT_EQ(result[2001].process.name, "\xEF\xBF\xBD\x1B]0;x\x07");  // shown escaped later
}

TEST_F(ProcSocketOwnersTest, FindsOwnersThenAnswersFromTheCache) {
    m_proc.add(100, 5000, 0, "sshd", {1001, 1002});
    m_proc.add(200, 6000, 1000, "firefox", {2001});
    m_proc.add(300, 7000, 1000, "idle", {});
    const std::vector<SocketQuery> queries = {{1001, 0}, {1002, 0}, {2001, 1000}, {0, 0}};
    auto result = ask(queries);
    ASSERT_EQ(result.size(), 4U);
    EXPECT_EQ(result[1001].visibility, OwnerVisibility::Known);
    EXPECT_EQ(result[1001].process.pid, 100U);
    EXPECT_EQ(result[1001].process.name, "sshd");
    EXPECT_EQ(result[1001].process.executable, "/usr/bin/sshd");
    EXPECT_EQ(result[1001].process.uid, 0U);
    EXPECT_EQ(result[1002].process.pid, 100U);
    EXPECT_EQ(result[2001].process.name, "firefox");
    EXPECT_EQ(result[2001].process.uid, 1000U);
    EXPECT_EQ(result[0].visibility, OwnerVisibility::NoOwner);
    EXPECT_EQ(m_fs->totalFdScans(), 3);

    const auto identities = owners().stats().identityReads;
    result = ask(queries);
    EXPECT_EQ(result[2001].process.pid, 200U);
    EXPECT_EQ(m_fs->totalFdScans(), 3) << "the same inodes again: no fd folder is read";
    EXPECT_EQ(owners().stats().identityReads, identities);
    EXPECT_EQ(owners().stats().verifications, 2U) << "one stat per owning process";
    EXPECT_EQ(owners().stats().listings, 1U) << "every inode known: /proc is not listed";
}

// An idle machine's tick asks about the same sockets: /proc is listed only now and then, and a
// process that exited meanwhile is forgotten by then.
TEST_F(ProcSocketOwnersTest, ListsProcOnlyForNewSocketsAndNowAndThen) {
    m_proc.add(100, 5000, 0, "sshd", {1001});
    m_proc.add(101, 5001, 0, "cron", {});
    ASSERT_EQ(visibility(1001), OwnerVisibility::Known);
    ASSERT_EQ(owners().stats().listings, 1U);
    ASSERT_EQ(owners().cachedProcesses(), 2U);
    m_proc.remove(101);
    for (std::uint64_t call = 2; call <= ProcSocketOwners::kRelistCalls; ++call) {
        ASSERT_EQ(visibility(1001), OwnerVisibility::Known);
    }
    EXPECT_EQ(owners().stats().listings, 1U);
    EXPECT_EQ(owners().cachedProcesses(), 2U);
    EXPECT_EQ(visibility(1001), OwnerVisibility::Known);
    EXPECT_EQ(owners().stats().listings, 2U);
    EXPECT_EQ(owners().cachedProcesses(), 1U) << "cron exited";
    m_proc.add(102, 5002, 1000, "curl", {1021});
    EXPECT_EQ(ask({{1001, 0}, {1021, 1000}}).at(1021).process.name, "curl")
        << "a new socket lists /proc at once";
    EXPECT_EQ(owners().stats().listings, 3U);
}

TEST_F(ProcSocketOwnersTest, NewProcessIsScannedForItsNewSocket) {
    m_proc.add(100, 5000, 0, "sshd", {1001});
    ASSERT_EQ(visibility(1001), OwnerVisibility::Known);
    m_proc.add(400, 9000, 1000, "curl", {4001});
    const auto result = ask({{1001, 0}, {4001, 1000}});
    EXPECT_EQ(result.at(4001).process.pid, 400U);
    EXPECT_EQ(result.at(4001).process.name, "curl");
    EXPECT_EQ(m_fs->fdScans[100], 1) << "the known process is not read again";
    EXPECT_EQ(m_fs->fdScans[400], 1);
}

TEST_F(ProcSocketOwnersTest, ExitedProcessIsForgotten) {
    m_proc.add(100, 5000, 0, "sshd", {1001});
    m_proc.add(101, 5001, 0, "cron", {});
    ASSERT_EQ(visibility(1001), OwnerVisibility::Known);
    EXPECT_EQ(owners().cachedProcesses(), 2U);
    m_proc.remove(100);
    EXPECT_EQ(visibility(1001), OwnerVisibility::NoOwner);
    EXPECT_EQ(owners().cachedProcesses(), 1U);
}

TEST_F(ProcSocketOwnersTest, ReusedPidIsAnotherProcess) {
    m_proc.add(200, 1000, 1000, "old", {2001});
    ASSERT_EQ(ask({{2001, 1000}}).at(2001).process.name, "old");
    // pid 200 exits and a new process gets the same pid: a later start time.
    m_proc.remove(200);
    m_proc.add(200, 2000, 1000, "new", {2002});
    const auto result = ask({{2001, 1000}, {2002, 1000}});
    EXPECT_EQ(result.at(2001).visibility, OwnerVisibility::NoOwner) << "never the new process";
    EXPECT_EQ(result.at(2002).visibility, OwnerVisibility::Known);
    EXPECT_EQ(result.at(2002).process.name, "new");
    EXPECT_EQ(result.at(2002).process.executable, "/usr/bin/new");
}

TEST_F(ProcSocketOwnersTest, ReusedPidOfAnotherUserHoldingTheNewSocket) {
    m_proc.add(200, 1000, 0, "root-daemon", {});
    m_proc.add(201, 1001, 0, "other", {2101});
    ASSERT_EQ(visibility(2101), OwnerVisibility::Known);  // every process is cached now
    m_proc.remove(200);
    m_proc.add(200, 3000, 1000, "user-app", {2002});
    const auto result = ask({{2101, 0}, {2002, 1000}});
    EXPECT_EQ(result.at(2002).process.name, "user-app");
    EXPECT_EQ(result.at(2002).process.uid, 1000U);
}

TEST_F(ProcSocketOwnersTest, SocketHandedToAnotherProcessIsNotLeftWithTheFirst) {
    m_proc.add(100, 5000, 0, "acceptor", {1001, 1002});
    ASSERT_EQ(ask({{1001, 0}, {1002, 0}}).at(1001).process.pid, 100U);
    // It passes socket 1001 to a worker (SCM_RIGHTS, or a fork) and closes its own copy.
    m_proc.add(101, 5100, 0, "worker", {1001});
    m_proc.removeSocket(100, 1001);
    const auto result = ask({{1001, 0}, {1002, 0}});
    EXPECT_EQ(result.at(1001).process.name, "worker");
    EXPECT_EQ(result.at(1002).process.name, "acceptor");
    // Nothing changed since: the cache answers without reading any fd folder.
    const int scans = m_fs->totalFdScans();
    ask({{1001, 0}, {1002, 0}});
    EXPECT_EQ(m_fs->totalFdScans(), scans);
}

TEST_F(ProcSocketOwnersTest, UnreadableFdsMakeAnUnfoundSocketNeedAdmin) {
    m_proc.add(100, 5000, 0, "sshd", {1001});
    m_proc.add(500, 5500, 1000, "secret", {5001});
    owners();
    m_fs->denied.insert(500);
    const auto result = ask({{1001, 0}, {5001, 1000}, {9999, 0}});
    EXPECT_EQ(result.at(1001).visibility, OwnerVisibility::Known);
    EXPECT_EQ(result.at(5001).visibility, OwnerVisibility::NeedsAdmin)
        << "a process of that user could not be read";
    EXPECT_EQ(result.at(5001).process.pid, 0U);
    EXPECT_EQ(result.at(9999).visibility, OwnerVisibility::NoOwner)
        << "every process of root could be read";
}

TEST_F(ProcSocketOwnersTest, MissingFdFolderIsAProcessGone) {
    m_proc.add(100, 5000, 0, "sshd", {1001});
    m_proc.add(600, 6000, 0, "zombie", {6001});
    m_proc.removeFdFolder(600);  // exited between the listing and the read
    const auto result = ask({{1001, 0}, {6001, 0}});
    EXPECT_EQ(result.at(1001).visibility, OwnerVisibility::Known);
    EXPECT_EQ(result.at(6001).visibility, OwnerVisibility::NoOwner);
}

TEST_F(ProcSocketOwnersTest, UnknownSocketRescansOnlyItsUsersProcesses) {
    for (std::uint32_t i = 0; i < 20; ++i) {
        m_proc.add(1000 + i, 100 + i, 0, "rootd", {10'000 + i});
        m_proc.add(2000 + i, 200 + i, 1000, "userapp", {20'000 + i});
    }
    m_proc.add(2100, 300, 1000, "quiet", {});
    std::vector<SocketQuery> queries;
    for (std::uint32_t i = 0; i < 20; ++i) {
        queries.push_back({10'000 + i, 0});
        queries.push_back({20'000 + i, 1000});
    }
    ask(queries);
    ASSERT_EQ(m_fs->totalFdScans(), 41);
    // A cached process of user 1000 that held no socket opens one: its number of open files
    // changed, so it is read first, and alone.
    m_proc.addSocket(2100, 29'999);
    queries.push_back({29'999, 1000});
    EXPECT_EQ(ask(queries).at(29'999).process.pid, 2100U);
    EXPECT_EQ(m_fs->totalFdScans(), 42);
    // One replaces a pipe by a socket (same number of files): all of user 1000's processes are
    // read, none of root's.
    m_proc.replaceWithSocket(2007, 1, 29'998);
    queries.push_back({29'998, 1000});
    EXPECT_EQ(ask(queries).at(29'998).process.pid, 2007U);
    EXPECT_EQ(m_fs->totalFdScans(), 63) << "user 1000's 21 processes";
    for (std::uint32_t i = 0; i < 20; ++i) {
        EXPECT_EQ(m_fs->fdScans[1000 + i], 1) << "root's processes are not read again";
    }
    // One that holds a known socket opens another: it alone is read again.
    m_proc.addSocket(2005, 29'997);
    queries.push_back({29'997, 1000});
    EXPECT_EQ(ask(queries).at(29'997).process.pid, 2005U);
    EXPECT_EQ(m_fs->totalFdScans(), 64);
}

TEST_F(ProcSocketOwnersTest, SocketNobodyHoldsIsNotLookedForAgain) {
    m_proc.add(100, 5000, 0, "sshd", {1001});
    EXPECT_EQ(visibility(7777), OwnerVisibility::NoOwner);  // e.g. a kernel socket
    const int scans = m_fs->totalFdScans();
    EXPECT_EQ(visibility(7777), OwnerVisibility::NoOwner);
    EXPECT_EQ(visibility(7777), OwnerVisibility::NoOwner);
    EXPECT_EQ(m_fs->totalFdScans(), scans);
}

TEST_F(ProcSocketOwnersTest, SocketPassedToAnotherUsersProcess) {
    // systemd (root) made the socket and handed it to a service running as user 101.
    m_proc.add(1, 10, 0, "systemd", {});
    m_proc.add(700, 7000, 101, "resolved", {7001});
    const auto result = ask({{7001, 0}});
    EXPECT_EQ(result.at(7001).process.pid, 700U);
}

TEST_F(ProcSocketOwnersTest, UnprivilegedViewerCannotTellOtherUsersSockets) {
    owners(1000);  // we are user 1000 and cannot read other users' fds
    m_proc.add(100, 5000, 0, "sshd", {1001});
    m_proc.add(200, 6000, 1000, "mine", {2001});
    m_fs->denied.insert(100);
    const auto result = ask({{1001, 0}, {2001, 1000}, {3001, 0}, {3002, 1000}});
    EXPECT_EQ(result.at(1001).visibility, OwnerVisibility::NeedsAdmin);
    EXPECT_EQ(result.at(2001).process.name, "mine");
    EXPECT_EQ(result.at(3001).visibility, OwnerVisibility::NeedsAdmin);
    EXPECT_EQ(result.at(3002).visibility, OwnerVisibility::NoOwner);
}

TEST_F(ProcSocketOwnersTest, ManyProcesses) {
    constexpr std::uint32_t kProcesses = 200;
    std::vector<SocketQuery> queries;
    for (std::uint32_t pid = 10; pid < 10 + kProcesses; ++pid) {
        const std::vector<std::uint64_t> inodes = {pid * 10ULL, pid * 10ULL + 1, pid * 10ULL + 2};
        m_proc.add(pid, pid, pid % 7, "p" + std::to_string(pid), inodes);
        for (const std::uint64_t inode : inodes) {
            queries.push_back({inode, pid % 7});
        }
    }
    auto result = ask(queries);
    ASSERT_EQ(result.size(), queries.size());
    for (const SocketQuery& query : queries) {
        ASSERT_EQ(result.at(query.inode).process.pid, query.inode / 10) << query.inode;
    }
    EXPECT_EQ(m_fs->totalFdScans(), static_cast<int>(kProcesses));
    result = ask(queries);
    EXPECT_EQ(m_fs->totalFdScans(), static_cast<int>(kProcesses)) << "no rescan";
    EXPECT_EQ(result.at(10 * 10ULL + 2).process.name, "p10");
}

TEST_F(ProcSocketOwnersTest, ProcNotMountedIsNeedsAdminNotAWrongAnswer) {
    auto procFs = std::make_unique<CountingProcFs>((m_dir.path() / "missing").string());
    ProcSocketOwners blind(std::move(procFs), std::nullopt);
    const auto result = blind.owners({{1001, 0}, {0, 0}});
    EXPECT_EQ(result.at(1001).visibility, OwnerVisibility::NeedsAdmin);
    EXPECT_EQ(result.at(0).visibility, OwnerVisibility::NoOwner);
}

}  // namespace
}  // namespace netmon::linux_platform
