"""Chinese sentence splitting that tiles its input and respects quotes, titles and brackets.

Boundaries fall after 。！？； (and their ASCII forms !?;), after a closing quote that follows one of
them, and before inline list markers (一是/二是 …) that follow a comma or colon. Nothing inside “…”,
《…》 or （…） is split, so a quoted slogan or a document title stays whole.
"""

from __future__ import annotations

import re

TERMINALS = frozenset("。！？；!?;")
OPENERS = {"“": "”", "《": "》", "（": "）", "(": ")", "「": "」", "‘": "’", "〔": "〕", "【": "】"}
CLOSERS = frozenset(OPENERS.values())
TRAILERS = frozenset("”’）)」』》") | frozenset(" \t\u3000")
LIST_MARKER = re.compile(r"[一二三四五六七八九十]是")
# An opener left open this long is treated as a PDF artefact, not a quotation, so it cannot swallow
# the rest of a paragraph into one "sentence".
MAX_QUOTE_SPAN = 160


def split_spans(text: str) -> list[tuple[int, int]]:
    """Return sentence spans ``(start, end)`` that tile ``text`` exactly (no gaps, no overlaps)."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []  # (expected closer, position of opener)
    start = 0
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch in OPENERS:
            stack.append((OPENERS[ch], i))
        elif ch in CLOSERS and stack:
            if stack[-1][0] == ch:
                stack.pop()
            elif any(c == ch for c, _ in stack):
                while stack and stack[-1][0] != ch:
                    stack.pop()
                stack.pop()
            if not stack and i > 0 and text[i - 1] in TERMINALS:
                end = _absorb_trailers(text, i + 1)
                spans.append((start, end))
                start = i = end
                continue
        elif ch in TERMINALS:
            if stack and i - stack[0][1] > MAX_QUOTE_SPAN:
                stack.clear()
            if not stack:
                end = _absorb_trailers(text, i + 1)
                spans.append((start, end))
                start = i = end
                continue
        elif (
            not stack
            and i > start
            and text[i - 1] in "，：,:"
            and LIST_MARKER.match(text, i)
        ):
            spans.append((start, i))
            start = i
        i += 1
    if start < n:
        if spans and not text[start:].strip():
            spans[-1] = (spans[-1][0], n)
        else:
            spans.append((start, n))
    return spans


def _absorb_trailers(text: str, i: int) -> int:
    """Extend a sentence end over closing marks and spaces that belong to it."""
    while i < len(text) and text[i] in TRAILERS:
        i += 1
    return i


def split_sentences(text: str) -> list[str]:
    """Split ``text`` into sentences; ``"".join(result) == text``."""
    return [text[a:b] for a, b in split_spans(text)]
