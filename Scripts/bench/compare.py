#!/usr/bin/env python3
"""Times one filter + group-by query in PlanScope and its peers, whole process, on one file.

Usage: compare.py [--data PATH] [--runs K] [--tools a,b,...] [--planscope PATH]

Query (written once per tool, in peers/ and in Sources/PlanScopeGroupBy):
    rows with period = '2013Q4', grouped by (province, measure):
    count(value), sum(value), mean(value), nulls skipped; sorted by province, measure.

Each tool runs once untimed (warm-up: page cache, Python bytecode), then K timed rounds,
round-robin with the order rotated each round so no tool always follows the same one.
Every run's output is checked against the reference (the first tool): same groups, equal
counts, sums and means within 1e-6 relative, so a wrong answer cannot look fast.
Wall time is measured around fork/exec/wait; peak RSS is ru_maxrss from wait4(2), the
largest resident set of the process (or of its largest waited-for child).
"""

import argparse
import csv
import datetime
import os
import platform
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PEERS = os.path.join(HERE, "peers")
DEFAULT_DATA = os.path.join(HERE, "data", "progress_1m.csv")
DEFAULT_PLANSCOPE = os.path.join(HERE, ".build-bench", "release", "planscope-groupby")
DEFAULT_PLANSCOPE_CLI = os.path.join(HERE, "..", "..", ".build", "release", "planscope")
ALL_TOOLS = ("planscope", "duckdb", "polars", "pandas", "sqlite3", "miller", "lua5.4")
# The Lua API's peers (issue: scripts over the workbench): the same query as a PlanScope
# Lua script, its filter as a Lua predicate or as a declarative where{}, and plain Lua
# holding every row as a Lua table first. Not in the default list; name them with --tools.
LUA_TOOLS = ("planscope-lua", "planscope-where", "lua5.4-rows")
# The engine's CSV reader cuts a large input into one chunk per core: these read it as one
# chunk, or pinned to one core (taskset -c 0) with the default chunks or one. Name them
# with --tools to see what reading on both cores gains.
CHUNK_TOOLS = ("planscope-1chunk", "planscope-pinned", "planscope-pinned-1chunk")
TOLERANCE = 1e-6


class Peer:
    """One tool's command line, with optional files for its standard input and output."""

    def __init__(self, name, argv, stdin_path=None, stdout_to_result=False):
        self.name = name
        self.argv = argv
        self.stdin_path = stdin_path
        self.stdout_to_result = stdout_to_result


def fill(template_path, source, destination, work):
    """Writes a copy of a peer's script with {input} and {output} replaced; returns its path."""
    with open(template_path, encoding="utf-8") as template:
        text = template.read().replace("{input}", source).replace("{output}", destination)
    filled = os.path.join(work, os.path.basename(template_path))
    with open(filled, "w", encoding="utf-8") as out:
        out.write(text)
    return filled


def peers(names, source, results, planscope, planscope_cli=DEFAULT_PLANSCOPE_CLI):
    """Builds the command line of each named tool; each writes results/<tool>.csv."""
    def result(name):
        return os.path.join(results, name + ".csv")

    built = {}
    for name in names:
        out = result(name)
        if name == "planscope":
            built[name] = Peer(name, [planscope, source, out])
        elif name in CHUNK_TOOLS:
            pinned = ["taskset", "-c", "0"] if "pinned" in name else []
            chunks = ["1"] if name.endswith("1chunk") else []
            built[name] = Peer(name, pinned + [planscope, source, out] + chunks)
        elif name == "duckdb":
            with open(fill(os.path.join(PEERS, "groupby.duckdb.sql"), source, out, results)) as f:
                built[name] = Peer(name, ["duckdb", "-c", f.read()])
        elif name == "polars":
            script = os.path.join(PEERS, "groupby_polars.py")
            built[name] = Peer(name, ["python3", script, source, out])
        elif name == "pandas":
            script = os.path.join(PEERS, "groupby_pandas.py")
            built[name] = Peer(name, ["python3", script, source, out])
        elif name == "sqlite3":
            script = fill(os.path.join(PEERS, "groupby.sqlite.sql"), source, out, results)
            built[name] = Peer(name, ["sqlite3", ":memory:"], stdin_path=script)
        elif name == "miller":
            built[name] = Peer(name, ["mlr", "-s", os.path.join(PEERS, "groupby.mlr"), source],
                               stdout_to_result=True)
        elif name == "lua5.4":
            built[name] = Peer(name, ["lua5.4", os.path.join(PEERS, "groupby.lua"), source, out])
        elif name in ("planscope-lua", "planscope-where"):
            # read_csv and write may only touch files under the working directory (HERE).
            mode = ["declarative"] if name == "planscope-where" else []
            built[name] = Peer(name, [planscope_cli, "run", os.path.join(PEERS, "groupby_planscope.lua"),
                                      os.path.relpath(source, HERE), os.path.relpath(out, HERE)] + mode)
        elif name == "lua5.4-rows":
            built[name] = Peer(name, ["lua5.4", os.path.join(PEERS, "groupby_rows.lua"), source, out])
        else:
            sys.exit("compare.py: unknown tool '%s' (expected one of %s)"
                     % (name, ", ".join(ALL_TOOLS + LUA_TOOLS + CHUNK_TOOLS)))
    return built


def run(peer, results):
    """Runs a peer once; returns (wall seconds, peak RSS in MiB). Exits if the tool fails."""
    out_path = os.path.join(results, peer.name + ".csv")
    if os.path.exists(out_path):
        os.remove(out_path)  # a stale result must never pass the check
    stdin = open(peer.stdin_path, "rb") if peer.stdin_path else subprocess.DEVNULL
    stdout = open(out_path, "wb") if peer.stdout_to_result else subprocess.DEVNULL
    stderr_path = os.path.join(results, peer.name + ".stderr")
    with open(stderr_path, "wb") as stderr:
        start = time.perf_counter()
        process = subprocess.Popen(peer.argv, stdin=stdin, stdout=stdout, stderr=stderr, cwd=HERE)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    for handle in (stdin, stdout):
        if handle is not subprocess.DEVNULL:
            handle.close()
    if process.returncode != 0:
        with open(stderr_path, encoding="utf-8", errors="replace") as err:
            sys.exit("compare.py: '%s' exited with %d:\n%s"
                     % (peer.name, process.returncode, err.read()))
    return wall, usage.ru_maxrss / 1024.0  # Linux reports ru_maxrss in KiB


def load(path):
    """Reads a result CSV into {(province, measure): (count, sum, mean)}."""
    groups = {}
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        if header != ["province", "measure", "count", "sum", "mean"]:
            raise ValueError("header is %s" % header)
        for row in reader:
            province, measure, count, total, mean = row
            key = (province, int(measure))
            if key in groups:
                raise ValueError("group %s twice" % (key,))
            groups[key] = (int(count), float(total or 0), float(mean) if mean else None)
    return groups


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b), 1e-300)


def disagreement(expected, actual):
    """Returns why two results differ, or None when they agree."""
    if expected.keys() != actual.keys():
        missing = sorted(expected.keys() - actual.keys())[:3]
        extra = sorted(actual.keys() - expected.keys())[:3]
        return "groups differ: missing %s, unexpected %s" % (missing, extra)
    for key in sorted(expected):
        (count_e, sum_e, mean_e), (count_a, sum_a, mean_a) = expected[key], actual[key]
        if count_e != count_a or not close(sum_e, sum_a) or not close(mean_e, mean_a):
            return "group %s: expected %s, found %s" % (key, expected[key], actual[key])
    return None


def check(peer, results, reference):
    path = os.path.join(results, peer.name + ".csv")
    try:
        groups = load(path)
    except (OSError, ValueError) as error:
        sys.exit("compare.py: '%s' wrote no readable result: %s" % (peer.name, error))
    if reference is not None:
        reason = disagreement(reference[1], groups)
        if reason:
            sys.exit("compare.py: '%s' disagrees with '%s': %s" % (peer.name, reference[0], reason))
    return groups


def refuse_debug_planscope(path):
    """Exits unless the PlanScope peer is a release build, as STYLE section 7 requires."""
    if not os.access(path, os.X_OK):
        sys.exit("compare.py: no PlanScope peer at '%s'; build it with\n"
                 "  cd Scripts/bench && swift build -c release --scratch-path "
                 "\"$PWD/.build-bench\"\nor leave it out with --tools" % path)
    probe = subprocess.run([path, "--build-configuration"], capture_output=True, text=True)
    configuration = probe.stdout.strip()
    if probe.returncode != 0 or configuration != "release":
        sys.exit("compare.py: refusing to time '%s': expected a release build, found '%s'"
                 % (path, configuration or probe.stderr.strip()))


def refuse_debug_cli(path):
    """Exits unless the planscope command comes from a release build folder."""
    if not os.access(path, os.X_OK):
        sys.exit("compare.py: no planscope command at '%s'; build it with\n"
                 "  swift build -c release   (in the repository root)" % path)
    folder = os.path.basename(os.path.dirname(os.path.realpath(path)))
    if folder != "release":
        sys.exit("compare.py: refusing to time '%s': it is not in a release build folder" % path)


VERSION_COMMANDS = {
    "duckdb": ["duckdb", "--version"],
    "polars": ["python3", "-c", "import polars; print(polars.__version__)"],
    "pandas": ["python3", "-c", "import pandas; print(pandas.__version__)"],
    "sqlite3": ["sqlite3", "--version"],
    "miller": ["mlr", "--version"],
    "lua5.4": ["lua5.4", "-v"],
}


def versions(names):
    """One 'tool version' item per peer, untimed, for the report."""
    items = []
    for name in names:
        if name not in VERSION_COMMANDS:
            continue
        probe = subprocess.run(VERSION_COMMANDS[name], capture_output=True, text=True)
        words = (probe.stdout or probe.stderr).split()
        # Each tool's first version-like word: 'v1.5.6', '3.40.1', 'mlr 6.6.0', 'Lua 5.4.4'.
        version = next((w for w in words if w.lstrip("v")[:1].isdigit()), "?")
        items.append("%s %s" % (name, version))
    return ", ".join(items)


def machine():
    model = platform.processor() or "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return "%d cores (nproc), %s, %s" % (os.cpu_count(), model, platform.platform())


def table(names, timings, baseline):
    """Renders the Markdown table; ratios are medians over the baseline's medians."""
    base_wall = statistics.median(t[0] for t in timings[baseline])
    base_rss = statistics.median(t[1] for t in timings[baseline])
    lines = [
        "| tool | median wall s | min wall s | wall ÷ %s | median peak RSS MB | RSS ÷ %s |"
        % (baseline, baseline),
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name in names:
        walls = [t[0] for t in timings[name]]
        rss = statistics.median(t[1] for t in timings[name])
        wall = statistics.median(walls)
        lines.append("| %s | %.3f | %.3f | %.2f | %.0f | %.2f |"
                     % (name, wall, min(walls), wall / base_wall, rss, rss / base_rss))
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=DEFAULT_DATA)
    parser.add_argument("--runs", type=int, default=5, help="timed runs per tool (default 5)")
    parser.add_argument("--tools", default=",".join(ALL_TOOLS))
    parser.add_argument("--planscope", default=DEFAULT_PLANSCOPE)
    parser.add_argument("--planscope-cli", default=DEFAULT_PLANSCOPE_CLI,
                        help="the planscope command, for the Lua peers (a release build)")
    parser.add_argument("--results", default=os.path.join(HERE, "results"))
    args = parser.parse_args()

    names = [n.strip() for n in args.tools.split(",") if n.strip()]
    if args.runs < 1 or not names:
        sys.exit("compare.py: expected at least one run and one tool")
    if not os.path.isfile(args.data):
        sys.exit("compare.py: no input at '%s'; run generate.py first" % args.data)
    if "planscope" in names or any(name in CHUNK_TOOLS for name in names):
        refuse_debug_planscope(args.planscope)
    if any(name in LUA_TOOLS for name in names):
        refuse_debug_cli(args.planscope_cli)
    source = os.path.abspath(args.data)
    os.makedirs(args.results, exist_ok=True)
    tools = peers(names, source, os.path.abspath(args.results), os.path.abspath(args.planscope),
                  os.path.abspath(args.planscope_cli))

    reference = None
    for name in names:  # warm-up, and the first agreement check
        run(tools[name], args.results)
        groups = check(tools[name], args.results, reference)
        if reference is None:
            reference = (name, groups)
    timings = {name: [] for name in names}
    for round_index in range(args.runs):
        shift = round_index % len(names)
        for name in names[shift:] + names[:shift]:
            timings[name].append(run(tools[name], args.results))
            check(tools[name], args.results, reference)
        print("round %d of %d done" % (round_index + 1, args.runs), file=sys.stderr)

    baseline = "planscope" if "planscope" in names else names[0]
    size = os.path.getsize(source)
    print("Input: %s (%.1f MB), %d groups; %d timed runs per tool after one warm-up, round-robin."
          % (os.path.basename(source), size / 1e6, len(reference[1]), args.runs))
    print("Machine: %s. Date: %s UTC." % (machine(), datetime.datetime.now(datetime.timezone.utc)
                                          .strftime("%Y-%m-%d %H:%M")))
    print("Versions: %s." % versions(names))
    print("All tools agreed with '%s' on every run (counts equal, sum and mean within %g relative)."
          % (reference[0], TOLERANCE))
    print()
    print(table(names, timings, baseline))


if __name__ == "__main__":
    main()
