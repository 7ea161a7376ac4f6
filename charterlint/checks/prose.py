"""CH501 channel-mentioned-not-listed, and the Markdown body scanning CH301 shares.

The body is read as one text in which fenced code blocks and HTML comments are blanked out
(replaced by spaces, line breaks kept), so that offsets still map to the line and column of
the source and a phrase broken over two lines is still found.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from charterlint.charter.views import charter_index
from charterlint.checks.context import Context
from charterlint.model import Position, Span
from charterlint.source.document import Body, Document, Problem

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_UNCLOSED_COMMENT = re.compile(r"<!--.*", re.DOTALL)


def _blank(text: str) -> str:
    """`text` with every character but line breaks replaced by a space."""
    return re.sub(r"[^\n]", " ", text)


def _without_fences(lines: Sequence[str]) -> list[str]:
    kept: list[str] = []
    fence: str | None = None  # the opening fence while inside a code block
    for line in lines:
        match = _FENCE.match(line)
        if fence is None and match is not None:
            fence = match.group(1)
            kept.append("")
        elif fence is not None:
            marker = match.group(1) if match is not None else ""
            if marker[:1] == fence[0] and len(marker) >= len(fence) and not line.strip().strip(fence[0]):
                fence = None
            kept.append("")
        else:
            kept.append(line)
    return kept


def prose_text(body: Body) -> str:
    """The body as one string, code blocks and HTML comments blanked; offsets match `body.lines`."""
    text = "\n".join(_without_fences(body.lines))
    text = _COMMENT.sub(lambda m: _blank(m.group(0)), text)
    return _UNCLOSED_COMMENT.sub(lambda m: _blank(m.group(0)), text)


class TextPositions:
    """Source positions of offsets into one text that starts at `first_line`, `first_column`.

    The line starts are found once and each offset is placed by bisection: counting the
    newlines before every match made a text with many matches quadratic (issue 14).
    """

    __slots__ = ("_starts", "_first_line", "_first_column")

    def __init__(self, text: str, first_line: int, first_column: int = 1) -> None:
        starts = [0]
        found = text.find("\n")
        while found != -1:
            starts.append(found + 1)
            found = text.find("\n", found + 1)
        self._starts = starts
        self._first_line = first_line
        self._first_column = first_column

    def position(self, offset: int) -> Position:
        """The position of `text[offset]`."""
        index = bisect_right(self._starts, offset) - 1
        column = offset - self._starts[index] + (self._first_column if index == 0 else 1)
        return Position(self._first_line + index, column)

    def span(self, start: int, end: int) -> Span:
        """The span of `text[start:end]` (end exclusive)."""
        return Span(self.position(start), self.position(end))


# --- CH501 -----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class ChannelWord:
    """A channel the body may name: its spellings, and the types or platforms that provide it."""

    label: str
    spellings: tuple[str, ...]
    types: tuple[str, ...]
    platforms: tuple[str, ...] = ()
    case_sensitive: bool = False


def channel_words() -> tuple[ChannelWord, ...]:
    """The documented word table (rules/CH501.yaml `details` shows the same table)."""
    return (
        ChannelWord("WhatsApp", ("WhatsApp",), ("messaging",), ("whatsapp",)),
        ChannelWord("Messenger", ("Facebook Messenger", "Messenger"), ("messaging",), ("messenger",)),
        ChannelWord("WeChat", ("WeChat",), ("messaging",), ("wechat",)),
        ChannelWord("Facebook", ("Facebook",), ("social_media",), ("facebook",)),
        ChannelWord("Instagram", ("Instagram",), ("social_media",), ("instagram",)),
        ChannelWord("X", ("Twitter", "X", "x.com"), ("social_media",), ("x", "twitter")),
        ChannelWord("LinkedIn", ("LinkedIn",), ("social_media",), ("linkedin",)),
        ChannelWord("live chat", ("live chat", "web chat"), ("live_chat",)),
        ChannelWord("SMS", ("text message", "SMS"), ("sms",)),
        ChannelWord("chatbot", ("chatbot", "virtual assistant"), ("chatbot",)),
        ChannelWord("mobile app", ("mobile app",), ("app",)),
        ChannelWord("video call", ("video call",), ("video",)),
    )


# "X" is also a letter ("Part X", "Form X"): in prose it names the platform only in a channel's
# context. In a channel entry's name any capital X standing alone does.
_X_ALONE = r"(?<![\w'’-])X(?![\w'’-])"
_X_IN_CONTEXT = (
    r"(?<=\b(?i:on)\s)X(?![\w'’-])",  # "follow us on X", "@handle on X"
    r"(?<![\w'’-])X(?=\s*\((?i:formerly|twitter)\b)",  # "X (formerly Twitter)", "X (Twitter)"
)
# The domain, with or without "www.", but not another domain ending in it or an email address
_X_DOMAIN = r"(?<![\w@.-])(?i:(?:www\.)?x\.com)(?![\w-]|\.\w)"


def _spelling_patterns(spelling: str, in_prose: bool) -> tuple[str, ...]:
    if spelling == "X":
        return _X_IN_CONTEXT if in_prose else (_X_ALONE,)
    if spelling == "x.com":
        return (_X_DOMAIN,)
    words = r"[\s-]+".join(re.escape(word) for word in spelling.split())
    return (rf"(?i:(?<!\w){words}s?(?!\w))",)


@cache
def _scanner(words: tuple[ChannelWord, ...], in_prose: bool) -> re.Pattern[str]:
    """One regex for every spelling of every word, longest spelling first, so that a name of
    several words ("Facebook Messenger") wins over the word it starts with ("Facebook").

    Each pattern is a group named `w<index of its word>_<n>`.
    """
    spellings = sorted((spelling for word in words for spelling in word.spellings), key=len, reverse=True)
    index_of = {spelling: index for index, word in enumerate(words) for spelling in word.spellings}
    patterns = [(index_of[spelling], pattern) for spelling in spellings
                for pattern in _spelling_patterns(spelling, in_prose)]
    return re.compile("|".join(f"(?P<w{index}_{n}>{pattern})" for n, (index, pattern) in enumerate(patterns)))


def mentions(text: str, words: tuple[ChannelWord, ...], *,
             in_prose: bool = True) -> Iterator[tuple[ChannelWord, re.Match[str]]]:
    """Each mention of one of `words` in `text`, in order; each stretch of text names one word at most.

    In prose a bare "X" counts only in a channel's context; `in_prose=False` reads a channel's
    name, where it always does.
    """
    for match in _scanner(words, in_prose).finditer(text):
        group = match.lastgroup or "w0_0"
        yield words[int(group[1:].partition("_")[0])], match


def provides(entry: dict[str, Any], word: ChannelWord) -> bool:
    """An entry provides a word when its type or platform matches, or its name names the word."""
    if entry.get("type") in word.types or entry.get("platform") in word.platforms:
        return True
    name = entry.get("name")
    return isinstance(name, str) and any(
        named.label == word.label for named, _ in mentions(name, channel_words(), in_prose=False))


def _suggestion(word: ChannelWord) -> str:
    fix = f"add a channel with type: {word.types[0]}"
    return f"{fix} and platform: {word.platforms[0]}" if word.platforms else fix


def body_prose(document: Document) -> tuple[str, TextPositions] | None:
    """The Markdown body as prose (`prose_text`) with its positions, worked out once per document
    for every rule that reads it; None without a body."""
    if document.body is None:
        return None
    found = document.derived.get("body_prose")
    if found is None:
        text = prose_text(document.body)
        found = document.derived["body_prose"] = (text, TextPositions(text, document.body.first_line))
    assert isinstance(found, tuple)
    return found


# A line saying a channel is not one to use: "Discouraged | third-party media such as Skype or
# Messenger", "we do not respond to messages on Facebook". Naming it there promises nothing.
_NOT_OFFERED = re.compile(
    r"(?<!\w)(?:discourag\w*|(?:do|does|will)\s+not\s+(?:use|accept|offer|support|monitor|respond|reply)|"
    r"(?:don't|doesn't|won't)\s+(?:use|accept|offer|support|monitor|respond|reply)|"
    r"not\s+(?:accepted|offered|supported|monitored)|no\s+longer\s+(?:use|offer|accept|monitor|available))(?!\w)",
    re.IGNORECASE)


class _NotOffered:
    """Which lines of the prose say a channel is not offered or not to be used, each line judged once
    (its bounds a bisection), so that a long line of mentions stays linear."""

    __slots__ = ("_text", "_breaks", "_judged")

    def __init__(self, text: str) -> None:
        self._text = text
        self._breaks = [index for index, char in enumerate(text) if char == "\n"]
        self._judged: dict[int, bool] = {}

    def __call__(self, match: re.Match[str]) -> bool:
        index = bisect_left(self._breaks, match.start())
        if index not in self._judged:
            start = self._breaks[index - 1] + 1 if index else 0
            end = self._breaks[index] if index < len(self._breaks) else len(self._text)
            self._judged[index] = _NOT_OFFERED.search(self._text, start, end) is not None
        return self._judged[index]


def unlisted_channels(document: Document, context: Context) -> Iterator[Problem]:
    """CH501: the body names a channel that no entry of `channels` provides."""
    prose = body_prose(document)
    if prose is None:
        return
    text, positions = prose
    entries = [channel.data for channel in charter_index(document).channels]
    seen: set[str] = set()
    not_offered = _NotOffered(text)
    for word, match in mentions(text, channel_words()):
        if word.label in seen or not_offered(match):
            continue
        seen.add(word.label)
        if any(provides(entry, word) for entry in entries):
            continue
        named = " ".join(match.group(0).split())
        yield Problem(
            f'the text names "{named}" but no channel provides it '
            f'({_suggestion(word)}, or remove the mention)',
            span=positions.span(match.start(), match.end()),
        )
