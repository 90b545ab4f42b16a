// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/field_reader.h"

#include <cmath>

#include "core/utf8_text.h"
#include "core/visible_text.h"
#include "protocol/json_values.h"

namespace netmon::protocol {

std::string JsonPath::text() const {
    std::string out = parent ? parent->text() : std::string();
    if (!key.empty()) {
        if (!out.empty()) {
            out += '.';
        }
        out += key;
    }
    if (index != std::numeric_limits<std::size_t>::max()) {
        out += '[' + std::to_string(index) + ']';
    }
    return out;
}

std::string problemAt(const JsonPath& path, std::string_view why) {
    const std::string where = path.text();
    return where.empty() ? std::string(why) : where + ": " + std::string(why);
}

std::string jsonTypeName(const Json& value) {
    switch (value.type()) {
        case Json::value_t::null:
            return "null";
        case Json::value_t::boolean:
            return "a boolean";
        case Json::value_t::string:
            return "a string";
        case Json::value_t::array:
            return "an array";
        case Json::value_t::object:
            return "an object";
        case Json::value_t::number_float:
            return std::isfinite(value.get<double>()) ? "a fraction or exponent"
                                                      : "a number that is not finite";
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned:
            return "an integer";
        case Json::value_t::discarded:
            return "text that is not JSON";
        case Json::value_t::binary:
            break;
    }
    return "binary data";
}

std::optional<std::string> listProblem(const Json& value, const JsonPath& path, std::size_t limit,
                                       std::string_view expected) {
    if (!value.is_array()) {
        return problemAt(path,
                         "expected " + std::string(expected) + ", not " + jsonTypeName(value));
    }
    if (value.size() > limit) {
        return problemAt(path, "has " + std::to_string(value.size()) + " items, more than the " +
                                   std::to_string(limit) + " a message may hold");
    }
    return std::nullopt;
}

FieldReader::FieldReader(const Json& object, const JsonPath& path,
                         std::optional<std::string>& problem)
    : m_object(object), m_path(path), m_problem(problem) {}

const Json* FieldReader::member(std::string_view key) {
    if (m_problem) {
        return nullptr;
    }
    const auto found = m_object.find(key);
    if (found == m_object.end()) {
        refuse(key, "missing");
        return nullptr;
    }
    return &*found;
}

bool FieldReader::expectObject(std::string_view key, const Json& value) {
    if (value.is_object()) {
        return true;
    }
    refuse(key, "expected an object, not " + jsonTypeName(value));
    return false;
}

void FieldReader::refuse(std::string_view key, std::string why) {
    if (!m_problem) {
        const JsonPath path{&m_path, key};
        m_problem = problemAt(path, why);
    }
}

std::string FieldReader::quoted(std::string_view text) {
    // Shown, not obeyed: the text came from the peer.
    constexpr std::size_t kShown = 40;
    const bool cut = text.size() > kShown;
    return "'" + visibleText(text.substr(0, kShown)) + (cut ? "…'" : "'");
}

void FieldReader::readNumber(std::string_view key, const Json& value, double& out) {
    if (value.is_number()) {
        // Integers too: a peer may write 0 for 0.0. A float that is not finite never comes from
        // parsed JSON text, but a document built in memory may hold one.
        const double number = value.get<double>();
        if (std::isfinite(number)) {
            out = number;
            return;
        }
    }
    refuse(key, "expected a finite number, not " + jsonTypeName(value));
}

void FieldReader::readText(std::string_view key, const Json& value, std::string& out) {
    if (value.is_string()) {
        out = toValidUtf8(value.get_ref<const std::string&>());
    } else {
        refuse(key, "expected a string, not " + jsonTypeName(value));
    }
}

void FieldReader::number(std::string_view key, double& out) {
    if (const Json* value = member(key)) {
        readNumber(key, *value, out);
    }
}

void FieldReader::number(std::string_view key, std::optional<double>& out) {
    nullableMember(key, out,
                   [&](const Json& value, double& number) { readNumber(key, value, number); });
}

void FieldReader::flag(std::string_view key, bool& out) {
    const Json* value = member(key);
    if (value && value->is_boolean()) {
        out = value->get<bool>();
    } else if (value) {
        refuse(key, "expected true or false, not " + jsonTypeName(*value));
    }
}

void FieldReader::text(std::string_view key, std::string& out) {
    if (const Json* value = member(key)) {
        readText(key, *value, out);
    }
}

void FieldReader::text(std::string_view key, std::optional<std::string>& out) {
    nullableMember(key, out,
                   [&](const Json& value, std::string& text) { readText(key, value, text); });
}

void FieldReader::texts(std::string_view key, std::vector<std::string>& out, std::size_t limit) {
    const Json* value = member(key);
    if (!value) {
        return;
    }
    m_problem = listProblem(*value, JsonPath{&m_path, key}, limit, "an array of strings");
    if (m_problem) {
        return;
    }
    out.clear();
    for (std::size_t i = 0; i < value->size(); ++i) {
        const Json& item = (*value)[i];
        if (!item.is_string()) {
            m_problem = problemAt(JsonPath{&m_path, key, i},
                                  "expected a string, not " + jsonTypeName(item));
            return;
        }
        out.push_back(toValidUtf8(item.get_ref<const std::string&>()));
    }
}

void FieldReader::time(std::string_view key, std::chrono::system_clock::time_point& out) {
    std::int64_t nanoseconds = 0;
    integer(key, nanoseconds);
    if (!m_problem) {
        out = timeFromNanoseconds(nanoseconds);
    }
}

void FieldReader::address(std::string_view key, IpAddress& out) {
    std::optional<std::string> text;
    this->text(key, text);
    if (m_problem) {
        return;
    }
    if (!text) {
        out = IpAddress();
    } else if (const std::optional<IpAddress> parsed = IpAddress::parse(*text)) {
        out = *parsed;
    } else {
        refuse(key, "expected an IPv4 or IPv6 address, not " + quoted(*text));
    }
}

}  // namespace netmon::protocol
