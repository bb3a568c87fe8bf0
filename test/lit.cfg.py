# -*- Python -*-
# lit configuration for corolint: every test drives a real front end
# (clang-tidy-22 with the plugin, and later the scanner and corolint-clangd).
import os
import shutil
import subprocess
import lit.formats

config.name = "corolint"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".cpp", ".test"]
config.excludes = ["Inputs", "CMakeLists.txt", "check_clang_tidy.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.corolint_obj_root, "test")

config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.environment.get("PATH", "")])
# Tests must not pick up a user's configuration.
config.environment.pop("CLANGD_FLAGS", None)
config.environment["XDG_CONFIG_HOME"] = os.path.join(config.test_exec_root, "no-user-config")

# A sanitizer build (COROLINT_SANITIZE) loads its instrumented plugin into
# clang-tidy-22 through a wrapper that preloads the ASan runtime. Leak checks
# stay off: clang frees nothing at exit on purpose. User poisoning stays off
# too: LLVM's BumpPtrAllocator poisons its slabs in instrumented code only, and
# the linker may pair an instrumented copy of one of its inline functions with
# an uninstrumented copy of another from LLVM's static archives.
if config.asan_runtime:
    wrapper = os.path.join(config.test_exec_root, "clang-tidy-asan")
    with open(wrapper, "w") as script:
        script.write('#!/bin/sh\nLD_PRELOAD="%s" exec "%s" "$@"\n'
                     % (config.asan_runtime, config.clang_tidy))
    os.chmod(wrapper, 0o755)
    config.clang_tidy = wrapper
    config.environment["ASAN_OPTIONS"] = "detect_leaks=0:allow_user_poisoning=0"
    config.environment["UBSAN_OPTIONS"] = "print_stacktrace=1"
    config.available_features.add("sanitizer")

inputs = os.path.join(config.test_source_root, "Inputs")
check = "%s %s --clang-tidy=%s --plugin=%s --filecheck=%s" % (
    config.python_executable,
    os.path.join(config.test_source_root, "check_clang_tidy.py"),
    config.clang_tidy, config.plugin, os.path.join(config.llvm_tools_dir, "FileCheck"))
config.substitutions.append(("%check_clang_tidy", check))
config.substitutions.append(("%clang_tidy_plugin", config.plugin))
config.substitutions.append(("%clang_tidy", config.clang_tidy))
config.substitutions.append(("%inputs", inputs))
config.substitutions.append(("%asio_flags", "-DASIO_HAS_CO_AWAIT=1 -DASIO_HAS_STD_COROUTINE=1"))
config.substitutions.append(("%python", config.python_executable))
# The interpreter Debian's python3-* packages install for (scripts/setup.sh
# installs python3-jsonschema and python3-rfc3987 there), whichever python3
# CMake found first.
config.substitutions.append(("%debian_python", "/usr/bin/python3"))
config.substitutions.append(("%corolint_src", config.corolint_src_root))
config.substitutions.append(("%corolint_bin", os.path.join(config.corolint_obj_root, "bin")))
config.substitutions.append(("%corolint_obj", config.corolint_obj_root))
# Debian's packaging tools, for the package test (test/package).
if shutil.which("dpkg-deb") and shutil.which("cpack"):
    config.available_features.add("dpkg")

# corolint-clangd, and the resource directory of the LLVM it was built
# against (where its compile commands must find stddef.h and friends).
config.substitutions.append(
    ("%corolint_clangd", os.path.join(config.corolint_obj_root, "bin", "corolint-clangd")))
config.substitutions.append(("%lsp_client", "%s %s" % (
    config.python_executable,
    os.path.join(config.test_source_root, "clangd", "Inputs", "lsp_client.py"))))
# Where `cmake --install` puts corolint: its docs are the editor's links.
config.substitutions.append(("%install_prefix", config.install_prefix))
config.substitutions.append(("%clangd_inputs",
                             os.path.join(config.test_source_root, "clangd", "Inputs")))
config.substitutions.append(("%clang_resource_dir", subprocess.check_output(
    [os.path.join(config.llvm_tools_dir, "clang"), "-print-resource-dir"],
    text=True).strip()))
corolint_exe = os.path.join(config.corolint_obj_root, "bin", "corolint")
scanner_inputs = os.path.join(config.test_source_root, "scanner", "Inputs")
config.substitutions.append(("%corolint", corolint_exe))
config.substitutions.append(("%make_cdb", "%s %s" % (
    config.python_executable, os.path.join(scanner_inputs, "make_cdb.py"))))
config.substitutions.append(("%expect_exit", "%s %s" % (
    config.python_executable, os.path.join(scanner_inputs, "expect_exit.py"))))
config.substitutions.append(("%scanner_inputs", scanner_inputs))
# The scanner's tests must not see a developer's test hooks.
for hook in ("COROLINT_TEST_CRASH_ON", "COROLINT_TEST_HANG_ON",
             "COROLINT_TEST_PROMOTE_NOTE_FIXES", "COROLINT_TEST_EDIT_AFTER_ANALYSIS",
             "COROLINT_TEST_OVERFLOW_ON"):
    config.environment.pop(hook, None)

# A private mount namespace lets a test mount a tiny tmpfs, a real full disk
# (robust-full-cache.test); without one that part of the test is unsupported.
if subprocess.call(["unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=16k tmpfs /mnt"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) == 0:
    config.available_features.add("tmpfs-mount")

# Headless Chromium (installed by scripts/setup.sh) renders the HTML report in
# html-browser.test; without it that test is UNSUPPORTED. Each run gets its
# own profile folder and neither talks to the network nor updates itself.
chromium = "/usr/bin/chromium"
if os.path.exists(chromium):
    config.available_features.add("chromium")
    config.substitutions.append(("%chromium", chromium + " --headless --no-sandbox --disable-gpu"
                                 " --disable-background-networking --disable-component-update"
                                 " --disable-sync --no-first-run --hide-scrollbars"
                                 " --disable-dev-shm-usage"))
