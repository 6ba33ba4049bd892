"""Parse a compilation's extracted text into citable records, repairing PDF artefacts only.

The source is text extracted from a PDF: blocks separated by blank lines, paragraphs broken at page
breaks, stray ``**bold**`` marks. The parser removes the bold marks, joins a block that does not end
a sentence with the block after it, and otherwise keeps every character, so quotes stay verbatim.
Structure it recognises (and nothing keyed to one particular compilation):

* an index table ``序号 / 报送单位 / 案例名称`` (tab- or space-separated rows);
* case headings ``案例一`` … ``案例二十``, each followed by a title line and a submitting-unit line;
* section headings ``一、工作背景`` (any short ``<numeral>、<heading>`` line), with an untitled
  preamble when body text comes before the first heading;
* sub-points ``（一）…。`` opening a paragraph, which head the paragraphs until the next one.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from .records import (
    BACKGROUND,
    OUTCOME,
    PRACTICE,
    PREAMBLE,
    TABLE,
    Case,
    Corpus,
    Paragraph,
    Section,
    Sentence,
)
from .sentences import split_spans


class CorpusFormatError(ValueError):
    """The text does not have the structure of a case compilation."""


CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CASE_HEADING = re.compile(r"^案例([一二三四五六七八九十百零两]+)$")
SECTION_HEADING = re.compile(r"^([一二三四五六七八九十]+)、\s*([^。，,；：:]{2,14})$")
SUBPOINT = re.compile(r"^\s*[（(]\s*([一二三四五六七八九十]+)\s*[）)]\s*")
TABLE_HEADER = re.compile(r"序号\s+报送单位\s+案例名称")
TABLE_ROW = re.compile(r"^\s*(\d{1,3})(?:\t+|\s{2,}|\s+)(\S+?)(?:\t+|\s{2,}|\s+)(\S.*?)\s*$")
BLOCK_END = re.compile(r"(?:[。！？；!?;：:…]|[。！？!?][”’）)」])\s*$")
SECTION_KINDS = (
    (BACKGROUND, ("背景",)),
    (PRACTICE, ("做法", "措施", "举措")),
    (OUTCOME, ("成效", "效果", "成果", "成绩")),
)
UNIT_SPLIT = re.compile(r"[、，,]")
PREAMBLE_HEADING = "导言"
TABLE_HEADING = "案例索引表"


def cn_number(s: str) -> int:
    """Convert a Chinese numeral up to 999 (一, 十二, 二十, 一百零五) to an int."""
    if not s:
        raise ValueError("empty numeral")
    total, current = 0, 0
    for ch in s:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch in CN_DIGITS:
            current = CN_DIGITS[ch]
        else:
            raise ValueError(f"not a Chinese numeral: {s!r}")
    return total + current


def section_kind(heading: str) -> str:
    """Classify a section heading as background / practice / outcome (practice when unknown)."""
    for kind, words in SECTION_KINDS:
        if any(w in heading for w in words):
            return kind
    return PRACTICE


@dataclass
class _Block:
    text: str
    raw: list[int]  # raw-source offset of each character


def _clean(raw: str) -> tuple[str, list[int]]:
    """Drop ``**`` bold marks and carriage returns, keeping a map to raw offsets."""
    out: list[str] = []
    pos: list[int] = []
    i = 0
    while i < len(raw):
        if raw.startswith("**", i):
            i += 2
            continue
        if raw[i] == "\r":
            i += 1
            continue
        out.append(raw[i])
        pos.append(i)
        i += 1
    return "".join(out), pos


def _blocks(text: str, pos: list[int]) -> list[_Block]:
    """Split cleaned text at blank lines into stripped blocks with their raw offsets."""
    blocks: list[_Block] = []
    for m in re.finditer(r"[^\n]+(?:\n(?![ \t\u3000]*\n)[^\n]*)*", text):
        a, b = m.start(), m.end()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            blocks.append(_Block(text[a:b], pos[a:b]))
    return blocks


def _joiner(left: str, right: str) -> str:
    """What stands between two halves of a paragraph broken by a page: nothing, or a space in Latin text."""
    if left[-1:].isascii() and left[-1:].isalnum() and right[:1].isascii() and right[:1].isalnum():
        return " "
    return ""


class _Builder:
    """Accumulates the cleaned document text and records pointing into it."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.raw: list[int] = []
        self.length = 0

    def add(self, text: str, raw: list[int], sep: str = "\n\n") -> tuple[int, int]:
        if self.length and sep:
            self.parts.append(sep)
            self.raw.extend([self.raw[-1]] * len(sep))
            self.length += len(sep)
        start = self.length
        self.parts.append(text)
        self.raw.extend(raw)
        self.length += len(text)
        return start, self.length

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _make_paragraph(
    pid: str, case: int, section_id: str, kind: str, headings: tuple[str, ...], text: str, start: int
) -> Paragraph:
    sentences = tuple(
        Sentence(f"{pid}.t{k}", pid, text[a:b], start + a, start + b)
        for k, (a, b) in enumerate(split_spans(text), 1)
    )
    return Paragraph(pid, case, section_id, kind, headings, text, start, start + len(text), sentences)


def parse(raw: str, name: str = "corpus") -> Corpus:
    """Parse the raw extracted text of a compilation into a `Corpus`.

    Raises:
        CorpusFormatError: no case headings, or a case without sections or body text.
    """
    cleaned, pos = _clean(raw)
    blocks = _blocks(cleaned, pos)
    case_starts = [i for i, b in enumerate(blocks) if CASE_HEADING.match(b.text)]
    if not case_starts:
        raise CorpusFormatError("no case headings (案例一, 案例二, …) found")

    out = _Builder()
    paragraphs: list[Paragraph] = []
    front = blocks[: case_starts[0]]
    title, table = _front_matter(front)
    for b in front:
        if TABLE_HEADER.search(b.text) or b in table:
            continue
        out.add(b.text, b.raw)
    table_rows: dict[int, tuple[str, str]] = {}
    for number, unit, case_title, block, (a, b) in table:
        rs, _ = out.add(block.text[a:b], block.raw[a:b], sep="\n\n" if not table_rows else "\n")
        pid = f"table.r{number:02d}"
        paragraphs.append(
            _make_paragraph(pid, number, "table", TABLE, (TABLE_HEADING,), block.text[a:b], rs)
        )
        table_rows[number] = (unit, case_title)

    cases: list[Case] = []
    bounds = [*case_starts, len(blocks)]
    for ci in range(len(case_starts)):
        case_blocks = blocks[bounds[ci] : bounds[ci + 1]]
        case, case_paragraphs = _parse_case(case_blocks, out, table_rows)
        cases.append(case)
        paragraphs.extend(case_paragraphs)

    numbers = [c.number for c in cases]
    if len(set(numbers)) != len(numbers):
        raise CorpusFormatError(f"case numbers repeat: {numbers}")
    text = out.text
    return Corpus(
        name=name,
        title=title,
        text=text,
        source_sha256=hashlib.sha256(raw.encode("utf-8")).hexdigest(),
        cases=tuple(cases),
        paragraphs=tuple(paragraphs),
        raw_offsets=tuple(out.raw),
    )


def _front_matter(front: list[_Block]) -> tuple[str, list[tuple[int, str, str, _Block, tuple[int, int]]]]:
    """Find the compilation title and the index-table rows (with their spans inside their block)."""
    title = ""
    rows: list[tuple[int, str, str, _Block, tuple[int, int]]] = []
    in_table = False
    for b in front:
        if TABLE_HEADER.search(b.text):
            in_table = True
        offset = 0
        for line in b.text.split("\n"):
            a, e = offset, offset + len(line)
            offset = e + 1
            m = TABLE_ROW.match(line)
            if in_table and m and not TABLE_HEADER.search(line):
                lead = len(line) - len(line.lstrip())
                rows.append((int(m.group(1)), m.group(2), m.group(3), b, (a + lead, e)))
        if not title and "案例" in b.text and not in_table and "\n" not in b.text:
            title = b.text
    return title, rows


def _parse_case(
    blocks: list[_Block], out: _Builder, table_rows: dict[int, tuple[str, str]]
) -> tuple[Case, list[Paragraph]]:
    """Parse one case's blocks (heading first) and append its text to the document."""
    label = blocks[0].text
    number = cn_number(CASE_HEADING.match(label).group(1))  # type: ignore[union-attr]
    cid = f"c{number:02d}"
    case_start, _ = out.add(label, blocks[0].raw)
    table_unit, table_title = table_rows.get(number, ("", ""))

    rest = blocks[1:]
    title_block = rest.pop(0) if rest and not SECTION_HEADING.match(rest[0].text) else None
    title = title_block.text if title_block else table_title
    if title_block:
        out.add(title_block.text, title_block.raw)
    unit = table_unit
    if rest and _looks_like_unit(rest[0].text, table_unit):
        unit_block = rest.pop(0)
        unit = unit_block.text
        out.add(unit_block.text, unit_block.raw)
    units = tuple(u.strip() for u in UNIT_SPLIT.split(unit) if u.strip())

    paragraphs: list[Paragraph] = []
    sections: list[Section] = []
    sec: dict | None = None
    subpoint = ""
    pending: _Block | None = None

    def open_section(number_: int, heading: str, start: int) -> dict:
        kind = PREAMBLE if number_ == 0 else section_kind(heading)
        return {"id": f"{cid}.s{number_}", "number": number_, "heading": heading, "kind": kind,
                "start": start, "end": start, "pids": []}

    def close_section() -> None:
        if sec is not None:
            sections.append(Section(sec["id"], number, sec["number"], sec["heading"], sec["kind"],
                                    sec["start"], sec["end"], tuple(sec["pids"])))

    def flush(block: _Block) -> None:
        nonlocal sec, subpoint
        start, end = out.add(block.text, block.raw)
        if sec is None:
            sec = open_section(0, PREAMBLE_HEADING, start)
        m = SUBPOINT.match(block.text)
        if m:
            first = split_spans(block.text)[0]
            subpoint = block.text[first[0] : first[1]].strip()
        pid = f"{sec['id']}.p{len(sec['pids']) + 1}"
        chain = tuple(h for h in (title, sec["heading"], subpoint) if h)
        paragraphs.append(_make_paragraph(pid, number, sec["id"], sec["kind"], chain, block.text, start))
        sec["pids"].append(pid)
        sec["end"] = end

    for block in rest:
        m = SECTION_HEADING.match(block.text)
        if m and pending is None:
            close_section()
            start, end = out.add(block.text, block.raw)
            sec = open_section(cn_number(m.group(1)), block.text, start)
            sec["end"] = end
            subpoint = ""
            continue
        if pending is not None:
            sep = _joiner(pending.text, block.text)
            raw = pending.raw + [pending.raw[-1]] * len(sep) + block.raw
            pending = _Block(pending.text + sep + block.text, raw)
        else:
            pending = block
        if BLOCK_END.search(pending.text):
            flush(pending)
            pending = None
    if pending is not None:
        flush(pending)
    close_section()
    if not paragraphs:
        raise CorpusFormatError(f"{label} has no body text")
    case = Case(number, cid, label, title, units, table_title, case_start, out.length, tuple(sections))
    return case, paragraphs


def _looks_like_unit(text: str, table_unit: str) -> bool:
    """A submitting-unit line: the unit the table names, or a short line without sentence punctuation."""
    if table_unit and text.replace(" ", "") == table_unit.replace(" ", ""):
        return True
    return len(text) <= 30 and not re.search(r"[。，；：,]", text) and not SECTION_HEADING.match(text)
