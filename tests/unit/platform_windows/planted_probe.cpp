// SPDX-License-Identifier: GPL-3.0-or-later
// A DLL that a test plants in the current folder: loading it by name must fail.
extern "C" __declspec(dllexport) int netmonPlantedProbe() {
    return 42;
}
