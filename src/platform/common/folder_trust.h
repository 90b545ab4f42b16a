// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <vector>

// Whether netmond may use a folder or file in its Windows data folder
// (%ProgramData%\NetworkMonitor), from what its security descriptor says. Pure, so both platforms
// test it with hand-built descriptors; platform/windows/service_folder_windows.cpp reads the real
// ones.
namespace netmon::platform {

// Who a SID is, as far as the decision goes: the three accounts only an administrator acts as;
// the account netmond itself runs as (SYSTEM for the service; the elevated administrator of a
// --foreground run; under Wine the one Unix user, who owns every file there); and everyone else
// (other users, groups, CREATOR OWNER, a SID we could not read).
enum class Trustee : std::uint8_t { System, Administrators, TrustedInstaller, Self, Other };

// Windows access mask bits that let someone read our data, plant or replace a file, or change
// who may (winnt.h's values; portable here so the decision is).
namespace access_bits {
inline constexpr std::uint32_t kReadData = 0x1;           // FILE_READ_DATA / FILE_LIST_DIRECTORY
inline constexpr std::uint32_t kWriteData = 0x2;          // FILE_WRITE_DATA / FILE_ADD_FILE
inline constexpr std::uint32_t kAppendData = 0x4;         // FILE_APPEND_DATA / ADD_SUBDIRECTORY
inline constexpr std::uint32_t kWriteEa = 0x10;           // FILE_WRITE_EA
inline constexpr std::uint32_t kDeleteChild = 0x40;       // FILE_DELETE_CHILD
inline constexpr std::uint32_t kWriteAttributes = 0x100;  // FILE_WRITE_ATTRIBUTES
inline constexpr std::uint32_t kDelete = 0x10000;         // DELETE
inline constexpr std::uint32_t kWriteDac = 0x40000;       // WRITE_DAC
inline constexpr std::uint32_t kWriteOwner = 0x80000;     // WRITE_OWNER
inline constexpr std::uint32_t kMaximumAllowed = 0x2000000;
inline constexpr std::uint32_t kGenericAll = 0x10000000;
inline constexpr std::uint32_t kGenericWrite = 0x40000000;
inline constexpr std::uint32_t kGenericRead = 0x80000000;
inline constexpr std::uint32_t kUnsafe =
    kReadData | kWriteData | kAppendData | kWriteEa | kDeleteChild | kWriteAttributes | kDelete |
    kWriteDac | kWriteOwner | kMaximumAllowed | kGenericAll | kGenericWrite | kGenericRead;
}  // namespace access_bits

// One entry of a DACL. Entries of kinds we do not know are read as an Allow of everything to
// Other, so they can only make the answer stricter.
struct AccessEntry {
    bool allow = true;  // false: a deny entry, which only takes rights away
    Trustee trustee = Trustee::Other;
    std::uint32_t mask = 0;
};

// What is known about the object. `owner` is Other when it could not be read.
struct SecurityFacts {
    bool reparsePoint = false;  // a junction, symbolic link or other reparse point
    Trustee owner = Trustee::Other;
    bool hasDacl = true;  // no DACL at all grants everyone everything
    bool daclProtected = false;
    std::vector<AccessEntry> entries;
};

enum class TrustVerdict : std::uint8_t {
    Accept,     // ours and admin-only
    ResetDacl,  // ours (an administrator's account owns it) but others may get in: lock it down
    Refuse,     // not provably ours: leave it alone
};

struct TrustDecision {
    TrustVerdict verdict = TrustVerdict::Refuse;
    std::string reason;  // why, for the log ("owned by another account", "Users may write")
};

// The folder itself must be protected (nothing inherited from %ProgramData%, whose entries let
// every user create files); a file in it may inherit, its folder being admin-only.
enum class ObjectRole : std::uint8_t { Folder, File };

TrustDecision judgeServiceObject(const SecurityFacts& facts, ObjectRole role);

}  // namespace netmon::platform
