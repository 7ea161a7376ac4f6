"""The language server's latency: from a didChange notification to the diagnostics it publishes.

`charterlint server` runs as an editor starts it (a subprocess on stdio); a small JSON-RPC client
opens a charter of about 200 lines, then changes it once a round, after a pause longer than the
server's debounce (an edit after a quiet moment, which it lints at once), and times each change
until the publishDiagnostics of that version arrives. `python -m benchmarks.editor` measures
this row alone.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, Any

if __package__ in (None, ""):  # run as a script: make `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import DEFAULT_SEED, generate_file
from benchmarks.timing import Command, Measurement, Skipped

PAUSE = 0.3  # seconds between changes: past the server's debounce (charterlint.server.app.DEBOUNCE)
TARGET_SECONDS = 0.020
# Defects the charter schema itself reports: explaining them takes jsonschema's detailed pass.
SCHEMA_DEFECTS = frozenset({"unknown-field", "invalid-duration", "invalid-enum", "invalid-date", "missing-required",
                            "bad-share"})
LABELS = {"rules": "charterlint server: didChange → diagnostics ({lines}-line charter, rule findings)",
          "schema": "charterlint server: didChange → diagnostics ({lines}-line charter, a schema error too)"}


def charter(kind: str = "rules", seed: int = DEFAULT_SEED) -> str:
    """A generated YAML charter of about 200 lines with findings to publish: of the rules only
    (`rules`, the target's case), or a schema error among them (`schema`)."""
    for index in range(1000):
        made = generate_file(seed, index)
        schema = bool(SCHEMA_DEFECTS & set(made.defects))
        if made.kind == "yaml" and made.defects and 190 <= made.text.count("\n") <= 210 and schema == (kind == "schema"):
            return made.text
    raise RuntimeError(f"no 200-line YAML charter with {kind} findings among the generated files")


class _Client:
    """Just enough of an LSP client: framed JSON-RPC over the server's stdin and stdout."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        assert process.stdin is not None and process.stdout is not None
        self.process, self.out, self.input = process, process.stdin, process.stdout
        self.next_id = 0

    def send(self, method: str, params: Any, *, request: bool = False) -> int:
        message: dict[str, Any] = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            self.next_id += 1
            message["id"] = self.next_id
        body = json.dumps(message).encode("utf-8")
        self.out.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.out.flush()
        return self.next_id

    def receive(self) -> dict[str, Any]:
        length = 0
        while True:
            line = _read_line(self.input)
            if line in (b"\r\n", b""):
                break
            name, _, value = line.decode("ascii").partition(":")
            if name.lower() == "content-length":
                length = int(value)
        message: dict[str, Any] = json.loads(self.input.read(length))
        return message

    def wait(self, wanted: Any) -> dict[str, Any]:
        while True:
            message = self.receive()
            if wanted(message):
                return message


def _read_line(stream: IO[bytes]) -> bytes:
    line = stream.readline()
    if not line:
        raise EOFError("the language server closed its output")
    return line


def _cpu_seconds(pid: int) -> float:
    """The process's user + system CPU so far (Linux /proc; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def _peak_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def measure_server(work: Path, env: Mapping[str, str], rounds: int, kind: str = "rules") -> Measurement | Skipped:
    """Time `rounds` changes of a 200-line charter, each from didChange to its diagnostics."""
    text = charter(kind)
    label = LABELS[kind].format(lines=text.count("\n"))
    argv = (sys.executable, "-m", "charterlint", "server")
    command = Command(f"server-{kind}", label, argv, "charterlint server  # an LSP client opens and edits a charter")
    probe = subprocess.run([sys.executable, "-c", "import pygls, lsprotocol"], env=dict(env), capture_output=True)
    if probe.returncode != 0:
        return Skipped(command.key, label, "pygls is not installed: pip install 'charterlint[server]'")
    (work / ".git").mkdir(parents=True, exist_ok=True)
    (work / ".charterlint.yaml").write_text("today: 2026-01-01\n", encoding="utf-8")
    path = work / "edited.charter.yaml"
    path.write_text(text, encoding="utf-8")
    uri = path.resolve().as_uri()
    measurement = Measurement(command)
    process = subprocess.Popen(argv, cwd=work, env=dict(env), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL)
    client = _Client(process)
    try:
        asked = client.send("initialize", {"processId": os.getpid(), "rootUri": work.resolve().as_uri(),
                                           "capabilities": {}}, request=True)
        client.wait(lambda m: m.get("id") == asked)
        client.send("initialized", {})
        client.send("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1,
                                                              "text": text}})
        client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics")
        cpu_before = _cpu_seconds(process.pid)
        for version in range(2, rounds + 2):
            time.sleep(PAUSE)
            changed = text.replace("title: ", "title: x" if version % 2 else "title: ", 1)
            start = time.perf_counter()
            client.send("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                   "contentChanges": [{"text": changed}]})
            client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                        and m["params"].get("version") == version)
            measurement.wall.append(time.perf_counter() - start)
            measurement.codes.append(0)
        per_change = (_cpu_seconds(process.pid) - cpu_before) / max(rounds, 1)
        measurement.cpu = [per_change] * rounds  # the server's CPU over all changes, shared out
        measurement.peak_kib.append(_peak_kib(process.pid))
        shutdown = client.send("shutdown", None, request=True)
        client.wait(lambda m: m.get("id") == shutdown)
        client.send("exit", None)
        process.wait(timeout=10)
    except (EOFError, OSError, subprocess.TimeoutExpired) as error:
        measurement.failure = f"the language server stopped: {error}"
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    if not measurement.peak_kib:
        measurement.peak_kib.append(0)
    return measurement


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.editor", description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30, help="changes timed (default: 30)")
    parser.add_argument("--work-dir", type=Path, default=Path.cwd() / ".charterlint-bench-editor")
    args = parser.parse_args(argv)
    for kind in LABELS:
        result = measure_server(args.work_dir / kind, dict(os.environ), args.rounds, kind)
        if isinstance(result, Skipped):
            print(f"{result.label}: skipped ({result.reason})")
            continue
        if not result.ok:
            print(f"{result.command.label}: failed ({result.failure})")
            return 1
        median = statistics.median(result.wall)
        print(f"{result.command.label}: median {median * 1000:.1f} ms, min {min(result.wall) * 1000:.1f} ms,"
              f" max {max(result.wall) * 1000:.1f} ms over {len(result.wall)} changes"
              + (f" (target under {TARGET_SECONDS * 1000:.0f} ms: {'pass' if median < TARGET_SECONDS else 'FAIL'})"
                 if kind == "rules" else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
