#!/usr/bin/env bash
# Builds the libFuzzer targets in Tests/Fuzz (address sanitizer on) and runs one, or each in
# turn, for a bounded time, then prints the number of executions (docs/hardening.md).
#
#   Scripts/hardening/fuzz.sh [TARGET] [SECONDS]
#
# TARGET is FuzzCSV, FuzzManifest, FuzzLua, FuzzRender or all (the default); SECONDS is each
# run's -max_total_time (default 60). Seeds come from Tests/Fuzz/corpus/<TARGET> (and tokens
# from Tests/Fuzz/dict/<TARGET>.dict when there is one); inputs the
# fuzzer adds go to Tests/Fuzz/.build-fuzz/corpus/<TARGET> and crashes to
# Tests/Fuzz/.build-fuzz/artifacts/<TARGET>/, so the checked-in seeds stay as they are.
# Leaks in the toolchain listed in Tests/Fuzz/lsan.supp are not reported. Extra libFuzzer flags
# can be passed in FUZZ_FLAGS. Exits non-zero when a run finds a crash.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
fuzz_dir="$root/Tests/Fuzz"
scratch="$fuzz_dir/.build-fuzz"
targets=(FuzzCSV FuzzManifest FuzzLua FuzzRender)
target="${1:-all}"
seconds="${2:-60}"

if [[ "$target" == all ]]; then
    selected=("${targets[@]}")
elif [[ " ${targets[*]} " == *" $target "* ]]; then
    selected=("$target")
else
    echo "fuzz.sh: expected a target among ${targets[*]} or all, found '$target'" >&2
    exit 2
fi
if ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then
    echo "fuzz.sh: expected a positive number of seconds, found '$seconds'" >&2
    exit 2
fi

(cd "$fuzz_dir" && swift build -c release --scratch-path "$scratch" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
bin="$(cd "$fuzz_dir" && swift build -c release --scratch-path "$scratch" --show-bin-path)"

export SWIFT_BACKTRACE=enable=no
export LSAN_OPTIONS="suppressions=$fuzz_dir/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
status=0
for name in "${selected[@]}"; do
    corpus="$scratch/corpus/$name"
    artifacts="$scratch/artifacts/$name"
    mkdir -p "$corpus" "$artifacts"
    dict=()
    if [[ -f "$fuzz_dir/dict/$name.dict" ]]; then dict=(-dict="$fuzz_dir/dict/$name.dict"); fi
    echo "== $name for ${seconds}s: $(date -u +%FT%TZ)"
    # A unit over 10 s is a hang worth reporting: Lua runs stop at 0.2 s, everything else is tiny.
    set +e
    "$bin/$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$artifacts/" ${dict[@]+"${dict[@]}"} ${FUZZ_FLAGS:-} "$corpus" "$fuzz_dir/corpus/$name" 2>&1 |
        tee "$scratch/$name.log"
    code=${PIPESTATUS[0]}
    set -e
    executions="$(grep -o 'stat::number_of_executed_units: [0-9]*' "$scratch/$name.log" | tail -1 | grep -o '[0-9]*$' || true)"
    echo "== $name: exit $code, ${executions:-unknown} executions, $(date -u +%FT%TZ)"
    if [[ "$code" -ne 0 ]]; then status=1; fi
done
exit "$status"
