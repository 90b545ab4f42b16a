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
if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
    set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "Build type" FORCE)
endif()
