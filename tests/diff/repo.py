"""Real git repositories in a temporary folder for the diff tests, and a charter to change."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.helpers import CHARTER_HEAD

# A charter with something of every kind diff compares (47 lines; CHARTER_HEAD is its first six).
BASE = CHARTER_HEAD + """\
calendars:
  - id: office
    timezone: Europe/London
    open:
      mon-fri: "08:30-17:00"
      sat: "09:00-12:00"
channels:
  - id: phone
    type: phone
    hours: office
    commitments:
      answer: {within: 60 seconds, target: 80%}
  - id: email
    type: email
    hours: always
    commitments:
      acknowledge: {within: 1 hour}
      respond: {within: 2 working days, target: 95%, strength: guarantee}
      update: {every: 5 working days}
  - id: chat
    type: chatbot
    hours: always
    handoff_to: phone
    human_follow_up: {within: next working day, via: email}
accessibility: [relay_service, braille]
feedback:
  channels: [phone, email]
  respond: {within: 10 working days}
escalation:
  stages:
    - name: Team leader review
      respond: {within: 10 working days}
    - name: Complaints manager
      respond: {within: 20 working days}
  external:
    - body: Consumer Council for Water
      type: ombudsman
      after: 8 weeks
review:
  last_reviewed: 2025-06-01
  cadence: 12 months
"""


def git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True)
    return done.stdout


def make_repo(root: Path, files: dict[str, str]) -> None:
    """A repository at `root` whose one commit holds `files`."""
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.email", "test@example.com")
    git(root, "config", "user.name", "Test")
    git(root, "config", "commit.gpgsign", "false")
    commit(root, files, "base")


def commit(root: Path, files: dict[str, str], message: str) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)
