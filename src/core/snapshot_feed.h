// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>

#include "core/model/snapshot.h"

namespace netmon {

// Where a view gets its snapshots: a Monitor sampling this machine in-process, or the service
// (netmond) streaming its own. Subscribers are called on the feed's thread.
class SnapshotFeed {
public:
    using Subscriber = std::function<void(const Snapshot&)>;
    using SubscriptionId = std::uint64_t;

    virtual ~SnapshotFeed() = default;

    virtual SubscriptionId subscribe(Subscriber subscriber) = 0;
    // After this returns the subscriber is not called again (a call in progress finishes first).
    virtual void unsubscribe(SubscriptionId id) = 0;
    // A request: the service keeps its own interval.
    virtual void setInterval(std::chrono::milliseconds interval) = 0;
    [[nodiscard]] virtual std::chrono::milliseconds interval() const = 0;
    virtual void start() = 0;
    // Returns once no subscriber can be called any more.
    virtual void stop() = 0;
    // One snapshot now, on the caller's thread. Not while started.
    virtual Snapshot tick() = 0;
    // Whether the first tick() already has rates (the service has been sampling); else a view
    // that wants rates ticks twice, an interval apart.
    [[nodiscard]] virtual bool ratesOnFirstTick() const = 0;
};

}  // namespace netmon
