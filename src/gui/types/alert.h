// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <cstdint>

namespace netmon::gui {

// One thing the user must know, shown in the banner across the top.
struct Alert {
    enum class Level : std::uint8_t { Info, Warning, Error };
    enum class Action : std::uint8_t { None, OpenSettings, OpenInterfaces };

    QString key;  // one alert per key; a new one with the same key replaces it
    Level level = Level::Info;
    QString text;
    QString details;     // more, in the text's tooltip
    QString actionText;  // the button's label, when there is an action
    Action action = Action::None;

    friend bool operator==(const Alert&, const Alert&) = default;
};

}  // namespace netmon::gui
