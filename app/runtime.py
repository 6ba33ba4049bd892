"""Load the heavy parts once (corpus, encoder, index) and hand them to whichever command needs them."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

from caseqa.config import Config
from caseqa.corpus import Corpus
from caseqa.corpus import load as load_corpus
from caseqa.index.bridge import bridge_for
from caseqa.index.encoder import Encoder, load_encoder
from caseqa.index.store import Index, Searcher, open_index

MAX_QUESTION_CHARS = 1000


class QueryError(ValueError):
    """A question that cannot be searched (empty, only punctuation…)."""


@dataclass
class Runtime:
    """Everything a search or an answer needs, loaded once."""

    config: Config
    corpus: Corpus
    encoder: Encoder
    index: Index
    searcher: Searcher


def _stderr(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def load_runtime(
    config: Config, rebuild: bool = True, log: Callable[[str], None] = _stderr, progress: bool = True
) -> Runtime:
    """Parse the corpus, load the encoder and open (or build) the index, logging each step with its time."""
    t0 = time.perf_counter()
    corpus = load_corpus(config.corpus_path)
    log(f"corpus: {len(corpus.cases)} cases, {len(corpus.paragraphs)} paragraphs")
    encoder = load_encoder(config.model, config.cache_dir, progress=progress)
    log(f"model: {encoder.name} ({encoder.dim} dims) loaded in {time.perf_counter() - t0:.1f}s")
    index = open_index(corpus, encoder, config, rebuild=rebuild, log=log, progress=progress)
    log(f"ready in {time.perf_counter() - t0:.1f}s")
    return Runtime(config, corpus, encoder, index, Searcher(index, encoder, bridge=bridge_for(corpus.text)))


def check_question(text: object, limit: int = MAX_QUESTION_CHARS) -> tuple[str, list[str]]:
    """Validate a question at the boundary: returns the (possibly truncated) text and warnings.

    Raises:
        QueryError: not a string, empty, or without a single letter, digit or CJK character.
    """
    if not isinstance(text, str):
        raise QueryError(f"the question must be text, got {type(text).__name__}")
    q = text.strip()
    if not q:
        raise QueryError("the question is empty; type a question about the cases")
    if not any(ch.isalnum() for ch in q):
        raise QueryError(f"the question has no words, only punctuation or symbols: {q[:40]!r}")
    warnings = []
    if len(q) > limit:
        warnings.append(f"the question has {len(q)} characters; only the first {limit} are used")
        q = q[:limit]
    return q, warnings


def check_cases(cases: list[int] | None, corpus: Corpus) -> list[int] | None:
    """Reject unknown case numbers with a message that lists the valid ones."""
    if not cases:
        return None
    valid = [c.number for c in corpus.cases]
    bad = [n for n in cases if n not in valid]
    if bad:
        raise QueryError(
            f"unknown case {', '.join(map(str, bad))}; valid cases are {', '.join(map(str, valid))}"
        )
    return sorted(set(cases))
