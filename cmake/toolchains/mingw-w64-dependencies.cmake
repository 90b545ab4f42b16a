# SPDX-License-Identifier: GPL-3.0-or-later
# Libraries of the Windows cross build, included by cmake/dependencies.cmake. Debian has MinGW
# builds of none of them, so:
# - header-only libraries (tl-expected, nlohmann-json, CLI11) and libpcap's API headers (which
#   Npcap shares) come from the host's Debian packages, each through a copy of its own folder:
#   never the host's whole /usr/include, whose glibc headers would shadow MinGW's;
# - SQLite from the amalgamation vendored in third_party/sqlite (the Linux build keeps using the
#   system library);
# - GoogleTest built from Debian's sources in /usr/src/googletest (package googletest).
set(netmon_host_include /usr/include)
set(netmon_host_headers ${CMAKE_BINARY_DIR}/host-headers)

# netmon_host_header_library(<target> <folder> <package>): an INTERFACE target whose include
# directory holds only /usr/include/<folder>.
function(netmon_host_header_library target folder package)
    if(NOT EXISTS ${netmon_host_include}/${folder})
        message(FATAL_ERROR "${netmon_host_include}/${folder} is missing: install the Debian "
                            "package ${package} (scripts/build-windows.sh does)")
    endif()
    file(COPY ${netmon_host_include}/${folder} DESTINATION ${netmon_host_headers}/${folder})
    add_library(${target} INTERFACE IMPORTED GLOBAL)
    set_target_properties(${target} PROPERTIES
        INTERFACE_INCLUDE_DIRECTORIES ${netmon_host_headers}/${folder})
endfunction()

netmon_host_header_library(tl::expected tl libexpected-dev)
netmon_host_header_library(nlohmann_json::nlohmann_json nlohmann nlohmann-json3-dev)
netmon_host_header_library(CLI11::CLI11 CLI libcli11-dev)

add_subdirectory(${PROJECT_SOURCE_DIR}/third_party/sqlite ${CMAKE_BINARY_DIR}/third_party/sqlite)

if(NETMON_BUILD_TESTS)
    set(netmon_googletest_source /usr/src/googletest CACHE PATH
        "GoogleTest sources (Debian package googletest) built for the cross build")
    if(NOT EXISTS ${netmon_googletest_source}/CMakeLists.txt)
        message(FATAL_ERROR "${netmon_googletest_source} is missing: install the Debian package "
                            "googletest (scripts/build-windows.sh does)")
    endif()
    set(INSTALL_GTEST OFF CACHE BOOL "" FORCE)
    set(BUILD_GMOCK ON CACHE BOOL "" FORCE)
    # Static, like everything else in the .exe files; no GoogleTest DLL to ship beside tests.
    set(BUILD_SHARED_LIBS OFF)
    add_subdirectory(${netmon_googletest_source} ${CMAKE_BINARY_DIR}/googletest EXCLUDE_FROM_ALL)
endif()

# Not for Windows: benchmarks and eBPF.
set(NETMON_BUILD_BENCH OFF)
set(NETMON_EBPF OFF)

# The desktop app: with the Qt that scripts/windows/build-qt.sh cross-builds from Debian's
# qt6-base sources (qtbase alone: the GUI needs nothing else), whose prefix it prints; the host's
# Debian Qt of the same version provides moc, rcc and uic (QT_HOST_PATH). Without it,
# netmon-gui.exe is left out.
set(NETMON_WINDOWS_QT "" CACHE PATH "Qt for MinGW-w64 from scripts/windows/build-qt.sh")
if(NETMON_GUI AND NETMON_WINDOWS_QT)
    list(APPEND CMAKE_FIND_ROOT_PATH ${NETMON_WINDOWS_QT})
    list(APPEND CMAKE_PREFIX_PATH ${NETMON_WINDOWS_QT})
    set(QT_HOST_PATH /usr CACHE PATH "Host Qt (Debian's qt6-base-dev-tools)")
    execute_process(COMMAND dpkg-architecture -qDEB_HOST_MULTIARCH
                    OUTPUT_VARIABLE netmon_host_multiarch OUTPUT_STRIP_TRAILING_WHITESPACE)
    set(QT_HOST_PATH_CMAKE_DIR /usr/lib/${netmon_host_multiarch}/cmake CACHE PATH
        "Host Qt's CMake packages")
    set(netmon_qt_components Widgets)
    if(NETMON_BUILD_TESTS)
        list(APPEND netmon_qt_components Test)
    endif()
    find_package(Qt6 6.2 REQUIRED COMPONENTS ${netmon_qt_components})
    # Where programs run under Wine find their DLLs (WINEPATH; Z: is the Linux root): Qt's, and
    # the MinGW runtime that Qt's plugins import.
    execute_process(COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=libstdc++-6.dll
                    OUTPUT_VARIABLE netmon_libstdcxx OUTPUT_STRIP_TRAILING_WHITESPACE)
    get_filename_component(netmon_runtime_dir ${netmon_libstdcxx} DIRECTORY)
    set(NETMON_WINDOWS_DLL_PATH
        "Z:${NETMON_WINDOWS_QT}/bin\\;Z:${netmon_runtime_dir}\\;Z:/usr/${netmon_mingw_triplet}/lib")
else()
    set(NETMON_GUI OFF)
endif()

# Deep mode on Windows: Npcap's wpcap.dll, loaded at run time by full path
# (src/capture/pcap/npcap_api_windows.cpp); nothing is linked, only libpcap's API headers used.
if(NETMON_PCAP)
    if(EXISTS ${netmon_host_include}/pcap/pcap.h)
        netmon_host_header_library(netmon::pcap_headers pcap libpcap-dev)
    else()
        message(STATUS "libpcap's headers not found: the Npcap capture engine is not built "
                       "(install libpcap-dev for its headers, or -DNETMON_PCAP=OFF)")
        set(NETMON_PCAP OFF)
    endif()
endif()
