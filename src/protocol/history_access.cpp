// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/history_access.h"

#include "protocol/history_codec.h"
#include "protocol/service_client.h"
#include "storage/history_reader.h"

namespace netmon::protocol {
namespace {

class LocalHistory final : public HistoryAccess {
public:
    explicit LocalHistory(std::unique_ptr<storage::HistoryReader> reader)
        : m_reader(std::move(reader)) {}
    Result<std::vector<storage::HistoryRow>> query(const storage::HistoryQuery& query) override {
        return m_reader->query(query);
    }
    Result<std::vector<storage::BreakdownRow>> breakdown(
        const storage::BreakdownQuery& query) override {
        return m_reader->breakdown(query);
    }
    Result<std::vector<storage::UsageTotals>> usage(storage::TimePoint now) override {
        return m_reader->usage(now);
    }
    [[nodiscard]] const char* source() const override { return "local"; }

private:
    std::unique_ptr<storage::HistoryReader> m_reader;
};

// The service reads its own database; limited clients get interface history only.
class ServiceHistory final : public HistoryAccess {
public:
    explicit ServiceHistory(ServiceClient& service) : m_service(service) {}
    Result<std::vector<storage::HistoryRow>> query(const storage::HistoryQuery& query) override {
        auto reply = m_service.call(RequestKind::History, {{"query", encodeHistoryQuery(query)}});
        if (!reply) {
            return tl::unexpected(reply.error());
        }
        return decodeHistoryRows((*reply)["rows"]);
    }
    Result<std::vector<storage::BreakdownRow>> breakdown(
        const storage::BreakdownQuery& query) override {
        auto reply =
            m_service.call(RequestKind::Breakdown, {{"query", encodeBreakdownQuery(query)}});
        if (!reply) {
            return tl::unexpected(reply.error());
        }
        return decodeBreakdownRows((*reply)["rows"]);
    }
    Result<std::vector<storage::UsageTotals>> usage(storage::TimePoint) override {
        // The service's "now" and its local calendar: its days and months are the machine's.
        auto reply = m_service.call(RequestKind::Usage);
        if (!reply) {
            return tl::unexpected(reply.error());
        }
        return decodeUsageTotals((*reply)["usage"]);
    }
    [[nodiscard]] const char* source() const override { return "service"; }

private:
    ServiceClient& m_service;
};

}  // namespace

std::unique_ptr<HistoryAccess> localHistory(std::unique_ptr<storage::HistoryReader> reader) {
    return std::make_unique<LocalHistory>(std::move(reader));
}

std::unique_ptr<HistoryAccess> serviceHistory(ServiceClient& service) {
    return std::make_unique<ServiceHistory>(service);
}

}  // namespace netmon::protocol
