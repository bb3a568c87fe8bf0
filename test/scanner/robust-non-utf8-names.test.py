# Helpers of robust-non-utf8-names.test: file names that are not UTF-8 do not
# fit on a lit RUN line.
import json
import os
import sys

HEADER = b"caf\xe9.h"
if sys.argv[1] == "write":
    root, inputs = sys.argv[2:]
    src = os.path.join(root, "src").encode()
    with open(os.path.join(src, HEADER), "wb") as f:
        f.write(b'#include "task.h"\n#include <mutex>\ninline std::mutex m;\n'
                b'inline demo::task<> held() {\n  std::unique_lock<std::mutex> g(m);\n'
                b'  co_await demo::next_event();\n}\n')
    with open(os.path.join(src, b"a.cpp"), "wb") as f:
        f.write(b'#include "' + HEADER + b'"\n')
    os.makedirs(os.path.join(root, "build"))
    a = os.path.join(root, "src", "a.cpp")
    with open(os.path.join(root, "build", "compile_commands.json"), "w") as f:
        json.dump([{"directory": root, "file": a, "arguments":
                    ["clang++", "-std=c++20", "-I", inputs, "-c", a]}], f)
elif sys.argv[1] == "exists":
    line = open(sys.argv[2], "rb").readline()
    name = line.split(b":")[0]
    print("exists: %d" % (name.endswith(HEADER) and os.path.exists(name)))
elif sys.argv[1] == "fixed":
    text = open(os.path.join(sys.argv[2].encode(), b"src", HEADER), "rb").read()
    print("fixed: %d" % (b"g.unlock();" in text))
