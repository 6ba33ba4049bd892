"""Deterministic metrics for retrieval, answers, grounding and refusal (no model judges anything)."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from statistics import median

MARKER = re.compile(r"\[\d+\]")
DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


def squash(text: str) -> str:
    """Drop whitespace so "4.7 万户" and "4.7万户" compare equal."""
    return re.sub(r"\s+", "", text)


def retrieval_scores(ranked: Sequence[str], gold: Sequence[str], ks: Sequence[int] = (1, 3, 5, 10)) -> dict:
    """hit@k, recall@k, reciprocal rank and nDCG@10 for one ranked list of paragraph ids."""
    gold_set = set(gold)
    out: dict[str, float] = {}
    for k in ks:
        top = ranked[:k]
        out[f"hit@{k}"] = float(any(p in gold_set for p in top))
        out[f"recall@{k}"] = len(gold_set & set(top)) / len(gold_set)
    rr = 0.0
    for i, p in enumerate(ranked[:10], 1):
        if p in gold_set:
            rr = 1.0 / i
            break
    out["mrr@10"] = rr
    dcg = sum(1.0 / math.log2(i + 1) for i, p in enumerate(ranked[:10], 1) if p in gold_set)
    idcg = sum(1.0 / math.log2(i + 1) for i in range(1, min(len(gold_set), 10) + 1))
    out["ndcg@10"] = dcg / idcg if idcg else 0.0
    return out


def fact_recall(answer_text: str, facts: Sequence[str]) -> float:
    """Share of key facts that occur in the answer (whitespace-insensitive)."""
    if not facts:
        return 1.0
    body = squash(answer_text)
    return sum(squash(f) in body for f in facts) / len(facts)


def quotes_verbatim(citations: Sequence[dict], paragraph_text: dict[str, str]) -> bool:
    """Every quote equals its paragraph's text at the cited offsets, and the paragraph is the source's."""
    for c in citations:
        text = c["text"]
        if text[c["start"] : c["end"]] != c["quote"] or not c["quote"]:
            return False
        if paragraph_text.get(c["chunk_id"]) != text:
            return False
    return True


def numbers_grounded(answer_text: str, citations: Sequence[dict]) -> bool:
    """Every number in the answer lies inside a cited quote: remove the quotes and markers, no digit remains."""
    rest = answer_text
    for c in sorted(citations, key=lambda c: -len(c["quote"])):
        rest = rest.replace(c["quote"], "")
    rest = MARKER.sub("", rest)
    return DIGITS.search(rest) is None


def answer_length(answer_text: str) -> int:
    """Characters a reader reads: the answer without markers."""
    return len(MARKER.sub("", answer_text))


def summarize(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else float("nan")


def percentile(values: Sequence[float], q: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    idx = min(len(s) - 1, max(0, math.ceil(q * len(s)) - 1))
    return s[idx]


def med(values: Sequence[float]) -> float:
    return float(median(values)) if values else float("nan")
