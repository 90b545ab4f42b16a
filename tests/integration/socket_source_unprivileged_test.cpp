// SPDX-License-Identifier: GPL-3.0-or-later
// What an unprivileged user sees: a child of this (root) test drops to `nobody`, reads the
// socket table and asks for the owners of the parent's sockets, and reports through a pipe.
// The parent's sockets must come back NeedsAdmin, never a wrong process; their byte counts are
// still exact (tcp_info needs no privilege). Destroy notifications need no privilege either on
// Linux 6.x (sock_diag lets anyone join its groups): where the source says it reports closed
// sockets, a socket nobody closes must come back in `closed`.
#include <grp.h>
#include <gtest/gtest.h>
#include <linux/close_range.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <sstream>
#include <string>
#include <thread>

#include "core/sources/process_source.h"
#include "core/sources/socket_source.h"
#include "fakes/loopback_sockets.h"
#include "platform/source_factories.h"

namespace netmon {
namespace {

using test::cookieOf;
using test::inodeOf;

constexpr std::uint32_t kNobody = 65534;

// Runs in the forked child, as nobody; writes one line per fact to `out`.
[[noreturn]] void reportAsNobody(int out, const std::vector<std::uint64_t>& cookies,
                                 const std::vector<std::uint64_t>& inodes) {
    // Only the pipe stays open: inherited copies of the parent's sockets would make this child
    // their (visible) owner.
    if (::dup2(out, 3) != 3 || ::syscall(SYS_close_range, 4U, ~0U, 0U) != 0 ||
        ::setgroups(0, nullptr) != 0 || ::setgid(kNobody) != 0 || ::setuid(kNobody) != 0) {
        ::_exit(10);
    }
    std::ostringstream report;
    report << "uid " << ::geteuid() << "\n";
    auto sockets = makeSocketSource();
    report << "closed " << (sockets->reportsClosedSockets() ? 1 : 0) << "\n";
    const auto reading = sockets->read();
    report << "read " << (reading ? 1 : 0) << "\n";
    if (reading) {
        for (const SocketRecord& record : reading->open) {
            if (std::find(cookies.begin(), cookies.end(), record.cookie) != cookies.end()) {
                report << "socket " << record.cookie << " " << record.bytesSent.value_or(0) << " "
                       << record.bytesReceived.value_or(0) << "\n";
            }
        }
    }
    auto own = test::boundSocket(SOCK_DGRAM, "127.0.0.1");  // nobody's own socket
    std::vector<SocketQuery> queries;
    for (const std::uint64_t inode : inodes) {
        queries.push_back({inode, 0});
    }
    queries.push_back({inodeOf(own.get()), kNobody});
    const auto owners = makeProcessSource()->owners(queries);
    for (const SocketQuery& query : queries) {
        const SocketOwner& owner = owners.at(query.inode);
        report << "owner " << query.inode << " " << static_cast<int>(owner.visibility) << " "
               << owner.process.pid << "\n";
    }
    const std::uint64_t closing = cookieOf(own.get());
    own.reset();
    bool closedSeen = false;
    for (int attempt = 0; attempt < 40 && !closedSeen; ++attempt) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        const auto later = sockets->read();
        closedSeen = later && std::any_of(later->closed.begin(), later->closed.end(),
                                          [closing](const SocketRecord& record) {
                                              return record.cookie == closing;
                                          });
    }
    report << "closedSeen " << (closedSeen ? 1 : 0) << "\n";
    const std::string text = report.str();
    const bool written = ::write(3, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    ::_exit(written ? 0 : 11);
}

TEST(SocketSourceUnprivileged, AnotherUsersSocketsNeedAdminAndCountsStayExact) {
    if (::geteuid() != 0) {
        GTEST_SKIP() << "needs root to run a child as nobody (uid 65534); skipped";
    }
    const auto listener = test::listeningSocket("127.0.0.1");
    auto pair = test::connectedPair(listener.get(), "127.0.0.1", "127.0.0.1");
    test::sendAll(pair.client.get(), 123'456);
    ASSERT_EQ(test::receive(pair.server.get(), 123'456), 123'456U);
    test::sendAll(pair.server.get(), 7'890);
    ASSERT_EQ(test::receive(pair.client.get(), 7'890), 7'890U);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));  // the last acks
    const std::vector<std::uint64_t> cookies = {cookieOf(pair.client.get()),
                                                cookieOf(pair.server.get())};
    const std::vector<std::uint64_t> inodes = {inodeOf(listener.get()), inodeOf(pair.client.get()),
                                               inodeOf(pair.server.get())};

    int fds[2];
    ASSERT_EQ(::pipe2(fds, O_CLOEXEC), 0);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        reportAsNobody(fds[1], cookies, inodes);
    }
    ::close(fds[1]);
    std::string text;
    char chunk[4096];
    for (ssize_t got = 0; (got = ::read(fds[0], chunk, sizeof(chunk))) > 0;) {
        text.append(chunk, static_cast<std::size_t>(got));
    }
    ::close(fds[0]);
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "child status " << status;

    std::map<std::string, std::string> facts;  // "owner <inode>" → "<visibility> <pid>", …
    std::istringstream lines(text);
    for (std::string kind, key, rest; lines >> kind >> key && std::getline(lines, rest);) {
        facts[kind == "socket" || kind == "owner" ? kind + " " + key : kind] =
            kind == "socket" || kind == "owner" ? rest.substr(1) : key;
    }
    EXPECT_EQ(facts["uid"], std::to_string(kNobody)) << text;
    EXPECT_EQ(facts["closedSeen"], facts["closed"])
        << "closed sockets are reported exactly when the source says so";
    EXPECT_EQ(facts["read"], "1");
    EXPECT_EQ(facts["socket " + std::to_string(cookies[0])], "123456 7890") << text;
    EXPECT_EQ(facts["socket " + std::to_string(cookies[1])], "7890 123456") << text;
    const std::string needsAdmin =
        std::to_string(static_cast<int>(OwnerVisibility::NeedsAdmin)) + " 0";
    for (const std::uint64_t inode : inodes) {
        EXPECT_EQ(facts["owner " + std::to_string(inode)], needsAdmin)
            << "root's socket " << inode << " must not be attributed; report:\n"
            << text;
    }
    // Its own socket, nobody sees (the last owner line).
    const std::string known =
        std::to_string(static_cast<int>(OwnerVisibility::Known)) + " " + std::to_string(child);
    EXPECT_NE(text.find(known + "\n"), std::string::npos) << text;
}

}  // namespace
}  // namespace netmon
