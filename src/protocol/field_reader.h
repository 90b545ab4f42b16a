// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/json_integer.h"
#include "core/model/ip_address.h"
#include "core/result.h"

namespace netmon::protocol {

using Json = nlohmann::json;

// Where a value sits in the document, for messages: "flows[3].remote_port". Each link lives on
// the stack of the reader that made it, so the text is only built when something is wrong.
struct JsonPath {
    const JsonPath* parent = nullptr;
    std::string_view key;                                         // empty for the document itself
    std::size_t index = std::numeric_limits<std::size_t>::max();  // set for a list's item

    [[nodiscard]] std::string text() const;
};

// "flows[3].remote_port: expected …": the message for a problem at `path` (the document itself
// when the path is empty).
std::string problemAt(const JsonPath& path, std::string_view why);
// What a JSON value is, for messages: "a string", "an array", "a fraction or exponent"…
std::string jsonTypeName(const Json& value);
// Why `value` at `path` is not an array of at most `limit` items (`expected`: "an array").
std::optional<std::string> listProblem(const Json& value, const JsonPath& path, std::size_t limit,
                                       std::string_view expected);

// Reads the members of one JSON object by name and type, for decoding what a peer sent: it never
// throws, checks every type before reading, and refuses what does not fit the field exactly. The
// first problem is kept with its path and every later read then does nothing, so a decoder reads
// all of an object's fields in a row and its caller checks once (`problem`).
//
// Rules: every member named is required (an unknown value is a JSON null, never a missing
// member, so a misspelt name is found); members not asked for are ignored; an optional takes
// null as empty; text is made valid UTF-8 (U+FFFD for broken sequences).
class FieldReader {
public:
    FieldReader(const Json& object, const JsonPath& path, std::optional<std::string>& problem);

    template <typename T>
    void integer(std::string_view key, T& out) {
        if (const Json* value = member(key)) {
            readInteger(key, *value, out);
        }
    }
    template <typename T>
    void integer(std::string_view key, std::optional<T>& out) {
        nullableMember(key, out,
                       [&](const Json& value, T& number) { readInteger(key, value, number); });
    }
    void number(std::string_view key, double& out);
    void number(std::string_view key, std::optional<double>& out);
    void flag(std::string_view key, bool& out);
    void text(std::string_view key, std::string& out);
    void text(std::string_view key, std::optional<std::string>& out);
    void texts(std::string_view key, std::vector<std::string>& out, std::size_t limit);
    // Integer nanoseconds since the Unix epoch (json_values.h).
    void time(std::string_view key, std::chrono::system_clock::time_point& out);
    // Address text as IpAddress::toString writes it; null for an address of no family.
    void address(std::string_view key, IpAddress& out);
    // An enum by its name (`parse` beside the enum's toString).
    template <typename Enum>
    void name(std::string_view key, Enum& out, std::optional<Enum> (*parse)(std::string_view)) {
        std::string text;
        this->text(key, text);
        if (problem()) {
            return;
        }
        if (const std::optional<Enum> value = parse(text)) {
            out = *value;
        } else {
            refuse(key, quoted(text) + " is not a known name");
        }
    }
    // A member that is an object, read by `read(FieldReader&, T&)`.
    template <typename T, typename Read>
    void object(std::string_view key, T& out, Read read) {
        const Json* value = member(key);
        if (value && expectObject(key, *value)) {
            const JsonPath path{&m_path, key};
            FieldReader reader(*value, path, m_problem);
            read(reader, out);
        }
    }
    template <typename T, typename Read>
    void object(std::string_view key, std::optional<T>& out, Read read) {
        nullableMember(key, out, [&](const Json& value, T& item) {
            if (expectObject(key, value)) {
                const JsonPath path{&m_path, key};
                FieldReader reader(value, path, m_problem);
                read(reader, item);
            }
        });
    }
    // A member that is an array of at most `limit` objects, each read by `read(FieldReader&, T&)`.
    template <typename T, typename Read>
    void list(std::string_view key, std::vector<T>& out, std::size_t limit, Read read) {
        if (const Json* value = member(key)) {
            const JsonPath path{&m_path, key};
            readList(*value, path, m_problem, limit, out, read);
        }
    }

    [[nodiscard]] bool problem() const { return m_problem.has_value(); }
    // Keeps `why` as the problem of member `key` (unless a problem came first): for a value of
    // the right type that the field cannot hold.
    void refuse(std::string_view key, std::string why);

private:
    template <typename T>
    void readInteger(std::string_view key, const Json& value, T& out) {
        static_assert(std::is_integral_v<T> && !std::is_same_v<T, bool>);
        auto number = integerFromJson<T>(value);
        if (number) {
            out = *number;
        } else {
            refuse(key,
                   "expected an integer " + std::to_string(std::numeric_limits<T>::min()) + "–" +
                       std::to_string(std::numeric_limits<T>::max()) + ", not " +
                       (number.error().outOfRange ? number.error().found : jsonTypeName(value)));
        }
    }
    // The member, or null (and the problem kept) when it is missing or a problem came first.
    const Json* member(std::string_view key);
    // A member that may be null (empty), else read by `read(const Json&, T&)`.
    template <typename T, typename Read>
    void nullableMember(std::string_view key, std::optional<T>& out, Read read) {
        if (const Json* value = member(key)) {
            if (value->is_null()) {
                out.reset();
            } else {
                read(*value, out.emplace());
            }
        }
    }
    bool expectObject(std::string_view key, const Json& value);
    void readNumber(std::string_view key, const Json& value, double& out);
    void readText(std::string_view key, const Json& value, std::string& out);
    // Text from the peer as it may be shown in a message: quoted, cut, control characters escaped.
    static std::string quoted(std::string_view text);

    const Json& m_object;
    const JsonPath& m_path;
    std::optional<std::string>& m_problem;
};

// An array of at most `limit` objects at `path`, each read by `read(FieldReader&, T&)`. The
// length is checked before anything is allocated: a peer cannot make us reserve its number.
template <typename T, typename Read>
void readList(const Json& array, const JsonPath& path, std::optional<std::string>& problem,
              std::size_t limit, std::vector<T>& out, Read read) {
    if (problem) {
        return;
    }
    problem = listProblem(array, path, limit, "an array");
    if (problem) {
        return;
    }
    // Not reserved ahead: a million nulls would make us allocate for a million flows.
    out.clear();
    for (std::size_t i = 0; i < array.size() && !problem; ++i) {
        const JsonPath itemPath{path.parent, path.key, i};
        const Json& item = array[i];
        if (!item.is_object()) {
            problem = problemAt(itemPath, "expected an object, not " + jsonTypeName(item));
            return;
        }
        FieldReader reader(item, itemPath, problem);
        read(reader, out.emplace_back());
    }
}

}  // namespace netmon::protocol
