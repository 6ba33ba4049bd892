"""``caseqa serve``: a local Gradio web app to ask the case compilation questions and browse it.

The chat tab shows each answer with its ``[n]`` markers beside a sources panel (cited paragraph, quote
highlighted, case, unit, section path); a 👎 asks why. The browse tab shows the index table, the full text
of a case with its outline, and a keyword search. Everything that comes from a user or from the corpus is
HTML-escaped here, before Gradio sees it, so a question like ``<img src=x onerror=…>`` is shown, never run.
The page loads nothing from the internet: system fonts, no analytics, no share link.
"""

from __future__ import annotations

import argparse
import html
import ipaddress
import os
import re
import sys
import tempfile
import time
import typing
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from caseqa.app.feedback import REASONS, FeedbackError, FeedbackStore, default_db_path, feedback_from_answer
from caseqa.files import write_text

if TYPE_CHECKING:  # pragma: no cover - typing only; gradio and the answer module are heavy to import
    import gradio as gr

    from caseqa.app.answer import Answer
    from caseqa.app.runtime import Runtime
    from caseqa.corpus import Case, Corpus

EXIT_USAGE = 2
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7860
REFUSAL_BADGE = "未找到依据"
EMPTY_MESSAGE = "请输入一个问题，例如某个案例的做法、成效或某个数字。"
MARKER = re.compile(r"\[(\d+)\]")

# ----------------------------------------------------------------------------- rendering (pure, no gradio)


def example_questions(corpus: Corpus) -> list[str]:
    """Example questions made from the corpus itself (so another compilation gets its own): how, a follow-up,
    the submitting unit, an outcome, the compilation, and one the cases cannot answer."""
    from caseqa.app.answer import short_title

    cases = list(corpus.cases)
    first, other = cases[0], cases[len(cases) // 2]
    return [
        f"{short_title(first)}是怎么做的？",
        "那它的成效呢？",
        "这个案例是哪个单位报送的？",
        f"{short_title(other)}取得了哪些成效？",
        "一共有多少个案例？",
        "2030年广州有类似的做法吗？",
    ]


def esc(text: object) -> str:
    """HTML-escape text for any HTML we build; also ``{ } $`` so Gradio's HTML templates never evaluate it."""
    return (html.escape(str(text), quote=True)
            .replace("{", "&#123;").replace("}", "&#125;").replace("$", "&#36;"))


def _marked(text: str, quote: str, start: int, end: int) -> str:
    """The paragraph with ``text[start:end]`` wrapped in <mark>, everything escaped."""
    if not (0 <= start < end <= len(text)) or text[start:end] != quote:
        i = text.find(quote) if quote else -1  # offsets are an invariant; fall back rather than mis-highlight
        if i < 0:
            return esc(text)
        start, end = i, i + len(quote)
    return f"{esc(text[:start])}<mark>{esc(text[start:end])}</mark>{esc(text[end:])}"


def render_question(question: str) -> str:
    """A user's message for the Chatbot: escaped, inside an HTML block so Markdown does not reinterpret it."""
    return f'<div class="cq-q">{esc(question)}</div>'


def render_answer(answer: Answer, turn: int) -> str:
    """An assistant message: the answer lines with ``[n]`` markers as links to their source cards."""
    cited = {c.n for c in answer.citations}

    def link(m: re.Match) -> str:
        n = int(m.group(1))
        if n not in cited:
            return m.group(0)
        return (f'<a class="cq-cite" href="#src-{turn}-{n}" data-turn="{turn}" data-n="{n}" '
                f'title="查看来源 [{n}]">[{n}]</a>')

    lines = [MARKER.sub(link, esc(line)) for line in answer.text.splitlines() if line.strip()]
    body = "<br>".join(lines)
    if answer.abstained:
        near = "".join(
            f'<li><a class="cq-cite" href="#src-{turn}-r{i}" data-turn="{turn}">{esc(r.chunk_id)}</a> '
            f"{esc(_case_head(r.case, r.case_title))}：{esc(_clip(r.text, 40))}</li>"
            for i, r in enumerate(answer.related, 1)
        )
        near_html = f'<div class="cq-near">最接近的段落：<ul>{near}</ul></div>' if near else ""
        return (f'<div class="cq-a cq-refusal" data-turn="{turn}"><span class="cq-badge">{REFUSAL_BADGE}</span>'
                f"<div>{body}</div>{near_html}</div>")
    return f'<div class="cq-a" data-turn="{turn}">{body}</div>'


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[:n] + "…"


def _cn(n: int) -> str:
    """1 → 一, 12 → 十二, 23 → 二十三 (case labels as the compilation prints them)."""
    d = "零一二三四五六七八九"
    if 0 < n < 10:
        return d[n]
    if 10 <= n < 100:
        return f"{d[n // 10] if n >= 20 else ''}十{d[n % 10] if n % 10 else ''}"
    return str(n)


def _case_head(number: int, title: str) -> str:
    return f"案例{_cn(number)} {title}"


def render_sources(answer: Answer | None, turn: int) -> str:
    """The sources panel for one answer: each cited paragraph with its quote in <mark>, or the closest passages."""
    if answer is None:
        return ('<div class="cq-sources cq-empty">提问后，这里显示回答引用的原文段落；'
                "点击回答中的 [1] 等标记可跳到对应来源。</div>")
    head = f'<div class="cq-src-q">问题 {turn + 1}：{esc(_clip(answer.question, 80))}</div>'
    cards = []
    for c in answer.citations:
        cards.append(
            f'<div class="cq-card" id="src-{turn}-{c.n}">'
            f'<div class="cq-card-head"><span class="cq-n">[{c.n}]</span> '
            f"<b>{esc(_case_head(c.case, c.case_title))}</b></div>"
            f'<div class="cq-meta">提交单位：{esc(c.unit)}　·　{esc(c.section)}　·　<code>{esc(c.chunk_id)}</code></div>'
            f'<div class="cq-para">{_marked(c.text, c.quote, c.start, c.end)}</div></div>'
        )
    related = []
    for i, r in enumerate(answer.related, 1):
        related.append(
            f'<div class="cq-card cq-related" id="src-{turn}-r{i}">'
            f'<div class="cq-card-head"><b>{esc(_case_head(r.case, r.case_title))}</b></div>'
            f'<div class="cq-meta">提交单位：{esc(r.unit)}　·　{esc(r.section)}　·　<code>{esc(r.chunk_id)}</code></div>'
            f'<div class="cq-para">{esc(r.text)}</div></div>'
        )
    parts = [f'<div class="cq-sources" data-turn="{turn}">', head]
    if answer.abstained:
        parts.append(f'<div class="cq-badge">{REFUSAL_BADGE}</div><p>案例材料中没有能回答这个问题的内容。'
                     "下面是最接近的段落，供您核对：</p>")
        parts += related
    else:
        parts += cards
        if related:
            parts.append('<details class="cq-more"><summary>其他相关段落</summary>' + "".join(related) + "</details>")
    parts.append("</div>")
    return "".join(parts)


def chat_messages(answers: Sequence[Answer]) -> list[dict]:
    """The Chatbot value for a conversation: one user and one assistant message per answer (turn = index // 2)."""
    msgs: list[dict] = []
    for turn, a in enumerate(answers):
        msgs.append({"role": "user", "content": render_question(a.question)})
        msgs.append({"role": "assistant", "content": render_answer(a, turn)})
    return msgs


def conversation_markdown(answers: Sequence[Answer], when: datetime | None = None) -> str:
    """The conversation as Markdown with every citation written out (case, unit, section, id, quote, paragraph).

    ``< > &`` are written as entities so a Markdown viewer shows a pasted tag as text instead of running it.
    """
    def md(text: str) -> str:
        return html.escape(text, quote=False)

    when = when or datetime.now()
    out = ["# caseqa 对话记录", "", f"导出时间：{when:%Y-%m-%d %H:%M}", ""]
    for turn, a in enumerate(answers, 1):
        out += [f"## 问题 {turn}", "", f"> {md(a.question)}", ""]
        if a.abstained:
            out += [f"**{REFUSAL_BADGE}**", ""]
        out += [md(line) + "  " for line in a.text.splitlines() if line.strip()] + [""]
        if a.citations:
            out += ["### 引用", ""]
            for c in a.citations:
                out += [
                    f"[{c.n}] {md(_case_head(c.case, c.case_title))}（{md(c.unit)}） · {md(c.section)} · `{c.chunk_id}`",
                    "",
                    f"> 引文：{md(c.quote)}",
                    ">",
                    f"> 原段落：{md(c.text)}",
                    "",
                ]
        if a.abstained and a.related:
            out += ["### 最接近的段落", ""]
            for r in a.related:
                out += [f"- {md(_case_head(r.case, r.case_title))}（{md(r.unit)}） · {md(r.section)} · "
                        f"`{r.chunk_id}`：{md(r.text)}"]
            out.append("")
    return "\n".join(out).rstrip() + "\n"



def case_choices(corpus: Corpus) -> list[tuple[str, int]]:
    """(label, number) pairs for the case pickers: ``案例三 个体深信贷``."""
    from caseqa.app.answer import short_title

    return [(f"{c.label} {short_title(c)}", c.number) for c in corpus.cases]


def index_rows(corpus: Corpus) -> list[list[object]]:
    """The index table as rows of (number, unit, title)."""
    return [[c.number, c.unit, c.title] for c in corpus.cases]


def render_case(corpus: Corpus, number: int | None, focus: str | None = None) -> str:
    """A case's full text with a linked section outline; every paragraph shows its id (``focus`` one is marked)."""
    if number is None:
        return '<div class="cq-empty">在上方表格中点一行，或在下拉框中选择一个案例，查看全文。</div>'
    case: Case = corpus.case(int(number))
    paras = {p.id: p for p in corpus.paragraphs if p.case == case.number}
    outline, body = [], []
    for sec in case.sections:
        outline.append(f'<li><a href="#sec-{esc(sec.id)}">{esc(sec.heading)}</a> <code>{esc(sec.id)}</code></li>')
        body.append(f'<h4 id="sec-{esc(sec.id)}">{esc(sec.heading)} <code>{esc(sec.id)}</code></h4>')
        for pid in sec.paragraph_ids:
            p = paras.get(pid)
            if p is None:
                continue
            cls = "cq-para-row selected" if pid == focus else "cq-para-row"
            body.append(f'<div class="{cls}" id="p-{esc(pid)}"><code class="cq-pid">{esc(pid)}</code>'
                        f"<span>{esc(p.text)}</span></div>")
    return (f'<div class="cq-case" data-case="{case.number}"><h3>{esc(case.label)} {esc(case.title)}</h3>'
            f'<div class="cq-meta">提交单位：{esc(case.unit)}</div>'
            f'<div class="cq-outline"><b>目录</b><ul>{"".join(outline)}</ul></div>{"".join(body)}</div>')


def search_corpus(corpus: Corpus, query: str, limit: int = 50) -> str:
    """Paragraphs containing every space-separated keyword, matches in <mark>, each linking into its case text."""
    terms = [t for t in (query or "").split() if t]
    if not terms:
        return '<div class="cq-empty">输入关键词（多个词用空格分开），查找包含它们的段落。</div>'
    folded = [t.casefold() for t in terms]
    hits = [p for p in corpus.paragraphs if p.case > 0 and all(t in p.text.casefold() for t in folded)]
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)), re.IGNORECASE)
    rows = []
    for p in hits[:limit]:
        pieces, last = [], 0
        for m in pattern.finditer(p.text):
            pieces += [esc(p.text[last:m.start()]), f"<mark>{esc(m.group(0))}</mark>"]
            last = m.end()
        pieces.append(esc(p.text[last:]))
        case = corpus.case(p.case)
        rows.append(f'<div class="cq-hit"><a class="cq-jump" href="#p-{esc(p.id)}" data-case="{p.case}">'
                    f"{esc(case.label)} · {esc(p.headings[-1] if p.headings else '')} · <code>{esc(p.id)}</code></a>"
                    f'<div class="cq-para">{"".join(pieces)}</div></div>')
    more = f"（只显示前 {limit} 段）" if len(hits) > limit else ""
    head = f'<div class="cq-meta">“{esc(" ".join(terms))}”：{len(hits)} 个段落{more}</div>'
    return head + ("".join(rows) or '<div class="cq-empty">没有找到包含这些关键词的段落。</div>')


# ----------------------------------------------------------------------------- page assets

CSS = """
.cq-q { white-space: pre-wrap; word-break: break-word; }
.cq-a a.cq-cite, .cq-near a.cq-cite { font-weight: 600; text-decoration: none; color: #1d4ed8; cursor: pointer;
  padding: 0 2px; border-radius: 3px; }
.cq-a a.cq-cite:hover { background: #dbeafe; }
.cq-refusal { border-left: 4px solid #d97706; padding-left: 8px; }
.cq-badge { display: inline-block; background: #fef3c7; color: #92400e; border: 1px solid #d97706;
  border-radius: 10px; padding: 0 8px; font-size: 0.85em; font-weight: 600; margin-bottom: 4px; }
.cq-near ul { margin: 4px 0 0 0; padding-left: 18px; font-size: 0.9em; }
.cq-sources { max-height: 70vh; overflow-y: auto; }
.cq-src-q { font-size: 0.9em; color: #555; margin-bottom: 6px; }
.cq-card { border: 1px solid #e5e7eb; border-radius: 8px; padding: 8px 10px; margin: 0 0 8px 0;
  scroll-margin-top: 12px; transition: background 0.3s; }
.cq-card:target, .cq-card.selected { border: 2px solid #2563eb; background: #eff6ff; }
.cq-card.cq-related { background: #fafafa; }
.cq-meta { font-size: 0.85em; color: #6b7280; margin: 2px 0 4px 0; }
.cq-para { line-height: 1.7; }
.cq-para mark, .cq-hit mark { background: #fde68a; padding: 0 1px; }
.cq-empty { color: #6b7280; padding: 8px; }
.cq-case { max-height: 75vh; overflow-y: auto; }
.cq-outline ul { margin: 2px 0 8px 0; }
.cq-para-row { padding: 4px 6px; margin: 2px 0; border-radius: 4px; scroll-margin-top: 12px; }
.cq-para-row.selected, .cq-para-row:target { background: #fef9c3; outline: 2px solid #eab308; }
.cq-pid { color: #6b7280; margin-right: 6px; font-size: 0.8em; }
.cq-hit { border-bottom: 1px solid #eee; padding: 6px 0; }
.cq-hidden { display: none !important; }
"""

# Marker and search links are handled here rather than by plain #anchors: Gradio may open links in a new tab,
# and the target card may only appear after the server re-renders the panel (an older answer, another case).
HEAD = """
<script>
(() => {
  const wait = (id, tries, done) => {
    const el = document.getElementById(id);
    if (el) { done(el); return; }
    if (tries > 0) setTimeout(() => wait(id, tries - 1, done), 100);
  };
  const select = (el) => {
    document.querySelectorAll('.cq-card.selected, .cq-para-row.selected').forEach((e) => e.classList.remove('selected'));
    el.classList.add('selected');
    el.scrollIntoView({ block: 'nearest' });
  };
  document.addEventListener('click', (ev) => {
    const a = ev.target.closest ? ev.target.closest('a[href^="#src-"], a[href^="#p-"], a[href^="#sec-"]') : null;
    if (!a) return;
    ev.preventDefault();
    const id = decodeURIComponent(a.getAttribute('href').slice(1));
    if (id.startsWith('p-') && !document.getElementById(id)) {
      const box = document.querySelector('#cq-jump textarea, #cq-jump input');
      if (box) { box.value = id.slice(2) + ' ' + Date.now(); box.dispatchEvent(new Event('input', { bubbles: true })); }
    }
    if (id.startsWith('sec-')) { const el = document.getElementById(id); if (el) el.scrollIntoView(); return; }
    wait(id, 50, select);
  }, true);
})();
</script>
"""


def _theme() -> Any:
    """System fonts only: Gradio's default theme would otherwise fetch web fonts."""
    import gradio as gr  # heavy: only when the app is built

    sans = ["system-ui", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "sans-serif"]
    return gr.themes.Default(font=sans, font_mono=["ui-monospace", "Consolas", "monospace"])


# ----------------------------------------------------------------------------- the app


class LoadingRuntime:
    """The corpus at once, the model and index in a background thread: the page is up while the model loads,
    and a question asked before the model is ready waits for it (Gradio's queue shows it pending)."""

    def __init__(self, config: Any, log: Any) -> None:
        import threading

        from caseqa.corpus import load as load_corpus

        self.corpus = load_corpus(config.corpus_path)
        self._config, self._log = config, log
        self._runtime: Runtime | None = None
        self._error: BaseException | None = None
        self._ready = threading.Event()
        threading.Thread(target=self._load, name="caseqa-load", daemon=True).start()

    def _load(self) -> None:
        from caseqa.app.runtime import load_runtime

        try:
            self._runtime = load_runtime(self._config, rebuild=True, log=self._log, progress=True)
        except BaseException as e:  # handed to whoever waits: the server reports it and exits
            self._error = e
        finally:
            self._ready.set()

    def get(self) -> Runtime:
        """The loaded runtime, waiting for it if needed; re-raises a loading error."""
        self._ready.wait()
        if self._error is not None:
            raise self._error
        assert self._runtime is not None
        return self._runtime


def build_app(runtime: Runtime | LoadingRuntime, feedback_store: FeedbackStore) -> gr.Blocks:
    """The Blocks app over one loaded runtime; per-browser conversation state lives in gr.State."""
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    import gradio as gr  # heavy (~2 s): imported only when a server is actually built

    from caseqa.app.answer import Answer
    from caseqa.app.answer import answer as answer_question
    from caseqa.app.runtime import MAX_QUESTION_CHARS, QueryError, check_cases, check_question

    corpus = runtime.corpus
    choices = case_choices(corpus)
    export_dir = Path(tempfile.gettempdir()) / "caseqa-exports"

    def ask(question: str, cases: list[int] | None, answers: list[Answer] | None):
        """Answer one question with this session's earlier answers as history."""
        answers = list(answers or [])
        notice = ""
        try:
            q, warnings = check_question(question)
            picked = check_cases([int(c) for c in cases or []], corpus)
        except QueryError as e:
            text = EMPTY_MESSAGE if not (question or "").strip() else f"无法查询：{e}"
            if "no words" in str(e):
                text = "问题里只有标点或符号，请输入文字。"
            return chat_messages(answers), answers, gr.skip(), _notice(text), gr.skip()
        if warnings:
            notice = f"问题超过 {MAX_QUESTION_CHARS} 字，只用了前 {MAX_QUESTION_CHARS} 字来查找。"
        loaded = runtime.get() if isinstance(runtime, LoadingRuntime) else runtime
        a = answer_question(q, loaded, history=answers, cases=picked)
        answers.append(a)
        turn = len(answers) - 1
        return chat_messages(answers), answers, render_sources(a, turn), _notice(notice), ""

    def show_sources(answers: list[Answer] | None, evt: gr.SelectData):
        """Show the sources of the answer whose message (question or answer) was clicked."""
        answers = answers or []
        idx = evt.index[0] if isinstance(evt.index, (list, tuple)) else evt.index
        turn = int(idx) // 2
        if not 0 <= turn < len(answers):
            return gr.skip()
        return render_sources(answers[turn], turn)

    def new_conversation():
        return [], [], render_sources(None, 0), _notice(""), "", gr.update(visible=False), None

    def export(answers: list[Answer] | None, request: gr.Request):
        """Write this conversation to a Markdown file (atomically) and offer it for download."""
        if not answers:
            return gr.update(value=None, visible=False), _notice("还没有对话可以导出。")
        sid = (getattr(request, "session_hash", None) or "session")[:12]
        path = export_dir / f"caseqa-对话-{sid}-{datetime.now():%Y%m%d-%H%M%S}.md"
        write_text(path, conversation_markdown(answers))
        return gr.update(value=str(path), visible=True), _notice(f"已导出 {len(answers)} 轮对话。")

    def record(answers: list[Answer] | None, turn: int, vote: str, reason: str, comment: str,
               request: gr.Request | None) -> str:
        answers = answers or []
        if turn is None or not 0 <= int(turn) < len(answers):
            return _notice("找不到要评价的回答。")
        sid = getattr(request, "session_hash", None) or "unknown"
        try:
            feedback_store.add(feedback_from_answer(sid, int(turn), answers[int(turn)], vote, reason or "",
                                                    comment or ""))
        except FeedbackError as e:
            return _notice(f"反馈没有保存：{e}")
        return _notice("谢谢！反馈已记录。" if vote == "up" else "谢谢！已记录您的意见，我们会据此改进。")

    def on_like(answers: list[Answer] | None, evt: gr.LikeData, request: gr.Request):
        """👍 is stored at once; 👎 opens the reason panel for that answer."""
        idx = evt.index[0] if isinstance(evt.index, (list, tuple)) else evt.index
        turn = int(idx) // 2
        if evt.liked is True:
            return record(answers, turn, "up", "", "", request), gr.update(visible=False), turn
        if evt.liked is False:
            return _notice("请告诉我们这个回答哪里有问题。"), gr.update(visible=True), turn
        return gr.skip(), gr.skip(), gr.skip()

    def submit_feedback(answers: list[Answer] | None, turn: float | None, reason: str | None, comment: str | None,
                        request: gr.Request):
        """Store a 👎 with its reason and comment (also the API endpoint ``/feedback``)."""
        if reason not in REASONS:
            return _notice("请先选择一个原因。"), gr.skip(), gr.skip(), gr.skip()
        msg = record(answers, int(turn) if turn is not None else -1, "down", reason, comment or "", request)
        return msg, gr.update(visible=False), None, ""

    def jump(pid: str):
        """Open the case that holds paragraph ``pid`` (from a search hit) with that paragraph marked."""
        pid = (pid or "").split(" ")[0]  # "c03.s3.p1 <click time>": the time makes every click a change
        try:
            p = corpus.paragraph(pid)
        except KeyError:
            return gr.skip(), gr.skip()
        return p.case, render_case(corpus, p.case, focus=pid)

    def pick_row(evt: gr.SelectData):
        # row_value, not index: the user may have sorted the table in the browser.
        row = getattr(evt, "row_value", None)
        if row:
            number = int(row[0])
        else:
            idx = evt.index[0] if isinstance(evt.index, (list, tuple)) else evt.index
            number = corpus.cases[int(idx)].number
        return number, render_case(corpus, number)

    names = {"gr": gr, "Answer": Answer}
    for fn in (ask, show_sources, export, record, on_like, submit_feedback, pick_row):
        _resolve_hints(fn, names)

    with gr.Blocks(title="caseqa · 案例问答", analytics_enabled=False) as demo:
        answers_state = gr.State([])
        gr.Markdown(f"## {esc(corpus.title)}\n只引用案例原文作答；每句回答都标有来源 [n]，点击可查看原文。")
        with gr.Tab("问答", id="chat"), gr.Row(equal_height=False):
            with gr.Column(scale=3):
                chatbot = gr.Chatbot(
                    label="对话", elem_id="cq-chat", height=520, latex_delimiters=[], sanitize_html=True,
                    feedback_options=("Like", "Dislike"), buttons=["copy"], autoscroll=True,
                    placeholder="在下方输入问题，或点击示例问题。",
                )
                notice = gr.HTML(_notice(""), elem_id="cq-notice")
                with gr.Row():
                    question = gr.Textbox(placeholder="输入问题，按回车发送", show_label=False, lines=1,
                                          scale=5, elem_id="cq-question", autofocus=True)
                    send = gr.Button("发送", variant="primary", scale=1, elem_id="cq-send")
                cases = gr.Dropdown(choices=choices, value=[], multiselect=True, label="只在这些案例中查找（可多选，不选则查全部）",
                                    elem_id="cq-cases")
                gr.Examples(examples=[[e] for e in example_questions(corpus)], inputs=[question], label="示例问题")
                with gr.Group(visible=False, elem_id="cq-down") as down_panel:
                    reason = gr.Radio([(label, code) for code, label in REASONS.items()], label="这个回答哪里不好？",
                                      elem_id="cq-reason")
                    comment = gr.Textbox(label="补充说明（可选）", lines=2, elem_id="cq-comment")
                    down_turn = gr.Number(value=None, visible=True, elem_classes="cq-hidden", label="turn",
                                          precision=0)
                    send_down = gr.Button("提交反馈", elem_id="cq-send-down")
                with gr.Row():
                    new = gr.Button("新对话", elem_id="cq-new")
                    export_btn = gr.Button("导出本次对话（Markdown）", elem_id="cq-export")
                export_file = gr.File(label="下载对话记录", visible=False, elem_id="cq-export-file")
            with gr.Column(scale=2):
                gr.Markdown("### 来源")
                sources = gr.HTML(render_sources(None, 0), elem_id="cq-sources")

        with gr.Tab("浏览案例", id="browse"):
            table = gr.Dataframe(value=index_rows(corpus), headers=["编号", "提交单位", "标题"],
                                 datatype=["number", "str", "str"], interactive=False, wrap=True,
                                 label="案例索引表（点击表头排序，点击一行查看全文）", elem_id="cq-table")
            case_pick = gr.Dropdown(choices=choices, value=None, label="选择案例", elem_id="cq-case-pick")
            with gr.Row():
                kw = gr.Textbox(label="关键词搜索", placeholder="例如：融资 个体", scale=4, elem_id="cq-kw")
                kw_btn = gr.Button("搜索", scale=1, elem_id="cq-kw-btn")
            jump_box = gr.Textbox(visible=True, elem_id="cq-jump", elem_classes="cq-hidden", show_label=False)
            with gr.Row(equal_height=False):
                with gr.Column(scale=2):
                    hits = gr.HTML(search_corpus(corpus, ""), elem_id="cq-hits")
                with gr.Column(scale=3):
                    case_view = gr.HTML(render_case(corpus, None), elem_id="cq-case-view")

        ask_out = [chatbot, answers_state, sources, notice, question]
        send.click(ask, [question, cases, answers_state], ask_out, api_name="ask")
        question.submit(ask, [question, cases, answers_state], ask_out, api_visibility="private")
        chatbot.select(show_sources, [answers_state], [sources], api_visibility="private")
        chatbot.like(on_like, [answers_state], [notice, down_panel, down_turn], api_visibility="private")
        send_down.click(submit_feedback, [answers_state, down_turn, reason, comment], [notice, down_panel, reason,
                        comment], api_name="feedback")
        new.click(new_conversation, None, [chatbot, answers_state, sources, notice, question, down_panel, export_file],
                  api_name="new_conversation")
        # The chatbot's own trash button must forget the conversation too, not only hide it.
        chatbot.clear(new_conversation, None, [chatbot, answers_state, sources, notice, question, down_panel,
                      export_file], api_visibility="private")
        export_btn.click(export, [answers_state], [export_file, notice], api_name="export")
        # .input, not .change: a search jump or a table click sets the dropdown and renders the case itself.
        case_pick.input(lambda n: render_case(corpus, n), [case_pick], [case_view], api_name="case")
        table.select(pick_row, None, [case_pick, case_view], api_visibility="private")
        kw.submit(lambda q: search_corpus(corpus, q), [kw], [hits], api_visibility="private")
        kw_btn.click(lambda q: search_corpus(corpus, q), [kw], [hits], api_name="search")
        jump_box.change(jump, [jump_box], [case_pick, case_view], api_visibility="private")
    return demo


def _resolve_hints(fn: Any, names: dict[str, Any]) -> None:
    """Resolve a handler's string annotations in place.

    Gradio injects gr.Request / gr.SelectData by annotation, but with postponed annotations and gradio imported
    inside build_app it cannot resolve ``"gr.SelectData"`` itself and would silently pass None.
    """
    fn.__annotations__ = typing.get_type_hints(fn, localns=names)


def _notice(text: str) -> str:
    return f'<div class="cq-notice">{esc(text)}</div>' if text else '<div class="cq-notice"></div>'


def launch(demo: gr.Blocks, host: str = DEFAULT_HOST, port: int | None = DEFAULT_PORT,
           auth: list[tuple[str, str]] | None = None, quiet: bool = True) -> str:
    """Start the server without blocking and return its local URL (css, scripts and theme are launch options)."""
    demo.queue(default_concurrency_limit=1)  # one encoder, one question at a time; others wait in the queue
    demo.launch(
        server_name=host, server_port=port, share=False, auth=auth or None, prevent_thread_lock=True,
        quiet=quiet, show_error=False, inbrowser=False, ssr_mode=False, mcp_server=False, pwa=False,
        enable_monitoring=False, footer_links=["api", "settings"], run_history=False,
        theme=_theme(), css=CSS, head=HEAD, auth_message="caseqa：请登录",
    )
    return str(demo.local_url).rstrip("/") + "/"


# ----------------------------------------------------------------------------- command line


def _read_auth(args: argparse.Namespace) -> list[tuple[str, str]] | None:
    """``--auth user:password`` or ``--auth-file F`` (one ``user:password`` per line, # comments)."""
    lines: list[tuple[str, str]] = []
    if args.auth:
        lines.append(("--auth", args.auth))
    if args.auth_file:
        try:
            text = Path(args.auth_file).read_text(encoding="utf-8")
        except OSError as e:
            raise ValueError(f"cannot read --auth-file {args.auth_file}: {e.strerror or e}") from e
        lines += [(f"{args.auth_file}:{i}", ln.strip()) for i, ln in enumerate(text.splitlines(), 1)
                  if ln.strip() and not ln.lstrip().startswith("#")]
        if not lines:
            raise ValueError(f"--auth-file {args.auth_file} has no user:password line")
    pairs = []
    for where, ln in lines:
        user, sep, password = ln.partition(":")
        if not sep or not user or not password:
            raise ValueError(f"{where}: expected user:password (value not shown: it may hold a password)")
        pairs.append((user, password))
    return pairs or None


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def cmd_serve(args: argparse.Namespace) -> int:
    """Load the corpus, model and index once, start the web app, print its URL and serve until Ctrl-C."""
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"  # before gradio is imported: no telemetry, no version check
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    t0 = time.perf_counter()

    def log(msg: str) -> None:
        print(f"caseqa serve: {msg}", file=sys.stderr, flush=True)

    try:
        auth = _read_auth(args)
    except ValueError as e:
        print(f"caseqa: error: {e}", file=sys.stderr)
        return EXIT_USAGE
    if not 0 < args.port < 65536:
        print(f"caseqa: error: --port must be between 1 and 65535, got {args.port}", file=sys.stderr)
        return EXIT_USAGE
    if not _is_loopback(args.host):
        log(f"binding to {args.host}: the app is reachable from other machines"
            + ("" if auth else " and has no password (add --auth user:password)"))
    db = Path(args.feedback_db) if args.feedback_db else default_db_path()
    try:
        store = FeedbackStore(db)
    except FeedbackError as e:
        print(f"caseqa: error: {e}", file=sys.stderr)
        return EXIT_USAGE
    log(f"feedback database: {db}")

    from caseqa.config import Config
    from caseqa.corpus import CorpusFormatError
    from caseqa.index.encoder import EncoderError
    from caseqa.index.store import StaleIndexError

    config = Config().with_overrides(model=args.model, index_dir_override=args.index_dir, corpus_path=args.corpus)
    try:
        # the model and index load in the background while gradio imports and the page comes up
        runtime = LoadingRuntime(config, log)
    except CorpusFormatError as e:
        print(f"caseqa: error: {e}", file=sys.stderr)
        return EXIT_USAGE
    demo = build_app(runtime, store)
    try:
        url = launch(demo, host=args.host, port=args.port, auth=auth)
    except OSError as e:
        print(f"caseqa: error: cannot listen on {args.host}:{args.port}: {e} (try --port)", file=sys.stderr)
        return EXIT_USAGE
    log(f"page up at {url} in {time.perf_counter() - t0:.1f}s; loading the model and index …")
    try:
        runtime.get()
    except (CorpusFormatError, EncoderError, StaleIndexError) as e:
        print(f"caseqa: error: {e}", file=sys.stderr)
        demo.close()
        return EXIT_USAGE
    log(f"answering questions {time.perf_counter() - t0:.1f}s after start")
    print(f"caseqa: open {url} in a browser (Ctrl-C to stop)", flush=True)
    try:
        demo.block_thread()
    except KeyboardInterrupt:
        pass
    finally:
        demo.close()
    return 0


def add_serve_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Register ``caseqa serve`` on the CLI's subparsers."""
    p = subparsers.add_parser(
        "serve", help="start the web app (chat with citations, browse the cases)",
        description="Start the local web app; the model and index load once, then the URL is printed.  "
        "Example: caseqa serve --port 7860",
    )
    p.add_argument("--host", default=DEFAULT_HOST, help=f"address to bind (default {DEFAULT_HOST}; "
                   "anything else makes the app reachable from other machines)")
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    who = p.add_mutually_exclusive_group()
    who.add_argument("--auth", metavar="USER:PASSWORD", help="require this login")
    who.add_argument("--auth-file", metavar="FILE", help="require a login from this file (user:password lines)")
    p.add_argument("--feedback-db", metavar="PATH", help="SQLite file for 👍/👎 feedback (default: "
                   "$CASEQA_FEEDBACK_DB or feedback.sqlite3 in the cache dir)")
    p.add_argument("--model", help="embedding model (default multilingual-e5-small; env CASEQA_MODEL)")
    p.add_argument("--index-dir", help="index directory (env CASEQA_INDEX_DIR)")
    p.add_argument("--corpus", help="source text of a compilation (env CASEQA_CORPUS)")
    p.set_defaults(func=cmd_serve)
    return p


if __name__ == "__main__":  # pragma: no cover - `python -m caseqa.app.ui serve …` until the CLI registers `serve`
    _parser = argparse.ArgumentParser(prog="caseqa")
    add_serve_parser(_parser.add_subparsers(dest="command", required=True))
    _args = _parser.parse_args()
    sys.exit(_args.func(_args))
