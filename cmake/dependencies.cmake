# Debian-packaged libraries only; scripts/setup-deps.sh installs them.
find_package(Threads REQUIRED)
# The Windows cross build (cmake/toolchains/mingw-w64-x86_64.cmake, scripts/build-windows.sh)
# finds its libraries its own way and skips the rest of this file.
if(WIN32 AND CMAKE_CROSSCOMPILING)
    include(${CMAKE_CURRENT_LIST_DIR}/toolchains/mingw-w64-dependencies.cmake)
    return()
endif()
# A part left out for want of its packages: a note, or an error where the test command wants
# everything built (NETMON_REQUIRE_PACKAGED), so a machine missing a package never passes by
# testing less.
function(netmon_left_out)
    string(CONCAT text ${ARGN})
    if(NETMON_REQUIRE_PACKAGED)
        message(FATAL_ERROR "${text}; scripts/setup-deps.sh installs what is needed")
    endif()
    message(STATUS "${text}")
endfunction()

find_package(tl-expected REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(SQLite3 REQUIRED)
if(NETMON_BUILD_TESTS)
    find_package(GTest REQUIRED)
endif()
if(NETMON_BUILD_BENCH)
    find_package(benchmark REQUIRED)
endif()
# The desktop app: Qt 6.2+ Widgets, i.e. qtbase alone (Debian: qt6-base-dev), so the Windows
# build can use a Qt cross-built from qtbase's sources. Without it netmon-gui is left out and the
# rest builds as before.
if(NETMON_GUI)
    set(netmon_qt_components Widgets)
    if(NETMON_BUILD_TESTS)
        list(APPEND netmon_qt_components Test)
    endif()
    find_package(Qt6 6.2 COMPONENTS ${netmon_qt_components})
    if(NOT Qt6_FOUND)
        netmon_left_out("Qt 6.2+ Widgets not found: netmon-gui is not built "
                        "(install qt6-base-dev, or -DNETMON_GUI=OFF)")
        set(NETMON_GUI OFF)
    endif()
endif()
# Deep mode's libpcap engine (Debian: libpcap-dev). Without it netmon_capture keeps the packet
# parser and flow table, and the engine is left out.
if(NETMON_PCAP)
    find_package(PkgConfig)
    if(PkgConfig_FOUND)
        pkg_check_modules(PCAP IMPORTED_TARGET libpcap)
    endif()
    if(NOT PCAP_FOUND)
        netmon_left_out("libpcap not found: the libpcap capture engine is not built "
                        "(install libpcap-dev, or -DNETMON_PCAP=OFF)")
        set(NETMON_PCAP OFF)
    endif()
endif()
# Deep mode's eBPF engine (Debian: clang llvm bpftool libbpf-dev). The kernel programs are
# compiled with clang -target bpf against a vmlinux.h that bpftool dumps from this machine's
# kernel BTF, and bpftool turns them into skeleton headers; all of it lands in the build tree.
# Without any of these the engine is left out and its factory says so.
if(NETMON_EBPF AND NOT CMAKE_SYSTEM_NAME STREQUAL "Linux")
    set(NETMON_EBPF OFF)  # Linux only; deep mode elsewhere is the pcap/Npcap engine
endif()
if(NETMON_EBPF)
    set(netmon_ebpf_missing "")
    find_program(NETMON_BPF_CLANG NAMES clang clang-19 clang-18 clang-17 clang-16 clang-15 clang-14)
    find_program(NETMON_BPFTOOL NAMES bpftool PATHS /usr/sbin /sbin /usr/local/sbin)
    # Optional: strips DWARF (not BTF) from the objects embedded in the skeletons.
    find_program(NETMON_LLVM_STRIP NAMES llvm-strip llvm-strip-19 llvm-strip-18 llvm-strip-17
                                         llvm-strip-16 llvm-strip-15 llvm-strip-14)
    set(NETMON_VMLINUX_BTF /sys/kernel/btf/vmlinux CACHE FILEPATH
        "Kernel BTF the eBPF programs' vmlinux.h is generated from")
    find_package(PkgConfig)
    if(PkgConfig_FOUND)
        pkg_check_modules(LIBBPF IMPORTED_TARGET libbpf>=0.8)
    endif()
    if(NOT NETMON_BPF_CLANG)
        list(APPEND netmon_ebpf_missing "clang")
    endif()
    if(NOT NETMON_BPFTOOL)
        list(APPEND netmon_ebpf_missing "bpftool")
    endif()
    if(NOT LIBBPF_FOUND)
        list(APPEND netmon_ebpf_missing "libbpf 0.8+")
    endif()
    if(NOT EXISTS "${NETMON_VMLINUX_BTF}")
        list(APPEND netmon_ebpf_missing "kernel BTF (${NETMON_VMLINUX_BTF})")
    endif()
    if(netmon_ebpf_missing)
        list(JOIN netmon_ebpf_missing ", " netmon_ebpf_missing_text)
        netmon_left_out("eBPF capture engine not built: missing ${netmon_ebpf_missing_text} "
                        "(install clang llvm bpftool libbpf-dev, or -DNETMON_EBPF=OFF)")
        set(NETMON_EBPF OFF)
    endif()
endif()
