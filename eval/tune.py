"""Coordinate search over answer parameters on the tuning split only (the held-back split is never read).

Usage: python -m caseqa.eval.tune  — prints the best parameters; copy them into AnswerParams by hand, so a
change of defaults is a reviewed commit.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, replace
from statistics import median

from caseqa.app.answer import Answer, Answerer, AnswerParams
from caseqa.app.runtime import Runtime

from .evalset import Item, load_items
from .metrics import answer_length, fact_recall

GRID = {
    "w_lex": [0.15, 0.25, 0.35, 0.5, 0.7],
    "idf_power": [1.0, 1.5, 2.0, 3.0],
    "identity_weight": [0.2, 0.4, 0.7, 1.0],
    "w_quote": [0.0, 0.04, 0.08, 0.15],
    "w_repeat": [0.0, 0.04, 0.08],
    "w_hit": [0.0, 0.02, 0.04, 0.08, 0.15],
    "w_hit_english": [0.0, 0.04, 0.08, 0.15, 0.25],
    "w_want": [0.02, 0.04, 0.06, 0.1],
    "w_section": [0.0, 0.03, 0.05, 0.08],
    "w_outcome_number": [0.0, 0.02, 0.04, 0.08],
    "margin": [0.02, 0.04, 0.06, 0.09],
    "support_min": [0.84, 0.86, 0.88, 0.9, 0.92],
    "w_agree": [0.02, 0.05, 0.1, 0.15],
    "cos_floor": [0.76, 0.8, 0.84],
    "lex_floor": [0.1, 0.25, 0.4],
    "number_cos": [0.9, 0.93, 0.95, 1.0],
    "cross_margin": [0.02, 0.05, 0.08, 0.12],
    "candidate_chunks": [4, 6, 8, 10],
    "english_chunks": [1, 2, 3, 6],
    "max_chars": [200, 260, 320],
    "w_bridge": [0.5, 0.65, 0.8, 1.0],
    "section_switch_margin": [0.0, 0.03, 0.05, 0.1],
    "date_switch_margin": [0.0, 0.05, 0.1, 0.15, 0.2],
}
MAX_FALSE_REFUSALS = 0.05
MAX_MEDIAN_LENGTH = 150  # characters a reader reads (the issue: a median around 100–150)


def score(runtime: Runtime, items: list[Item], params: AnswerParams) -> tuple[float, float, float]:
    """(share of items handled right, false-refusal rate, median answer length) on ``items``."""
    answerer = Answerer(runtime, params)
    conv: dict[str, list[Answer]] = defaultdict(list)
    right = 0
    false_ref = 0
    answerable = 0
    lengths = []
    for it in items:
        hist = conv[it.dialogue] if it.dialogue else []
        ans = answerer.answer(it.question, history=list(hist))
        if it.dialogue:
            conv[it.dialogue].append(ans)
        if it.answerable:
            answerable += 1
            false_ref += ans.abstained
            right += (not ans.abstained) and fact_recall(ans.text, it.key_facts) == 1.0
        else:
            right += ans.abstained
        if not ans.abstained:
            lengths.append(answer_length(ans.text))
    return right / len(items), false_ref / max(answerable, 1), median(lengths) if lengths else 0.0


def tune(runtime: Runtime, rounds: int = 2) -> AnswerParams:
    items = load_items(split="tuning")
    best = AnswerParams()
    best_score, fr, length = score(runtime, items, best)
    print(f"start {best_score:.3f} (false refusals {fr:.3f}, median length {length:.0f})")
    for _ in range(rounds):
        improved = False
        for name, values in GRID.items():
            for v in values:
                cand = replace(best, **{name: v})
                s, fr, length = score(runtime, items, cand)
                # the bounds: few false refusals, and short answers (the paragraph gives the context)
                if fr <= MAX_FALSE_REFUSALS and length <= MAX_MEDIAN_LENGTH and s > best_score + 1e-9:
                    best, best_score, improved = cand, s, True
                    print(f"  {name}={v}: {s:.3f} (false refusals {fr:.3f}, median length {length:.0f})")
        if not improved:
            break
    print("best", best_score, asdict(best))
    return best


if __name__ == "__main__":
    from caseqa.app.runtime import load_runtime
    from caseqa.config import Config

    tune(load_runtime(Config(), log=lambda m: None, progress=False))
