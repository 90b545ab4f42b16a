// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/app.h"

int main(int argc, char** argv) {
    return netmon::cli::runApp(argc, argv);
}
