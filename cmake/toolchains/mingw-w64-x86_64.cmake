# SPDX-License-Identifier: GPL-3.0-or-later
# Cross-builds Network Monitor for 64-bit Windows 10+ on Debian/Ubuntu with MinGW-w64
# (Debian: g++-mingw-w64-x86-64-posix — the posix flavour, whose std::thread and std::mutex
# work). scripts/build-windows.sh uses it:
#   cmake -S . -B build-windows -DCMAKE_TOOLCHAIN_FILE=cmake/toolchains/mingw-w64-x86_64.cmake
# Tests run through Wine: ctest starts each test executable with CMAKE_CROSSCOMPILING_EMULATOR.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(CMAKE_SYSTEM_VERSION 10.0)

set(netmon_mingw_triplet x86_64-w64-mingw32)
set(CMAKE_C_COMPILER ${netmon_mingw_triplet}-gcc-posix)
set(CMAKE_CXX_COMPILER ${netmon_mingw_triplet}-g++-posix)
set(CMAKE_RC_COMPILER ${netmon_mingw_triplet}-windres)

# Libraries and headers from the MinGW sysroot only; programs (Wine, makensis) from the host.
set(CMAKE_FIND_ROOT_PATH /usr/${netmon_mingw_triplet})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# One self-contained .exe: libstdc++, libgcc and winpthread linked in, so nothing but Windows'
# own DLLs is needed at run time.
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static")
set(CMAKE_SHARED_LINKER_FLAGS_INIT "-static")

# ctest runs the test programs through Wine's 64-bit loader, by way of a script that runs a
# program again when Wine did not start it (cmake/windows/run_under_wine.sh).
# scripts/build-windows.sh sets WINEPREFIX (a private prefix) and starts one persistent
# wineserver for the whole run.
find_program(NETMON_WINE64 NAMES wine64 PATHS /usr/lib/wine NO_DEFAULT_PATH)
find_program(NETMON_WINE64 NAMES wine64 wine)
if(NETMON_WINE64)
    set(CMAKE_CROSSCOMPILING_EMULATOR
        ${CMAKE_CURRENT_LIST_DIR}/../windows/run_under_wine.sh ${NETMON_WINE64})
endif()
