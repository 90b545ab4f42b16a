// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "protocol/field_reader.h"

namespace netmon::protocol {

// The Error for a document that could not be read: `what` it was ("snapshot") and the problem.
tl::unexpected<Error> unreadable(std::string_view what, const std::string& problem);

// The document's top: an object read by `read(FieldReader&, T&)`, or the first problem found as
// an Error naming `what` ("snapshot") and where in it.
template <typename T, typename Read>
Result<T> readDocument(const Json& document, std::string_view what, Read read) {
    std::optional<std::string> problem;
    T out{};
    const JsonPath top;
    if (!document.is_object()) {
        problem = "expected an object, not " + jsonTypeName(document);
    } else {
        FieldReader reader(document, top, problem);
        read(reader, out);
    }
    if (problem) {
        return unreadable(what, *problem);
    }
    return out;
}

// The document's top: an array of at most `limit` objects, named `key` in messages
// ("rows[3].rx_bytes").
template <typename T, typename Read>
Result<std::vector<T>> readListDocument(const Json& document, std::string_view what,
                                        std::string_view key, std::size_t limit, Read read) {
    std::optional<std::string> problem;
    std::vector<T> out;
    const JsonPath top{nullptr, key};
    readList(document, top, problem, limit, out, read);
    if (problem) {
        return unreadable(what, *problem);
    }
    return out;
}

}  // namespace netmon::protocol
