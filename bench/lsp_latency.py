#!/usr/bin/env python3
"""Times `whittle lsp` answering textDocument/diagnostic for one Dockerfile, as an editor would ask.

Usage: lsp_latency.py FILE CHANGES -- COMMAND...   (run by bench/lsp-latency.sh)

Prints: the start-up (process start to the initialize answer), the first diagnostics request right after
start-up, the first one after a 2 s pause (the server warms up by itself meanwhile, as it does while an editor
loads the file), and the median / p90 / max over CHANGES edits (each a didChange, then the request).
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time


class Client:
    def __init__(self, command):
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.next_id = 0

    def send(self, message):
        body = json.dumps(message).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def read(self):
        length = None
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise RuntimeError("the server closed its output")
            if line in (b"\r\n", b"\n"):
                break
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value.strip())
        return json.loads(self.proc.stdout.read(length))

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        while True:
            m = self.read()
            if m.get("id") == self.next_id and "method" not in m:
                if "error" in m:
                    raise RuntimeError(m["error"])
                return m["result"]

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})


def timed(client, uri):
    start = time.perf_counter()
    report = client.request("textDocument/diagnostic", {"textDocument": {"uri": uri}})
    return (time.perf_counter() - start) * 1000, len(report["items"])


def main():
    file, changes = sys.argv[1], int(sys.argv[2])
    command = sys.argv[sys.argv.index("--") + 1:]
    text = open(file, encoding="utf-8", errors="surrogateescape").read()
    lines = text.count("\n")
    work = tempfile.mkdtemp(prefix="whittle-lsp-bench-")
    results = {}
    for label, pause in (("right after start-up", 0.0), ("after a 2 s pause", 2.0)):
        path = os.path.join(work, label.replace(" ", "-"), "Dockerfile")
        os.makedirs(os.path.dirname(path))
        with open(path, "w", encoding="utf-8", errors="surrogateescape") as f:
            f.write(text)
        uri = "file://" + path
        start = time.perf_counter()
        client = Client(command)
        client.request("initialize", {"processId": os.getpid(), "rootUri": None,
                                      "capabilities": {"textDocument": {"diagnostic": {}}}})
        startup = (time.perf_counter() - start) * 1000
        client.notify("initialized", {})
        time.sleep(pause)
        client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "dockerfile",
                                                                "version": 1, "text": text}})
        first, items = timed(client, uri)
        results[label] = (startup, first, items)
        if pause:
            steady = []
            for v in range(2, changes + 2):
                edited = text + ("# edit %d\n" % v if v % 2 else "")
                client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": v},
                                                         "contentChanges": [{"text": edited}]})
                steady.append(timed(client, uri)[0])
        client.request("shutdown", None)
        client.notify("exit", None)
        client.proc.wait(timeout=30)
    print("file: %s (%d lines)" % (file, lines))
    for label, (startup, first, items) in results.items():
        print("start-up %.0f ms; first diagnostics request %s: %.0f ms (%d diagnostics)" % (startup, label, first, items))
    steady.sort()
    p90 = steady[max(0, int(len(steady) * 0.9) - 1)]
    print("after %d edits: median %.0f ms, p90 %.0f ms, max %.0f ms" % (len(steady), statistics.median(steady), p90,
                                                                        steady[-1]))
    worst = max(results["right after start-up"][1], results["after a 2 s pause"][1])
    print("target: a diagnostics request under 200 ms after start-up: %s (worst first request %.0f ms)"
          % ("met" if worst < 200 else "NOT met", worst))


if __name__ == "__main__":
    main()
