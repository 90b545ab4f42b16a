// SPDX-License-Identifier: GPL-3.0-or-later
#include "integration/tc_listing.h"

#include <cstdlib>
#include <regex>
#include <sstream>

#include "integration/child_process.h"

namespace netmon::test {

std::string filterListing(const std::string& ns, const std::string& interface) {
    std::string listing;
    for (const char* direction : {"ingress", "egress"}) {
        listing += runCommand({"tc", "-n", ns, "filter", "show", "dev", interface, direction}).out;
    }
    return listing;
}

std::vector<std::uint32_t> filterProgramIds(const std::string& ns, const std::string& interface) {
    std::vector<std::uint32_t> ids;
    const std::string listing = filterListing(ns, interface);
    const std::regex id(R"(\bid (\d+))");
    for (auto it = std::sregex_iterator(listing.begin(), listing.end(), id);
         it != std::sregex_iterator(); ++it) {
        ids.push_back(static_cast<std::uint32_t>(std::stoul((*it)[1])));
    }
    return ids;
}

std::vector<std::string> namespaceInterfaces(const std::string& ns) {
    std::vector<std::string> names;
    std::istringstream lines(runCommand({"ip", "-n", ns, "-o", "link", "show"}).out);
    for (std::string line; std::getline(lines, line);) {
        // "2: nmta0@if3: <BROADCAST,…": the name sits between the first ": " and '@' or ':'.
        const std::size_t start = line.find(": ");
        if (start == std::string::npos) {
            continue;
        }
        const std::size_t end = line.find_first_of("@:", start + 2);
        names.push_back(line.substr(start + 2, end - start - 2));
    }
    return names;
}

std::string namespaceFilterListing(const std::string& ns) {
    std::string listing;
    for (const std::string& interface : namespaceInterfaces(ns)) {
        listing += "dev " + interface + ":\n" + filterListing(ns, interface);
    }
    return listing;
}

bool listsAnyFilter(const std::string& listing) {
    std::istringstream lines(listing);
    for (std::string line; std::getline(lines, line);) {
        if (line.starts_with("filter ")) {
            return true;
        }
    }
    return false;
}

ClsactFilters::ClsactFilters() {
    ::setenv("NETMON_TC_ATTACH", "clsact", 1);
}

ClsactFilters::~ClsactFilters() {
    ::unsetenv("NETMON_TC_ATTACH");
}

}  // namespace netmon::test
