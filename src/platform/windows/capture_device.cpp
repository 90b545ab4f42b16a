// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/windows/capture_device.h"

#include <array>
#include <string_view>

#include "platform/windows/wide_text.h"
#include "platform/windows/windows_api.h"
#include "platform/windows/windows_error.h"

namespace netmon::windows_platform {
namespace {

constexpr std::string_view kDevicePrefix = "\\Device\\NPF_";

std::string guidText(const GUID& guid) {
    std::array<wchar_t, 64> text{};
    const int length = ::StringFromGUID2(guid, text.data(), static_cast<int>(text.size()));
    return length > 1 ? toUtf8(std::wstring_view(text.data(), static_cast<std::size_t>(length - 1)))
                      : std::string();
}

std::optional<std::array<std::uint8_t, 6>> macOf(const NET_LUID& luid) {
    MIB_IF_ROW2 row{};
    row.InterfaceLuid = luid;
    if (::GetIfEntry2(&row) != NO_ERROR || row.PhysicalAddressLength != 6) {
        return std::nullopt;
    }
    std::array<std::uint8_t, 6> mac{};
    std::copy_n(row.PhysicalAddress, 6, mac.begin());
    return mac;
}

}  // namespace

Result<CaptureDevice> captureDeviceFor(const std::string& interfaceName) {
    NET_LUID luid{};
    if (interfaceName.starts_with(kDevicePrefix)) {
        GUID guid{};
        const std::wstring text = toWide(interfaceName.substr(kDevicePrefix.size()));
        if (::CLSIDFromString(text.c_str(), &guid) != NOERROR ||
            ::ConvertInterfaceGuidToLuid(&guid, &luid) != NO_ERROR) {
            return CaptureDevice{interfaceName, std::nullopt};  // e.g. NPF_Loopback
        }
        return CaptureDevice{interfaceName, macOf(luid)};
    }
    const std::wstring alias = toWide(interfaceName);
    if (const DWORD status = ::ConvertInterfaceAliasToLuid(alias.c_str(), &luid);
        status != NO_ERROR) {
        return fail(
            "no network interface is called " + interfaceName + ": " + describeWindowsError(status),
            "`netmon interfaces --all` lists the names");
    }
    GUID guid{};
    if (const DWORD status = ::ConvertInterfaceLuidToGuid(&luid, &guid); status != NO_ERROR) {
        return fail("cannot find the adapter GUID of " + interfaceName + ": " +
                    describeWindowsError(status));
    }
    return CaptureDevice{std::string(kDevicePrefix) + guidText(guid), macOf(luid)};
}

}  // namespace netmon::windows_platform
