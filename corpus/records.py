"""Citable records of a case compilation: cases, sections, paragraphs and sentences.

Every record carries character offsets into `Corpus.text` (the cleaned document) so that any quote
can be located and highlighted; ids come from structure (``c03.s2.p4``), never from random numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Section kinds, derived from the section heading; answering uses them to route 为什么/怎么/成效 questions.
BACKGROUND = "background"
PRACTICE = "practice"
OUTCOME = "outcome"
PREAMBLE = "preamble"
TABLE = "table"


def section_label(headings: tuple[str, ...]) -> str:
    """A heading chain without its case title: ``二、主要做法 › （二）…``; a table row keeps its only heading."""
    return " › ".join(headings[1:]) or headings[0]


@dataclass(frozen=True)
class Sentence:
    """One sentence (or list item) of a paragraph; sentences tile their paragraph exactly."""

    id: str
    paragraph_id: str
    text: str
    start: int  # offset in Corpus.text
    end: int


@dataclass(frozen=True)
class Paragraph:
    """One citable paragraph: a repaired body paragraph or a row of the index table."""

    id: str
    case: int
    section_id: str
    section_kind: str
    headings: tuple[str, ...]  # heading chain: case title › section › sub-point
    text: str
    start: int
    end: int
    sentences: tuple[Sentence, ...]

    @property
    def section_label(self) -> str:
        """Where in its case the paragraph stands, e.g. ``二、主要做法 › （二）…`` (``案例索引表`` for a row)."""
        return section_label(self.headings)


@dataclass(frozen=True)
class Section:
    """A titled part of a case (一、工作背景 …), or the untitled preamble before the first heading."""

    id: str
    case: int
    number: int  # 0 for an untitled preamble
    heading: str
    kind: str
    start: int
    end: int
    paragraph_ids: tuple[str, ...]


@dataclass(frozen=True)
class Case:
    """One case: number, title, submitting unit(s), sections, and its row in the index table."""

    number: int
    id: str
    label: str  # the heading as printed, e.g. 案例三
    title: str
    units: tuple[str, ...]
    table_title: str  # the title as the index table spells it
    start: int
    end: int
    sections: tuple[Section, ...]

    @property
    def unit(self) -> str:
        """Submitting unit(s) joined the way the source joins them."""
        return "、".join(self.units)


@dataclass(frozen=True)
class Corpus:
    """A parsed compilation: the cleaned text and every record that points into it."""

    name: str
    title: str
    text: str
    source_sha256: str
    cases: tuple[Case, ...]
    paragraphs: tuple[Paragraph, ...]
    raw_offsets: tuple[int, ...] = field(repr=False, default=())  # Corpus.text index -> raw source index

    def case(self, number: int) -> Case:
        """The case with this number; KeyError names the valid numbers."""
        for c in self.cases:
            if c.number == number:
                return c
        raise KeyError(f"no case {number}; valid: {', '.join(str(c.number) for c in self.cases)}")

    def paragraph(self, pid: str) -> Paragraph:
        """The paragraph with this id."""
        return self._by_id()[pid]

    def _by_id(self) -> dict[str, Paragraph]:
        cache = self.__dict__.get("_pid_cache")
        if cache is None:
            cache = {p.id: p for p in self.paragraphs}
            object.__setattr__(self, "_pid_cache", cache)
        return cache

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        """All sentences in document order."""
        return tuple(s for p in self.paragraphs for s in p.sentences)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the cleaned text back to the raw source file (before repairs)."""
        if not self.raw_offsets:
            return start, end
        return self.raw_offsets[start], self.raw_offsets[end - 1] + 1
