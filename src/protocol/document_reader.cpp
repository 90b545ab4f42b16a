// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/document_reader.h"

namespace netmon::protocol {

tl::unexpected<Error> unreadable(std::string_view what, const std::string& problem) {
    return fail("The " + std::string(what) + " received could not be read: " + problem,
                "netmon, netmon-gui and netmond must be the same version; update them together");
}

}  // namespace netmon::protocol
