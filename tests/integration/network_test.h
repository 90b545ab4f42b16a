// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "integration/test_network.h"

namespace netmon::test {

// A fixture with a fresh TestNetwork per test; skips with the reason where namespaces cannot
// be made (not root, no iproute2).
class NetworkTest : public ::testing::Test {
protected:
    void SetUp() override {
        if (const auto reason = TestNetwork::unavailableReason()) {
            GTEST_SKIP() << *reason;
        }
        m_network = std::make_unique<TestNetwork>();
    }
    std::unique_ptr<TestNetwork> m_network;
};

}  // namespace netmon::test
