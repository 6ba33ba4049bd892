"""Structure-following chunks: a paragraph is a chunk; an over-long one splits at sentence boundaries.

A chunk's ``text`` is always verbatim source text; the heading chain is prefixed only to what is embedded
and indexed for BM25, so retrieval knows which case and section a paragraph belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass

from caseqa.corpus import Corpus, Paragraph
from caseqa.corpus.records import section_label


@dataclass(frozen=True)
class Chunk:
    """A retrievable unit: all or part of one paragraph."""

    id: str
    paragraph_id: str
    case: int
    section_kind: str
    headings: tuple[str, ...]
    text: str
    start: int  # offsets in Corpus.text
    end: int
    context: str  # heading chain (and table labels) prefixed for embedding / BM25 only

    @property
    def section_label(self) -> str:
        """Where in its case the chunk stands (see corpus.records.section_label)."""
        return section_label(self.headings)

    @property
    def index_text(self) -> str:
        """What the encoder and BM25 see: context, then the verbatim text."""
        return f"{self.context}\n{self.text}" if self.context else self.text


def _context(corpus: Corpus, p: Paragraph) -> str:
    case = corpus.case(p.case) if p.case in {c.number for c in corpus.cases} else None
    if p.section_kind == "table" and case is not None:
        # The raw row is "3<TAB>unit<TAB>title"; spell out what the columns mean for the encoder.
        return f"案例索引表 第{case.number}个案例（{case.label}） 报送单位：{case.unit} 案例名称：{case.table_title}"
    return " › ".join(p.headings)


def chunk(corpus: Corpus, max_chars: int = 400) -> list[Chunk]:
    """Chunks for every paragraph of ``corpus``; paragraphs longer than ``max_chars`` split between sentences."""
    if max_chars < 20:
        raise ValueError(f"max_chars must be at least 20, got {max_chars}")
    chunks: list[Chunk] = []
    for p in corpus.paragraphs:
        ctx = _context(corpus, p)
        groups: list[list] = [[]]
        size = 0
        for s in p.sentences:
            if groups[-1] and size + len(s.text) > max_chars:
                groups.append([])
                size = 0
            groups[-1].append(s)
            size += len(s.text)
        for k, group in enumerate(groups, 1):
            start, end = group[0].start, group[-1].end
            cid = p.id if len(groups) == 1 else f"{p.id}#{k}"
            chunks.append(
                Chunk(cid, p.id, p.case, p.section_kind, p.headings, corpus.text[start:end], start, end, ctx)
            )
    return chunks
