// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/host_name_resolver.h"

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <thread>

#include "fakes/fake_clock.h"

namespace netmon {
namespace {

using namespace std::chrono_literals;

IpAddress address(const char* text) {
    return IpAddress::parse(text).value();
}

// A pretend DNS: answers from a table, counts queries, and can be held to test the queue.
class FakeDns {
public:
    Result<std::string> lookup(const IpAddress& query) {
        ++m_queries[query.toString()];
        // Polled rather than a future: this test hung once under Wine (cause not pinned down;
        // a lost wake-up in MinGW's condition variables is the suspect), and a poll loses none.
        while (m_hold && !m_released.load()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        const auto found = m_names.find(query.toString());
        if (found == m_names.end()) {
            return fail("no PTR record");
        }
        return found->second;
    }
    std::map<std::string, std::string> m_names{{"198.51.100.7", "www.example.org"}};
    std::map<std::string, std::atomic<int>> m_queries;
    bool m_hold = false;
    std::atomic<bool> m_released{false};
};

// Asks until the resolver answers (its workers are threads) or two seconds pass.
std::string waitForName(HostNameResolver& resolver, const IpAddress& query) {
    for (int i = 0; i < 200; ++i) {
        if (std::string name = resolver.nameFor(query); !name.empty()) {
            return name;
        }
        std::this_thread::sleep_for(10ms);
    }
    return {};
}

struct ResolverTest : ::testing::Test {
    test::FakeClock clock;
    FakeDns dns;
};

TEST_F(ResolverTest, AnswersFromTheCacheAfterOneLookup) {
    HostNameResolver resolver(HostNameResolver::Options{.workers = 1, .clock = &clock},
                              [this](const IpAddress& a) { return dns.lookup(a); });
    EXPECT_EQ(resolver.nameFor(address("198.51.100.7")), "") << "never waits for DNS";
    EXPECT_EQ(waitForName(resolver, address("198.51.100.7")), "www.example.org");
    for (int i = 0; i < 10; ++i) {
        EXPECT_EQ(resolver.nameFor(address("198.51.100.7")), "www.example.org");
    }
    EXPECT_EQ(dns.m_queries["198.51.100.7"].load(), 1);
}

TEST_F(ResolverTest, AnswersBecomeValidUtf8) {
    // A PTR record is whatever the remote name server says: here a label cut inside "é" (C3 A9)
    // and a lone 0xFF byte.
    dns.m_names["203.0.113.9"] = "caf\xC3.\xFF\x1b.example";
    HostNameResolver resolver(HostNameResolver::Options{.workers = 1, .clock = &clock},
                              [this](const IpAddress& a) { return dns.lookup(a); });
    EXPECT_EQ(waitForName(resolver, address("203.0.113.9")),
              "caf\xEF\xBF\xBD.\xEF\xBF\xBD\x1b.example");
}

TEST_F(ResolverTest, ExpiredNamesAreRefreshedWhileStillShown) {
    HostNameResolver resolver(HostNameResolver::Options{.workers = 1, .ttl = 60s, .clock = &clock},
                              [this](const IpAddress& a) { return dns.lookup(a); });
    ASSERT_EQ(waitForName(resolver, address("198.51.100.7")), "www.example.org");
    clock.advance(61s);
    dns.m_names["198.51.100.7"] = "renamed.example.org";
    EXPECT_EQ(resolver.nameFor(address("198.51.100.7")), "www.example.org");
    for (int i = 0; i < 200 && resolver.nameFor(address("198.51.100.7")) != "renamed.example.org";
         ++i) {
        std::this_thread::sleep_for(10ms);
    }
    EXPECT_EQ(resolver.nameFor(address("198.51.100.7")), "renamed.example.org");
    EXPECT_EQ(dns.m_queries["198.51.100.7"].load(), 2);
}

TEST_F(ResolverTest, FailuresAreNotRetriedUntilTheNegativeTtlPasses) {
    HostNameResolver resolver(
        HostNameResolver::Options{.workers = 1, .negativeTtl = 10s, .clock = &clock},
        [this](const IpAddress& a) { return dns.lookup(a); });
    const IpAddress unnamed = address("203.0.113.1");
    resolver.nameFor(unnamed);
    for (int i = 0; i < 200 && resolver.counters().lookups == 0; ++i) {
        std::this_thread::sleep_for(10ms);
    }
    for (int i = 0; i < 5; ++i) {
        EXPECT_EQ(resolver.nameFor(unnamed), "");
    }
    std::this_thread::sleep_for(50ms);
    EXPECT_EQ(dns.m_queries["203.0.113.1"].load(), 1);
    EXPECT_EQ(resolver.counters().failures, 1U);
    clock.advance(11s);
    resolver.nameFor(unnamed);
    for (int i = 0; i < 200 && resolver.counters().lookups < 2; ++i) {
        std::this_thread::sleep_for(10ms);
    }
    EXPECT_EQ(dns.m_queries["203.0.113.1"].load(), 2);
}

TEST_F(ResolverTest, SwitchedOffLooksNothingUpAndForgets) {
    HostNameResolver resolver(HostNameResolver::Options{.workers = 1, .clock = &clock},
                              [this](const IpAddress& a) { return dns.lookup(a); });
    ASSERT_EQ(waitForName(resolver, address("198.51.100.7")), "www.example.org");
    resolver.setEnabled(false);
    EXPECT_EQ(resolver.nameFor(address("198.51.100.7")), "");
    resolver.nameFor(address("203.0.113.1"));
    std::this_thread::sleep_for(50ms);
    EXPECT_EQ(dns.m_queries.count("203.0.113.1"), 0U);
}

TEST_F(ResolverTest, QueueIsBoundedWhenDnsIsSlow) {
    dns.m_hold = true;
    {
        HostNameResolver resolver(
            HostNameResolver::Options{.workers = 1, .maxQueued = 4, .clock = &clock},
            [this](const IpAddress& a) { return dns.lookup(a); });
        for (int i = 1; i <= 50; ++i) {
            resolver.nameFor(address(("203.0.113." + std::to_string(i)).c_str()));
        }
        EXPECT_GE(resolver.counters().dropped, 40U);
        dns.m_released = true;
    }  // the destructor joins once the held lookup returns
    int queried = 0;
    for (const auto& [name, count] : dns.m_queries) {
        queried += count.load();
    }
    EXPECT_LE(queried, 5);
}

// A flood of new addresses (a scan, spoofed sources): the cache stays at its bound, and what
// goes first is the answer that expires first — a failure (5 min) before a name (1 h).
TEST_F(ResolverTest, AFloodOfAddressesKeepsTheCacheBoundedDroppingWhatExpiresFirst) {
    HostNameResolver resolver(
        HostNameResolver::Options{
            .workers = 1, .maxQueued = 1'000, .maxCached = 4, .clock = &clock},
        [this](const IpAddress& a) { return dns.lookup(a); });
    ASSERT_EQ(waitForName(resolver, address("198.51.100.7")), "www.example.org");
    for (int i = 1; i <= 40; ++i) {
        const IpAddress unnamed = address(("203.0.113." + std::to_string(i)).c_str());
        resolver.nameFor(unnamed);
        for (int wait = 0; wait < 200 && resolver.counters().lookups < std::uint64_t(i) + 1;
             ++wait) {
            std::this_thread::sleep_for(1ms);
        }
        ASSERT_EQ(resolver.counters().lookups, std::uint64_t(i) + 1);
        EXPECT_LE(resolver.cacheSize(), 4U);
    }
    // The named entry outlived 40 failures that each expired before it: asking again is
    // answered from the cache, with no new query.
    EXPECT_EQ(resolver.nameFor(address("198.51.100.7")), "www.example.org");
    EXPECT_EQ(dns.m_queries["198.51.100.7"].load(), 1);
    // Failures were forgotten (203.0.113.1 among them): asked again, it is looked up again.
    resolver.nameFor(address("203.0.113.1"));
    for (int wait = 0; wait < 200 && resolver.counters().lookups < 42; ++wait) {
        std::this_thread::sleep_for(1ms);
    }
    EXPECT_EQ(dns.m_queries["203.0.113.1"].load(), 2);
}

}  // namespace
}  // namespace netmon
