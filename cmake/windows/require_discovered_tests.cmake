# SPDX-License-Identifier: GPL-3.0-or-later
# Run after gtest_discover_tests has listed a test program's tests under Wine, as the build's
# last step for it: fails when the list is empty. A program that could not start under Wine
# may exit 0 without printing anything, and its tests would then silently vanish from ctest.
#   cmake -DTESTS_FILE=<target[1]_tests.cmake> -DTEST_EXE=<test.exe> -P require_discovered_tests.cmake
file(READ ${TESTS_FILE} listed)
if(NOT listed MATCHES "add_test\\(")
    message(FATAL_ERROR "${TEST_EXE} listed no tests under Wine (it may not have started); "
                        "build again to list them again")
endif()
