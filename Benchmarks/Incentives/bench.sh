#!/bin/sh
# Regenerates the figures of RESULTS.md: comp-bench (with the pandas reference in the same run) and
# ledger-bench, in release, with the machine's load and each run's CPU time and peak memory.
#
#     Benchmarks/Incentives/bench.sh [TRANSACTIONS=1000000] [PEOPLE=5000] [LEDGER_PER_MONTH=1000000]
#
# Instruction counts, which machine load does not change (slow: use a small instance):
#     valgrind --tool=callgrind --callgrind-out-file=/tmp/comp.callgrind \
#         .build-release/release/comp-bench --transactions 100000 --people 1000 --reference false
#     callgrind_annotate /tmp/comp.callgrind | head -40
set -eu
cd "$(dirname "$0")/../.."
transactions=${1:-1000000}
people=${2:-5000}
ledger=${3:-1000000}
scratch=${SCRATCH:-.build-release}
swift build -c release -j 1 --scratch-path "$scratch" --product comp-bench
swift build -c release -j 1 --scratch-path "$scratch" --product ledger-bench
bin="$scratch/release"
work=${WORK:-/tmp/comp-bench-$transactions}
uptime
# The first run generates the data (not timed); the second is the measured one.
[ -f "$work/data-${transactions}x${people}-seed42/splits.csv" ] || "$bin/comp-bench" --transactions "$transactions" --people "$people" --work "$work" --reference false
/usr/bin/time -f "comp-bench process: %e s wall, %U s user, %S s system, %M KB peak" \
    "$bin/comp-bench" --transactions "$transactions" --people "$people" --work "$work"
uptime
/usr/bin/time -f "ledger-bench process: %e s wall, %U s user, %S s system, %M KB peak" \
    "$bin/ledger-bench" --people "$people" --per-month "$ledger" --months 1 --work "/tmp/ledger-bench-$ledger"
uptime
