#!/usr/bin/env python3
"""corolint's benchmark: the checks' cost against the parse floor and against
clang-tidy's own checks. See docs/performance.md.

    python3 bench/run.py            # full: 5 runs per measurement, callgrind
    python3 bench/run.py --quick    # 1 run, no callgrind (about 2 minutes)
    python3 bench/run.py --whole-program  # the summaries, cross-TU pass, merge

It builds corolint (scripts/build.sh), generates the synthetic corpus and the
compilation databases under <build>/bench/, measures, prints a Markdown report
and writes it to <build>/bench/results.md (raw numbers: results.json).
"""

import argparse
import concurrent.futures
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"

CLANGXX = "clang++-22"
CLANG_TIDY = "clang-tidy-22"
RUN_CLANG_TIDY = "run-clang-tidy-22"
ASIO_FLAGS = ["-DASIO_HAS_CO_AWAIT=1", "-DASIO_HAS_STD_COROUTINE=1"]

# The clang-tidy configurations. 'none' (no check but the callgrind probe)
# exists only under callgrind; 'coro' is the only one that loads the plugin.
CHECKS = {
    "none": "-*",
    "trivial": "-*,readability-braces-around-statements",
    "coro": "-*,coro-*",
    "anchors": "-*,misc-coroutine-hostile-raii,cppcoreguidelines-no-suspend-with-lock",
}

# The synthetic corpus: 1x is SYN_COROUTINES coroutines of SYN_BLOCKS blocks;
# the count series doubles the coroutines, the length series the blocks.
SYN_COROUTINES = 500
SYN_BLOCKS = 1
SYN_DEPTH = 6
SCALING = [  # (name, coroutine factor, length factor)
    ("count-1x", 1, 1), ("count-2x", 2, 1), ("count-4x", 4, 1),
    ("length-2x", 1, 2), ("length-4x", 1, 4),
]


@dataclass
class TU:
    name: str
    path: Path
    flags: list
    kind: str

    def compile_args(self):
        return [CLANGXX, "-std=c++20", *self.flags]


CORPUS = [
    TU("asio_chat_server", BENCH / "corpus/asio_chat_server.cpp", ASIO_FLAGS, "Asio"),
    TU("asio_job_pipeline", BENCH / "corpus/asio_job_pipeline.cpp", ASIO_FLAGS, "Asio"),
    TU("boost_http_gateway", BENCH / "corpus/boost_http_gateway.cpp", [], "Boost.Asio"),
    TU("template_coroutines", BENCH / "corpus/template_coroutines.cpp", [], "templates"),
]


STARTED = time.perf_counter()


def log(*args):
    print(f"[{(time.perf_counter() - STARTED) / 60:4.1f} min]", *args,
          file=sys.stderr, flush=True)


def fail(message):
    log("bench: error: " + message)
    sys.exit(2)


# --- Running and timing ------------------------------------------------------

@dataclass
class Sample:
    wall: float
    cpu: float  # user + sys of the child


def run_timed(cmd, cwd=ROOT, ok=(0,)):
    """Runs cmd with its output discarded; returns its wall and CPU time."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in ok:
            err.seek(0)
            tail = err.read().decode(errors="replace")[-3000:]
            fail(f"{' '.join(map(str, cmd))} exited with {proc.returncode}:\n{tail}")
    return Sample(wall, usage.ru_utime + usage.ru_stime)


def median(values):
    return statistics.median(values) if values else float("nan")


def ratio(a, b):
    return a / b if b else float("nan")


# --- Setup -------------------------------------------------------------------

def build_dir():
    return (ROOT / os.environ.get("COROLINT_BUILD_DIR", "build")).resolve()


def build_corolint(build):
    log("bench: building corolint (scripts/build.sh)")
    env = dict(os.environ, COROLINT_BUILD_DIR=str(build))
    subprocess.run(["bash", str(ROOT / "scripts/build.sh")], cwd=ROOT, env=env,
                   check=True, stdout=subprocess.DEVNULL)
    plugin = build / "lib/corolint-tidy.so"
    if not plugin.exists():
        fail(f"{plugin} was not built")
    return plugin


def ensure_valgrind():
    """valgrind is a benchmark-only dependency: installed here, not in setup.sh."""
    if shutil.which("valgrind") and Path("/usr/include/valgrind/callgrind.h").exists():
        return True
    log("bench: installing valgrind (for callgrind instruction counts)")
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    try:
        subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", "--no-install-recommends",
                               "valgrind"], check=True, env=env, stdout=subprocess.DEVNULL)
    except (OSError, subprocess.CalledProcessError) as e:
        log(f"bench: could not install valgrind ({e}); skipping callgrind")
        return False
    return True


def build_probe(out):
    """The bench-probe clang-tidy plugin that marks the matching phase."""
    source = BENCH / "probe/BenchProbe.cpp"
    probe = out / "bench-probe.so"
    if probe.exists() and probe.stat().st_mtime >= source.stat().st_mtime:
        return probe
    log("bench: building bench-probe.so")
    cxxflags = subprocess.run(["llvm-config-22", "--cxxflags"], check=True,
                              capture_output=True, text=True).stdout.split()
    include = subprocess.run(["llvm-config-22", "--includedir"], check=True,
                             capture_output=True, text=True).stdout.strip()
    subprocess.run([CLANGXX, *cxxflags, f"-I{include}/clang-tidy", "-Wno-#warnings",
                    "-O2", "-fPIC", "-shared", str(source), "-o", str(probe)], check=True)
    return probe


def write_database(directory, tus):
    directory.mkdir(parents=True, exist_ok=True)
    entries = [{"directory": str(ROOT), "file": str(tu.path),
                "arguments": tu.compile_args() + ["-c", str(tu.path), "-o",
                                                  str(directory / (tu.name + ".o"))]}
               for tu in tus]
    (directory / "compile_commands.json").write_text(json.dumps(entries, indent=2) + "\n")
    return directory


def generate_synthetic(out):
    corpus = out / "synthetic"
    corpus.mkdir(parents=True, exist_ok=True)
    tus = []
    for name, count, length in SCALING:
        path = corpus / f"synthetic_{name}.cpp"
        subprocess.run([sys.executable, str(BENCH / "gen_synthetic.py"),
                        "--coroutines", str(SYN_COROUTINES * count),
                        "--blocks", str(SYN_BLOCKS * length),
                        "--depth", str(SYN_DEPTH), "-o", str(path)], check=True)
        tus.append(TU(name, path, ["-Wno-unused-value"], "synthetic"))
    return tus


# --- Commands ----------------------------------------------------------------

class Commands:
    def __init__(self, plugin, probe, database):
        self.plugin, self.probe, self.database = plugin, probe, database

    def parse(self, tu):
        return tu.compile_args() + ["-fsyntax-only", str(tu.path)]

    def tidy(self, tu, config, extra=(), probe=False):
        checks = CHECKS[config] + (",bench-probe" if probe else "")
        cmd = [CLANG_TIDY, f"-p={self.database}", f"--checks={checks}"]
        if config == "coro":
            cmd.append(f"--load={self.plugin}")
        if probe:
            cmd.append(f"--load={self.probe}")
        return cmd + list(extra) + [str(tu.path)]

    def config(self, name, tu):
        return self.parse(tu) if name == "parse" else self.tidy(tu, name)


CONFIGS = ["parse", "trivial", "coro", "anchors"]


# --- Wall and CPU time, check profiles ----------------------------------------

def read_profile(directory):
    """Per-check CPU seconds (user + sys) from --store-check-profile JSON."""
    checks = {}
    for file in Path(directory).glob("*.json"):
        for key, value in json.loads(file.read_text())["profile"].items():
            m = re.fullmatch(r"time\.clang-tidy\.(.+)\.(user|sys)", key)
            if m:
                checks[m.group(1)] = checks.get(m.group(1), 0.0) + value
    return checks


def profiled_run(cmd):
    """Runs a clang-tidy command with the check profile on; returns the
    timing and each check's CPU seconds."""
    with tempfile.TemporaryDirectory() as directory:
        sample = run_timed(cmd + ["--enable-check-profile",
                                  f"--store-check-profile={directory}"])
        return sample, read_profile(directory)


def measure_times(cmds, tus, runs):
    """Median wall and CPU time per TU and configuration. The configurations
    are interleaved within each run, so that a change of the machine's load
    hits all of them alike. Every clang-tidy run has the check profile on
    (its overhead, small on these TUs, counts against each configuration):
    each check's share of the run is the median over the runs."""
    results = {}
    for tu in tus:
        log(f"bench: timing {tu.name} ({runs} run(s) x {len(CONFIGS)} configurations)")
        samples = {c: [] for c in CONFIGS}
        shares = {c: {} for c in CONFIGS}
        for _ in range(runs):
            for c in CONFIGS:
                cmd = cmds.config(c, tu)
                if c == "parse":
                    samples[c].append(run_timed(cmd))
                    continue
                sample, profile = profiled_run(cmd)
                samples[c].append(sample)
                profile["*total*"] = sum(profile.values())
                for check, seconds in profile.items():
                    shares[c].setdefault(check, []).append(ratio(seconds, sample.cpu))
        results[tu.name] = {
            c: {"wall": median([s.wall for s in samples[c]]),
                "cpu": median([s.cpu for s in samples[c]]),
                "runs": len(samples[c]),
                "profile_share": {k: median(v) for k, v in shares[c].items()}}
            for c in CONFIGS}
    return results


# --- Callgrind ----------------------------------------------------------------

def callgrind_parts(out_file):
    """Instruction counts of a probed run: before matching, matching, after."""
    parts = {}
    for file in Path(out_file).parent.glob(Path(out_file).name + "*"):
        text = file.read_text(errors="replace")
        trigger = re.search(r"^desc: Trigger: (.*)$", text, re.M).group(1)
        total = int(re.search(r"^(?:summary|totals): (\d+)", text, re.M).group(1))
        key = ("before" if "before-matching" in trigger else
               "matching" if "matching" in trigger else "after")
        parts[key] = total
    return parts


def callgrind_run(cmds, tu, config, out_file, instrument_parse):
    for stale in Path(out_file).parent.glob(Path(out_file).name + "*"):
        stale.unlink()
    cmd = ["valgrind", "--tool=callgrind", "-q", f"--callgrind-out-file={out_file}"]
    if not instrument_parse:
        cmd.append("--instr-atstart=no")
    cmd += cmds.tidy(tu, config, probe=True)
    run_timed(cmd)
    return callgrind_parts(out_file)


class Callgrind:
    """Runs callgrind jobs in the background. Instruction counts do not depend
    on the machine's load, so one job may run beside the timing (which uses
    one core) until widen() lets `jobs` of them run at once."""

    def __init__(self, out, jobs, overlap):
        self.directory = out / "callgrind"
        self.directory.mkdir(parents=True, exist_ok=True)
        self.pool = concurrent.futures.ThreadPoolExecutor(max_workers=jobs)
        self.slots = threading.Semaphore(1 if overlap else 0)
        self.jobs, self.overlap = jobs, overlap
        self.futures = []

    def submit(self, cmds, tus, configs):
        """configs maps a configuration to whether its parse is counted too:
        that is ~4x dearer under valgrind than starting at the matching
        phase, and the parse is the same in every configuration."""
        jobs = [(tu, c) for tu in tus for c in configs]
        # The slowest (parse instrumented) go first.
        jobs.sort(key=lambda job: not configs[job[1]])
        results = {tu.name: {} for tu in tus}

        def one(tu, c):
            with self.slots:
                results[tu.name][c] = callgrind_run(
                    cmds, tu, c, self.directory / f"{tu.name}.{c}.out", configs[c])

        self.futures += [self.pool.submit(one, tu, c) for tu, c in jobs]
        return results

    def finish(self):
        """Lets all jobs run at once and waits for them."""
        pending = sum(not f.done() for f in self.futures)
        log(f"bench: callgrind, {pending} of {len(self.futures)} run(s) left, "
            f"{self.jobs} at a time")
        for _ in range(self.jobs if not self.overlap else self.jobs - 1):
            self.slots.release()
        for future in self.futures:
            future.result()
        self.pool.shutdown()


# Per configuration, whether the parse is counted. Per corpus TU, the probe
# alone ('none': parse and AST traversal, no check) is counted from the
# start, the checks from the start of matching; the scaling needs no parse.
CORPUS_CALLGRIND = {"none": True, "trivial": False, "coro": False, "anchors": False}
SCALING_CALLGRIND = {"none": False, "coro": False}


def write_startup_tu(out):
    """A TU with nothing to parse or match, in its own database: counted from
    the start in every configuration, it gives what each one's start-up
    (loading plugins, constructing and registering its checks) costs."""
    directory = out / "startup"
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "startup.cpp"
    path.write_text("int main() {}\n")
    tu = TU("startup", path, [], "startup")
    return tu, write_database(directory, [tu])


def summarize_corpus_callgrind(counts, startup):
    """Each run's total is the one parse, its own start-up difference to
    'none', and its own matching phase and teardown; a check's cost is what
    it adds to the matching phase."""
    summary = {}
    for name, parts in counts.items():
        parse = parts["none"]["before"]
        entry = {"parse": parse, "traversal": parts["none"]["matching"]}
        for c, p in parts.items():
            setup = startup[c]["before"] - startup["none"]["before"]
            entry[c + "_checks"] = p["matching"] - parts["none"]["matching"]
            entry[c + "_setup"] = setup
            entry[c + "_total"] = parse + setup + p["matching"] + p.get("after", 0)
        summary[name] = entry
    return summary


# --- Scanner ------------------------------------------------------------------

def measure_scanner(build, plugin, database, runs, jobs):
    corolint = build / "bin/corolint"
    if not corolint.exists():
        log(f"bench: {corolint} does not exist (the scanner is not built): "
            "skipping the scanner benchmark")
        return None
    cache = database / "corolint-cache"
    samples = {"run-clang-tidy": [], "corolint (cold cache)": [],
               "corolint (warm cache)": []}
    log(f"bench: scanner, {runs} run(s)")
    scan = [str(corolint), "-p", str(database), f"-j{jobs}", "--quiet",
            f"--cache-dir={cache}", f"--checks={CHECKS['coro']}"]

    def run_clang_tidy():
        samples["run-clang-tidy"].append(run_timed(
            [RUN_CLANG_TIDY, f"-j{jobs}", "-p", str(database), "-quiet",
             f"-clang-tidy-binary={shutil.which(CLANG_TIDY)}", f"-load={plugin}",
             f"-checks={CHECKS['coro']}"], ok=(0, 1)))

    def corolint_cold_then_warm():
        shutil.rmtree(cache, ignore_errors=True)
        samples["corolint (cold cache)"].append(run_timed(scan, ok=(0, 1)))
        samples["corolint (warm cache)"].append(run_timed(scan, ok=(0, 1)))

    # Alternate which scanner goes first: on a shared machine the load drifts
    # within a pair of runs, and neither should always get the quieter half.
    for run in range(runs):
        order = [run_clang_tidy, corolint_cold_then_warm]
        for measure in order if run % 2 == 0 else reversed(order):
            measure()
    return {k: {"wall": median([s.wall for s in v]), "cpu": median([s.cpu for s in v])}
            for k, v in samples.items()}


# --- Against the compiler floor (issue 18) ---------------------------------

# Real code nobody here wrote (libasio-doc, libboost1.81-doc): the C++20
# coroutine example programs of Asio and Boost.Asio.
ASIO_EXAMPLES = Path("/usr/share/doc/libasio-dev/examples/cpp17/coroutines_ts")
BOOST_EXAMPLES = Path("/usr/share/doc/libboost1.81-doc/examples/libs/asio/example/cpp20")
MANY_TUS = 24  # The synthetic many-TU project: MANY_TUS x MANY_COROUTINES.
MANY_COROUTINES = 100


def example_tus():
    tus = [TU("asio_" + f.stem, f, ASIO_FLAGS, "Asio example")
           for f in sorted(ASIO_EXAMPLES.glob("*.cpp"))]
    tus += [TU("boost_" + f.parent.name + "_" + f.stem, f, [], "Boost.Asio example")
            for sub in ("coroutines", "channels") for f in sorted((BOOST_EXAMPLES / sub).glob("*.cpp"))]
    return tus


def generate_many(out):
    corpus = out / "many"
    corpus.mkdir(parents=True, exist_ok=True)
    tus = []
    for i in range(MANY_TUS):
        path = corpus / f"unit_{i:02}.cpp"
        subprocess.run([sys.executable, str(BENCH / "gen_synthetic.py"),
                        "--coroutines", str(MANY_COROUTINES), "--blocks", "1",
                        "--depth", str(SYN_DEPTH), "-o", str(path)], check=True)
        tus.append(TU(path.stem, path, ["-Wno-unused-value"], "synthetic"))
    return tus


@dataclass
class TreeSample:
    wall: float
    cpu: float      # user + sys of every process of the run
    peak_kb: int    # the largest resident set of any one process (a worker)


def run_tree(cmd, ok=(0, 1), stderr=subprocess.DEVNULL):
    """Runs cmd; wait4 reports the CPU time of it and of every descendant it
    waited for, and the largest peak RSS among them (ru_maxrss, KiB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=stderr)
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) not in ok:
        fail(f"{' '.join(map(str, cmd))} exited with {os.waitstatus_to_exitcode(status)}")
    return TreeSample(time.perf_counter() - start, usage.ru_utime + usage.ru_stime,
                      usage.ru_maxrss)


def run_parallel(cmds, jobs):
    """The floor: every command, `jobs` at a time, like the scanners run TUs."""
    start = time.perf_counter()
    cpu, peak, running, queue = 0.0, 0, {}, list(cmds)
    while queue or running:
        while queue and len(running) < jobs:
            cmd = queue.pop(0)
            # The Popen object stays referenced until its child is reaped
            # here: one collected while its child runs is reaped by the next
            # Popen() (subprocess._cleanup), and wait4 would never see it.
            proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL)
            running[proc.pid] = (proc, cmd)
        pid, status, usage = os.wait4(-1, 0)
        if pid not in running:
            continue
        proc, cmd = running.pop(pid)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            fail(f"{' '.join(map(str, cmd))} exited with {proc.returncode}")
        cpu += usage.ru_utime + usage.ru_stime
        peak = max(peak, usage.ru_maxrss)
    return TreeSample(time.perf_counter() - start, cpu, peak)


FLOOR_CONFIGS = ["clang++ -fsyntax-only", "run-clang-tidy + plugin",
                 "corolint --skip-bodies=false", "corolint"]


def measure_floor(build, plugin, corpora, runs, jobs, done=lambda results: None):
    """Per corpus, the four configurations side by side in every run, their
    order rotated from run to run (and reversed every other run), so that a
    drift of the machine's load hits each alike."""
    corolint = build / "bin/corolint"
    results = {}
    for name, (database, tus) in corpora.items():
        log(f"bench: floor, {name}: {len(tus)} TU(s), {runs} run(s) x 4")
        parse = [tu.compile_args() + ["-fsyntax-only", str(tu.path)] for tu in tus]
        scan = [str(corolint), "-p", str(database), f"-j{jobs}", "--quiet",
                "--no-cache", f"--checks={CHECKS['coro']}"]
        measure = {
            FLOOR_CONFIGS[0]: lambda: run_parallel(parse, jobs),
            FLOOR_CONFIGS[1]: lambda: run_tree(
                [RUN_CLANG_TIDY, f"-j{jobs}", "-p", str(database), "-quiet",
                 f"-clang-tidy-binary={shutil.which(CLANG_TIDY)}", f"-load={plugin}",
                 f"-checks={CHECKS['coro']}"]),
            FLOOR_CONFIGS[2]: lambda: run_tree(scan + ["--skip-bodies=false"], ok=(0, 1, 2)),
            FLOOR_CONFIGS[3]: lambda: run_tree(scan, ok=(0, 1, 2)),
        }
        samples = {c: [] for c in FLOOR_CONFIGS}
        for run in range(runs):
            order = FLOOR_CONFIGS[run % 4:] + FLOOR_CONFIGS[:run % 4]
            for config in order if run % 2 == 0 else reversed(order):
                samples[config].append(measure[config]())
        results[name] = {c: {"wall": median([x.wall for x in v]),
                             "cpu": median([x.cpu for x in v]),
                             "peak_kb": max(x.peak_kb for x in v)}
                         for c, v in samples.items()}
        done(results)  # A long run keeps what it measured so far.
    return results


def floor_report(floor, jobs, runs):
    lines = [f"### Against the compiler floor (-j{jobs}, median of {runs} run(s), "
             "configurations alternating)", "",
             "| corpus | configuration | wall s | CPU s | CPU vs floor | "
             "peak RSS per process MiB | RSS vs floor |", "|---|---|---|---|---|---|---|"]
    for corpus, configs in floor.items():
        base = configs[FLOOR_CONFIGS[0]]
        for name, s in configs.items():
            lines.append(f"| {corpus} | {name} | {fmt_s(s['wall'])} | {fmt_s(s['cpu'])} | "
                         f"{fmt_x(ratio(s['cpu'], base['cpu']))} | {s['peak_kb'] / 1024:.0f} | "
                         f"{fmt_x(ratio(s['peak_kb'], base['peak_kb']))} |")
    return "\n".join(lines) + "\n"


# --- Whole-program analysis (issue 19) ---------------------------------------

WP_SHARDS = 4


def generate_linked(out):
    """The synthetic many-TU project again, but each unit's functions in a
    namespace of their own and unit i's coroutines calling blocking helpers
    of unit i+1: cross-TU calls the whole-program pass resolves. The callee
    whose edit the re-run measures is the second unit."""
    corpus = out / "linked"
    corpus.mkdir(parents=True, exist_ok=True)
    tus = []
    for i in range(MANY_TUS):
        path = corpus / f"unit_{i:02}.cpp"
        calls = ["--calls-into", f"unit_{i + 1:02}"] if i + 1 < MANY_TUS else []
        subprocess.run([sys.executable, str(BENCH / "gen_synthetic.py"),
                        "--coroutines", str(MANY_COROUTINES), "--blocks", "1",
                        "--depth", str(SYN_DEPTH), "--unit", path.stem, *calls,
                        "-o", str(path)], check=True)
        tus.append(TU(path.stem, path, ["-Wno-unused-value"], "synthetic"))
    return tus


def summary_of(text):
    """What the scanner's summary on stderr says: the cross-TU pass's time,
    TUs analysed and from the cache, findings."""
    def number(pattern):
        m = re.search(pattern, text, re.M)
        return float(m.group(1)) if m else float("nan")
    analysed = re.search(r"files analysed: (\d+) of (\d+) \((\d+) from cache\)", text)
    return {"cross_tu_s": number(r"cross-TU pass:\s+([0-9.]+) ms") / 1000,
            "findings": int(number(r"^  total\s+(\d+)")),
            "analysed": int(analysed.group(1)) if analysed else -1,
            "from_cache": int(analysed.group(3)) if analysed else -1}


def run_summarised(cmd, ok=(0, 1)):
    """run_tree, and what the summary on stderr says."""
    with tempfile.TemporaryFile() as err:
        sample = run_tree(cmd, ok, stderr=err)
        err.seek(0)
        return sample, summary_of(err.read().decode(errors="replace"))


def result_sizes(shard_files):
    """Per TU: the facts' size and the whole result's, as the shard result
    files hold them (compact JSON, as corolint writes it)."""
    facts, results, functions = [], [], []
    for file in shard_files:
        for unit in json.loads(Path(file).read_text())["units"]:
            result = unit["result"]
            facts.append(len(json.dumps(result["facts"], separators=(",", ":"))))
            results.append(len(json.dumps(result, separators=(",", ":"))))
            functions.append(len(result["facts"]["functions"]))
    return {"facts_bytes_mean": statistics.mean(facts), "facts_bytes_max": max(facts),
            "result_bytes_mean": statistics.mean(results),
            "functions_mean": statistics.mean(functions)}


def measure_whole_program(build, corpora, runs, jobs, work):
    """Per corpus: cold scans with and without the summaries, side by side in
    every run (order alternating); the cross-TU pass's time from the scan's
    own summary; N shards from a cache and `corolint merge` of them against
    a full scan from the same cache; the facts' size per TU; and a re-run
    after an edit of one callee TU."""
    corolint = str(build / "bin/corolint")
    results = {}
    for name, (database, tus, callee) in corpora.items():
        log(f"bench: whole program, {name}: {len(tus)} TU(s), {runs} run(s) x 2")
        scan = [corolint, "-p", str(database), f"-j{jobs}", "--progress=none",
                f"--checks={CHECKS['coro']}"]
        cold = {"with summaries": scan + ["--no-cache"],
                "without summaries": scan + ["--no-cache", "--program-facts=false"]}
        samples = {c: [] for c in cold}
        summaries = {c: [] for c in cold}
        for run in range(runs):
            order = list(cold) if run % 2 == 0 else list(reversed(cold))
            for config in order:
                sample, summary = run_summarised(cold[config])
                samples[config].append(sample)
                summaries[config].append(summary)
        entry = {c: {"wall": median([x.wall for x in v]), "cpu": median([x.cpu for x in v])}
                 for c, v in samples.items()}
        entry["cross_tu_s"] = median([x["cross_tu_s"] for x in summaries["with summaries"]])
        entry["findings"] = {c: summaries[c][0]["findings"] for c in cold}

        # Shards: a cache filled by one full scan, the shards replayed from it,
        # then their merge against the full scan from the same cache.
        folder = work / re.sub(r"\W+", "-", name)
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        cached = scan + [f"--cache-dir={folder / 'cache'}", "--format=sarif"]
        run_tree(cached + ["-o", str(folder / "fill.sarif")])
        shards = [folder / f"shard-{i}.json" for i in range(1, WP_SHARDS + 1)]
        for i, shard in enumerate(shards, 1):
            run_tree(scan + [f"--cache-dir={folder / 'cache'}",
                             f"--shard={i}/{WP_SHARDS}", "-o", str(shard)], ok=(0,))
        merge = [corolint, "merge", *map(str, shards), "--format=sarif",
                 "-o", str(folder / "merged.sarif")]
        replay = cached + ["-o", str(folder / "full.sarif")]
        merges, replays = [], []
        for run in range(runs):
            for measure, into in ([(merge, merges), (replay, replays)] if run % 2 == 0
                                  else [(replay, replays), (merge, merges)]):
                into.append(run_summarised(measure))
        entry["merge"] = {"wall": median([x.wall for x, _ in merges]),
                          "cpu": median([x.cpu for x, _ in merges]),
                          "peak_kb": max(x.peak_kb for x, _ in merges),
                          "cross_tu_s": median([y["cross_tu_s"] for _, y in merges])}
        entry["replay"] = {"wall": median([x.wall for x, _ in replays]),
                           "cpu": median([x.cpu for x, _ in replays])}
        entry["merge_identical"] = ((folder / "merged.sarif").read_bytes()
                                    == (folder / "full.sarif").read_bytes())
        entry["sizes"] = result_sizes(shards)
        entry["shard_bytes"] = sum(f.stat().st_size for f in shards)
        entry["tus"] = len(tus)

        if callee:
            original = callee.read_bytes()
            try:
                callee.write_bytes(original + b"// edited by bench/run.py\n")
                _, summary = run_summarised(cached + ["-o", str(folder / "edited.sarif")])
            finally:
                callee.write_bytes(original)
            entry["rerun"] = {"callee": callee.name,
                              "reparsed": summary["analysed"] - summary["from_cache"],
                              "from_cache": summary["from_cache"],
                              "findings": summary["findings"]}
        results[name] = entry
    return results


def whole_program_report(wp, jobs, runs):
    lines = [f"### Whole-program analysis (-j{jobs}, median of {runs} run(s), "
             "with and without summaries alternating)", "",
             "| corpus | TUs | cold scan with summaries: wall s / CPU s | without: wall s / "
             "CPU s | summaries' CPU share | cross-TU pass ms (share of the cold scan's "
             "wall) | merge of "
             f"{WP_SHARDS} shards: wall s / CPU s (share of the cold scan's) | full scan "
             "from the cache: wall s | facts per TU: mean / max bytes | result per TU "
             "(shard file) KB |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for corpus, e in wp.items():
        w, wo, m = e["with summaries"], e["without summaries"], e["merge"]
        lines.append(
            f"| {corpus} | {e['tus']} | {fmt_s(w['wall'])} / {fmt_s(w['cpu'])} | "
            f"{fmt_s(wo['wall'])} / {fmt_s(wo['cpu'])} | "
            f"{fmt_pct(ratio(w['cpu'] - wo['cpu'], w['cpu']))} | "
            f"{1000 * e['cross_tu_s']:.1f} ({fmt_pct(ratio(e['cross_tu_s'], w['wall']))}) | "
            f"{fmt_s(m['wall'])} / {fmt_s(m['cpu'])} "
            f"({fmt_pct(ratio(m['wall'], w['wall']))} / {fmt_pct(ratio(m['cpu'], w['cpu']))}) | "
            f"{fmt_s(e['replay']['wall'])} | "
            f"{e['sizes']['facts_bytes_mean']:.0f} / {e['sizes']['facts_bytes_max']} | "
            f"{e['sizes']['result_bytes_mean'] / 1024:.1f} |")
    lines.append("")
    for corpus, e in wp.items():
        lines.append(
            f"- {corpus}: findings with summaries {e['findings']['with summaries']}, "
            f"without {e['findings']['without summaries']}; the merge's report "
            f"{'is' if e['merge_identical'] else 'is NOT'} byte-identical to the full "
            f"scan's; the merge's cross-TU pass {1000 * e['merge']['cross_tu_s']:.1f} ms, "
            f"peak RSS {e['merge']['peak_kb'] / 1024:.0f} MiB; "
            f"{e['sizes']['functions_mean']:.0f} functions summarised per TU"
            + (f"; after an edit of {e['rerun']['callee']}, the re-run re-parsed "
               f"{e['rerun']['reparsed']} TU(s) ({e['rerun']['from_cache']} from the "
               f"cache, {e['rerun']['findings']} findings)" if "rerun" in e else ""))
    return "\n".join(lines) + "\n"


# --- Scaling ------------------------------------------------------------------

def measure_scaling(cmds, tus, runs):
    results = {}
    for tu in tus:
        log(f"bench: scaling {tu.name}")
        totals, checks = [], []
        for _ in range(runs):
            sample, profile = profiled_run(cmds.tidy(tu, "coro"))
            totals.append(sample.cpu)
            checks.append(sum(profile.values()))
        results[tu.name] = {"run_cpu": median(totals), "checks_cpu": median(checks),
                            "lines": sum(1 for _ in tu.path.open())}
    return results


def add_scaling_counts(scaling, counts):
    for name, parts in counts.items():
        scaling[name]["traversal_ir"] = parts["none"]["matching"]
        scaling[name]["checks_ir"] = parts["coro"]["matching"] - parts["none"]["matching"]


# --- Report -------------------------------------------------------------------

def first_line(cmd):
    try:
        out = subprocess.run(cmd, capture_output=True, text=True).stdout
        return next((l.strip() for l in out.splitlines() if l.strip()), "?")
    except OSError:
        return "not installed"


def header_version(path, macro):
    try:
        m = re.search(rf"#\s*define\s+{macro}\s+(\d+)", Path(path).read_text())
        v = int(m.group(1))
        return f"{v // 100000}.{v // 100 % 1000}.{v % 100}"
    except (OSError, AttributeError):
        return "?"


def machine_info():
    model = "?"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    commit = first_line(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"])
    return {
        "nproc": os.cpu_count(), "cpu": model, "kernel": platform.release(),
        "load_start": os.getloadavg(),
        "clang": first_line([CLANGXX, "--version"]),
        "clang_tidy": first_line([CLANG_TIDY, "--version"]),
        "valgrind": first_line(["valgrind", "--version"]),
        "asio": header_version("/usr/include/asio/version.hpp", "ASIO_VERSION"),
        "boost_asio": header_version("/usr/include/boost/asio/version.hpp",
                                     "BOOST_ASIO_VERSION"),
        "corolint": commit,
    }


def fmt_s(seconds):
    return f"{seconds:.2f}"


def fmt_x(value):
    return f"{value:.3f}×"


def fmt_pct(value):
    return f"{100 * value:.2f}%"


def fmt_g(count):
    return f"{count / 1e9:.3f} G" if count >= 1e8 else f"{count / 1e6:.1f} M"


def report(info, args, tus, times, counts, scaling, scanner, elapsed):
    lines = []
    add = lines.append
    add(f"Command: `{args.command}` (runs per measurement: {args.runs}; "
        f"elapsed {elapsed / 60:.1f} min)")
    add("")
    add(f"Machine: {info['nproc']} cores, {info['cpu']}, Linux {info['kernel']}; "
        f"load average {info['load_start'][0]:.1f} at start, "
        f"{os.getloadavg()[0]:.1f} at end (shared machine: wall times are noisy)")
    add("")
    add(f"Versions: {info['clang']}; clang-tidy-22: {info['clang_tidy']}; "
        f"{info['valgrind']}; Asio {info['asio']}; Boost.Asio {info['boost_asio']}; "
        f"corolint {info['corolint']}")
    add("")
    add("### Per TU: CPU time (user+sys, median), ratios to the parse and to the "
        "trivial check")
    add("")
    add("| TU | parse s | trivial s | coro-* s | anchors s | coro/trivial | "
        "anchors/trivial | trivial/parse | coro-* profile share | anchors profile share |")
    add("|---|---|---|---|---|---|---|---|---|---|")
    for tu in tus:
        t = times[tu.name]
        add(f"| {tu.name} ({tu.kind}) | {fmt_s(t['parse']['cpu'])} | "
            f"{fmt_s(t['trivial']['cpu'])} | {fmt_s(t['coro']['cpu'])} | "
            f"{fmt_s(t['anchors']['cpu'])} | "
            f"{fmt_x(ratio(t['coro']['cpu'], t['trivial']['cpu']))} | "
            f"{fmt_x(ratio(t['anchors']['cpu'], t['trivial']['cpu']))} | "
            f"{fmt_x(ratio(t['trivial']['cpu'], t['parse']['cpu']))} | "
            f"{fmt_pct(t['coro']['profile_share']['*total*'])} | "
            f"{fmt_pct(t['anchors']['profile_share']['*total*'])} |")
    add("")
    add("Wall time (median, s): " + "; ".join(
        f"{tu.name}: " + ", ".join(f"{c} {fmt_s(times[tu.name][c]['wall'])}"
                                   for c in CONFIGS) for tu in tus))
    add("")
    add("Check profile shares (check's user+sys / the whole clang-tidy run's):")
    add("")
    checks = sorted({k for tu in tus for k in times[tu.name]["coro"]["profile_share"]
                     if k != "*total*"})
    anchors = CHECKS["anchors"].split(",")[1:]
    add("| TU | " + " | ".join(checks + anchors) + " |")
    add("|---|" + "---|" * (len(checks) + len(anchors)))
    for tu in tus:
        share = times[tu.name]["coro"]["profile_share"]
        ashare = times[tu.name]["anchors"]["profile_share"]
        add(f"| {tu.name} | " + " | ".join(
            [fmt_pct(share.get(c, 0)) for c in checks] +
            [fmt_pct(ashare.get(c, 0)) for c in anchors]) + " |")
    add("")
    if counts:
        add("### Per TU: callgrind instruction counts (exact; the headline ratios)")
        add("")
        add("parse = clang-tidy's instructions before AST matching starts (the "
            "parse floor); traversal = the matching phase with no check; a "
            "configuration's checks = what they add to the matching phase; "
            "start-up = what loading the plugin and setting up the checks adds "
            "before the parse; run = parse + start-up + matching + teardown.")
        add("")
        add("| TU | parse | traversal | trivial check | anchors | coro-* checks | "
            "coro-* start-up | coro-* share of its run | coro-* run / trivial run | "
            "anchors run / trivial run |")
        add("|---|---|---|---|---|---|---|---|---|---|")
        corpus_names = {tu.name for tu in tus}
        for name, s in counts.items():
            label = name if name in corpus_names else f"synthetic {name} (dense)"
            add(f"| {label} | {fmt_g(s['parse'])} | {fmt_g(s['traversal'])} | "
                f"{fmt_g(s['trivial_checks'])} | {fmt_g(s['anchors_checks'])} | "
                f"{fmt_g(s['coro_checks'])} | {fmt_g(s['coro_setup'])} | "
                f"{fmt_pct(ratio(s['coro_checks'] + s['coro_setup'], s['coro_total']))} | "
                f"{fmt_x(ratio(s['coro_total'], s['trivial_total']))} | "
                f"{fmt_x(ratio(s['anchors_total'], s['trivial_total']))} |")
        add("")
    if scaling:
        add(f"### Scaling on the synthetic TU (1x = {SYN_COROUTINES} coroutines of "
            f"{SYN_BLOCKS} block(s), nesting depth {SYN_DEPTH})")
        add("")
        has_ir = "checks_ir" in scaling["count-1x"]
        head = "| series | lines | run CPU s | coro-* profile s |"
        if has_ir:
            head += " coro-* checks Ir | traversal Ir |"
        add(head + " ratio per doubling |")
        add("|---|---|---|---|" + ("---|---|" if has_ir else "") + "---|")
        for series in ("count", "length"):
            prev = None
            for factor in ("1x", "2x", "4x"):
                s = scaling[f"{series}-{factor}" if f"{series}-{factor}" in scaling
                            else f"count-{factor}"]
                metric = s["checks_ir"] if has_ir else s["checks_cpu"]
                doubling = "" if prev is None else fmt_x(ratio(metric, prev))
                row = (f"| {series} {factor} | {s['lines']} | {fmt_s(s['run_cpu'])} | "
                       f"{s['checks_cpu']:.3f} |")
                if has_ir:
                    row += f" {fmt_g(s['checks_ir'])} | {fmt_g(s['traversal_ir'])} |"
                add(row + f" {doubling} |")
                prev = metric
        add("")
        add("The ratio per doubling is of " + ("the coro-* checks' instruction count"
            if has_ir else "the coro-* checks' profile time") + ".")
        add("")
    if scanner:
        add(f"### Scanner on the corpus compilation database ({len(tus)} TUs, "
            f"-j{args.jobs})")
        add("")
        add("| run | wall s | CPU s | wall vs run-clang-tidy |")
        add("|---|---|---|---|")
        base = scanner["run-clang-tidy"]["wall"]
        for name, s in scanner.items():
            add(f"| {name} | {fmt_s(s['wall'])} | {fmt_s(s['cpu'])} | "
                f"{fmt_x(ratio(s['wall'], base))} |")
        add("")
    else:
        add("### Scanner")
        add("")
        add("Skipped: build/bin/corolint does not exist.")
        add("")
    return "\n".join(lines)


def targets(tus, times, counts, scaling, scanner):
    """The acceptance targets, each with its verdict. The ratio to the
    trivial check is judged on instruction counts when there are some: on a
    shared machine, CPU times of runs that differ by 0.1% vary by ±10%."""
    verdicts = []
    asio = [tu for tu in tus if "Asio" in tu.kind] or tus
    worst = max(times[tu.name]["coro"]["profile_share"]["*total*"] for tu in asio)
    verdicts.append(("coro-* checks < 3% of the clang-tidy run on the Asio TUs "
                     "(check profile)", fmt_pct(worst), worst < 0.03))
    measured = [counts[tu.name] for tu in asio if counts and tu.name in counts]
    if measured:
        worst = max(ratio(s["coro_checks"] + s["coro_setup"], s["coro_total"])
                    for s in measured)
        verdicts.append(("coro-* checks < 3% of the clang-tidy run on the Asio TUs "
                         "(callgrind)", fmt_pct(worst), worst < 0.03))
        worst = max(ratio(s["coro_total"], s["trivial_total"]) for s in measured)
        verdicts.append(("coro-* run < 1.05× a one-trivial-check run on the Asio "
                         "TUs (callgrind)", fmt_x(worst), worst < 1.05))
    else:
        # Not judged: the CPU times of two runs differ by more than this.
        worst = max(ratio(times[tu.name]["coro"]["cpu"], times[tu.name]["trivial"]["cpu"])
                    for tu in asio)
        verdicts.append(("coro-* run < 1.05× a one-trivial-check run on the Asio "
                         "TUs (CPU time; only callgrind can judge a 5% difference here)",
                         fmt_x(worst), None))
    if scaling:
        key = "checks_ir" if "checks_ir" in scaling["count-1x"] else "checks_cpu"
        steps = [ratio(scaling[b][key], scaling[a][key]) for a, b in
                 (("count-1x", "count-2x"), ("count-2x", "count-4x"),
                  ("count-1x", "length-2x"), ("length-2x", "length-4x"))]
        verdicts.append(("doubling the synthetic input costs ≤ 2.2× the checks' "
                         + ("instructions" if key == "checks_ir"
                            else "profile time (noisy, see callgrind in a full run)"),
                         fmt_x(max(steps)), max(steps) <= 2.2))
    if scanner:
        cold = scanner["corolint (cold cache)"]["wall"]
        baseline = scanner["run-clang-tidy"]["wall"]
        warm = scanner["corolint (warm cache)"]["wall"]
        verdicts.append(("corolint -j2 at least as fast as run-clang-tidy-22 -j2 "
                         "(wall)", fmt_x(ratio(cold, baseline)), cold <= baseline))
        verdicts.append(("an unchanged re-run ≥ 10× faster than the first (wall)",
                         fmt_x(ratio(cold, warm)) + " faster", cold >= 10 * warm))
    return verdicts


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="1 run per measurement and no callgrind (< 2 min)")
    parser.add_argument("--runs", type=int, help="runs per measurement (default 5, quick 1)")
    parser.add_argument("--jobs", type=int, default=2,
                        help="parallel jobs for callgrind and the scanners (default 2)")
    parser.add_argument("--no-callgrind", action="store_true")
    parser.add_argument("--no-scaling", action="store_true")
    parser.add_argument("--no-scanner", action="store_true")
    parser.add_argument("--no-overlap", action="store_true",
                        help="start callgrind only after the timing, instead of one "
                             "job beside it")
    parser.add_argument("--floor", nargs="?", const="corpus,examples,synthetic",
                        metavar="PARTS",
                        help="only the scanner against the compiler floor (clang++ "
                             "-fsyntax-only, run-clang-tidy, corolint with and without "
                             "skipped bodies) on the corpus, the Asio/Boost.Asio example "
                             "programs and a synthetic many-TU project (default: all "
                             "three; or a comma-separated list of them)")
    parser.add_argument("--whole-program", nargs="?", const="corpus,synthetic",
                        metavar="PARTS",
                        help="only the whole-program analysis: cold scans with and "
                             "without the summaries, the cross-TU pass, shards and their "
                             "merge, the summaries' size, a re-run after editing one "
                             "callee TU; on the corpus, a synthetic many-TU project with "
                             "calls across TUs and the example programs (default: "
                             "corpus,synthetic; or a comma-separated list of them)")
    parser.add_argument("--examples", metavar="REGEX",
                        help="with --floor or --whole-program: only the example "
                             "programs whose name matches")
    parser.add_argument("--only", metavar="REGEX",
                        help="measure only the corpus TUs whose name matches")
    args = parser.parse_args()
    args.runs = args.runs or (1 if args.quick else 5)
    args.command = "python3 bench/run.py " + " ".join(sys.argv[1:])
    args.command = args.command.strip()
    use_callgrind = (not args.quick and not args.no_callgrind and not args.floor
                     and not args.whole_program)

    for tool in (CLANGXX, CLANG_TIDY, RUN_CLANG_TIDY):
        if not shutil.which(tool):
            fail(f"{tool} not found: run scripts/setup.sh")
    build = build_dir()
    out = build / "bench"
    out.mkdir(parents=True, exist_ok=True)
    plugin = build_corolint(build)
    if use_callgrind:
        use_callgrind = ensure_valgrind()
    probe = build_probe(out) if use_callgrind else None
    info = machine_info()

    tus = [tu for tu in CORPUS if not args.only or re.search(args.only, tu.name)]
    if not tus:
        fail(f"--only {args.only} selects no TU")
    cmds = Commands(plugin, probe, write_database(out / "corpus", tus))
    if args.whole_program:
        parts = args.whole_program.split(",")
        corpora = {}
        if "corpus" in parts:
            corpora["bench corpus"] = (cmds.database, tus, None)
        if "examples" in parts:
            examples = [tu for tu in example_tus()
                        if not args.examples or re.search(args.examples, tu.name)]
            corpora[f"Asio/Boost.Asio examples ({len(examples)})"] = (
                write_database(out / "examples", examples), examples, None)
        if "synthetic" in parts:
            linked = generate_linked(out)
            corpora[f"synthetic {MANY_TUS} TUs, calls across TUs"] = (
                write_database(out / "linked", linked), linked, linked[1].path)
        wp = measure_whole_program(build, corpora, args.runs, args.jobs,
                                   out / "whole-program")
        text = (f"Command: `{args.command}`\n\n"
                f"Machine: {info['nproc']} cores, {info['cpu']}; load average "
                f"{info['load_start'][0]:.1f} at start, {os.getloadavg()[0]:.1f} at "
                f"end; corolint {info['corolint']}\n\n"
                + whole_program_report(wp, args.jobs, args.runs))
        (out / "whole-program.md").write_text(text)
        (out / "whole-program.json").write_text(json.dumps(wp, indent=2) + "\n")
        print(text)
        return
    if args.floor:
        parts = args.floor.split(",")
        corpora = {}
        if "corpus" in parts:
            corpora["bench corpus"] = (cmds.database, tus)
        if "examples" in parts:
            examples = [tu for tu in example_tus()
                        if not args.examples or re.search(args.examples, tu.name)]
            if not examples:
                fail("no Asio/Boost.Asio example programs selected (scripts/setup.sh "
                     "installs them)")
            corpora[f"Asio/Boost.Asio examples ({len(examples)})"] = (
                write_database(out / "examples", examples), examples)
        if "synthetic" in parts:
            many = generate_many(out)
            corpora[f"synthetic {MANY_TUS} TUs"] = (write_database(out / "many", many), many)
        def write(floor):
            text = (f"Command: `{args.command}`\n\n"
                    + floor_report(floor, args.jobs, args.runs))
            (out / "floor.md").write_text(text)
            (out / "floor.json").write_text(json.dumps(floor, indent=2) + "\n")
            return text

        print(write(measure_floor(build, plugin, corpora, args.runs, args.jobs, write)))
        return
    synthetic = [] if args.no_scaling else generate_synthetic(out)
    syn_cmds = Commands(plugin, probe, write_database(out / "synthetic", synthetic))

    corpus_counts = scaling_counts = None
    if use_callgrind:
        callgrind = Callgrind(out, args.jobs, overlap=not args.no_overlap)
        # The acceptance targets are about the Asio TUs; instrumenting a parse
        # costs ~40x its native time, so the other TUs are only timed.
        # The synthetic 1x TU is counted like a corpus TU too: the dense,
        # worst case. Its 'none' run serves the scaling as well.
        asio = [tu for tu in tus if "Asio" in tu.kind]
        corpus_counts = callgrind.submit(cmds, asio, CORPUS_CALLGRIND)
        startup_tu, startup_db = write_startup_tu(out)
        startup_counts = callgrind.submit(Commands(plugin, probe, startup_db), [startup_tu],
                                          dict.fromkeys(CORPUS_CALLGRIND, True))
        if synthetic:
            corpus_counts.update(callgrind.submit(syn_cmds, synthetic[:1], CORPUS_CALLGRIND))
            scaling_counts = callgrind.submit(syn_cmds, synthetic[1:], SCALING_CALLGRIND)

    times = measure_times(cmds, tus, args.runs)
    # With instruction counts for the scaling, one profiled run per size will do.
    scaling = measure_scaling(syn_cmds, synthetic,
                              1 if use_callgrind else min(args.runs, 3)) if synthetic else None
    counts = None
    if use_callgrind:
        callgrind.finish()
        counts = summarize_corpus_callgrind(corpus_counts,
                                            startup_counts[startup_tu.name]) or None
        if scaling:
            first = synthetic[0].name
            add_scaling_counts(scaling, {**scaling_counts, first: corpus_counts[first]})
    scanner = None
    if not args.no_scanner:
        # Last, and alone: it measures wall time on all cores.
        scanner = measure_scanner(build, plugin, cmds.database, min(args.runs, 4),
                                  args.jobs)

    elapsed = time.perf_counter() - STARTED
    text = report(info, args, tus, times, counts, scaling, scanner, elapsed)
    verdicts = targets(tus, times, counts, scaling, scanner)
    text += "\n### Acceptance targets\n\n| target | measured | met |\n|---|---|---|\n"
    text += "\n".join(f"| {t} | {m} | {'—' if ok is None else 'yes' if ok else 'NO'} |"
                      for t, m, ok in verdicts)
    text += "\n"
    print(text)
    (out / "results.md").write_text(text)
    (out / "results.json").write_text(json.dumps(
        {"machine": info, "times": times, "callgrind": counts, "scaling": scaling,
         "scanner": scanner, "elapsed_s": elapsed}, indent=2, default=str) + "\n")
    log(f"bench: done in {elapsed / 60:.1f} min; report in {out / 'results.md'}")


if __name__ == "__main__":
    main()
