# One INTERFACE target carries the language level and warnings for every target we build.
add_library(netmon_options INTERFACE)
target_compile_features(netmon_options INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)
target_compile_options(netmon_options INTERFACE -Wall -Wextra -Wpedantic -Wshadow
                                                -Wnon-virtual-dtor -Wold-style-cast)
if(NETMON_WERROR)
    target_compile_options(netmon_options INTERFACE -Werror)
endif()
if(WIN32)
    target_compile_definitions(netmon_options INTERFACE _WIN32_WINNT=0x0A00 WINVER=0x0A00
                                                        NOMINMAX WIN32_LEAN_AND_MEAN UNICODE _UNICODE)
endif()
# Hardening, as distributions build their packages: checked libc calls (_FORTIFY_SOURCE=3 with
# GCC 12+, 2 before; it needs optimisation, so not in Debug), stack canaries, position-independent
# executables and read-only relocations resolved at start. Deep mode may run with capabilities,
# so its binaries get the same protection as a setuid program would. tests/hardening checks the
# ELF files. (Windows: ASLR and DEP are the linker's defaults; DLL search is locked at start.)
if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
    include(CheckPIESupported)
    check_pie_supported(LANGUAGES C CXX)
    set(CMAKE_POSITION_INDEPENDENT_CODE ON)
    target_compile_options(netmon_options INTERFACE -fstack-protector-strong
                                                    -fstack-clash-protection
                                                    $<$<NOT:$<CONFIG:Debug>>:-U_FORTIFY_SOURCE>
                                                    $<$<NOT:$<CONFIG:Debug>>:-D_FORTIFY_SOURCE=3>)
    target_link_options(netmon_options INTERFACE -Wl,-z,relro -Wl,-z,now)
endif()
if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
    set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "Build type" FORCE)
endif()

# Qt safety defines for Qt targets. QT_NO_KEYWORDS: Q_SIGNALS/Q_SLOTS/Q_EMIT, no clash with
# other libraries' `signals`/`emit`. QT_NO_CAST_FROM_ASCII is left out: core speaks std::string,
# and every conversion goes through app/qt_text.h anyway.
add_library(netmon_qt_options INTERFACE)
target_compile_definitions(netmon_qt_options INTERFACE
    QT_NO_KEYWORDS
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_BEFORE=0x060200)
