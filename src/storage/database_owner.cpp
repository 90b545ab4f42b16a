// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/database_owner.h"

#include <array>
#include <cstdio>
#include <string>
#include <string_view>
#include <system_error>

#include "platform/file_io.h"

namespace netmon::storage {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kHeaderSize = 100;  // SQLite's database header
constexpr std::string_view kMagic{"SQLite format 3\0", 16};
constexpr std::size_t kApplicationIdOffset = 68;  // big-endian, per the file format

const char* const kNotOursHint =
    "give the path of a Network Monitor history database, or a new name (it is created)";

tl::unexpected<ClaimError> refuse(const fs::path& path, const std::string& why) {
    return tl::unexpected(ClaimError{
        Error{"The history database path " + path.string() + " " + why +
                  ". It is not a Network Monitor history database, so it was left alone.",
              kNotOursHint}});
}

std::uint32_t applicationIdIn(const std::string& header) {
    std::uint32_t id = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        id = (id << 8U) | static_cast<unsigned char>(header[kApplicationIdOffset + i]);
    }
    return id;
}

std::string hex(std::uint32_t value) {
    std::array<char, 16> text{};
    std::snprintf(text.data(), text.size(), "0x%08X", value);
    return text.data();
}

// "file:///path?immutable=1": SQLite reads the main file only, takes no locks and creates no
// -wal or -shm beside a file that may be someone else's.
std::string immutableUri(const fs::path& path) {
    std::error_code error;
    std::string generic = fs::absolute(path, error).generic_string();
    if (error) {
        generic = path.generic_string();
    }
    if (generic.empty() || generic.front() != '/') {
        generic.insert(0, 1, '/');  // Windows: file:///C:/… is how SQLite spells a drive
    }
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string uri = "file://";
    for (const char c : generic) {
        const auto byte = static_cast<unsigned char>(c);
        const bool plain = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                           (byte >= '0' && byte <= '9') ||
                           std::string_view("/-._~:").find(c) != std::string_view::npos;
        if (plain) {
            uri += c;
        } else {
            uri += '%';
            uri += kHex[byte >> 4U];
            uri += kHex[byte & 0xFU];
        }
    }
    return uri + "?immutable=1";
}

// An unmarked database (from before the mark) is ours when it has our tables.
bool hasOurTables(const fs::path& path) {
    auto connection =
        Connection::open(fs::path(immutableUri(path)), SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
    if (!connection) {
        return false;
    }
    auto count = connection->queryInt(
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('interfaces', "
        "'samples')");
    return count && *count == 2;
}

}  // namespace

tl::expected<DatabaseFile, ClaimError> claimDatabase(const fs::path& path,
                                                     const fs::path& defaultPath) {
    const PathKind kind = pathKind(path);
    if (kind == PathKind::Missing) {
        return DatabaseFile::Missing;
    }
    if (kind != PathKind::RegularFile) {
        // Out of reach is not proof of someone else's file: a later try may see it.
        return tl::unexpected(ClaimError{notARegularFile(path, kind, "The history database"),
                                         kind != PathKind::Inaccessible});
    }
    auto start = readFileStart(path, kHeaderSize);
    if (!start) {
        return tl::unexpected(ClaimError{start.error(), false});
    }
    const std::string& header = start->bytes;
    const bool sqlite = header.size() == kHeaderSize && header.starts_with(kMagic);
    const std::uint32_t id = sqlite ? applicationIdIn(header) : 0;
    if (sqlite && id == kApplicationId) {
        return DatabaseFile::Ours;
    }
    if (sqlite && id != 0) {
        return refuse(path,
                      "is the SQLite database of another program (application id " + hex(id) + ")");
    }
    // Our file name in our folder: an unmarked or damaged file there is our own history from
    // before the mark, or ours damaged beyond its header.
    if (!defaultPath.empty() && sameLocation(path, defaultPath)) {
        return DatabaseFile::Ours;
    }
    if (header.empty()) {
        return refuse(path, "is an empty file");
    }
    if (!sqlite) {
        return refuse(path, "is not a SQLite database");
    }
    if (!hasOurTables(path)) {
        return refuse(path,
                      "is a SQLite database without Network Monitor's mark or tables (or "
                      "a damaged one)");
    }
    return DatabaseFile::Ours;
}

Result<void> markAsOurs(Connection& connection) {
    auto id = connection.queryInt("PRAGMA application_id");
    if (!id) {
        return tl::unexpected(id.error());
    }
    if (*id == static_cast<std::int32_t>(kApplicationId)) {
        return {};
    }
    return connection.exec("PRAGMA application_id = " +
                           std::to_string(static_cast<std::int32_t>(kApplicationId)));
}

Result<void> tightenDatabaseModes(const fs::path& path) {
    constexpr fs::perms kOthers = fs::perms::group_all | fs::perms::others_all;
    for (const char* suffix : {"", "-wal", "-shm"}) {
        const fs::path file = path.string() + suffix;
        std::error_code error;
        const fs::file_status status = fs::symlink_status(file, error);
        if (!fs::is_regular_file(status) || (status.permissions() & kOthers) == fs::perms::none) {
            continue;
        }
        if (auto made = makePrivate(file); !made) {
            return made;
        }
    }
    return {};
}

}  // namespace netmon::storage
