# SPDX-License-Identifier: GPL-3.0-or-later
# The link half of the layers' rule (docs/architecture.md; tests/architecture/check_layers.sh
# checks the includes): netmon_core links nothing of ours but the build options, and core's
# tests link core and GoogleTest only, so both build alone. A change that breaks it fails here,
# at configure time, naming the link.

# Fails when `target` links (privately or publicly) a target named netmon* outside `allowed`.
function(netmon_require_links_only target)
    if(NOT TARGET ${target})
        return()
    endif()
    get_target_property(private_links ${target} LINK_LIBRARIES)
    get_target_property(public_links ${target} INTERFACE_LINK_LIBRARIES)
    foreach(link IN LISTS private_links public_links)
        string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" link "${link}")
        if(link MATCHES "^netmon" AND NOT link IN_LIST ARGN)
            message(FATAL_ERROR "${target} links ${link}: it may link only ${ARGN} of ours "
                                "(docs/architecture.md)")
        endif()
    endforeach()
endfunction()

netmon_require_links_only(netmon_core netmon_options)
netmon_require_links_only(netmon_core_test netmon_core netmon_options)
