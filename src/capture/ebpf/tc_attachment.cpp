// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/ebpf/tc_attachment.h"

#include <cstdlib>
#include <cstring>

namespace netmon::capture {

Result<std::unique_ptr<TcAttachment>> TcAttachment::attach(std::shared_ptr<const NetNamespace> ns,
                                                           int ifindex, const std::string& name,
                                                           FlowCounter::Programs programs,
                                                           const LoaderIdentity& loader,
                                                           TcAttach how) {
    std::string noTcxReason;
    if (how != TcAttach::Clsact) {
        auto links = TcxLinks::attach(ifindex, name, programs);
        if (links) {
            return std::unique_ptr<TcAttachment>(new TcAttachment(std::move(*links), {}, {}));
        }
        if (how == TcAttach::Tcx || !TcxLinks::meansNoTcx(links.error().error)) {
            Error error = links.error().described;
            if (how == TcAttach::Tcx && TcxLinks::meansNoTcx(links.error().error)) {
                error.message += "; TCX needs Linux 6.6 or later";
                error.hint = "unset NETMON_TC_ATTACH (auto) to use clsact filters here";
            }
            return tl::unexpected(error);
        }
        noTcxReason = std::string("this kernel has no TCX: ") + std::strerror(links.error().error);
    }
    auto filters = TcFilters::attach(std::move(ns), ifindex, name, programs, loader);
    if (!filters) {
        return tl::unexpected(filters.error());
    }
    return std::unique_ptr<TcAttachment>(
        new TcAttachment({}, std::move(*filters), std::move(noTcxReason)));
}

void TcAttachment::forget() {
    if (m_filters) {
        m_filters->forget();
    }
    // A link on a deleted interface is already detached; closing it is all that is left.
}

std::optional<TcAttach> parseTcAttach(std::string_view text) {
    for (const TcAttach how : {TcAttach::Auto, TcAttach::Tcx, TcAttach::Clsact}) {
        if (text == toString(how)) {
            return how;
        }
    }
    return std::nullopt;
}

std::string_view toString(TcAttach how) {
    switch (how) {
        case TcAttach::Tcx:
            return "tcx";
        case TcAttach::Clsact:
            return "clsact";
        case TcAttach::Auto:
            break;
    }
    return "auto";
}

TcAttach tcAttachFromEnvironment(std::vector<std::string>& warnings) {
    const char* value = std::getenv("NETMON_TC_ATTACH");
    if (value == nullptr || *value == '\0') {
        return TcAttach::Auto;
    }
    if (const auto how = parseTcAttach(value)) {
        return *how;
    }
    warnings.push_back("NETMON_TC_ATTACH=" + std::string(value) +
                       " is not auto, tcx or clsact: using auto");
    return TcAttach::Auto;
}

}  // namespace netmon::capture
