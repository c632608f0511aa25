#!/usr/bin/env bash
# Fuzzes with cargo-fuzz for SECONDS (default 600), seeded with every plan fixture:
#   scripts/fuzz.sh [SECONDS]          the plan reader (fuzz/fuzz_targets/read_plan.rs)
#   scripts/fuzz.sh SECONDS TARGET     another target: exports (fuzz/fuzz_targets/exports.rs: any
#                                      plan the reader accepts exports to YAML that parses) or
#                                      read_history (fuzz/fuzz_targets/read_history.rs: any history
#                                      file is read, packed and replayed without a panic), seeded
#                                      with the history corpus
# Needs nightly Rust; installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${1:-600}"
TARGET="${2:-read_plan}"
rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
cargo +nightly fuzz --version >/dev/null 2>&1 || cargo +nightly install cargo-fuzz --locked
mkdir -p "fuzz/corpus/$TARGET"
# New inputs go to the first folder; the fixtures only seed it.
if [ "$TARGET" = read_history ]; then SEEDS=(tests/fixtures/history-bad); else SEEDS=(tests/fixtures/v1 tests/fixtures/v4 tests/fixtures/bad); fi
cargo +nightly fuzz run "$TARGET" "fuzz/corpus/$TARGET" "${SEEDS[@]}" -- \
  -max_total_time="$SECONDS_TO_RUN" -max_len=131072 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1
