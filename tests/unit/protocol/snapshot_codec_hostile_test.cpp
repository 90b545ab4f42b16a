// SPDX-License-Identifier: GPL-3.0-or-later
// A snapshot from a peer that may be anything: each wrong type, missing field or value out of
// the field's range is refused with the field's path, never thrown and never read as 0.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "protocol/message_limits.h"
#include "protocol/snapshot_codec.h"
#include "snapshot_values.h"

namespace netmon::protocol {
namespace {

using Json = nlohmann::json;

const auto kReceived = std::chrono::steady_clock::time_point(std::chrono::seconds(7));

struct Tampering {
    const char* pointer;  // JSON pointer into a valid snapshot
    Json value;           // what it is set to (discarded: the member is removed)
    const char* message;  // what the error must say
};

// Expected messages are written out by hand: field path, then what was expected and found.
std::vector<Tampering> tamperings() {
    return {
        {"/flows/1/remote_port", "443",
         "flows[1].remote_port: expected an integer 0–65535, not a string"},
        {"/flows/1/remote_port", 65536,
         "flows[1].remote_port: expected an integer 0–65535, not 65536"},
        {"/flows/0/bytes_in", -1,
         "flows[0].bytes_in: expected an integer 0–18446744073709551615, not -1"},
        {"/flows/0/uid", -5, "flows[0].uid: expected an integer 0–4294967295, not -5"},
        {"/processes/0/pid", nullptr,
         "processes[0].pid: expected an integer 0–4294967295, not null"},
        {"/interfaces/0/index", 1.5,
         "interfaces[0].index: expected an integer 0–4294967295, not a fraction or exponent"},
        {"/interfaces/0/index", 2.0,
         "interfaces[0].index: expected an integer 0–4294967295, not a fraction or exponent"},
        {"/interfaces/0/is_virtual", 1,
         "interfaces[0].is_virtual: expected true or false, not an integer"},
        {"/interfaces/0/counter_bits", 16, "interfaces[0].counter_bits: expected 32 or 64, not 16"},
        {"/interfaces/0/traffic/elapsed_seconds", "1",
         "interfaces[0].traffic.elapsed_seconds: expected a finite number, not a string"},
        {"/interfaces/0/traffic/rx_bits_per_second", std::numeric_limits<double>::quiet_NaN(),
         "interfaces[0].traffic.rx_bits_per_second: expected a finite number, not a number that is "
         "not finite"},
        {"/flows/0/in_bits_per_second", std::numeric_limits<double>::infinity(),
         "flows[0].in_bits_per_second: expected a finite number"},
        {"/interfaces/1/counters/tx_drops", Json::value_t::discarded,
         "interfaces[1].counters.tx_drops: missing"},
        {"/hosts/0/connections", Json::value_t::discarded, "hosts[0].connections: missing"},
        {"/hosts/0/processes", "curl",
         "hosts[0].processes: expected an array of strings, not a string"},
        {"/hosts/0/processes/1", 5, "hosts[0].processes[1]: expected a string, not an integer"},
        {"/hosts/1/address", "999.1.1.1",
         "hosts[1].address: expected an IPv4 or IPv6 address, not '999.1.1.1'"},
        {"/mode", "turbo", "mode: 'turbo' is not a known name"},
        {"/flows/0/owner", "\x1b]0;owned\x07",
         "flows[0].owner: '\\x1b]0;owned\\x07' is not a known name"},
        {"/flows/0/protocol", "TCP", "flows[0].protocol: 'TCP' is not a known name"},
        {"/visibility", Json::array(), "visibility: expected an object, not an array"},
        {"/visibility/note", Json::value_t::discarded, "visibility.note: missing"},
        {"/flows", Json::object(), "flows: expected an array, not an object"},
        {"/flows/1", 5, "flows[1]: expected an object, not an integer"},
        {"/warnings/0", false, "warnings[0]: expected a string, not a boolean"},
        {"/capture/0/other/malformed_packets", true,
         "capture[0].other.malformed_packets: expected an integer 0–18446744073709551615, not a "
         "boolean"},
        {"/wall_time", "2025-11-26T19:34:05Z",
         "wall_time: expected an integer -9223372036854775808–9223372036854775807, not a string"},
        {"/sequence", Json::value_t::discarded, "sequence: missing"},
        {"/process_traffic/1/bytes_out", Json::array({1}),
         "process_traffic[1].bytes_out: expected an integer"},
    };
}

TEST(SnapshotCodecHostileTest, EachWrongFieldIsRefusedByItsPath) {
    const Json valid = encodeSnapshot(test::sampleSnapshot());
    ASSERT_TRUE(decodeSnapshot(valid, kReceived));
    for (const Tampering& tampering : tamperings()) {
        Json json = valid;
        const Json::json_pointer pointer(tampering.pointer);
        if (tampering.value.is_discarded()) {
            json.at(pointer.parent_pointer()).erase(pointer.back());
        } else {
            json.at(pointer) = tampering.value;
        }
        const Result<Snapshot> decoded = decodeSnapshot(json, kReceived);
        ASSERT_FALSE(decoded) << tampering.pointer;
        EXPECT_NE(decoded.error().message.find(tampering.message), std::string::npos)
            << "expected: " << tampering.message << "\ngot:      " << decoded.error().message;
        EXPECT_FALSE(decoded.error().hint.empty());
    }
}

// 2^64 has no uint64: parsed from text it is a float, and refused as one, never wrapped to 0.
TEST(SnapshotCodecHostileTest, ACounterBeyond64BitsIsRefused) {
    std::string text = encodeSnapshot(test::sampleSnapshot()).dump();
    const std::string max = "\"sequence\":18446744073709551615";
    text.replace(text.find(max), max.size(), "\"sequence\":18446744073709551616");
    const Result<Snapshot> decoded = decodeSnapshot(Json::parse(text), kReceived);
    ASSERT_FALSE(decoded);
    EXPECT_NE(decoded.error().message.find(
                  "sequence: expected an integer 0–18446744073709551615, not a fraction"),
              std::string::npos)
        << decoded.error().message;
}

TEST(SnapshotCodecHostileTest, ADocumentThatIsNoObjectIsRefused) {
    for (const Json& json : {Json::array(), Json(nullptr), Json("snapshot"), Json(3),
                             Json(Json::value_t::discarded)}) {
        const Result<Snapshot> decoded = decodeSnapshot(json, kReceived);
        ASSERT_FALSE(decoded);
        EXPECT_NE(decoded.error().message.find("snapshot received could not be read: expected "
                                               "an object"),
                  std::string::npos)
            << decoded.error().message;
    }
}

// Text that is not UTF-8 can only come from a document built in memory (nlohmann's parser
// refuses it in JSON text); wherever it comes, each broken sequence becomes one U+FFFD.
TEST(SnapshotCodecHostileTest, InvalidUtf8BecomesReplacementCharacters) {
    Json json = encodeSnapshot(test::sampleSnapshot());
    json["flows"][0]["process_name"] = std::string(
        "fire\xff"
        "fox");
    json["warnings"][1] = std::string("cut \xe2\x82");
    json["hosts"][0]["processes"][0] = std::string("\xc0\xaf");
    const Result<Snapshot> decoded = decodeSnapshot(json, kReceived);
    ASSERT_TRUE(decoded) << decoded.error().describe();
    EXPECT_EQ(decoded->flows[0].processName,
              "fire\xEF\xBF\xBD"
              "fox");
    EXPECT_EQ(decoded->warnings[1], "cut \xEF\xBF\xBD");
    EXPECT_EQ(decoded->hosts[0].processes[0], "\xEF\xBF\xBD\xEF\xBF\xBD");
}

// The length is checked before anything is read or allocated.
TEST(SnapshotCodecHostileTest, AListLongerThanTheLimitIsRefused) {
    Json json = encodeSnapshot(Snapshot{});
    json["flows"] = Json::array();
    json["flows"].get_ref<Json::array_t&>().resize(kMaxListItems + 1);
    const Result<Snapshot> decoded = decodeSnapshot(json, kReceived);
    ASSERT_FALSE(decoded);
    EXPECT_NE(decoded.error().message.find(
                  "flows: has 1000001 items, more than the 1000000 a message may hold"),
              std::string::npos)
        << decoded.error().message;

    json["flows"] = Json::array();
    json["warnings"].get_ref<Json::array_t&>().resize(kMaxListItems + 1, "w");
    EXPECT_FALSE(decodeSnapshot(json, kReceived));
}

// Nesting a recursive reader would follow until its stack ran out, built in memory (as text,
// parseMessage refuses it before it is built: message_text_test): the decoder reads only the
// levels the schema has, and refuses at the first one that is wrong.
TEST(SnapshotCodecHostileTest, DeeplyNestedValuesAreRefusedAtTheFirstLevel) {
    Json deep = Json::array();
    Json* cursor = &deep;
    for (int level = 0; level < 200'000; ++level) {
        cursor->push_back(Json::array());
        cursor = &cursor->back();
    }
    const Result<Snapshot> whole = decodeSnapshot(deep, kReceived);
    ASSERT_FALSE(whole);
    EXPECT_NE(whole.error().message.find("expected an object, not an array"), std::string::npos);

    Json json = encodeSnapshot(test::sampleSnapshot());
    json["visibility"] = std::move(deep);
    const Result<Snapshot> inField = decodeSnapshot(json, kReceived);
    ASSERT_FALSE(inField);
    EXPECT_NE(inField.error().message.find("visibility: expected an object, not an array"),
              std::string::npos)
        << inField.error().message;
}

}  // namespace
}  // namespace netmon::protocol
