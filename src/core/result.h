// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <tl/expected.hpp>
#include <utility>

namespace netmon {

// An expected failure: what went wrong, and what the user can do about it.
struct Error {
    std::string message;
    std::string hint;

    // "message (hint)" when there is a hint, for one-line reports.
    [[nodiscard]] std::string describe() const {
        return hint.empty() ? message : message + " — " + hint;
    }
};

// std::expected is C++23; tl::expected is its Debian-packaged twin.
template <typename T>
using Result = tl::expected<T, Error>;

inline tl::unexpected<Error> fail(std::string message, std::string hint = {}) {
    return tl::unexpected<Error>(Error{std::move(message), std::move(hint)});
}

}  // namespace netmon
