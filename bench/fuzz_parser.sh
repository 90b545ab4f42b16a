#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The packet parser's fuzzing, as before bench/fuzz.sh took a target: bench/fuzz_parser.sh [SECONDS]
exec "$(dirname "${BASH_SOURCE[0]}")/fuzz.sh" parser "$@"
