// SPDX-License-Identifier: GPL-3.0-or-later
#include <iostream>

#include "platform/service_host.h"

namespace netmon {

int runServiceProcess(bool, const std::function<int(ServiceHost&)>& body) {
    ServiceHost host{std::cerr, [] {}};
    return body(host);
}

}  // namespace netmon
