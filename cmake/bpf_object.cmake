# SPDX-License-Identifier: GPL-3.0-or-later
# netmon_bpf_object(SOURCE OBJECT [DEPENDS file...]): the one way a kernel program (*.bpf.c)
# is compiled, for deep mode's programs and the bench's alike, so that both are built with the
# same flags: clang -target bpf against the vmlinux.h that src/capture/ebpf generates from this
# machine's kernel BTF, DWARF stripped where llvm-strip exists (BTF kept). A caller in another
# folder also adds a dependency on the target netmon_bpf_skeletons (which makes vmlinux.h).
set(NETMON_BPF_VMLINUX_DIR ${PROJECT_BINARY_DIR}/src/capture/ebpf)

string(TOLOWER "${CMAKE_SYSTEM_PROCESSOR}" netmon_bpf_processor)
if(netmon_bpf_processor MATCHES "^(x86_64|amd64|i.86)$")
    set(NETMON_BPF_ARCH x86)
elseif(netmon_bpf_processor MATCHES "^(aarch64|arm64)")
    set(NETMON_BPF_ARCH arm64)
elseif(netmon_bpf_processor MATCHES "^arm")
    set(NETMON_BPF_ARCH arm)
elseif(netmon_bpf_processor MATCHES "^riscv")
    set(NETMON_BPF_ARCH riscv)
elseif(netmon_bpf_processor MATCHES "^(ppc|powerpc)")
    set(NETMON_BPF_ARCH powerpc)
elseif(netmon_bpf_processor MATCHES "^s390")
    set(NETMON_BPF_ARCH s390)
elseif(netmon_bpf_processor MATCHES "^loongarch")
    set(NETMON_BPF_ARCH loongarch)
else()
    set(NETMON_BPF_ARCH ${netmon_bpf_processor})
endif()

function(netmon_bpf_object source object)
    cmake_parse_arguments(PARSE_ARGV 2 arg "" "" "DEPENDS")
    set(flags -g -O2 -target bpf -D__TARGET_ARCH_${NETMON_BPF_ARCH} -Wall)
    if(NETMON_WERROR)
        list(APPEND flags -Werror)
    endif()
    foreach(dir IN LISTS LIBBPF_INCLUDE_DIRS)
        list(APPEND flags -I${dir})
    endforeach()
    get_filename_component(source_dir ${source} DIRECTORY)
    set(strip_command "")
    if(NETMON_LLVM_STRIP)
        set(strip_command COMMAND ${NETMON_LLVM_STRIP} -g ${object})
    endif()
    get_filename_component(name ${source} NAME)
    add_custom_command(OUTPUT ${object}
        COMMAND ${NETMON_BPF_CLANG} ${flags} -I${NETMON_BPF_VMLINUX_DIR} -I${source_dir}
                -c ${source} -o ${object}
        ${strip_command}
        DEPENDS ${source} ${NETMON_BPF_VMLINUX_DIR}/vmlinux.h ${arg_DEPENDS}
        COMMENT "Building eBPF program ${name}"
        VERBATIM)
endfunction()
