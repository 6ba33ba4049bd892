"""The hand-written eval set: loading, validation against the corpus, and the tuning / held-back split.

Items live in ``eval/set/*.jsonl``. The split is written into the files once so it never shifts when items
are added. Its history:

- ``part_a`` and ``part_b`` were first split 60/40 (stratified by type and case, dialogues kept whole). After
  their held-back figures were reported with the first landing, those 86 items were studied to fix failures,
  so they are tuning items now.
- ``part_c`` is the first held-back part: 107 items written afterwards from the corpus alone, by someone who
  never saw the code or its answers. Only its aggregate figures are read.
- ``part_d`` adds tuning items for the hardest kinds (cross-case, index table, unanswerable, English).
- ``part_e`` adds tuning questions on topics no case covers (人工智能监管, 食品安全…), written after such
  questions were seen to slip through.
- ``part_f`` adds 100 tuning items written, like ``part_c``, from the corpus alone by someone who never saw
  the code or its answers, to find failures that generalise. Their figures on first sight, before any of
  them was studied (code at caa6436): key facts 0.75, all facts 0.72, refusal recall 0.56, false refusals
  0.04, follow-ups 0.56, cross-case 0.70, English 0.70 — close to the held-back split's.
- ``part_g`` adds 70 more such tuning items on the weakest kinds (25 unanswerable, 18 cross-case, 17 English).
  On first sight (code at f5373ad): key facts 0.73, all facts 0.64, refusal recall 0.68, false refusals
  0.04, cross-case 0.56, English 0.59.
- ``part_h`` adds 80 more such tuning items (20 unanswerable, 15 cross-case, 15 English, three dialogues, the
  rest spread over the other kinds). On first sight (code at 4c6cd0b): key facts 0.82, all facts 0.72, refusal
  recall 0.65, false refusals 0.00, follow-ups 1.00, cross-case 0.53, English 0.87.
- ``part_i`` adds 80 more such tuning items (20 unanswerable, 14 cross-case, 14 English, two 3-turn dialogues).
  On first sight (code at 46d5786): key facts 0.77, all facts 0.70, refusal recall 0.65, false refusals 0.05,
  follow-ups 0.75, cross-case 0.36, English 0.64.
- ``part_j`` adds 80 more such tuning items (20 unanswerable, 14 cross-case, 14 English, two 3-turn dialogues).
  On first sight (code at 162e63d): key facts 0.88, all facts 0.83, refusal recall 0.95, false refusals 0.03,
  follow-ups 1.00, cross-case 0.57, English 0.86.
- ``part_k`` adds 80 more such tuning items (20 unanswerable, 16 cross-case, 16 English, two 3-turn dialogues).
  On first sight (code at 0cbf14c): key facts 0.90, all facts 0.88, refusal recall 0.65, false refusals 0.02,
  follow-ups 0.75, cross-case 0.75, English 0.94.
- ``part_l`` adds 80 more such tuning items (22 unanswerable, 18 cross-case, 18 English, two 3-turn dialogues).
  On first sight (code at 1452833): key facts 0.86, all facts 0.81, refusal recall 0.68, false refusals 0.00,
  follow-ups 0.75, cross-case 0.61, English 0.83.
- ``part_m`` and ``part_n`` add 80 more such tuning items each (20 unanswerable, 16 cross-case, 16 English, two
  3-turn dialogues; ``part_m`` leans on cases 1–5 and results and asks two things at once, ``part_n`` leans on
  cases 6–10 and describes cases by what they did). On first sight (code at b51d32e): key facts 0.85 / 0.79,
  all facts 0.82 / 0.70, refusal recall 0.65 / 0.65, false refusals 0.03 / 0.05, follow-ups 0.75 / 0.75,
  cross-case 0.81 / 0.50, English 0.88 / 0.94.
- ``part_o`` adds 80 held-back items (20 unanswerable, 16 cross-case, 16 English, two 3-turn dialogues), written
  the same way as ``part_m`` / ``part_n`` and at the same time, before any change they led to. The 14
  unanswerable, 7 cross-case and 11 English questions of ``part_c`` were too few to measure those kinds. Only
  aggregate figures are read. On the code they were written against (b51d32e): key facts 0.88, all facts 0.83,
  refusal recall 0.70, false refusals 0.02, follow-ups 0.75, cross-case 0.81, English 0.75 (``part_c`` alone:
  0.81, 0.78, 0.57, 0.04, 1.00, 0.57, 0.55).
- ``part_p`` adds 60 tuning items aimed at the weakest kinds (20 unanswerable, 8 of them in English; 24 English,
  a third asking two things; 8 cross-case; one 3-turn dialogue), written after the fixes found with ``part_m`` /
  ``part_n``. On first sight (code at a9be939): key facts 0.76, all facts 0.72, refusal recall 0.50, false
  refusals 0.05, follow-ups 1.00, cross-case 0.62, English 0.71.
- ``part_q`` and ``part_r`` add 80 more such tuning items each (22 unanswerable, 18 English, 12 cross-case, two
  3-turn dialogues; ``part_q`` leans on cases 1, 2, 4, 6, 8 and 10 and on near-misses about figures, dates and
  places, ``part_r`` on cases 3, 5, 7, 9 and the index table and on details of named things the text never
  gives). On first sight (code at 06a4356): key facts 0.85 / 0.78, all facts 0.81 / 0.67, refusal recall 0.68 /
  0.68, false refusals 0.02 / 0.02, follow-ups 0.75 / 0.75, cross-case 0.67 / 0.33, English 0.78 / 0.56.
- ``part_s`` and ``part_t`` add 80 more such tuning items each, written after the fixes found with ``part_q`` /
  ``part_r`` (``part_s``: 30 English questions, 8 of them unanswerable, 20 unanswerable in all, 10 cross-case;
  ``part_t``: 22 unanswerable near-misses, breakdowns of totals among them, 16 cross-case, questions asking two or
  three things). On first sight (code at 60e55a2): key facts 0.86 / 0.89, all facts 0.80 / 0.81, refusal recall
  0.55 / 0.82, false refusals 0.00 / 0.02, follow-ups 0.50 / 1.00, cross-case 0.70 / 0.56, English 0.73 / 0.80.
- ``part_u`` and ``part_v`` add 80 more such tuning items each, written after the fixes found with ``part_s`` /
  ``part_t`` (``part_u``: 26 English questions and 8 more unanswerable ones in English, 22 unanswerable in all,
  10 cross-case; ``part_v``: 22 unanswerable near-misses, 14 cross-case, 14 lists of three or more items, 10
  English, two 3-turn dialogues). On first sight (code at 2b044b5): key facts 0.80 / 0.84, all facts 0.71 /
  0.78, refusal recall 0.45 / 0.82, false refusals 0.03 / 0.00, follow-ups 1.00 / 1.00, cross-case 0.60 / 0.57,
  English 0.69 / 0.50.
- ``part_w`` and ``part_x`` add 80 more such tuning items each, written after the fixes found with ``part_u`` /
  ``part_v`` (``part_w``: 30 unanswerable near-misses, 10 of them in English, 22 English, 8 cross-case, one 3-turn
  dialogue; ``part_x``: 26 unanswerable near-misses mixing a true detail with one the text never gives, 8 of them
  in English, 18 English, 12 cross-case, 10 lists of three or more items, one 3-turn dialogue). On first sight
  (code at 6267eca): key facts 0.86 / 0.88, all facts 0.84 / 0.85, refusal recall 0.67 / 0.69, false refusals
  0.04 / 0.00, follow-ups 1.00 / 1.00, cross-case 0.75 / 0.75, English 0.82 / 0.89.
- ``part_y`` adds 80 held-back items, written at the same time as ``part_w`` / ``part_x`` and before any change
  they led to, as a representative sample (20 unanswerable, 6 of them in English; 14 English; 12 cross-case; two
  3-turn dialogues; every other type at least twice). Fresh tuning parts had brought the held-back share under a
  tenth, and ``part_c`` / ``part_o`` had been read as aggregates for many rounds. Only aggregate figures are read.
  On first sight (code at 6267eca): key facts 0.82, all facts 0.77, refusal recall 0.80, false refusals 0.03,
  follow-ups 0.50, cross-case 0.58, English 0.79.
- ``part_z`` adds 80 tuning items written after the fixes found with ``part_w`` / ``part_x`` (28 unanswerable
  near-misses, 8 of them in English: a person, a district's or year's figure, a named fund's detail, a rate told
  only in words, a plan, another city; 20 English; 10 cross-case; 6 why-questions; three 3-turn dialogues). On
  first sight (code at 49149d2): key facts 0.77, all facts 0.69, refusal recall 0.82, false refusals 0.00,
  follow-ups 0.50, cross-case 0.50, English 0.80.
- ``part_za`` adds 80 tuning items written at the same time as ``part_z`` (24 unanswerable near-misses that change
  one detail of a true statement, 6 of them in English; 14 English; 14 cross-case; 10 short factual questions;
  three 3-turn dialogues, one switching case in its last turn). On first sight (code at 49149d2): key facts 0.90,
  all facts 0.86, refusal recall 0.83, false refusals 0.00, follow-ups 1.00, cross-case 0.71, English 0.71.
- ``part_zb`` adds 80 tuning items written after the ``part_z`` / ``part_za`` round (22 unanswerable near-misses,
  7 of them in English: a neighbouring thing's figure, a month never given, an official's or firm's name, a total
  of parts, a ranking against other places, a cost; 18 English; 18 cross-case naming cases by unit or deed; two
  3-turn dialogues, one in English; terse colloquial questions). On first sight (code at f2d46ea): key facts
  0.77, all facts 0.67, refusal recall 0.68, false refusals 0.07, follow-ups 0.75, cross-case 0.39, English 0.83.
- ``part_zc`` adds 80 tuning items written at the same time as ``part_zb`` (24 unanswerable near-misses, 6 of them
  in English: a wrong unit or year, a measure given to the wrong case, a named mechanism's undescribed detail,
  staff or budget, what came after 2023, a district not mentioned; 16 English; 16 cross-case over 2–3 cases;
  6 why-questions; three 3-turn dialogues, one switching case in its last turn). On first sight (code at
  f2d46ea): key facts 0.91, all facts 0.86, refusal recall 0.71, false refusals 0.00, follow-ups 1.00,
  cross-case 0.75, English 0.88.
- ``part_zd`` and ``part_ze`` add 80 tuning items each, written after the ``part_zb`` / ``part_zc`` round (22
  unanswerable near-misses each, 6 of them in English; 18 cross-case, half open "哪些案例…", half naming two or
  three cases; 16 English; two 3-turn dialogues each; ``part_zd`` leans on cases 1–5 and the index table and is
  typed tersely, ``part_ze`` leans on cases 6–10 and compares cases). On first sight (code at 86063f0): key facts
  0.87 / 0.85, all facts 0.83 / 0.78, refusal recall 0.73 / 0.77, false refusals 0.03 / 0.00, follow-ups 0.50 /
  1.00, cross-case 0.67 / 0.67, English 0.88 / 0.75.
- ``part_zf`` and ``part_zg`` add 80 tuning items each, written after the ``part_zd`` / ``part_ze`` round (22
  unanswerable near-misses each, 7 of them in English: baselines "before the reform", a part of a figure the text
  gives only as a whole, per-unit figures, undated events, fees, people; 18 cross-case, half open "哪些案例…", half
  naming two or three cases; 18 English; two 3-turn dialogues each, one of them switching case; ``part_zf`` leans
  on cases 1, 3, 5, 7, 9 and the index table, ``part_zg`` on cases 2, 4, 6, 8, 10). On first sight (code at
  1eb7e7e): key facts 0.85 / 0.70, all facts 0.79 / 0.60, refusal recall 0.64 / 0.55, false refusals 0.00 / 0.05,
  follow-ups 1.00 / 0.75, cross-case 0.61 / 0.33, English 0.89 / 0.78.
- ``part_zh`` adds 80 tuning items written after the ``part_zf`` / ``part_zg`` round (20 unanswerable near-misses,
  6 of them in English: parts of a total, a count given only as a percentage, undated events, unnamed bodies and
  places, a later year, another city; 22 cross-case, half open "哪些案例…" on themes not asked before, half naming
  two cases; 18 English, why / how among them; two 3-turn dialogues, one in English). On first sight (code at
  aa320bd): key facts 0.71, all facts 0.60, refusal recall 0.75, false refusals 0.03, follow-ups 0.75, cross-case
  0.55, English 0.58.
- ``part_zi`` adds 60 held-back items written at the same time as ``part_zh`` and before any change it led to (14
  unanswerable near-misses, 4 of them in English; 10 English; 9 cross-case; two 3-turn dialogues; every other type
  at least once), so the held-back share stays above a tenth. Only aggregate figures are read. On first sight
  (code at aa320bd): key facts 0.82, all facts 0.72, refusal recall 0.64, false refusals 0.04, follow-ups 1.00,
  cross-case 0.56, English 0.80.
- ``part_zj`` adds 80 tuning items written after the ``part_zh`` / ``part_zi`` round, aimed at the kinds the
  held-back split does worst on (16 unanswerable near-misses, 5 of them in English; 18 cross-case, half open
  "哪些案例…" on new themes, half naming two or three cases; 12 English; 10 index-table questions asked by topic, by
  position and tersely; 8 outcome and 8 why-questions; 5 variants; one 3-turn dialogue). On first sight (code at
  476d701): key facts 0.74, all facts 0.66, refusal recall 0.69, false refusals 0.03, follow-ups 1.00, cross-case
  0.44, English 0.92.
- ``part_zk`` adds 60 held-back items written at the same time as ``part_zj`` and before any change it led to (12
  unanswerable near-misses, 4 of them in English; 9 English; 9 cross-case; 5 index-table questions; two 3-turn
  dialogues; the other types at least once). Only aggregate figures are read. On first sight (code at 476d701):
  38 of 60 right; key facts 0.70, all facts 0.62, refusal recall 0.67, false refusals 0.06, follow-ups 0.50,
  cross-case 0.56, English 0.67.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from caseqa.corpus import Corpus
from caseqa.files import write_text

TYPES = frozenset(
    "number date name list how why outcome which_case table cross_case colloquial variant english "
    "unanswerable followup".split()
)
SPLITS = ("tuning", "heldback")
TUNING_SHARE = 0.6


@dataclass(frozen=True)
class Evidence:
    paragraph: str
    text: str


@dataclass(frozen=True)
class Item:
    """One eval question with its gold answer."""

    id: str
    question: str
    history: tuple[str, ...]
    dialogue: str | None
    turn: int | None
    type: str
    cases: tuple[int, ...]
    paragraphs: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    key_facts: tuple[str, ...]
    split: str | None
    note: str = ""

    @property
    def answerable(self) -> bool:
        return self.type != "unanswerable"


def set_dir() -> Path:
    """Folder of the eval set files (``$CASEQA_EVAL_SET`` overrides)."""
    return Path(os.environ.get("CASEQA_EVAL_SET") or str(resources.files("caseqa.eval").joinpath("set")))


def _item(d: dict) -> Item:
    return Item(
        id=d["id"], question=d["question"], history=tuple(d.get("history") or ()), dialogue=d.get("dialogue"),
        turn=d.get("turn"), type=d["type"], cases=tuple(d.get("cases") or ()),
        paragraphs=tuple(d.get("paragraphs") or ()),
        evidence=tuple(Evidence(e["paragraph"], e["text"]) for e in d.get("evidence") or ()),
        key_facts=tuple(d.get("key_facts") or ()), split=d.get("split"), note=d.get("note") or "",
    )


def load_items(directory: Path | None = None, split: str = "all") -> list[Item]:
    """All items (or one split's), in file then line order."""
    items = []
    for path in sorted((directory or set_dir()).glob("*.jsonl")):
        with open(path, encoding="utf-8") as f:
            items.extend(_item(json.loads(line)) for line in f if line.strip())
    if split != "all":
        if split not in SPLITS:
            raise ValueError(f"unknown split {split!r}; choose tuning, heldback or all")
        items = [i for i in items if i.split == split]
    return items


def validate(items: list[Item], corpus: Corpus) -> list[str]:
    """Problems with the eval set: unknown ids or types, evidence not verbatim in its paragraph, etc."""
    problems = []
    ids = set()
    pids = {p.id for p in corpus.paragraphs}
    cases = {c.number for c in corpus.cases}
    for it in items:
        where = f"{it.id}:"
        if it.id in ids:
            problems.append(f"{where} duplicate id")
        ids.add(it.id)
        if it.type not in TYPES:
            problems.append(f"{where} unknown type {it.type!r}")
        if it.split not in SPLITS:
            problems.append(f"{where} split is {it.split!r}")
        if not it.question.strip():
            problems.append(f"{where} empty question")
        problems += [f"{where} unknown case {c}" for c in it.cases if c not in cases]
        problems += [f"{where} unknown paragraph {p}" for p in it.paragraphs if p not in pids]
        if it.answerable and not (it.paragraphs and it.evidence and it.key_facts):
            problems.append(f"{where} answerable item without gold paragraphs, evidence or key facts")
        if not it.answerable and (it.paragraphs or it.evidence or it.key_facts):
            problems.append(f"{where} unanswerable item with gold")
        for e in it.evidence:
            if e.paragraph not in pids:
                continue
            if e.paragraph not in it.paragraphs:
                problems.append(f"{where} evidence paragraph {e.paragraph} not among gold paragraphs")
            if e.text not in corpus.paragraph(e.paragraph).text:
                problems.append(f"{where} evidence not verbatim in {e.paragraph}: {e.text[:30]!r}")
            if e.text not in corpus.text:
                problems.append(f"{where} evidence not in the source text")
        for fact in it.key_facts:
            if not any(fact in e.text for e in it.evidence):
                problems.append(f"{where} key fact {fact!r} is in no evidence span")
        if (it.dialogue is None) != (it.turn is None):
            problems.append(f"{where} dialogue and turn must be set together")
        if it.type == "followup" and not it.history:
            problems.append(f"{where} follow-up without history")
    return problems


def assign_splits(directory: Path | None = None) -> dict[str, int]:
    """Give every item without a split one: ~60/40 within each type, spread over cases, dialogues kept whole.

    Order inside a stratum is by a hash of the id, so the assignment is reproducible and not by writing order.
    """
    directory = directory or set_dir()
    items = load_items(directory)
    units: dict[str, list[Item]] = defaultdict(list)
    for it in items:
        units[it.dialogue or it.id].append(it)
    strata: dict[tuple, list[str]] = defaultdict(list)
    decided: dict[str, str] = {}
    for key, members in units.items():
        existing = {m.split for m in members if m.split}
        if existing:
            decided[key] = existing.pop()
            continue
        first = members[0]
        strata[("dialogue",) if first.dialogue else (first.type,)].append(key)
    first_case = {k: (m[0].cases[0] if m[0].cases else 0) for k, m in units.items()}
    for keys in strata.values():
        # Ordered by case, then by a hash of the id: an even 60/40 walk over this order spreads both splits
        # over every case of the type.
        keys.sort(key=lambda k: (first_case[k], hashlib.sha256(k.encode()).hexdigest()))
        for i, k in enumerate(keys):
            tuning = int((i + 1) * TUNING_SHARE + 0.5) > int(i * TUNING_SHARE + 0.5)
            decided[k] = "tuning" if tuning else "heldback"
    counts: dict[str, int] = defaultdict(int)
    for path in sorted(directory.glob("*.jsonl")):
        lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        for d in lines:
            d["split"] = decided[d.get("dialogue") or d["id"]]
            counts[d["split"]] += 1
        write_text(path, "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in lines))
    return dict(counts)


if __name__ == "__main__":  # python -m caseqa.eval.evalset: assign missing splits
    print(assign_splits())
