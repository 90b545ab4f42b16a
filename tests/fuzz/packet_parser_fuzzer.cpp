// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the packet parser (built by bench/fuzz_parser.sh with clang,
// -fsanitize=fuzzer,address,undefined). Input format: tests/unit/capture/parser_fuzz_input.h.
// Besides "no crash, no read past the buffer", it checks what the flow table relies on.
#include <cstddef>
#include <cstdint>

#include "capture/packet_parser.h"
#include "unit/capture/parser_fuzz_input.h"

namespace {

using netmon::Protocol;
using namespace netmon::capture;

void check(bool condition) {
    if (!condition) {
        __builtin_trap();
    }
}

void checkPacket(const ParsedPacket& packet, const test::FuzzInput& input) {
    if (packet.status != ParseStatus::Ok) {
        return;
    }
    check(packet.source.isV4() || packet.source.isV6());
    check(packet.source.family() == packet.destination.family());
    if (packet.protocol != Protocol::Tcp && packet.protocol != Protocol::Udp) {
        check(packet.sourcePort == 0 && packet.destinationPort == 0);
    }
    // Only cooked headers change the length, by at most their own size.
    if (input.linkType != LinkType::LinuxSll && input.linkType != LinkType::LinuxSll2) {
        check(packet.wireLength == input.wireLength);
    } else {
        check(packet.wireLength + 20 >= input.wireLength);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const test::FuzzInput input = test::decodeFuzzInput(data, size);
    // A small fragment memory, fed twice, so a first fragment's ports are found again and
    // the bounded map wraps.
    PacketParser parser(input.linkType, 2);
    for (int pass = 0; pass < 2; ++pass) {
        checkPacket(parser.parse(input.captured, input.wireLength), input);
    }
    return 0;
}
