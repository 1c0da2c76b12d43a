#!/usr/bin/env bash
# Two builds of the bench app side by side (issue 23): in every round, first with the runtime's default
# thread-pool spinning and then with DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0, the floor (echo), the
# default SQLite store and recovery off of the OLD and the NEW build, in turn, through floor.sh. A shared
# machine's background load thus falls on all of them alike; compare-report.js prints the medians and
# their ratios to the floor of the same spin setting.
#
#   bench/compare.sh OLD_BENCHAPP_DLL NEW_BENCHAPP_DLL RAW_DIR
# Environment: ROUNDS (default 3), LOAD_VIEWS (default 1000), LOAD_SECONDS (default 20), PORT (default 5080),
# ECHO_DLL and LOADGEN as floor.sh (both from this tree's Release build by default).
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
OLD="${1:?usage: compare.sh OLD_DLL NEW_DLL RAW_DIR}"; NEW="${2:?usage: compare.sh OLD_DLL NEW_DLL RAW_DIR}"; RAW="${3:?usage: compare.sh OLD_DLL NEW_DLL RAW_DIR}"
COMPARE_ROUNDS="${ROUNDS:-3}"
export LOAD_VIEWS="${LOAD_VIEWS:-1000}" LOAD_SECONDS="${LOAD_SECONDS:-20}" MEM_VIEWS=" " DISK_VIEWS="" ROUNDS=1
for round in $(seq 1 "$COMPARE_ROUNDS"); do
  for spin in spin nospin; do
    if [ "$spin" = nospin ]; then export SPIN_FREE=1; else export SPIN_FREE=0; fi
    VARIANTS=floor bash "$HERE/floor.sh" "$RAW/$spin/floor-r$round"
    for variant in default off; do
      VARIANTS="$variant" REKINDLE_DLL="$OLD" bash "$HERE/floor.sh" "$RAW/$spin/old-r$round"
      VARIANTS="$variant" REKINDLE_DLL="$NEW" bash "$HERE/floor.sh" "$RAW/$spin/new-r$round"
    done
  done
done
node "$HERE/compare-report.js" "$RAW"
