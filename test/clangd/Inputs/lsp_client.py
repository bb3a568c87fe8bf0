#!/usr/bin/env python3
"""A small LSP client that drives corolint-clangd over stdio like an editor.

It opens one file, prints the diagnostics clangd publishes, asks for the code
actions of every corolint diagnostic, applies the first quick fix that carries
a workspace edit, sends the edited text as a didChange, and prints the
diagnostics published for the new version. The output is meant for FileCheck:

  diagnostic: <code> <line>:<col> <severity> <message>
  link: <codeDescription.href>              (with --links)
  related: [<file>:]<line>:<col> <message>   (the file when not the document)
  action: <kind> "<title>" [preferred]
  edit: <line>:<col>-<line>:<col> "<new text>"
  after-fix diagnostic: ...
  done

Every wait has a deadline, and the server is killed on any failure, so a
broken server fails the test instead of hanging it.

usage: lsp_client.py --file F [--timeout S] [--no-fix [--actions]] [--links] -- SERVER [ARGS...]
"""

import argparse
import json
import os
import pathlib
import queue
import subprocess
import sys
import threading
import time

SEVERITIES = {1: "error", 2: "warning", 3: "info", 4: "hint"}


class ProtocolError(Exception):
    pass


class Server:
    def __init__(self, command, timeout):
        self.timeout = timeout
        self.proc = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=sys.stderr)
        self.messages = queue.Queue()
        self.next_id = 1
        threading.Thread(target=self._read_messages, daemon=True).start()

    def _read_messages(self):
        stream = self.proc.stdout
        try:
            while True:
                length = None
                while True:
                    line = stream.readline()
                    if not line:
                        return
                    line = line.strip()
                    if not line:
                        break
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value)
                if length is None:
                    raise ProtocolError("message without Content-Length")
                self.messages.put(json.loads(stream.read(length)))
        finally:
            self.messages.put(None)

    def send(self, message):
        message["jsonrpc"] = "2.0"
        body = json.dumps(message).encode("utf-8")
        try:
            self.proc.stdin.write(
                b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self.proc.stdin.flush()
        except BrokenPipeError:
            raise ProtocolError("server exited before reading " +
                                message.get("method", "a reply"))

    def notify(self, method, params):
        self.send({"method": method, "params": params})

    def request(self, method, params):
        request_id = self.next_id
        self.next_id += 1
        self.send({"id": request_id, "method": method, "params": params})
        reply = self.wait_for(
            lambda m: m.get("id") == request_id and "method" not in m,
            "reply to " + method)
        if "error" in reply:
            raise ProtocolError("%s failed: %s" % (method, reply["error"]))
        return reply.get("result")

    def wait_for(self, wanted, what):
        deadline = time.monotonic() + self.timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise ProtocolError("timed out waiting for " + what)
            try:
                message = self.messages.get(timeout=left)
            except queue.Empty:
                raise ProtocolError("timed out waiting for " + what)
            if message is None:
                raise ProtocolError("server exited while waiting for " + what)
            if "method" in message and "id" in message:
                # Server-to-client requests (progress tokens, configuration,
                # ...) get a null result, as an editor without them would.
                self.send({"id": message["id"], "result": None})
                continue
            if wanted(message):
                return message

    def diagnostics(self, uri, version):
        message = self.wait_for(
            lambda m: m.get("method") == "textDocument/publishDiagnostics"
            and m["params"]["uri"] == uri
            and m["params"].get("version") == version,
            "diagnostics of version %d" % version)
        return message["params"]["diagnostics"]

    def shut_down(self):
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            self.proc.wait(timeout=self.timeout)
        finally:
            self.kill()

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def position(pos):
    return "%d:%d" % (pos["line"] + 1, pos["character"] + 1)


def print_diagnostics(prefix, diagnostics, links=False, document=None):
    for d in sorted(diagnostics, key=lambda d: (d["range"]["start"]["line"],
                                                d["range"]["start"]["character"])):
        print("%sdiagnostic: %s %s %s %s" % (
            prefix, d.get("code", "-"), position(d["range"]["start"]),
            SEVERITIES.get(d.get("severity"), "?"), d["message"]))
        if links:
            print("%slink: %s" % (prefix, d.get("codeDescription", {}).get("href", "-")))
        for info in d.get("relatedInformation", []):
            # A note in another file is prefixed with that file's name.
            place = position(info["location"]["range"]["start"])
            if document and info["location"]["uri"] != document:
                place = "%s:%s" % (info["location"]["uri"].rsplit("/", 1)[-1], place)
            print("%srelated: %s %s" % (prefix, place, info["message"]))


def offset_of(lines, pos):
    # The test sources are ASCII, so UTF-16 code units are characters.
    return sum(len(l) for l in lines[:pos["line"]]) + pos["character"]


def apply_edits(text, edits):
    lines = text.splitlines(keepends=True)
    spans = [(offset_of(lines, e["range"]["start"]),
              offset_of(lines, e["range"]["end"]), e["newText"]) for e in edits]
    for start, end, new_text in sorted(spans, reverse=True):
        text = text[:start] + new_text + text[end:]
    return text


def edits_for(edit, uri):
    if "changes" in edit:
        return edit["changes"].get(uri, [])
    return [e for change in edit.get("documentChanges", [])
            if change["textDocument"]["uri"] == uri for e in change["edits"]]


def first_fix(server, uri, diagnostics):
    """The first corolint quick fix with a workspace edit, printing all."""
    chosen = None
    for d in diagnostics:
        if not str(d.get("code", "")).startswith("coro-"):
            continue
        actions = server.request("textDocument/codeAction", {
            "textDocument": {"uri": uri},
            "range": d["range"],
            "context": {"diagnostics": [d]},
        }) or []
        for action in actions:
            print('action: %s "%s"%s' % (action.get("kind", "-"), action["title"],
                                         " preferred" if action.get("isPreferred") else ""))
            edits = edits_for(action.get("edit", {}), uri)
            for e in edits:
                print('edit: %s-%s "%s"' % (
                    position(e["range"]["start"]), position(e["range"]["end"]),
                    e["newText"].replace("\n", "\\n")))
            if chosen is None and edits:
                chosen = edits
    return chosen


def run(args):
    path = os.path.abspath(args.file)
    # Percent-encoded, as clangd writes the URIs it publishes.
    uri = pathlib.Path(path).as_uri()
    with open(path, encoding="utf-8") as f:
        text = f.read()
    server = Server(args.server, args.timeout)
    try:
        server.request("initialize", {
            "processId": os.getpid(),
            "rootUri": pathlib.Path(os.path.dirname(path)).as_uri(),
            "capabilities": {"textDocument": {
                "publishDiagnostics": {"relatedInformation": True},
                "codeAction": {"codeActionLiteralSupport": {
                    "codeActionKind": {"valueSet": ["quickfix", "refactor"]}}},
            }},
        })
        server.notify("initialized", {})
        server.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "cpp", "version": 1, "text": text}})
        diagnostics = server.diagnostics(uri, 1)
        print_diagnostics("", diagnostics, args.links, uri)
        if args.no_fix and args.actions:
            first_fix(server, uri, diagnostics)
        if not args.no_fix:
            edits = first_fix(server, uri, diagnostics)
            if edits is None:
                raise ProtocolError("no corolint code action with an edit")
            server.notify("textDocument/didChange", {
                "textDocument": {"uri": uri, "version": 2},
                "contentChanges": [{"text": apply_edits(text, edits)}]})
            print_diagnostics("after-fix ", server.diagnostics(uri, 2), document=uri)
        server.shut_down()
    except BaseException:
        server.kill()
        raise
    print("done")


def main():
    # Diagnostics cite "[guide §N.M]", whatever the locale of the test run.
    sys.stdout.reconfigure(encoding="utf-8")
    parser = argparse.ArgumentParser()
    parser.add_argument("--file", required=True)
    parser.add_argument("--timeout", type=float, default=60.0,
                        help="seconds to wait for each answer")
    parser.add_argument("--no-fix", action="store_true",
                        help="only print the diagnostics of the opened file")
    parser.add_argument("--actions", action="store_true",
                        help="with --no-fix, print the code actions without applying one")
    parser.add_argument("--links", action="store_true",
                        help="print each diagnostic's codeDescription.href")
    parser.add_argument("server", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    if args.server and args.server[0] == "--":
        args.server = args.server[1:]
    if not args.server:
        parser.error("no server command after --")
    try:
        run(args)
    except ProtocolError as e:
        print("lsp_client.py: error: %s" % e, file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
