"""The parse a person would check: cases, sections, repaired paragraphs, tiling sentences, offsets."""

from __future__ import annotations

import re

import pytest

from caseqa.corpus import CorpusFormatError, cn_number, load, parse
from caseqa.corpus.sentences import split_sentences


def test_every_record_lies_at_its_offsets(real_corpus):
    text = real_corpus.text
    for p in real_corpus.paragraphs:
        assert text[p.start : p.end] == p.text
        assert "".join(s.text for s in p.sentences) == p.text
        for s in p.sentences:
            assert text[s.start : s.end] == s.text
    for case in real_corpus.cases:
        for sec in case.sections:
            assert text[sec.start : sec.start + len(sec.heading)] == sec.heading or sec.number == 0


def test_index_table_becomes_case_metadata(real_corpus):
    assert [c.number for c in real_corpus.cases] == list(range(1, 11))
    six = real_corpus.case(6)
    assert six.units == ("市委统战部", "市工商联")
    assert "企·航" in six.title
    rows = [p for p in real_corpus.paragraphs if p.section_kind == "table"]
    assert [p.id for p in rows] == [f"table.r{i:02d}" for i in range(1, 11)]
    assert "市中级人民法院" in real_corpus.paragraph("table.r08").text


def test_page_breaks_are_joined_and_bold_marks_removed(real_corpus):
    text = real_corpus.text
    assert "电子招投标交易平台、阳光租赁平台" in text
    assert "**" not in text
    p = next(p for p in real_corpus.paragraphs if "电子招投标交易平台" in p.text)
    assert p.text.startswith("(二)")
    # no paragraph is a bare page-break fragment
    assert all(len(p.text) > 8 for p in real_corpus.paragraphs)


def test_raw_offsets_point_into_the_source(real_corpus):
    from caseqa.corpus import default_source

    raw = default_source().read_text(encoding="utf-8")
    p = real_corpus.paragraph("c03.s3.p1")
    first = p.sentences[0]
    a, b = real_corpus.raw_span(first.start, first.end)
    assert raw[a:b].replace("\n", "") == first.text


def test_section_variants_and_preamble(real_corpus):
    six = real_corpus.case(6)
    assert [s.kind for s in six.sections] == ["preamble", "practice", "outcome"]
    eight = real_corpus.case(8)
    assert eight.sections[-1].heading == "三、取得成效" and eight.sections[-1].kind == "outcome"


def test_subpoint_heading_chain(real_corpus):
    p = real_corpus.paragraph("c02.s2.p2")
    assert p.headings[1] == "二、主要做法"
    assert p.headings[2].startswith("（二）智慧赋能")


def test_mini_corpus_structure(mini_corpus):
    assert mini_corpus.case(2).units == ("市甲办", "市乙会")
    assert [s.kind for s in mini_corpus.case(2).sections] == ["preamble", "practice", "outcome"]
    p = mini_corpus.paragraph("c01.s2.p2")
    assert "无需到现场办理，平均办理时间" in p.text
    assert [s.text[:3] for s in p.sentences][:3] == ["（二）", "一是提", "二是提"]
    assert "平台累计服务企业5200家" in mini_corpus.paragraph("c01.s3.p1").text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一是甲，乙；二是丙。", ["一是甲，乙；", "二是丙。"]),
        ("推出“办不成事。反映”窗口。后来", ["推出“办不成事。反映”窗口。", "后来"]),
        ("出台《指引？草案》。好！", ["出台《指引？草案》。", "好！"]),
        ("他说：“好。”然后走了。", ["他说：“好。”", "然后走了。"]),
        ("", []),
        ("没有句号", ["没有句号"]),
    ],
)
def test_sentence_splitting(text, expected):
    assert split_sentences(text) == expected


def test_sentences_never_split_inside_titles(real_corpus):
    for s in real_corpus.sentences:
        assert s.text.count("《") == s.text.count("》"), s.id


@pytest.mark.parametrize(("s", "n"), [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23)])
def test_cn_number(s, n):
    assert cn_number(s) == n


def test_bad_sources_give_clear_errors(tmp_path):
    with pytest.raises(CorpusFormatError, match="no case headings"):
        parse("just some text\n\nno structure")
    with pytest.raises(CorpusFormatError, match="not found"):
        load(tmp_path / "missing.txt")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(CorpusFormatError, match="cannot read"):
        load(bad)


def test_ids_are_structural(real_corpus):
    for p in real_corpus.paragraphs:
        assert re.fullmatch(r"table\.r\d\d|c\d\d\.s\d\.p\d+", p.id), p.id
