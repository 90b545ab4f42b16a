// SPDX-License-Identifier: GPL-3.0-or-later
// without_bpf_links COMMAND [ARG…]: runs COMMAND where bpf(BPF_LINK_CREATE) fails with EINVAL
// — what a kernel before TCX (6.6) answers for its attach types — through a seccomp filter,
// so that the eBPF engine's fallback to clsact filters runs on a kernel that has TCX. (libbpf
// attaches tracing programs through BPF_RAW_TRACEPOINT_OPEN when link creation says EINVAL.)
#include <linux/bpf.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <cstring>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: without_bpf_links COMMAND [ARG...]\n");
        return 2;
    }
    // The syscall number of this build's architecture, then the low half of bpf()'s first
    // argument (little-endian x86-64 and arm64: the command).
    std::array<sock_filter, 6> program{{
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, nr)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_bpf, 0, 3),
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, args)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, BPF_LINK_CREATE, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (EINVAL & SECCOMP_RET_DATA)),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    }};
    const sock_fprog filter{static_cast<unsigned short>(program.size()), program.data()};
    if (::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 ||
        ::prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &filter) != 0) {
        std::fprintf(stderr, "without_bpf_links: seccomp: %s\n", std::strerror(errno));
        return 2;
    }
    ::execvp(argv[1], argv + 1);
    std::fprintf(stderr, "without_bpf_links: %s: %s\n", argv[1], std::strerror(errno));
    return 127;
}
