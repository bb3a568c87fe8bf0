#!/usr/bin/env python3
"""usage: expect_exit.py CODE COMMAND ARG...: runs COMMAND and fails unless it
exits with CODE (lit's `not` only knows zero and non-zero)."""
import subprocess
import sys

expected = int(sys.argv[1])
status = subprocess.call(sys.argv[2:])
if status != expected:
    sys.stderr.write("expect_exit: %r exited with %d, expected %d\n"
                     % (sys.argv[2:], status, expected))
    sys.exit(1)
