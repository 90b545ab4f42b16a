// SPDX-License-Identifier: GPL-3.0-or-later
// The loader written into our tc filters' names: read back exactly, and nothing else (another
// program's filter, an older netmon's "<program>:[<id>]", a forged or truncated name) is taken
// for one of ours.
#include <gtest/gtest.h>

#include "capture/ebpf/loader_identity.h"

namespace netmon::capture {
namespace {

TEST(LoaderIdentity, ANameReadsBackAsItsLoader) {
    const LoaderIdentity loader{4026531836, 4242, 1234567, 3};
    const std::string name = filterName("netmon_in_eth", loader);
    EXPECT_EQ(name, "netmon_in_eth:pid=4242,start=1234567,pidns=4026531836,instance=3");
    EXPECT_EQ(loaderOfFilterName(name), loader);
}

TEST(LoaderIdentity, UnknownPartsStayZero) {
    const LoaderIdentity loader{0, 77, 0, 1};
    EXPECT_EQ(loaderOfFilterName(filterName("netmon_out_ip", loader)), loader);
}

TEST(LoaderIdentity, LargestValuesFit) {
    const LoaderIdentity loader{UINT64_MAX, UINT32_MAX, UINT64_MAX, UINT64_MAX};
    EXPECT_EQ(loaderOfFilterName(filterName("netmon_in_ip", loader)), loader);
}

TEST(LoaderIdentity, OtherNamesAreNotOurs) {
    for (const char* name : {
             "",
             "netmon_in_eth:[901]",  // libbpf's name: an older netmon's filter
             "cilium_ingress:pid=1,start=2,pidns=3,instance=4",
             "netmon_:pid=1,start=2,pidns=3,instance=4",
             "netmon_in eth:pid=1,start=2,pidns=3,instance=4",
             "netmon_in_eth:pid=0,start=2,pidns=3,instance=4",  // no process has pid 0
             "netmon_in_eth:pid=1,start=2,pidns=3",
             "netmon_in_eth:pid=1,start=2,pidns=3,instance=4,",
             "netmon_in_eth:pid=1,start=2,pidns=3,instance=4x",
             "netmon_in_eth:pid=-1,start=2,pidns=3,instance=4",
             "netmon_in_eth:pid=+1,start=2,pidns=3,instance=4",
             "netmon_in_eth:pid=01,start=2,pidns=3,instance=4",
             "netmon_in_eth:pid=4294967296,start=2,pidns=3,instance=4",  // beyond 32 bits
             "netmon_in_eth:start=2,pid=1,pidns=3,instance=4",
             "netmon_in_eth:pid=1,start=18446744073709551616,pidns=3,instance=4",
             "netmon_in_eth:pid=,start=2,pidns=3,instance=4",
             "netmon_in_eth:pid",
         }) {
        EXPECT_FALSE(loaderOfFilterName(name)) << name;
    }
}

}  // namespace
}  // namespace netmon::capture
