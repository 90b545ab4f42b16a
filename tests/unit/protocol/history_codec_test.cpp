// SPDX-License-Identifier: GPL-3.0-or-later
// History's questions and answers across the socket: every field back as sent (values written
// by hand, compared field by field), and a peer's wrong fields refused by their path.
#include "protocol/history_codec.h"

#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <tuple>

namespace netmon::protocol {
namespace {

using Json = nlohmann::json;
using namespace storage;

constexpr std::uint64_t kMax64 = std::numeric_limits<std::uint64_t>::max();

TimePoint at(std::int64_t nanoseconds) {
    return TimePoint(
        std::chrono::duration_cast<TimePoint::duration>(std::chrono::nanoseconds(nanoseconds)));
}

// As the socket carries it: text, parsed again.
Json throughText(const Json& json) {
    return Json::parse(json.dump());
}

auto fields(const HistoryQuery& q) {
    return std::tie(q.interfaceName, q.since, q.until, q.resolution);
}
auto fields(const BreakdownQuery& q) {
    return std::tie(q.dimension, q.since, q.until, q.limit);
}
auto fields(const HistoryRow& r) {
    return std::tie(r.start, r.interfaceName, r.rxBytes, r.txBytes, r.rxPackets, r.txPackets);
}
auto fields(const BreakdownRow& r) {
    return std::tie(r.name, r.bytesIn, r.bytesOut, r.other);
}
auto fields(const UsageTotals& u) {
    return std::tie(u.interfaceName, u.todayRxBytes, u.todayTxBytes, u.monthRxBytes,
                    u.monthTxBytes);
}

template <typename T>
void expectSame(const std::vector<T>& actual, const std::vector<T>& expected) {
    ASSERT_EQ(actual.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_TRUE(fields(actual[i]) == fields(expected[i])) << "item " << i;
    }
}

TEST(HistoryCodecTest, HistoryQueryComesBackWithAndWithoutAnInterface) {
    HistoryQuery named{"eth0", at(1'764'000'000'000'000'001), at(1'764'000'003'600'000'002),
                       Resolution::Minute};
    HistoryQuery every{std::nullopt, at(-5), at(std::numeric_limits<std::int64_t>::max()),
                       Resolution::Raw};
    for (const HistoryQuery& sent : {named, every}) {
        const auto received = decodeHistoryQuery(throughText(encodeHistoryQuery(sent)));
        ASSERT_TRUE(received) << received.error().describe();
        EXPECT_TRUE(fields(*received) == fields(sent));
    }
    EXPECT_TRUE(encodeHistoryQuery(every).at("interface_name").is_null());
    EXPECT_EQ(encodeHistoryQuery(named).at("since"), 1'764'000'000'000'000'001);
    EXPECT_EQ(encodeHistoryQuery(named).at("resolution"), "minute");
}

TEST(HistoryCodecTest, BreakdownQueryComesBack) {
    const BreakdownQuery sent{Breakdown::Process, at(11), at(12),
                              std::numeric_limits<std::size_t>::max()};
    const auto received = decodeBreakdownQuery(throughText(encodeBreakdownQuery(sent)));
    ASSERT_TRUE(received) << received.error().describe();
    EXPECT_TRUE(fields(*received) == fields(sent));
    EXPECT_EQ(encodeBreakdownQuery(sent).at("dimension"), "process");
}

TEST(HistoryCodecTest, RowsComeBackInOrder) {
    const std::vector<HistoryRow> history{{at(1'764'000'000'000'000'000), "eth0", kMax64, 2, 3, 4},
                                          {at(-1), "wlan0 ☕", 5, kMax64, 7, 8}};
    const auto historyBack = decodeHistoryRows(throughText(encodeHistoryRows(history)));
    ASSERT_TRUE(historyBack) << historyBack.error().describe();
    expectSame(*historyBack, history);

    const std::vector<BreakdownRow> breakdown{{"203.0.113.9", kMax64, 1, false},
                                              {"other", 2, kMax64, true}};
    const auto breakdownBack = decodeBreakdownRows(throughText(encodeBreakdownRows(breakdown)));
    ASSERT_TRUE(breakdownBack) << breakdownBack.error().describe();
    expectSame(*breakdownBack, breakdown);

    const std::vector<UsageTotals> usage{{"eth0", kMax64, 2, 3, kMax64}, {"lo", 5, 6, 7, 8}};
    const auto usageBack = decodeUsageTotals(throughText(encodeUsageTotals(usage)));
    ASSERT_TRUE(usageBack) << usageBack.error().describe();
    expectSame(*usageBack, usage);

    const auto none = decodeHistoryRows(throughText(encodeHistoryRows({})));
    ASSERT_TRUE(none);
    EXPECT_TRUE(none->empty());
}

template <typename Decode>
std::string refusal(Decode decode, const Json& json) {
    const auto decoded = decode(json);
    if (decoded) {
        return "(accepted)";
    }
    EXPECT_FALSE(decoded.error().hint.empty());
    return decoded.error().message;
}

TEST(HistoryCodecTest, WrongFieldsAreRefusedByTheirPath) {
    Json query = encodeHistoryQuery({"eth0", at(1), at(2), Resolution::Hour});
    query["resolution"] = "weekly";
    EXPECT_NE(refusal(decodeHistoryQuery, query).find("resolution: 'weekly' is not a known name"),
              std::string::npos);
    query["resolution"] = "day";
    query["interface_name"] = 0;
    EXPECT_NE(refusal(decodeHistoryQuery, query)
                  .find("history query received could not be read: interface_name: expected a "
                        "string, not an integer"),
              std::string::npos);
    query.erase("interface_name");
    EXPECT_NE(refusal(decodeHistoryQuery, query).find("interface_name: missing"),
              std::string::npos);

    Json breakdown = encodeBreakdownQuery({Breakdown::Host, at(1), at(2), 10});
    breakdown["limit"] = -1;
    EXPECT_NE(refusal(decodeBreakdownQuery, breakdown)
                  .find("limit: expected an integer 0–18446744073709551615, not -1"),
              std::string::npos);
    breakdown["limit"] = 10;
    breakdown["dimension"] = "hosts";
    EXPECT_NE(refusal(decodeBreakdownQuery, breakdown).find("dimension: 'hosts' is not a known"),
              std::string::npos);

    Json rows = encodeHistoryRows({{at(1), "a", 1, 2, 3, 4}, {at(2), "b", 1, 2, 3, 4}});
    rows[1]["start"] = "yesterday";
    EXPECT_NE(refusal(decodeHistoryRows, rows).find("rows[1].start: expected an integer"),
              std::string::npos);
    rows[1] = "row";
    EXPECT_NE(refusal(decodeHistoryRows, rows).find("rows[1]: expected an object, not a string"),
              std::string::npos);
    EXPECT_NE(refusal(decodeBreakdownRows, Json::object()).find("rows: expected an array"),
              std::string::npos);

    Json usage = encodeUsageTotals({{"eth0", 1, 2, 3, 4}});
    usage[0]["month_tx_bytes"] = 4.5;
    EXPECT_NE(refusal(decodeUsageTotals, usage)
                  .find("usage[0].month_tx_bytes: expected an integer 0–18446744073709551615, "
                        "not a fraction or exponent"),
              std::string::npos);
}

TEST(HistoryCodecTest, InvalidUtf8InANameBecomesAReplacementCharacter) {
    Json rows = encodeBreakdownRows({{"x", 1, 2, false}});
    rows[0]["name"] = std::string("pro\xe9s");
    const auto decoded = decodeBreakdownRows(rows);
    ASSERT_TRUE(decoded) << decoded.error().describe();
    EXPECT_EQ(decoded->at(0).name, "pro\xEF\xBF\xBDs");

    Json query = encodeHistoryQuery({"eth0", at(1), at(2), Resolution::Hour});
    query["interface_name"] = std::string("\xff");
    const auto decodedQuery = decodeHistoryQuery(query);
    ASSERT_TRUE(decodedQuery) << decodedQuery.error().describe();
    EXPECT_EQ(decodedQuery->interfaceName, std::optional<std::string>("\xEF\xBF\xBD"));
}

}  // namespace
}  // namespace netmon::protocol
