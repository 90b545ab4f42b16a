// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/services/start_at_login.h"

#include <system_error>

#include "platform/file_io.h"

namespace netmon::gui {
namespace {

// The line that says the entry is ours, so the app never removes someone else's.
constexpr std::string_view kMark = "X-NetworkMonitor-Autostart=true";

// The Desktop Entry spec's quoting of one Exec argument: in double quotes with `"`, `` ` ``,
// `$` and `\` escaped by a backslash; then the file's own escaping doubles each backslash.
std::optional<std::string> execArgument(const std::string& text) {
    std::string quoted = "\"";
    for (const char c : text) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f || c == '%') {
            return std::nullopt;  // a line break or field code would change the entry
        }
        if (c == '\\') {
            quoted += R"(\\\\)";  // \\ for Exec, each doubled for the file
            continue;
        }
        if (c == '"' || c == '`' || c == '$') {
            quoted += R"(\\)";
        }
        quoted += c;
    }
    return quoted + "\"";
}

Result<void> refuseNotOurs(const std::filesystem::path& entry) {
    return fail(entry.string() + " is not the app's autostart entry; it was left alone.",
                "Remove or rename it yourself, then try again.");
}

}  // namespace

Result<std::string> autostartEntry(const std::filesystem::path& program) {
    const std::optional<std::string> exec = execArgument(program.string());
    if (!exec || !program.is_absolute()) {
        return fail("the app's path cannot go into an autostart entry: " + program.string(),
                    "Start the app from a folder whose path has no control characters or %.");
    }
    return "[Desktop Entry]\n"
           "Type=Application\n"
           "Name=Network Monitor\n"
           "Comment=Network rates, connections and history, in the tray\n"
           "Exec=" +
           *exec +
           " --tray\n"
           "Icon=netmon-gui\n"
           "Terminal=false\n"
           "Categories=Network;Monitor;\n"
           "X-GNOME-Autostart-enabled=true\n" +
           std::string(kMark) + "\n";
}

bool startsAtLogin(const std::filesystem::path& entry) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(std::filesystem::symlink_status(entry, error))) {
        return false;
    }
    auto text = readWholeFile(entry, 64 * 1024);
    return text && text->find(kMark) != std::string::npos;
}

Result<void> setStartAtLogin(const std::filesystem::path& entry,
                             const std::filesystem::path& program, bool enabled) {
    std::error_code error;
    const auto status = std::filesystem::symlink_status(entry, error);
    const bool present = std::filesystem::exists(status);
    if (present && !startsAtLogin(entry)) {
        return refuseNotOurs(entry);  // a link (never followed), a folder, another's entry
    }
    if (!enabled) {
        if (present && !std::filesystem::remove(entry, error)) {
            return fail("could not remove " + entry.string() + ": " + error.message());
        }
        return {};
    }
    auto text = autostartEntry(program);
    if (!text) {
        return tl::unexpected(text.error());
    }
    return writeFileAtomically(entry, *text);
}

}  // namespace netmon::gui
