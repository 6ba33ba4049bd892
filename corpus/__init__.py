"""Source text → structured, citable cases, sections, paragraphs and sentences."""

from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .parse import CorpusFormatError, cn_number, parse
from .records import Case, Corpus, Paragraph, Section, Sentence

DEFAULT_SOURCE = "shenzhen_2023_business_environment_cases.txt"

__all__ = [
    "Case", "Corpus", "CorpusFormatError", "Paragraph", "Section", "Sentence",
    "cn_number", "default_source", "load", "parse",
]


def default_source() -> Path:
    """The source text to use: ``$CASEQA_CORPUS`` if set, else the compilation shipped in this folder."""
    env = os.environ.get("CASEQA_CORPUS")
    if env:
        return Path(env)
    return Path(str(resources.files(__package__).joinpath(DEFAULT_SOURCE)))


def load(path: str | Path | None = None) -> Corpus:
    """Read and parse a compilation (the shipped one by default).

    Raises:
        CorpusFormatError: the file is missing, unreadable, not UTF-8, or not a compilation.
    """
    p = Path(path) if path is not None else default_source()
    return _load_cached(str(p.resolve()), p.stat().st_mtime_ns if p.exists() else 0)


@lru_cache(maxsize=4)
def _load_cached(path: str, mtime_ns: int) -> Corpus:
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8")
    except FileNotFoundError as e:
        raise CorpusFormatError(f"corpus file not found: {p}") from e
    except (OSError, UnicodeDecodeError) as e:
        raise CorpusFormatError(f"cannot read corpus file {p}: {e}") from e
    return parse(raw, name=p.stem)
