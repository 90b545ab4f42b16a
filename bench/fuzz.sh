#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fuzzes one of our parsers of hostile input with libFuzzer for SECONDS (default 60) and prints
# libFuzzer's figures (runs, runs/s, corpus, coverage). Usage: bench/fuzz.sh TARGET [SECONDS]
#   parser    the packet parser (tests/fuzz/packet_parser_fuzzer.cpp)
#   requests  what a peer sends over netmond's socket: request lines and the decoders the
#             service runs on them, replies and the decoders a client runs
#             (tests/fuzz/service_request_fuzzer.cpp)
# Builds with clang -fsanitize=fuzzer,address,undefined into $NETMON_FUZZ_DIR/TARGET (default
# build/fuzz, outside the sources), seeds from the committed corpus tests/data/TARGET_corpus/
# (copied: new inputs stay in the build folder). Exits non-zero on any crash, leak or sanitizer
# report; 77 (skipped) when clang or libFuzzer is missing (Debian: clang-14 libclang-rt-14-dev,
# installed by scripts/setup-deps.sh).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="${1:?usage: bench/fuzz.sh parser|requests [SECONDS]}"
seconds="${2:-60}"
out="${NETMON_FUZZ_DIR:-$root/build/fuzz}/$target"

case "$target" in
parser)
    sources=(
        src/capture/link_layer.cpp src/capture/ipv4_header.cpp src/capture/ipv6_header.cpp
        src/capture/transport_header.cpp src/capture/fragment_tracker.cpp
        src/capture/packet_parser.cpp src/core/model/ip_address.cpp
        tests/fuzz/packet_parser_fuzzer.cpp
    )
    max_len=512
    ;;
requests)
    sources=(src/protocol/messages.cpp src/protocol/message_text.cpp src/protocol/json_values.cpp
             src/protocol/field_reader.cpp src/protocol/document_reader.cpp
             src/protocol/interface_codec.cpp src/protocol/flow_codec.cpp
             src/protocol/totals_codec.cpp src/protocol/snapshot_codec.cpp
             src/protocol/history_codec.cpp src/protocol/json_views.cpp src/core/config.cpp
             src/core/model/flow_key.cpp src/core/model/flow_stat.cpp src/core/model/interface_stat.cpp src/core/model/ip_address.cpp src/core/model/snapshot.cpp
             src/core/utf8_text.cpp src/core/visible_text.cpp src/core/time_text.cpp
             src/storage/history_types.cpp tests/fuzz/service_request_fuzzer.cpp)
    max_len=4096
    ;;
*)
    echo "fuzz: unknown target $target (parser or requests)"
    exit 2
    ;;
esac

clang=""
for candidate in clang++ clang++-14 clang++-15 clang++-16; do
    if command -v "$candidate" >/dev/null 2>&1; then
        clang="$candidate"
        break
    fi
done
if [ -z "$clang" ]; then
    echo "fuzz $target: skipped: clang++ not found (apt-get install clang)"
    exit 77
fi
mkdir -p "$out"
probe="$out/probe.cpp"
printf 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }\n' >"$probe"
if ! "$clang" -fsanitize=fuzzer "$probe" -o "$out/probe" >/dev/null 2>&1; then
    echo "fuzz $target: skipped: $clang cannot link libFuzzer (apt-get install libclang-rt-14-dev)"
    exit 77
fi

binary="$out/${target}_fuzzer"
echo "fuzz $target: building $binary with $clang"
(cd "$root" && "$clang" -std=c++20 -g -O1 -fno-omit-frame-pointer \
    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
    -I src -I tests "${sources[@]}" -o "$binary")

corpus="$out/corpus"
mkdir -p "$corpus" "$out/artifacts"
cp "$root"/tests/data/"$target"_corpus/* "$corpus/"
echo "fuzz $target: fuzzing for ${seconds}s from $(ls "$root"/tests/data/"$target"_corpus | wc -l) seeds"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
"$binary" -max_total_time="$seconds" -print_final_stats=1 -max_len="$max_len" -timeout=10 \
    -artifact_prefix="$out/artifacts/" "$corpus" 2>"$out/fuzz.log" || {
    status=$?
    tail -n 40 "$out/fuzz.log"
    echo "fuzz $target: FAILED (exit $status); the crashing input is in $out/artifacts/"
    exit 1
}
grep -E '^(#[0-9]+\s+DONE|stat::)' "$out/fuzz.log" || tail -n 5 "$out/fuzz.log"
echo "fuzz $target: no crash in ${seconds}s; corpus now $(ls "$corpus" | wc -l) inputs"
