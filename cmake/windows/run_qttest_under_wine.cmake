# SPDX-License-Identifier: GPL-3.0-or-later
# Runs one QtTest program under Wine for ctest, offscreen, and prints its results. Wine drops
# QT_* variables from the environment it passes on, so the platform is an argument; QtTest's own
# stdout does not reach ctest under Wine (the file logger does), so the results go through a
# file:
#   cmake -DWINE=<wine64> -DTEST_EXE=<test.exe> -DLOG=<file> -P run_qttest_under_wine.cmake
# Fails when the program fails (QtTest exits with the number of failed checks) or leaves no
# results (a crash or a missing DLL, which Wine may report with exit status 0).
# QtTest opens its log before the first test, so no log at all means Wine did not start the
# program (it now and then ends one it could not start, under a parallel ctest): run it again,
# twice at most, as cmake/windows/run_under_wine.sh does for the other tests.
foreach(attempt RANGE 1 3)
    file(REMOVE ${LOG})
    execute_process(COMMAND ${WINE} ${TEST_EXE} -platform offscreen -o ${LOG},txt
                    RESULT_VARIABLE status)
    if(EXISTS ${LOG})
        break()
    endif()
    message("run_qttest_under_wine: ${TEST_EXE} left no log and exited with ${status}: "
            "Wine did not start it (attempt ${attempt} of 3)")
endforeach()
if(EXISTS ${LOG})
    file(READ ${LOG} results)
    message("${results}")
endif()
if(NOT status EQUAL 0)
    message(FATAL_ERROR "${TEST_EXE} exited with ${status}")
endif()
if(NOT EXISTS ${LOG} OR NOT results MATCHES "Totals: [0-9]+ passed, 0 failed")
    message(FATAL_ERROR "${TEST_EXE} left no complete results in ${LOG}")
endif()
