// SPDX-License-Identifier: GPL-3.0-or-later
// `netmon settings [--json]` and `netmon settings set KEY=VALUE…`: the settings in effect and
// how to change them: the service's when it answers (changed through it, by members of its
// group and administrators), else the user's settings file.
#include <algorithm>

#include "cli/app.h"
#include "cli/command.h"
#include "cli/context.h"
#include "cli/json_views.h"
#include "cli/settings_assignment.h"
#include "cli/text_table.h"
#include "core/visible_text.h"
#include "protocol/service_client.h"
#include "runtime/config_file.h"

namespace netmon::cli {
namespace {

nlohmann::json settingsJson(const Config& config) {
    return nlohmann::json::parse(serializeConfig(config));
}

class SettingsCommand final : public Command {
public:
    CLI::App* define(CLI::App& parent) override {
        CLI::App* command = parent.add_subcommand(
            "settings", "Show the settings in effect (the service's when it runs), or change them");
        command->add_flag("--json", m_json,
                          "One JSON object: where the settings are and their values");
        m_set = command->add_subcommand(
            "set", "Change settings: KEY=VALUE… (keys as `netmon settings` lists them)");
        m_set->add_option("assignments", m_assignments, "KEY=VALUE, e.g. retention_days=30")
            ->required()
            ->expected(1, -1);
        return command;
    }

    int run(Context& context) override {
        protocol::ServiceClient* service = context.service();
        auto current = service != nullptr ? serviceSettings(*service) : fileSettings(context);
        if (!current) {
            return context.reportError(current.error());
        }
        if (m_set->parsed()) {
            return change(context, service, *current);
        }
        return show(context, service, *current);
    }

private:
    static Result<nlohmann::json> serviceSettings(protocol::ServiceClient& service) {
        auto reply = service.call(protocol::RequestKind::Settings);
        if (!reply) {
            return tl::unexpected(reply.error());
        }
        const auto settings = reply->find("settings");
        if (settings == reply->end() || !settings->is_object()) {
            return fail("the service's settings reply has no settings object");
        }
        return *settings;
    }

    // The file's own values: not this run's --mode.
    static Result<nlohmann::json> fileSettings(const Context& context) {
        const LoadedConfig loaded =
            runtime::loadConfig(context.configPath(), runtime::locateConfig(context.configPath()));
        if (loaded.refused) {
            return tl::unexpected(*loaded.refused);
        }
        return settingsJson(loaded.config);
    }

    int show(Context& context, const protocol::ServiceClient* service,
             const nlohmann::json& settings) const {
        if (m_json) {
            const nlohmann::json document{
                {"source", context.source()},
                {"file", service != nullptr ? nlohmann::json(nullptr)
                                            : nlohmann::json(context.configPath().string())},
                {"settings", settings}};
            context.out() << jsonText(document, 2) << "\n";
            return kExitOk;
        }
        if (service != nullptr) {
            context.out() << "The service's settings (netmond); members of its group change "
                             "them with `netmon settings set`.\n";
        } else {
            context.out() << "Settings file: " << visibleText(context.configPath().string())
                          << "\n";
        }
        TextTable table({{"KEY"}, {"VALUE"}});
        for (const auto& [key, value] : settingLines(settings)) {
            table.addRow({key, value});
        }
        table.print(context.out());
        return kExitOk;
    }

    int change(Context& context, protocol::ServiceClient* service,
               const nlohmann::json& current) const {
        auto changed = applySettingAssignments(current, m_assignments);
        if (!changed) {
            reportError(context.err(), changed.error());
            return kExitUsage;
        }
        const LoadedConfig checked = parseConfig(changed->dump());
        if (!checked.warnings.empty()) {
            reportError(context.err(), Error{"settings not changed: " + checked.warnings.front(),
                                             "netmon settings lists the keys and their values"});
            return kExitUsage;
        }
        std::vector<std::string> notes;
        if (service != nullptr) {
            auto reply = service->call(
                protocol::RequestKind::SetSettings,
                {{"settings", nlohmann::json::parse(serializeConfig(checked.config))}});
            if (!reply) {
                return context.reportError(reply.error());
            }
            for (const nlohmann::json& note : reply->value("warnings", nlohmann::json::array())) {
                if (note.is_string()) {
                    notes.push_back(note.get<std::string>());
                }
            }
        } else if (auto saved = runtime::saveConfig(checked.config, context.configPath()); !saved) {
            return context.reportError(saved.error());
        }
        printChanges(context, settingLines(current), settingLines(settingsJson(checked.config)));
        for (const std::string& note : notes) {
            context.reportWarning(note);
        }
        return kExitOk;
    }

    // "key: old → new" for each value that changed.
    static void printChanges(Context& context,
                             const std::vector<std::pair<std::string, std::string>>& before,
                             const std::vector<std::pair<std::string, std::string>>& after) {
        bool any = false;
        for (const auto& [key, value] : after) {
            const auto old = std::find_if(before.begin(), before.end(),
                                          [&](const auto& line) { return line.first == key; });
            if (old != before.end() && old->second != value) {
                context.out() << key << ": " << visibleText(old->second) << " -> "
                              << visibleText(value) << "\n";
                any = true;
            }
        }
        if (!any) {
            context.out() << "No setting changed.\n";
        }
    }

    CLI::App* m_set = nullptr;
    std::vector<std::string> m_assignments;
    bool m_json = false;
};

}  // namespace

std::unique_ptr<Command> makeSettingsCommand() {
    return std::make_unique<SettingsCommand>();
}

}  // namespace netmon::cli
