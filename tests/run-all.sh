#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds pathwalk twice (normal, and with AddressSanitizer + UndefinedBehaviorSanitizer) and runs
# every test in both builds: criterion unit tests, command-line tests, the bad-input corpus, the
# bundled case library with coverage, and the tmux end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPATHWALK_WERROR=ON
cmake --build build -j"$jobs"
ctest --test-dir build -j"$jobs" --output-on-failure
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DPATHWALK_SANITIZE=ON -DPATHWALK_WERROR=ON
cmake --build build-asan -j"$jobs"
ctest --test-dir build-asan -j"$jobs" --output-on-failure
