"""The web app through its API (gradio_client), on a real server with the real model; plus its HTML rendering."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from ui_helpers import feedback_rows, start_server

from caseqa.app.answer import Answer, Citation, Related
from caseqa.app.ui import chat_messages, conversation_markdown, esc, render_answer, render_sources, search_corpus

pytestmark = pytest.mark.model

INJECTION = '<img src=x onerror=alert(1)><script>alert("x")</script>{{7*7}}${1+1}'


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("ui-api") / "feedback.sqlite3"
    demo, url, _ = start_server(db)
    yield url, db
    demo.close()


@pytest.fixture
def client(server):
    """A fresh browser-like session: its own gr.State, so tests never see each other's conversation."""
    from gradio_client import Client

    return Client(server[0], verbose=False, download_files=str(Path(server[1]).parent / "downloads"))


def _ask(client, question: str, cases: list[int] | None = None) -> tuple[list[dict], str, str]:
    messages, sources, notice, _box = client.predict(question, cases or [], api_name="/ask")
    return messages, sources, notice


def _text(message: dict) -> str:
    content = message["content"]
    if isinstance(content, list):
        return "".join(c.get("text", "") if isinstance(c, dict) else str(c) for c in content)
    return str(content)


def test_ask_shows_quote_marker_and_highlighted_source(client):
    messages, sources, _notice = _ask(client, "个体深信贷累计放款多少？")
    assert [m["role"] for m in messages] == ["user", "assistant"]
    answer = _text(messages[1])
    assert "3.78 亿" in answer
    assert 'href="#src-0-1"' in answer and ">[1]</a>" in answer
    assert 'id="src-0-1"' in sources and "<mark>" in sources
    assert "c03.s3.p1" in sources and "市市场监管局" in sources and "三、工作成效" in sources
    assert "未找到依据" not in answer


def test_follow_up_is_resolved_against_this_session(client):
    _ask(client, "个体深信贷累计放款多少？")
    messages, sources, _ = _ask(client, "那它的成效呢？")
    assert len(messages) == 4
    follow = _text(messages[3])
    assert "接上文" in follow and "案例三" in follow
    assert 'id="src-1-1"' in sources  # the sources panel moved to the latest answer


def test_sessions_do_not_share_conversations(server, client):
    from gradio_client import Client

    _ask(client, "个体深信贷累计放款多少？")
    other = Client(server[0], verbose=False)
    messages, _, _ = _ask(other, "那它的成效呢？")
    assert len(messages) == 2
    assert "接上文" not in _text(messages[1])


def test_question_outside_the_cases_is_refused_with_closest_passages(client):
    messages, sources, _ = _ask(client, "2021年北京市的营商环境怎么样？")
    answer = _text(messages[1])
    assert "未找到依据" in answer and "案例材料中没有找到" in answer
    assert "最接近的段落" in answer and "最接近的段落" in sources
    assert "<mark>" not in sources


def test_case_filter_keeps_citations_inside_the_chosen_case(client):
    messages, sources, _ = _ask(client, "取得了哪些成效？", cases=[5])
    assert "案例五" in _text(messages[1])
    assert "c05." in sources
    assert not any(f'<code>c{n:02d}.' in sources for n in range(1, 11) if n != 5)


@pytest.mark.parametrize("question", ["", "   ", "？？？"])
def test_empty_or_punctuation_input_gets_a_friendly_message(client, question):
    messages, _, notice = _ask(client, question)
    assert messages == []
    assert "请输入" in notice


def test_overlong_question_gets_a_notice_not_an_error(client):
    messages, _, notice = _ask(client, "个体深信贷累计放款多少？" * 120)
    assert len(messages) == 2
    assert "1000" in notice


def test_html_in_a_question_is_shown_as_text(client):
    messages, sources, _ = _ask(client, INJECTION)
    user = _text(messages[0])
    assert "<img" not in user and "<script" not in user
    assert "&lt;img src=x onerror=alert(1)&gt;" in user
    assert "{{" not in user and "${" not in user
    assert "<img" not in sources and "<script" not in sources


def test_feedback_down_is_written_to_sqlite(server, client):
    _ask(client, "个体深信贷累计放款多少？")
    before = len(feedback_rows(server[1]))
    client.predict(0, "incomplete", "还应该给出放款笔数", api_name="/feedback")
    rows = feedback_rows(server[1])
    assert len(rows) == before + 1
    row = rows[-1]
    assert (row["vote"], row["reason"], row["comment"]) == ("down", "incomplete", "还应该给出放款笔数")
    assert row["question"] == "个体深信贷累计放款多少？" and row["cited"] == "c03.s3.p1"
    assert row["session_id"] and row["turn"] == 0 and row["created"]


def test_export_writes_markdown_with_every_citation(client):
    _ask(client, "个体深信贷累计放款多少？")
    _ask(client, "2021年北京市的营商环境怎么样？")
    file, _notice = client.predict(api_name="/export")
    path = Path(file["value"] if isinstance(file, dict) and "value" in file else file)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# caseqa 对话记录")
    assert "## 问题 1" in text and "## 问题 2" in text
    assert "[1] 案例三" in text and "`c03.s3.p1`" in text and "> 引文：截至 2023 年 12 月" in text
    assert "**未找到依据**" in text and "### 最接近的段落" in text


def test_new_conversation_forgets_history(client):
    _ask(client, "个体深信贷累计放款多少？")
    client.predict(api_name="/new_conversation")
    messages, _, _ = _ask(client, "那它的成效呢？")
    assert len(messages) == 2 and "接上文" not in _text(messages[1])


def test_keyword_search_highlights_and_links_into_the_case(client):
    hits = client.predict("个体深信贷 放款", api_name="/search")
    assert "<mark>个体深信贷</mark>" in hits and "<mark>放款</mark>" in hits
    assert 'href="#p-c03.s3.p1"' in hits
    case = client.predict(3, api_name="/case")
    assert 'id="p-c03.s3.p1"' in case and "三、工作成效" in case and "目录" in case


# ------------------------------------------------------------------ rendering without a server


def _answer(text: str, quote: str = "放款<3.78>亿", abstained: bool = False) -> Answer:
    para = f"截至 2023 年，{quote}。"
    start = para.index(quote)
    cit = Citation(1, "c03.s3.p1", 3, "标题<b>", "单位&局", "三、工作成效", para, quote, start, start + len(quote))
    rel = Related("c03.s2.p1", 3, "标题<b>", "单位&局", "二、主要做法", "相关<i>段落</i>", 0.5)
    return Answer("问<script>", text, abstained, () if abstained else (cit,), (rel,))


def test_rendered_answer_escapes_everything_but_its_own_links():
    out = render_answer(_answer("案例三：放款<3.78>亿。[1] 另有 [7]"), turn=2)
    assert 'href="#src-2-1"' in out and "[7]" in out and "#src-2-7" not in out
    assert "&lt;3.78&gt;" in out
    msgs = chat_messages([_answer("x[1]")])
    assert msgs[0]["content"] == '<div class="cq-q">问&lt;script&gt;</div>'


def test_sources_mark_exactly_the_quote_and_escape_it():
    src = render_sources(_answer("x[1]"), 0)
    assert "<mark>放款&lt;3.78&gt;亿</mark>" in src
    assert "标题&lt;b&gt;" in src and "单位&amp;局" in src and "<b>标题" not in src


def test_refusal_is_badged_and_lists_related():
    a = _answer("案例材料中没有找到能回答这个问题的内容。", abstained=True)
    assert "未找到依据" in render_answer(a, 0) and "c03.s2.p1" in render_answer(a, 0)
    assert "相关&lt;i&gt;段落" in render_sources(a, 0)


def test_markdown_export_neutralises_html():
    md = conversation_markdown([_answer("放款[1]")])
    assert "<script>" not in md and html.unescape("问&lt;script&gt;") in html.unescape(md)


def test_escape_blocks_template_syntax():
    assert esc("${x}{{y}}") == "&#36;&#123;x&#125;&#123;&#123;y&#125;&#125;"


def test_search_without_terms_explains_itself(real_corpus):
    assert "输入关键词" in search_corpus(real_corpus, "  ")
    assert "没有找到" in search_corpus(real_corpus, "不存在的词组甲乙丙")
