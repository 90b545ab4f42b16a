// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "core/result.h"

namespace netmon {

// Our files (settings, exports) are a few KiB; anything bigger is not ours, and reading it
// whole would let a hostile path (a huge file) eat memory.
inline constexpr std::size_t kMaxReadBytes = std::size_t{1} << 20;

// What is at a path, following symbolic links (a link to nothing is Other).
// Inaccessible: whether anything is there cannot be told (a folder on the way is not ours to
// look into); neither nothing nor something to refuse.
enum class PathKind : std::uint8_t { Missing, RegularFile, Directory, Other, Inaccessible };
PathKind pathKind(const std::filesystem::path& path);

// "<path> is a folder, not a file; it was left alone" and what to do, for a path that is not
// a regular file (Directory or Other). `what` names the file's role ("The settings file"), or
// is empty to start with the path.
Error notARegularFile(const std::filesystem::path& path, PathKind kind, std::string_view what);

// True when both name the same place (symbolic links and "..", "." resolved as far as the
// paths exist), e.g. a user's --config that is our default settings file after all.
bool sameLocation(const std::filesystem::path& a, const std::filesystem::path& b);

// The file a chain of symbolic links ends at (the path itself when it is no link), so a write
// replaces the target and the link stays a link. Fails on a loop.
Result<std::filesystem::path> resolveSymlinks(const std::filesystem::path& path);

// The first `maxBytes` of a regular file; `whole` says whether that was all of it. Refuses
// anything else (a folder, a FIFO, a device) without blocking on it or reading from it.
// Defined by the platform library.
struct FileStart {
    std::string bytes;
    bool whole = false;
};
Result<FileStart> readFileStart(const std::filesystem::path& path, std::size_t maxBytes);

// The whole of a regular file, refused (an error, never an empty or cut string) when it is
// larger than `maxBytes` or not a regular file.
Result<std::string> readWholeFile(const std::filesystem::path& path,
                                  std::size_t maxBytes = kMaxReadBytes);

// 16 random hex digits for a temporary file's name, so nobody can plant a file or a link under
// it in advance (used by the platforms' writeFileAtomically).
std::string unpredictableSuffix();

// The first steps of every writeFileAtomically: follows `path`'s links to the real target,
// refuses a target that exists and is not a regular file, creates its folder private; returns
// the target.
Result<std::filesystem::path> prepareWriteTarget(const std::filesystem::path& path);

// Replaces `path` with `content` so that a crash or power cut leaves either the old file or the
// new one, never a mix: a private temporary file beside the target, flushed to disk, then renamed
// over it. A symbolic link is followed (the link stays, its target gets the content); a target
// that exists and is not a regular file is refused. Missing folders are created private
// (createPrivateFolders) and the file is readable by its owner only. Defined by the platform.
Result<void> writeFileAtomically(const std::filesystem::path& path, std::string_view content);

// Creates `folder` and its missing parents readable by the owner only (0700 on POSIX, whatever
// the umask). Folders that exist are left as they are. Defined by the platform library.
Result<void> createPrivateFolders(const std::filesystem::path& folder);

// Creates a new empty file readable by the owner only (0600); fails if anything (a file, a
// link) is already there, so it never opens someone else's file. Defined by the platform.
Result<void> createPrivateFile(const std::filesystem::path& path);

// Makes an existing file of ours readable by its owner only (0600), for files older builds
// created with the umask's 0644. A symbolic link is refused, never followed. Defined by the
// platform library.
Result<void> makePrivate(const std::filesystem::path& path);

// Renames `path` to "<path>.corrupt-<UTC stamp>" so a damaged file is kept for the user, never
// overwritten, and makes it private; returns the new name. Only for files the caller knows are
// ours: anything that is not a regular file is refused and left alone.
Result<std::filesystem::path> moveAside(const std::filesystem::path& path,
                                        std::chrono::system_clock::time_point now);

}  // namespace netmon
