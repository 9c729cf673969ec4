#!/usr/bin/env bash
# Runs the test suite under the address sanitizer (with LeakSanitizer) and the thread
# sanitizer, each in its own scratch folder so the normal .build stays untouched
# (docs/hardening.md, "Sanitizers").
#
#   Scripts/hardening/sanitizers.sh [address|thread|all] [--bounded]
#
# address: swift test --sanitize=address in .build-asan, leaks checked at exit.
# thread:  swift test --sanitize=thread in .build-tsan.
# all (the default) runs both, address first. --bounded runs only the LuaKitTests and
# TabularTests suites (this includes LeakTests' 10,000 scripts), which is what CI runs.
# Tests that spawn the planscope binary run the sanitized binary, so its leaks count too.
# Leak suppressions live in lsan-suppressions.txt beside this script; tests skipped under one
# sanitizer are listed below with the reason.
# Extra `swift test` flags can be passed in SANITIZER_TEST_FLAGS. Exits non-zero when a
# build fails, a test fails or a sanitizer reports an error.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
which="${1:-all}"
bounded=no
if [[ "${2:-}" == --bounded ]]; then
    bounded=yes
elif [[ -n "${2:-}" ]]; then
    echo "sanitizers.sh: expected '--bounded' or nothing after the sanitizer, found '$2'" >&2
    exit 2
fi
case "$which" in
    address) selected=(address) ;;
    thread) selected=(thread) ;;
    all) selected=(address thread) ;;
    *)
        echo "sanitizers.sh: expected address, thread or all, found '$which'" >&2
        exit 2
        ;;
esac

# Tests that cannot hold under one sanitizer, with why (regular expressions for --skip).
# Skips are per sanitizer only, and the tests themselves are never weakened.
address_skips=()
# The thread sanitizer defers a signal handler until the thread next enters an intercepted
# call; a Lua loop in the (uninstrumented) system liblua never does, so SIGINT is never seen
# and the runner kills the child (exit 9 instead of 130). The hostile corpus bounds a
# backstopped run (1.5 s) at 3 s of wall clock, which TSan's process start-up overruns.
thread_skips=(
    'RunCommandTests/interrupt\(\)'
    'ReplTests/interrupt\(\)'
    'HostileCorpusTests/hostile\(name:\)'
)

export SWIFT_BACKTRACE=enable=no
# halt_on_error makes the first report fail the run instead of scrolling past. LeakSanitizer
# runs at exit of the test process and of every planscope child (exit 23 on a leak); its
# suppressions name only leaks inside the toolchain's libraries (see the file). The quarantine
# of freed memory is cut from 256 MB to 16 MB because LeakTests bounds resident growth over
# 9,000 scripts at 64 MB, and a full default quarantine alone reads as 140 MB of growth.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:halt_on_error=1:quarantine_size_mb=16}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$root/Scripts/hardening/lsan-suppressions.txt:print_suppressions=0}"
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1}"

cd "$root"
status=0
for sanitizer in "${selected[@]}"; do
    case "$sanitizer" in
        address) scratch="$root/.build-asan"; skips=("${address_skips[@]}") ;;
        thread) scratch="$root/.build-tsan"; skips=("${thread_skips[@]}") ;;
    esac
    flags=(--sanitize="$sanitizer" --scratch-path "$scratch")
    if [[ "$bounded" == yes ]]; then flags+=(--filter "LuaKitTests|TabularTests"); fi
    for skip in "${skips[@]}"; do flags+=(--skip "$skip"); done
    echo "== $sanitizer: swift test ${flags[*]} ${SANITIZER_TEST_FLAGS:-}: $(date -u +%FT%TZ)"
    start=$SECONDS
    set +e
    swift test "${flags[@]}" ${SANITIZER_TEST_FLAGS:-}
    code=$?
    set -e
    echo "== $sanitizer: exit $code after $((SECONDS - start)) s: $(date -u +%FT%TZ)"
    if [[ "$code" -ne 0 ]]; then status=1; fi
done
exit "$status"
