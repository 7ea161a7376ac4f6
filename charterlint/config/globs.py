"""Path globs of `exclude` and `per-file-ignores`, relative to the file that declares them.

Matching follows .gitignore's two cases: a glob without a slash (`drafts`, `*.draft.charter.md`)
matches a file or directory name at any depth; a glob with one (`legacy/**`, `teams/*/old`) is
anchored at the declaring file's directory. Either way a match on a directory covers everything
below it. `*` and `?` stay within one path segment, `**` crosses segments.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path, PurePosixPath


@dataclass(frozen=True, slots=True)
class PathGlob:
    """A glob as written, and the directory it is relative to."""

    pattern: str
    base: Path

    def matches(self, path: Path) -> bool:
        """Whether `path` (or a directory above it) matches."""
        pattern = self.pattern.rstrip("/")
        anchored = "/" in pattern
        regex = _compile(pattern.lstrip("/"))
        absolute = Path(os.path.abspath(path))
        if not anchored:
            return any(regex.fullmatch(part) for part in absolute.parts)
        try:
            relative = PurePosixPath(absolute.relative_to(self.base).as_posix())
        except ValueError:
            return False
        candidates = [relative, *list(relative.parents)[:-1]]
        return any(regex.fullmatch(str(candidate)) for candidate in candidates)


@cache
def _compile(pattern: str) -> re.Pattern[str]:
    """Translate a glob into a regular expression over POSIX relative paths."""
    out: list[str] = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if pattern.startswith("**/", index):
            out.append("(?:.*/)?")
            index += 3
            continue
        if pattern.startswith("**", index):
            out.append(".*")
            index += 2
            continue
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[" and "]" in pattern[index + 1:]:
            end = pattern.index("]", index + 1)
            body = pattern[index + 1:end].replace("\\", "\\\\")
            out.append(f"[^{body[1:]}]" if body.startswith("!") else f"[{body}]")
            index = end
        else:
            out.append(re.escape(char))
        index += 1
    return re.compile("".join(out))
