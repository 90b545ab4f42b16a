// SPDX-License-Identifier: GPL-3.0-or-later
// OwnerLookup against a real kernel map: the answers are the map's, whether a lookup goes to
// the kernel one by one or (past kDirectLookups in a read) to the copy read in batches.
#include <bpf/bpf.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstring>

#include "capture/ebpf/owner_lookup.h"

namespace netmon::capture::test {
namespace {

kernel::netmon_owner_key keyFor(std::uint32_t i) {
    kernel::netmon_owner_key key{};
    key.netns = 4026531840U;
    key.tuple.protocol = 17;
    key.tuple.local_port = static_cast<std::uint16_t>(1000 + i);
    key.tuple.local_addr[0] = 10;
    key.tuple.local_addr[3] = static_cast<std::uint8_t>(i);
    return key;
}

class OwnerMap : public ::testing::Test {
protected:
    void SetUp() override {
        if (::geteuid() != 0) {
            GTEST_SKIP() << "creating a BPF map needs root (CI runs the tests as root)";
        }
        m_fd = bpf_map_create(BPF_MAP_TYPE_LRU_HASH, "netmon_test_own",
                              sizeof(kernel::netmon_owner_key), sizeof(kernel::netmon_owner), 4096,
                              nullptr);
        ASSERT_GE(m_fd, 0) << std::strerror(errno);
    }
    void TearDown() override {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
    }
    void put(std::uint32_t i) {
        kernel::netmon_owner owner{};
        owner.pid = 5000 + i;
        std::strncpy(owner.comm, "worker", sizeof owner.comm - 1);
        const kernel::netmon_owner_key key = keyFor(i);
        ASSERT_EQ(bpf_map_update_elem(m_fd, &key, &owner, BPF_ANY), 0);
    }
    int m_fd = -1;
};

TEST_F(OwnerMap, AnswersAreTheMapsOneByOneAndFromTheBatchCopy) {
    constexpr std::uint32_t kOwners = 1'500;  // well past kDirectLookups
    for (std::uint32_t i = 0; i < kOwners; ++i) {
        put(i);
    }
    OwnerLookup lookup(m_fd);
    lookup.beginRead();
    // Every key with an owner, then as many without: the first kDirectLookups go to the
    // kernel one by one, the rest to the copy.
    for (std::uint32_t i = 0; i < kOwners; ++i) {
        const auto owner = lookup.find(keyFor(i));
        ASSERT_TRUE(owner) << i;
        EXPECT_EQ(owner->pid, 5000 + i);
        EXPECT_STREQ(owner->comm, "worker");
    }
    for (std::uint32_t i = kOwners; i < kOwners + 300; ++i) {
        EXPECT_FALSE(lookup.find(keyFor(i))) << i;
    }
    // An owner that appears after the copy was read is seen in the next read.
    put(kOwners);
    lookup.beginRead();
    const auto late = lookup.find(keyFor(kOwners));
    ASSERT_TRUE(late);
    EXPECT_EQ(late->pid, 5000 + kOwners);
}

}  // namespace
}  // namespace netmon::capture::test
