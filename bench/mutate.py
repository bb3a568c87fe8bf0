#!/usr/bin/env python3
"""Mutation robustness driver: corolint must neither crash nor hang on broken code.

Takes every lit input (test/checks/*.cpp) and the example sources
(examples/**/*.cpp), makes seeded random variants of them (tokens deleted,
duplicated, swapped or replaced; the file truncated; braces unbalanced; co_
keywords removed; co_await inserted at statement starts; ...) and analyses each
variant with all coro-* checks under a time limit. A variant is
  crash  the driver died of a signal (exit code >= 128) or printed a stack dump,
         "PLEASE submit a bug report" or a failed assertion;
  hang   it ran longer than --timeout seconds.
Everything else (clean, findings, compile errors) is fine. Failing variants are
kept under <out>/failures/<n>/ with the command, its output and the variant.

  python3 bench/mutate.py --count 5000 -j2          # ~5% of them from Asio inputs
  python3 bench/mutate.py --count 200 --asio-count 0 --seed 7

The same --seed and --count give the same variants, however many jobs run them.
The driver is build/bin/corolint when it exists, else clang-tidy-22 with the
plugin (see driver_command).
"""
import argparse
import concurrent.futures
import json
import os
import random
import re
import shlex
import shutil
import signal
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ASIO_FLAGS = "-DASIO_HAS_CO_AWAIT=1 -DASIO_HAS_STD_COROUTINE=1"
CHECKS = "-*,coro-*"
CRASH_MARKERS = ("Stack dump", "PLEASE submit a bug report", "Assertion `", "Assertion failed",
                 "UNREACHABLE executed", "LLVM ERROR")


# ---------------------------------------------------------------------------
# Driver: the one place that knows how corolint is run on a compile database.

def uses_scanner(build_dir):
    return os.access(os.path.join(build_dir, "bin", "corolint"), os.X_OK)


def driver_command(build_dir, db_dir, source, config, timeout):
    scanner = os.path.join(build_dir, "bin", "corolint")
    if uses_scanner(build_dir):
        cmd = [scanner, "-p", db_dir, f"--checks={CHECKS}", "--no-cache", "--progress=none",
               "-j1", f"--timeout={timeout}"]
    else:
        cmd = ["clang-tidy-22", f"-load={os.path.join(build_dir, 'lib', 'corolint-tidy.so')}",
               f"-checks={CHECKS}", "-p", db_dir]
    if config:
        cmd.append(f"--config={config}")
    return cmd + [source]


def reproduce_command(args, config, source, compiler_args):
    """A self-contained clang-tidy command line for a kept variant."""
    cmd = ["clang-tidy-22", f"-load={os.path.join(args.build, 'lib', 'corolint-tidy.so')}", f"-checks={CHECKS}"]
    if config:
        cmd.append(f"--config={config}")
    return shlex.join(cmd + [source, "--", "-std=c++20", *compiler_args])


def driver_name(build_dir):
    return "corolint" if uses_scanner(build_dir) else "clang-tidy-22 + corolint-tidy.so"


# ---------------------------------------------------------------------------
# Inputs and how to compile them.

class Input:
    def __init__(self, path, command_lines, heavy):
        self.path = path
        self.rel = os.path.relpath(path, ROOT)
        self.text = open(path, encoding="utf-8").read()
        self.commands = command_lines  # [(config or None, [compiler args])]
        self.heavy = heavy
        self.pieces = tokenize(self.text)


def run_commands(text, inputs_dir):
    """(config, compiler args) of each RUN command of a lit test."""
    commands, current = [], ""
    for line in text.splitlines():
        m = re.match(r"\s*//\s*RUN:(.*)$", line)
        if not m:
            continue
        part = m.group(1).rstrip()
        current += " " + part.rstrip("\\")
        if not part.endswith("\\"):
            commands.append(current)
            current = ""
    result = []
    for command in commands:
        if "%check_clang_tidy" not in command:
            continue  # a test that generates its input (robust-*): defaults below
        command = command.replace("%inputs", inputs_dir).replace("%asio_flags", ASIO_FLAGS)
        try:
            words = shlex.split(command)
        except ValueError:
            continue
        dashes = [i for i, w in enumerate(words) if w == "--"]
        tidy_args = words[dashes[0] + 1:dashes[1]] if len(dashes) >= 2 else words[dashes[0] + 1:] if dashes else []
        compiler_args = words[dashes[1] + 1:] if len(dashes) >= 2 else []
        config = next((a.split("=", 1)[1] for a in tidy_args if a.startswith("-config=")), None)
        result.append((config, compiler_args))
    return result or [(None, ["-I", inputs_dir])]


def uses_asio(text):
    return re.search(r'#\s*include\s*[<"](boost/)?asio', text) is not None


def collect_inputs():
    inputs_dir = os.path.join(ROOT, "test", "Inputs")
    inputs = []
    checks_dir = os.path.join(ROOT, "test", "checks")
    for name in sorted(os.listdir(checks_dir)):
        if name.endswith(".cpp"):
            path = os.path.join(checks_dir, name)
            text = open(path, encoding="utf-8").read()
            inputs.append(Input(path, run_commands(text, inputs_dir), uses_asio(text)))
    for dirpath, _, names in sorted(os.walk(os.path.join(ROOT, "examples"))):
        # An example's sources reach Asio through its own headers.
        heavy = any(uses_asio(open(os.path.join(dirpath, n), encoding="utf-8").read())
                    for n in names if n.endswith((".cpp", ".h", ".hpp")))
        flags = shlex.split(ASIO_FLAGS) if heavy else []
        for name in sorted(names):
            if name.endswith(".cpp"):
                inputs.append(Input(os.path.join(dirpath, name), [(None, flags + ["-I", dirpath])], heavy))
    return inputs


# ---------------------------------------------------------------------------
# Tokens. A source is a list of pieces (token, text after it up to the next
# token): comments and preprocessor lines count as the text between tokens, so
# the includes survive and line numbers barely move.

TOKEN = re.compile(r"""
    (?P<space>(?:\s+|//[^\n]*|/\*.*?\*/|(?:^|(?<=\n))[ \t]*\#(?:[^\n]*\\\n)*[^\n]*)+)
  | (?P<token>R"(?P<delim>[^(]*)\(.*?\)(?P=delim)"
      | "(?:\\.|[^"\\\n])*" | '(?:\\.|[^'\\\n])*'
      | [A-Za-z_]\w* | \d[\w.']* | ::|->\*?|<<=?|>>=?|<=>|[<>=!+\-*/%&|^]=|&&|\|\||\+\+|--|\.\.\.
      | .)
""", re.S | re.X)


def tokenize(text):
    """[(token, following text)], with a leading ("", text before the first token)."""
    pieces = [["", ""]]
    for m in TOKEN.finditer(text):
        if m.group("space") is not None:
            pieces[-1][1] += m.group(0)
        else:
            pieces.append([m.group(0), ""])
    return [tuple(p) for p in pieces]


def render(pieces):
    """The source again; a space keeps tokens that a mutation made adjacent apart."""
    out = []
    for n, (tok, gap) in enumerate(pieces):
        out.append(tok)
        following = pieces[n + 1][0] if n + 1 < len(pieces) else ""
        glued = tok and following and re.match(r"\w", tok[-1]) and re.match(r"\w", following[0])
        out.append(" " if glued and not gap else gap)
    return "".join(out)


# ---------------------------------------------------------------------------
# Mutations: each takes (rng, pieces) and returns (new pieces, description).
# pieces[0] is the leading text and never mutated.

CO_KEYWORDS = ("co_await", "co_return", "co_yield")
BRACKETS = "{}()[]<>"


def pick(rng, pieces, predicate=lambda tok: True):
    candidates = [i for i in range(1, len(pieces)) if predicate(pieces[i][0])]
    return rng.choice(candidates) if candidates else None


def delete_tokens(rng, pieces):
    i = pick(rng, pieces)
    if i is None:
        return pieces, "nothing to delete"
    n = rng.choice((1, 1, 1, 2, 3, 5))
    return pieces[:i] + pieces[i + n:], f"delete {n} token(s) at #{i} {pieces[i][0]!r}"


def duplicate_tokens(rng, pieces):
    i = pick(rng, pieces)
    if i is None:
        return pieces, "nothing to duplicate"
    n = rng.choice((1, 1, 2, 4, 8))
    return pieces[:i + n] + pieces[i:i + n] + pieces[i + n:], f"duplicate {n} token(s) at #{i} {pieces[i][0]!r}"


def swap_tokens(rng, pieces):
    i = pick(rng, pieces)
    if i is None or len(pieces) < 3:
        return pieces, "nothing to swap"
    j = min(len(pieces) - 1, i + 1) if rng.random() < 0.5 else rng.randrange(1, len(pieces))
    out = list(pieces)
    out[i], out[j] = (pieces[j][0], pieces[i][1]), (pieces[i][0], pieces[j][1])
    return out, f"swap #{i} {pieces[i][0]!r} and #{j} {pieces[j][0]!r}"


def replace_token(rng, pieces):
    """An identifier becomes another identifier of the same file: types, calls and
    variables get confused in ways a parser still half-accepts."""
    is_word = lambda tok: re.match(r"[A-Za-z_]\w*$", tok) is not None
    i, j = pick(rng, pieces, is_word), pick(rng, pieces, is_word)
    if i is None:
        return pieces, "nothing to replace"
    out = list(pieces)
    out[i] = (pieces[j][0], pieces[i][1])
    return out, f"replace #{i} {pieces[i][0]!r} by {pieces[j][0]!r}"


def truncate(rng, pieces):
    i = rng.randrange(1, len(pieces)) if len(pieces) > 1 else 1
    return pieces[:i], f"truncate at #{i}"


def unbalance_brackets(rng, pieces):
    if rng.random() < 0.5:
        i = pick(rng, pieces, lambda tok: tok in BRACKETS)
        if i is not None:
            return pieces[:i] + pieces[i + 1:], f"delete bracket #{i} {pieces[i][0]!r}"
    i = rng.randrange(1, len(pieces) + 1)
    bracket = rng.choice("{{}}()[")
    return pieces[:i] + [(bracket, " ")] + pieces[i:], f"insert {bracket!r} at #{i}"


def remove_co_keyword(rng, pieces):
    hits = [i for i in range(1, len(pieces)) if pieces[i][0] in CO_KEYWORDS]
    if not hits:
        return pieces, "no co_ keyword"
    if rng.random() < 0.3:  # all of them: coroutines turn into plain functions
        drop = set(hits)
    else:
        drop = {rng.choice(hits)}
    replacement = "return" if rng.random() < 0.3 else None
    out = []
    for i, p in enumerate(pieces):
        if i in drop:
            if p[0] == "co_return" and replacement:
                out.append((replacement, p[1]))
            continue
        out.append(p)
    return out, f"remove {len(drop)} co_ keyword(s)"


def is_statement_start(pieces, i):
    return i > 1 and pieces[i - 1][0] in (";", "{", "}") and pieces[i][0] not in ("}", ";", "else")


def insert_co_await(rng, pieces):
    i = pick(rng, pieces) if rng.random() < 0.2 else None
    if i is None:
        starts = [i for i in range(2, len(pieces)) if is_statement_start(pieces, i)]
        if not starts:
            return pieces, "no statement start"
        i = rng.choice(starts)
    keyword = rng.choice(("co_await", "co_await", "co_await", "co_yield", "co_return"))
    return pieces[:i] + [(keyword, " ")] + pieces[i:], f"insert {keyword} at #{i} before {pieces[i][0]!r}"


MUTATIONS = [delete_tokens, duplicate_tokens, swap_tokens, replace_token, truncate,
             unbalance_brackets, remove_co_keyword, insert_co_await]


def make_variant(seed, index, inputs):
    rng = random.Random(f"{seed}:{index}")
    source = rng.choice(inputs)
    command = rng.randrange(len(source.commands))
    pieces = list(source.pieces)
    steps = []
    for _ in range(rng.choice((1, 1, 1, 2, 2, 3))):
        mutation = rng.choice(MUTATIONS)
        pieces, what = mutation(rng, pieces)
        steps.append(f"{mutation.__name__}: {what}")
    return source, command, pieces, steps


# ---------------------------------------------------------------------------
# Precompiled prefixes. Mutations never touch the text before an input's first
# token (its comments and #includes), so each input's prefix is precompiled
# once and every variant is analysed as the PCH plus the mutated rest, with
# blank lines keeping the line numbers: parsing the headers is most of the
# time of a run, and the variant means the same as prefix + rest.

class Prefixes:
    def __init__(self, out, enabled):
        self.dir = os.path.join(out, "pch")
        self.enabled = enabled
        self.pchs, self.locks, self.lock = {}, {}, threading.Lock()

    def get(self, source, command):
        """The PCH of the input's prefix, or None when it does not build."""
        if not self.enabled:
            return None
        key = (source.rel, command)
        with self.lock:
            if key not in self.locks:  # each prefix gets its own folder
                self.locks[key] = (threading.Lock(), len(self.locks))
            key_lock, folder = self.locks[key]
        with key_lock:
            if key not in self.pchs:
                self.pchs[key] = self.build(source, command, folder)
            return self.pchs[key]

    def build(self, source, command, n):
        folder = os.path.join(self.dir, str(n))
        os.makedirs(folder, exist_ok=True)
        header = os.path.join(folder, "prefix.h")
        with open(header, "w", encoding="utf-8") as f:
            f.write(source.pieces[0][1])
        pch = header + ".pch"
        _, compiler_args = source.commands[command]
        built = subprocess.run(["clang++-22", "-std=c++20", *compiler_args, "-x", "c++-header", header,
                                "-o", pch], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return pch if built.returncode == 0 else None


def blank_like(text):
    """As many lines as \p text, and as long a last line, all blank."""
    return "\n" * text.count("\n") + " " * len(text.rsplit("\n", 1)[-1])


# ---------------------------------------------------------------------------
# Running one variant.

def run_variant(args, prefixes, index, source, command, pieces, steps):
    config, compiler_args = source.commands[command]
    work = os.path.join(args.out, "work", str(index))
    os.makedirs(work, exist_ok=True)
    variant = os.path.join(work, os.path.basename(source.path))
    full_text = render(pieces)
    pch = prefixes.get(source, command)
    if pch:
        text = blank_like(source.pieces[0][1]) + render([("", "")] + pieces[1:])
        compiler_args = [*compiler_args, "-include-pch", pch]
    else:
        text = full_text
    with open(variant, "w", encoding="utf-8") as f:
        f.write(text)
    entry = {"directory": work, "file": variant,
             "arguments": ["clang++-22", "-std=c++20", *compiler_args, "-c", variant]}
    with open(os.path.join(work, "compile_commands.json"), "w") as f:
        json.dump([entry], f)
    cmd = driver_command(args.build, work, variant, config, args.timeout)
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            cwd=work, start_new_session=True)
    try:
        # The scanner enforces --timeout itself; give it time to say so.
        output, _ = proc.communicate(timeout=args.timeout + (10 if uses_scanner(args.build) else 0))
        status = classify(proc.returncode, output.decode("utf-8", "replace"))
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        output, _ = proc.communicate()
        status = "hang"
    seconds = time.monotonic() - start
    output = output.decode("utf-8", "replace")
    if status in ("crash", "hang"):
        keep = os.path.join(args.out, "failures", str(index))
        shutil.rmtree(keep, ignore_errors=True)
        shutil.copytree(work, keep)
        database = os.path.join(keep, "compile_commands.json")
        with open(database) as f:
            kept = f.read().replace(work, keep)
        with open(database, "w") as f:
            f.write(kept)
        cmd = [a.replace(work, keep) for a in cmd]
        full = os.path.join(keep, "full-" + os.path.basename(source.path))
        with open(full, "w", encoding="utf-8") as f:
            f.write(full_text)  # the variant with its prefix, to reproduce without the PCH
        with open(os.path.join(keep, "README.txt"), "w") as f:
            f.write(f"status: {status}\ninput: {source.rel}\nmutations:\n" +
                    "".join(f"  {s}\n" for s in steps) + f"command: {shlex.join(cmd)}\n" +
                    f"without the PCH: {reproduce_command(args, config, full, source.commands[command][1])}\n")
        with open(os.path.join(keep, "output.txt"), "w") as f:
            f.write(output)
    shutil.rmtree(work, ignore_errors=True)
    findings = len(re.findall(r"warning: .*\[coro-[a-z-]+\]", output))
    compiles = "error:" not in output
    return {"index": index, "input": source.rel, "steps": steps, "status": status,
            "exit": proc.returncode, "seconds": round(seconds, 2), "findings": findings,
            "compiles": compiles, "pch": bool(pch)}


def classify(returncode, output):
    if returncode < 0 or returncode >= 128 or any(m in output for m in CRASH_MARKERS):
        return "crash"
    # The scanner contains a worker's crash or timeout and names it in its
    # summary ("file.cpp: crashed: ...").
    if re.search(r": crashed\b", output):
        return "crash"
    if re.search(r": timed-out\b", output):
        return "hang"
    return "ok"


# ---------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=5000, help="variants in all (default 5000)")
    parser.add_argument("--asio-count", type=int, default=None,
                        help="how many of them come from inputs that include Asio/Boost.Asio "
                             "(slow to parse; default 5%% of --count)")
    parser.add_argument("--seed", default="corolint", help="random seed (default 'corolint')")
    parser.add_argument("-j", "--jobs", type=int, default=2, help="variants analysed in parallel (default 2)")
    parser.add_argument("--timeout", type=int, default=20, help="seconds per variant before it is a hang")
    parser.add_argument("--build", default=os.path.join(ROOT, os.environ.get("COROLINT_BUILD_DIR", "build")),
                        help="corolint build directory (default ./build)")
    parser.add_argument("--out", default=None, help="work and results directory (default <build>/bench/mutate)")
    parser.add_argument("--no-pch", action="store_true",
                        help="parse each variant whole instead of precompiling the inputs' #include prefixes")
    parser.add_argument("--only", default=None, help="regex: use only inputs whose path matches")
    args = parser.parse_args()
    args.build = os.path.abspath(args.build)
    args.out = os.path.abspath(args.out or os.path.join(args.build, "bench", "mutate"))
    asio_count = args.count // 20 if args.asio_count is None else min(args.asio_count, args.count)

    inputs = collect_inputs()
    if args.only:
        inputs = [i for i in inputs if re.search(args.only, i.rel)]
    light = [i for i in inputs if not i.heavy]
    heavy = [i for i in inputs if i.heavy]
    if (not light and args.count > asio_count) or (not heavy and asio_count):
        sys.exit("no inputs for the requested variants")
    shutil.rmtree(os.path.join(args.out, "failures"), ignore_errors=True)
    shutil.rmtree(os.path.join(args.out, "work"), ignore_errors=True)
    shutil.rmtree(os.path.join(args.out, "pch"), ignore_errors=True)
    os.makedirs(args.out, exist_ok=True)

    # Heavy variants get their own index range so that --asio-count does not
    # change which light variants are made.
    plan = [(i, light) for i in range(args.count - asio_count)] + \
           [(1_000_000 + i, heavy) for i in range(asio_count)]
    print(f"mutate: {len(plan)} variants ({asio_count} from Asio inputs) of {len(light)}+{len(heavy)} inputs, "
          f"seed {args.seed!r}, -j{args.jobs}, timeout {args.timeout}s, driver {driver_name(args.build)}",
          file=sys.stderr)

    prefixes = Prefixes(args.out, not args.no_pch)
    results, lock, start = [], threading.Lock(), time.monotonic()

    def work(item):
        index, pool = item
        source, command, pieces, steps = make_variant(args.seed, index, pool)
        result = run_variant(args, prefixes, index, source, command, pieces, steps)
        with lock:
            results.append(result)
            done = len(results)
            if result["status"] != "ok":
                print(f"  {result['status'].upper()}: variant {index} of {source.rel} "
                      f"-> {args.out}/failures/{index}", file=sys.stderr)
            if done % 250 == 0 or done == len(plan):
                print(f"  {done}/{len(plan)} done, {time.monotonic() - start:.0f}s", file=sys.stderr)

    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        list(pool.map(work, plan))

    results.sort(key=lambda r: r["index"])
    with open(os.path.join(args.out, "results.jsonl"), "w") as f:
        for r in results:
            f.write(json.dumps(r) + "\n")
    summary = {
        "variants": len(results),
        "asio_variants": sum(r["index"] >= 1_000_000 for r in results),
        "inputs": len(light) + len(heavy),
        "crashes": sum(r["status"] == "crash" for r in results),
        "hangs": sum(r["status"] == "hang" for r in results),
        "compiling_variants": sum(r["compiles"] for r in results),
        "precompiled_prefix_variants": sum(r["pch"] for r in results),
        "variants_with_findings": sum(r["findings"] > 0 for r in results),
        "max_seconds": max((r["seconds"] for r in results), default=0),
        "wall_seconds": round(time.monotonic() - start),
        "seed": args.seed, "timeout": args.timeout, "driver": driver_name(args.build),
    }
    with open(os.path.join(args.out, "summary.json"), "w") as f:
        json.dump(summary, f, indent=1)
    print(json.dumps(summary, indent=1))
    return 1 if summary["crashes"] or summary["hangs"] else 0


if __name__ == "__main__":
    sys.exit(main())
