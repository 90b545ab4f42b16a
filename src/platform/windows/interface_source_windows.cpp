// SPDX-License-Identifier: GPL-3.0-or-later
#include <map>
#include <memory>
#include <string_view>
#include <vector>

#include "core/sources/interface_source.h"
#include "platform/source_factories.h"
#include "platform/windows/if_row_parser.h"
#include "platform/windows/windows_error.h"
#include "platform/windows/windows_handles.h"

namespace netmon {
namespace {

using windows_platform::MibTable;

// GetIfTable2: every adapter and filter module with 64-bit counters, alias, description, type,
// state, speed and MAC; addresses from GetUnicastIpAddressTable.
class WindowsInterfaceSource final : public InterfaceSource {
public:
    Result<std::vector<InterfaceStat>> read() override {
        PMIB_IF_TABLE2 raw = nullptr;
        if (const DWORD status = ::GetIfTable2(&raw); status != NO_ERROR) {
            return fail("cannot read interface counters (GetIfTable2): " +
                            windows_platform::describeWindowsError(status),
                        "check that the IP Helper service (iphlpsvc) and the network stack are "
                        "running");
        }
        const MibTable<MIB_IF_TABLE2> table(raw);
        const auto addresses = addressesByIndex();
        std::vector<InterfaceStat> interfaces;
        interfaces.reserve(table->NumEntries);
        for (ULONG i = 0; i < table->NumEntries; ++i) {
            InterfaceStat stat = windows_platform::interfaceFromRow(table->Table[i]);
            if (const auto found = addresses.find(stat.index); found != addresses.end()) {
                stat.addresses = found->second;
            }
            interfaces.push_back(std::move(stat));
        }
        return interfaces;
    }

    [[nodiscard]] std::string_view mechanism() const override { return "GetIfTable2"; }

private:
    // Addresses are decoration: a failed read leaves them out rather than failing the tick.
    static std::map<std::uint32_t, std::vector<std::string>> addressesByIndex() {
        std::map<std::uint32_t, std::vector<std::string>> out;
        PMIB_UNICASTIPADDRESS_TABLE raw = nullptr;
        if (::GetUnicastIpAddressTable(AF_UNSPEC, &raw) != NO_ERROR) {
            return out;
        }
        const MibTable<MIB_UNICASTIPADDRESS_TABLE> table(raw);
        for (ULONG i = 0; i < table->NumEntries; ++i) {
            const MIB_UNICASTIPADDRESS_ROW& row = table->Table[i];
            if (auto text = windows_platform::addressText(row)) {
                out[row.InterfaceIndex].push_back(std::move(*text));
            }
        }
        return out;
    }
};

}  // namespace

std::unique_ptr<InterfaceSource> makeInterfaceSource() {
    return std::make_unique<WindowsInterfaceSource>();
}

}  // namespace netmon
