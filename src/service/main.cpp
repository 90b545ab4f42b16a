// SPDX-License-Identifier: GPL-3.0-or-later
#include "service/service_app.h"

int main(int argc, char** argv) {
    return netmon::service::runServiceApp(argc, argv);
}
