// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/windows/process_owners.h"

#include <gtest/gtest.h>

#include <map>

namespace netmon::windows_platform {
namespace {

using namespace std::chrono_literals;
using Time = std::chrono::steady_clock::time_point;

// Recorded answers of a Windows 10 machine, and a count of each question asked.
class FakeProcessTable final : public ProcessTable {
public:
    std::vector<ProcessEntry> list;
    std::map<std::uint32_t, ImagePath> paths;
    std::vector<ServiceEntry> serviceList;
    int processCalls = 0;
    int pathCalls = 0;
    int serviceCalls = 0;

    std::vector<ProcessEntry> processes() override {
        ++processCalls;
        return list;
    }
    ImagePath imagePath(std::uint32_t pid) override {
        ++pathCalls;
        const auto found = paths.find(pid);
        return found != paths.end() ? found->second : ImagePath{{}, ImagePathFailure::Gone};
    }
    std::vector<ServiceEntry> services() override {
        ++serviceCalls;
        return serviceList;
    }
};

struct Fixture {
    Fixture() {
        auto owned = std::make_unique<FakeProcessTable>();
        table = owned.get();
        table->list = {{0, L"[System Process]"}, {4, L"System"},         {1204, L"svchost.exe"},
                       {2216, L"svchost.exe"},   {6120, L"firefox.exe"}, {7001, L"MsMpEng.exe"}};
        table->paths = {
            {1204, {L"C:\\Windows\\System32\\svchost.exe", ImagePathFailure::Other}},
            {6120, {L"C:\\Program Files\\Mozilla Firefox\\firefox.exe", ImagePathFailure::Other}},
            {4, {{}, ImagePathFailure::AccessDenied}},
            {7001, {{}, ImagePathFailure::AccessDenied}},  // protected: no path for anyone
            {2216, {{}, ImagePathFailure::AccessDenied}},
        };
        table->serviceList = {{L"NlaSvc", 1204}, {L"Dnscache", 1204}, {L"Dhcp", 2216}};
        owners = std::make_unique<ProcessOwners>(std::move(owned), 60s);
    }
    FakeProcessTable* table = nullptr;
    std::unique_ptr<ProcessOwners> owners;
};

std::vector<SocketQuery> pids(std::initializer_list<std::uint64_t> list) {
    std::vector<SocketQuery> queries;
    for (const std::uint64_t pid : list) {
        queries.push_back({pid, 0});
    }
    return queries;
}

TEST(ProcessOwners, NamesPathsAndSvchostServices) {
    Fixture f;
    const Time now{};
    const auto owners = f.owners->owners(pids({6120, 1204, 2216, 4}), now);
    ASSERT_EQ(owners.size(), 4U);
    const SocketOwner& firefox = owners.at(6120);
    EXPECT_EQ(firefox.visibility, OwnerVisibility::Known);
    EXPECT_EQ(firefox.process.pid, 6120U);
    EXPECT_EQ(firefox.process.name, "firefox.exe");
    EXPECT_EQ(firefox.process.executable, "C:\\Program Files\\Mozilla Firefox\\firefox.exe");
    EXPECT_EQ(owners.at(1204).process.name, "svchost.exe [Dnscache, NlaSvc]");
    // Another user's service host: the name from the process list, no path, still known.
    EXPECT_EQ(owners.at(2216).process.name, "svchost.exe [Dhcp]");
    EXPECT_EQ(owners.at(2216).process.executable, "");
    EXPECT_EQ(owners.at(2216).visibility, OwnerVisibility::Known);
    EXPECT_EQ(owners.at(4).process.name, "System");
    EXPECT_EQ(f.table->processCalls, 1);
    EXPECT_EQ(f.table->serviceCalls, 1);
}

TEST(ProcessOwners, VanishedProcessesAreNoOwnerAndAskedAgain) {
    Fixture f;
    // 9999 is in no process list (it ended between the socket table and now); 7777 is listed
    // but ends before it can be opened.
    f.table->list.push_back({7777, L"curl.exe"});
    const auto owners = f.owners->owners(pids({9999, 7777}), Time{});
    EXPECT_EQ(owners.at(9999).visibility, OwnerVisibility::NoOwner);
    EXPECT_EQ(owners.at(7777).visibility, OwnerVisibility::NoOwner);
    // Not cached: a later tick asks again (the PID may belong to a new process by then).
    f.table->list.push_back({9999, L"new.exe"});
    f.table->paths[9999] = {L"C:\\new.exe", ImagePathFailure::Other};
    EXPECT_EQ(f.owners->owners(pids({9999}), Time{} + 1s).at(9999).process.name, "new.exe");
}

TEST(ProcessOwners, CachesWhileSocketsNameThePidAndForgetsAfter) {
    Fixture f;
    const Time start{};
    f.owners->owners(pids({6120}), start);
    f.owners->owners(pids({6120, 6120}), start + 1s);
    f.owners->owners(pids({6120}), start + 2s);
    EXPECT_EQ(f.table->processCalls, 1);
    EXPECT_EQ(f.table->pathCalls, 1);
    // A tick without the PID drops it; its next appearance is looked up afresh.
    f.owners->owners(pids({}), start + 3s);
    f.table->list.back() = {7001, L"renamed.exe"};
    f.table->list.push_back({6120, L"other.exe"});
    f.table->list.erase(f.table->list.begin() + 4);  // firefox.exe ended, PID reused
    EXPECT_EQ(f.owners->owners(pids({6120}), start + 4s).at(6120).process.name, "other.exe");
    EXPECT_EQ(f.table->processCalls, 2);
}

TEST(ProcessOwners, SvchostServicesAreLookedUpAgainAfterTheRefresh) {
    Fixture f;
    const Time start{};
    f.owners->owners(pids({1204}), start);
    f.table->serviceList.push_back({L"BITS", 1204});
    EXPECT_EQ(f.owners->owners(pids({1204}), start + 30s).at(1204).process.name,
              "svchost.exe [Dnscache, NlaSvc]");
    EXPECT_EQ(f.owners->owners(pids({1204}), start + 61s).at(1204).process.name,
              "svchost.exe [BITS, Dnscache, NlaSvc]");
    EXPECT_EQ(f.table->serviceCalls, 2);
    // Other processes never cost a service look-up.
    f.owners->owners(pids({1204, 6120}), start + 62s);
    EXPECT_EQ(f.table->serviceCalls, 2);
}

TEST(ProcessOwners, ZeroPidIsNeverAsked) {
    Fixture f;
    EXPECT_TRUE(f.owners->owners(pids({0}), Time{}).empty());
    EXPECT_EQ(f.table->processCalls, 0);
}

TEST(ProcessOwners, NameWithServices) {
    EXPECT_EQ(nameWithServices("svchost.exe", {}), "svchost.exe");
    EXPECT_EQ(nameWithServices("svchost.exe", {"b", "a", "b"}), "svchost.exe [a, b]");
}

}  // namespace
}  // namespace netmon::windows_platform
