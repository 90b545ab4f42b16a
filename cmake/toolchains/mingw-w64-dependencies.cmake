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

# Not for Windows: benchmarks, the Qt app (its own issue) and eBPF.
set(NETMON_BUILD_BENCH OFF)
set(NETMON_GUI OFF)
set(NETMON_EBPF OFF)

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
