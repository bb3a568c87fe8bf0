#!/usr/bin/env python3
"""Runs the corolint commands of docs/scanner.md's sharded CI recipes.

usage: run_shard_recipes.py SCANNER_MD COROLINT WORKDIR

WORKDIR/github and WORKDIR/gitlab each hold a project with
build/compile_commands.json. For the GitHub
Actions matrix recipe and the GitLab `parallel:` recipe: checks that the
shard and merge jobs install the .deb that `cpack -G DEB` makes and that the
matrix has as many shards as --shard counts; then runs each shard's corolint
command as the job would (matrix values, CI variables set, `corolint` on
PATH), moves the result files where the merge job finds its artifacts, runs
the merge job's commands, and compares the SARIF log with the one a scan
without shards writes. Prints one line per recipe, "ok" or the problem.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile


def section(markdown, title):
    text = markdown.split(title, 1)[1]
    return re.search(r"```yaml\n(.*?)```", text, re.S).group(1)


def job(yaml, name):
    """The lines of a top-level or nested job, up to the next job."""
    match = re.search(r"^( *)%s:\n((?:\1 .*\n|\n)*)" % re.escape(name), yaml, re.M)
    return match.group(2) if match else ""


def unfold(text):
    """YAML's folded scalars ("- >" and the more indented lines after it) as
    one line each."""
    out, folding = [], None
    for line in text.splitlines():
        indent = len(line) - len(line.lstrip())
        if folding is not None and line.strip() and indent > folding:
            out[-1] += " " + line.strip()
            continue
        folding = None
        if line.rstrip().endswith("- >"):
            folding = line.index("-")
            line = line.rstrip()[:-1].rstrip()
        out.append(line)
    return "\n".join(out)


def commands(text, word):
    """Shell commands (continuation lines joined) that run `word`."""
    joined = re.sub(r"\\\n\s*", " ", unfold(text))
    found = []
    for line in joined.splitlines():
        line = re.sub(r"^\s*(- )?(run: )?", "", line).strip()
        if line.startswith(word):
            found.append(line)
    return found


def run(command, cwd, env):
    result = subprocess.run(["bash", "-ec", command], cwd=cwd, env=env,
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError("%r exited with %d: %s" % (command, result.returncode,
                                                     result.stderr.strip()[-400:]))


def exercise(shard_commands, merge_commands, shards, project, env, artifacts):
    """Runs the shards and the merge in the project folder; the merged SARIF
    log must be the one a scan without shards writes."""
    for index in range(1, shards + 1):
        for command in shard_commands(index):
            run(command, project, env)
    if artifacts != ".":
        os.makedirs(os.path.join(project, artifacts))
        for result in os.listdir(project):
            if result.startswith("corolint-shard-"):
                shutil.move(os.path.join(project, result), os.path.join(project, artifacts))
    for command in merge_commands:
        run(command, project, env)
    full = os.path.join(project, "full.sarif")
    subprocess.run(["corolint", "-p", "build", "--project-root=" + project, "--quiet",
                    "--format=sarif", "-o", full], cwd=project, env=env)
    if open(full, "rb").read() != open(os.path.join(project, "corolint.sarif"), "rb").read():
        raise RuntimeError("the merged SARIF log differs from the full scan's")


def job_problems(jobs, package_job, deb, sarif_use):
    """What the recipe's jobs miss: the package built with cpack, the .deb
    installed by the shard and merge jobs, the SARIF log used."""
    problems = []
    for name in ("shard", "merge"):
        if not re.search(r"apt-get install .*" + deb, jobs[name]):
            problems.append("the %s job does not install the corolint .deb" % name)
    if "cpack -G DEB" not in package_job:
        problems.append("the package job does not run cpack -G DEB")
    if sarif_use not in jobs["merge"]:
        problems.append("the merge job does not use the SARIF log (%s)" % sarif_use)
    return problems


def github(markdown, workdir, env):
    yaml = section(markdown, "### Sharded scans on a GitHub Actions matrix")
    shard_job, merge_job = job(yaml, "shard"), job(yaml, "merge")
    matrix = re.search(r"shard: \[([0-9, ]+)\]", shard_job).group(1).split(",")
    shards = int(re.search(r"SHARDS: (\d+)", yaml).group(1))
    problems = []
    if len(matrix) != shards:
        problems.append("the matrix has %d shards, SHARDS says %d" % (len(matrix), shards))
    problems += job_problems({"shard": shard_job, "merge": merge_job}, job(yaml, "package"),
                             r"\./corolint_\*_amd64\.deb", "upload-sarif")
    if problems:
        return problems

    def shard_commands(index):
        text = shard_job.replace("${{ matrix.shard }}", str(index)) \
                        .replace("${{ env.SHARDS }}", str(shards))
        return commands(text, "corolint ")

    project = os.path.join(workdir, "github")
    exercise(shard_commands, commands(merge_job, "corolint "), shards, project,
             dict(env, SHARDS=str(shards), GITHUB_WORKSPACE=project), "shards")
    return []


def gitlab(markdown, workdir, env):
    yaml = section(markdown, "### Sharded scans on GitLab")
    shard_job, merge_job = job(yaml, "corolint-shard"), job(yaml, "corolint-merge")
    shards = int(re.search(r"parallel: (\d+)", shard_job).group(1))
    problems = job_problems({"shard": shard_job, "merge": merge_job},
                            job(yaml, "corolint-package"), r"\./corolint-deb/corolint\.deb",
                            "corolint.sarif")
    if problems:
        return problems
    project = os.path.join(workdir, "gitlab")
    base = dict(env, CI_PROJECT_DIR=project, CI_NODE_TOTAL=str(shards))
    shard_commands = commands(shard_job, "corolint ")
    merge_commands = commands(merge_job, "corolint ") + commands(merge_job, "jq ")

    def exercise_shard(index):
        return ["CI_NODE_INDEX=%d; %s" % (index, c) for c in shard_commands]

    exercise(exercise_shard, merge_commands, shards, project, base, ".")
    return []


def main():
    markdown_path, corolint, workdir = sys.argv[1:]
    markdown = open(markdown_path, encoding="utf-8").read()
    bin_dir = tempfile.mkdtemp(dir=workdir)
    os.symlink(os.path.abspath(corolint), os.path.join(bin_dir, "corolint"))
    env = dict(os.environ, PATH=bin_dir + os.pathsep + os.environ["PATH"])
    failed = False
    for name, check in (("github", github), ("gitlab", gitlab)):
        try:
            problems = check(markdown, workdir, env)
        except (AttributeError, RuntimeError, IndexError) as e:
            problems = [str(e)]
        for problem in problems:
            print("%s sharded recipe: %s" % (name, problem))
        failed |= bool(problems)
        if not problems:
            print("%s sharded recipe: ok" % name)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
