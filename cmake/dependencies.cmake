# Debian-packaged libraries only; scripts/setup-deps.sh installs them.
find_package(Threads REQUIRED)
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
# The desktop app: Qt 6.2+ Widgets and Charts (Debian: qt6-base-dev, qt6-charts-dev). Without
# them netmon-gui is left out and the rest builds as before.
if(NETMON_GUI)
    set(netmon_qt_components Widgets Charts)
    if(NETMON_BUILD_TESTS)
        list(APPEND netmon_qt_components Test)
    endif()
    find_package(Qt6 6.2 COMPONENTS ${netmon_qt_components})
    if(NOT Qt6_FOUND)
        message(STATUS "Qt 6.2+ with Qt Charts not found: netmon-gui is not built "
                       "(install qt6-base-dev qt6-charts-dev, or -DNETMON_GUI=OFF)")
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
        message(STATUS "libpcap not found: the libpcap capture engine is not built "
                       "(install libpcap-dev, or -DNETMON_PCAP=OFF)")
        set(NETMON_PCAP OFF)
    endif()
endif()
