// SPDX-License-Identifier: GPL-3.0-or-later
// netmond's data folder (platform/service_folder.h) under Wine, read back with
// GetNamedSecurityInfoW and compared with SIDs spelled out here. What Wine 8 shows: a file's
// owner is always the account of its Unix user (this test's own), and its DACL is made from the
// Unix mode (SYSTEM and the owner full, Everyone read when others may read); a descriptor given
// to CreateDirectoryW decides that mode, and SetSecurityInfo changes nothing. So here: the folder
// made in one step without Everyone's entry (a plain CreateDirectoryW gets it), a link where the
// folder should be refused (a Unix symbolic link the build makes, which Wine shows as a reparse
// point; it shows a link to a file as a plain file), a missing file accepted. Owners other than
// netmond's own, the protected flag and links to files cannot be made under Wine:
// tests/unit/platform_common/folder_trust_test.cpp covers those decisions.
#include <gtest/gtest.h>

// clang-format off
#include "platform/windows/windows_api.h"
#include <aclapi.h>
#include <sddl.h>
// clang-format on

#include <algorithm>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "fakes/temp_dir.h"
#include "platform/service_folder.h"
#include "platform/windows/wide_text.h"
#include "platform/windows/windows_handles.h"

namespace netmon::platform {
namespace {

constexpr wchar_t kSystem[] = L"S-1-5-18";

struct LocalFreer {
    void operator()(void* memory) const noexcept { ::LocalFree(memory); }
};

std::wstring sidText(PSID sid) {
    wchar_t* raw = nullptr;
    if (::ConvertSidToStringSidW(sid, &raw) == 0) {
        return L"?";
    }
    const std::unique_ptr<wchar_t, LocalFreer> text(raw);
    return text.get();
}

struct Ace {
    BYTE type;
    std::wstring sid;
    DWORD mask;
    bool operator==(const Ace&) const = default;
};

struct ReadBack {
    std::wstring owner;
    bool isProtected = false;
    std::vector<Ace> aces;
};

ReadBack readBack(const std::filesystem::path& path) {
    PSID owner = nullptr;
    PACL dacl = nullptr;
    PSECURITY_DESCRIPTOR raw = nullptr;
    const DWORD status = ::GetNamedSecurityInfoW(
        path.c_str(), SE_FILE_OBJECT, OWNER_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION,
        &owner, nullptr, &dacl, nullptr, &raw);
    EXPECT_EQ(status, static_cast<DWORD>(ERROR_SUCCESS)) << path;
    const std::unique_ptr<void, LocalFreer> descriptor(raw);
    ReadBack result;
    if (status != ERROR_SUCCESS) {
        return result;
    }
    result.owner = sidText(owner);
    SECURITY_DESCRIPTOR_CONTROL control = 0;
    DWORD revision = 0;
    ::GetSecurityDescriptorControl(raw, &control, &revision);
    result.isProtected = (control & SE_DACL_PROTECTED) != 0;
    for (DWORD i = 0; dacl != nullptr && i < dacl->AceCount; ++i) {
        void* ace = nullptr;
        ::GetAce(dacl, i, &ace);
        const auto* allowed = static_cast<const ACCESS_ALLOWED_ACE*>(ace);
        result.aces.push_back({allowed->Header.AceType,
                               sidText(const_cast<DWORD*>(&allowed->SidStart)), allowed->Mask});
    }
    return result;
}

bool grantsTo(const ReadBack& security, const std::wstring& sid) {
    return std::any_of(security.aces.begin(), security.aces.end(), [&](const Ace& ace) {
        return ace.type == ACCESS_ALLOWED_ACE_TYPE && ace.sid == sid;
    });
}

constexpr wchar_t kEveryone[] = L"S-1-1-0";
constexpr wchar_t kUsers[] = L"S-1-5-32-545";
constexpr wchar_t kAuthenticatedUsers[] = L"S-1-5-11";

TEST(ServiceFolderWindows, MakesAMissingFolderInOneStepWithNobodyElsesEntry) {
    test::TempDir dir;
    // What a folder made without a descriptor gets here: Everyone may read it.
    const auto plain = dir.path() / "plain";
    ASSERT_NE(::CreateDirectoryW(plain.c_str(), nullptr), 0);
    ASSERT_TRUE(grantsTo(readBack(plain), kEveryone));

    const auto folder = dir.path() / "NetworkMonitor";
    auto made = secureServiceFolder(folder);
    ASSERT_TRUE(made) << made.error().describe();
    EXPECT_TRUE(made->empty());
    const ReadBack security = readBack(folder);
    EXPECT_TRUE(grantsTo(security, kSystem));
    for (const wchar_t* other : {kEveryone, kUsers, kAuthenticatedUsers}) {
        EXPECT_FALSE(grantsTo(security, other)) << std::filesystem::path(other);
    }

    // Found again on the next start: used, not refused.
    auto again = secureServiceFolder(folder);
    ASSERT_TRUE(again) << again.error().describe();

    // A file netmond has not made yet: fine, it will inherit the folder's entries.
    auto missing = checkServiceFile(folder / "history.db-wal");
    ASSERT_TRUE(missing) << missing.error().describe();
    EXPECT_TRUE(missing->empty());
}

// The links the build made (tests/unit/platform_windows/CMakeLists.txt), as Wine names them.
std::filesystem::path madeLinks() {
    std::wstring path = windows_platform::toWide(NETMON_SERVICE_FOLDER_LINKS);
    if (!path.empty() && path.front() == L'/') {
        path = L"Z:" + path;  // Wine's drive for the Linux root
    }
    std::replace(path.begin(), path.end(), L'/', L'\\');
    return path;
}

bool isReparsePoint(const std::filesystem::path& path) {
    const DWORD attributes = ::GetFileAttributesW(path.c_str());
    return attributes != INVALID_FILE_ATTRIBUTES &&
           (attributes & FILE_ATTRIBUTE_REPARSE_POINT) != 0;
}

// A junction or symbolic link where the folder should be: refused, never followed, left alone.
TEST(ServiceFolderWindows, RefusesALinkWhereTheFolderShouldBe) {
    const auto folder = madeLinks() / "NetworkMonitor";
    ASSERT_TRUE(isReparsePoint(folder)) << folder << " is not a link: reconfigure the build";
    const ReadBack target = readBack(madeLinks() / "elsewhere");

    auto refused = secureServiceFolder(folder);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("junction or symbolic link"), std::string::npos)
        << refused.error().message;
    EXPECT_NE(refused.error().message.find(folder.string()), std::string::npos);
    EXPECT_FALSE(refused.error().hint.empty());
    EXPECT_TRUE(isReparsePoint(folder));
    EXPECT_EQ(readBack(madeLinks() / "elsewhere").aces, target.aces);
}

}  // namespace
}  // namespace netmon::platform
