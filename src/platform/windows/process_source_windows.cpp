// SPDX-License-Identifier: GPL-3.0-or-later
#include <memory>

#include "core/sources/process_source.h"
#include "platform/source_factories.h"
#include "platform/windows/process_owners.h"
#include "platform/windows/process_table.h"

namespace netmon {
namespace {

// Owners of the sockets the owner tables list: their PIDs come with the table (in
// SocketRecord::inode), so this only names them.
class WindowsProcessSource final : public ProcessSource {
public:
    WindowsProcessSource() : m_owners(windows_platform::makeSystemProcessTable()) {}

    std::unordered_map<std::uint64_t, SocketOwner> owners(
        const std::vector<SocketQuery>& sockets) override {
        return m_owners.owners(sockets, std::chrono::steady_clock::now());
    }

private:
    windows_platform::ProcessOwners m_owners;
};

}  // namespace

std::unique_ptr<ProcessSource> makeProcessSource() {
    return std::make_unique<WindowsProcessSource>();
}

}  // namespace netmon
