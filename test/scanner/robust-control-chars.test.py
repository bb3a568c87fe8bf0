# Writes the sources of robust-control-chars.test (names and bytes that a
# shell test line cannot hold).
import json
import os
import sys

root, inputs = sys.argv[1:]
folder = os.path.join(root, "src")
source = ('#include "task.h"\n#include <mutex>\nstd::mutex m;\ndemo::task<> held() {\n'
          '  std::lock_guard<std::mutex> g(m); // %s\n  co_await demo::next_event();\n}\n')
payload = "\x1b[2J\x1b]0;pwned\x07 \u202etxet"
for name, text in (("esc.cpp", payload), ("bidi\u202ename.cpp", "plain"),
                   ("new\nline.cpp", "plain")):
    with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
        f.write(source % text)

entries = [{"directory": root, "file": os.path.join(folder, name),
            "arguments": ["clang++", "-std=c++20", "-I", inputs, "-c",
                          os.path.join(folder, name)]}
           for name in ("esc.cpp", "bidi\u202ename.cpp", "new\nline.cpp")]
with open(os.path.join(root, "build", "compile_commands.json"), "w") as f:
    json.dump(entries, f)
