"""Describe the machine and the software a benchmark ran on, for the report."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import platform
import subprocess
import sys
from pathlib import Path

PACKAGES = ("charterlint", "jsonschema", "PyYAML", "check-jsonschema", "yamllint", "ruamel.yaml",
            "ruamel.yaml.clib", "ruamel.yaml.clibz", "click", "referencing", "rpds-py", "regress")


def _proc_field(path: str, name: str) -> str:
    try:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            key, _, value = line.partition(":")
            if key.strip() == name:
                return value.strip()
    except OSError:
        pass
    return ""


def package_version(name: str) -> str:
    """The installed version of a distribution, or "not installed"."""
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def _libyaml() -> str:
    try:
        import yaml
    except ImportError:
        return "PyYAML not installed"
    return "yes (yaml.CSafeLoader)" if getattr(yaml, "__with_libyaml__", False) else "no: pure-Python parser only"


def _git_revision(root: Path) -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True,
                              text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root,
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{head} (with uncommitted changes)" if dirty else head


def describe(root: Path) -> list[tuple[str, str]]:
    """(what, value) rows: CPU, cores, memory, OS, Python, package versions, libyaml."""
    memory_kib = _proc_field("/proc/meminfo", "MemTotal").split()
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    rows = [
        ("CPU", _proc_field("/proc/cpuinfo", "model name") or platform.processor() or "unknown"),
        ("cores", f"{os.cpu_count()} (usable by this process: {usable})"),
        ("memory", f"{int(memory_kib[0]) // 1024 ** 2} GiB" if memory_kib else "unknown"),
        ("OS", platform.platform()),
        ("Python", f"{platform.python_implementation()} {platform.python_version()} ({sys.executable})"),
        ("libyaml (PyYAML C parser)", _libyaml()),
        ("charterlint checkout", _git_revision(root)),
    ]
    rows += [(name, package_version(name)) for name in PACKAGES]
    return rows


def has_module(name: str) -> bool:
    """Whether `python -m name` can work in this environment."""
    return importlib.util.find_spec(name) is not None
