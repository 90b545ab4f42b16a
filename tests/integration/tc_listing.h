// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace netmon::test {

// What `tc filter show dev IF ingress` and `... egress` print inside namespace `ns`.
std::string filterListing(const std::string& ns, const std::string& interface);

// The ids of the BPF programs in the tc filters on `interface` (ingress and egress) inside
// namespace `ns`, as `tc filter show` lists them.
std::vector<std::uint32_t> filterProgramIds(const std::string& ns, const std::string& interface);

// The interfaces of namespace `ns` (`ip -n NS -o link show`).
std::vector<std::string> namespaceInterfaces(const std::string& ns);

// filterListing() of every interface of the namespace, each under a "dev IF:" line; only
// those lines when no interface has a filter.
std::string namespaceFilterListing(const std::string& ns);

// Whether a listing shows any filter at all (a "filter" line).
bool listsAnyFilter(const std::string& listing);

// While it lives, eBPF engines made in this process and in the processes it starts attach as
// clsact filters (NETMON_TC_ATTACH=clsact), not TCX links: for the tests of what our filters
// do (their names, leftovers of killed runs, a priority another filter holds).
class ClsactFilters {
public:
    ClsactFilters();
    ~ClsactFilters();
    ClsactFilters(const ClsactFilters&) = delete;
    ClsactFilters& operator=(const ClsactFilters&) = delete;
};

}  // namespace netmon::test
