"""End to end in Debian's chromium: ask, follow a citation, follow up, 👎 with a reason, and an HTML injection."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from ui_helpers import CHROMIUM, CHROMIUM_ARGS, feedback_rows, start_server

pytestmark = [pytest.mark.browser, pytest.mark.model]

ROOT = Path(__file__).resolve().parents[1]
INPUT = "#cq-question textarea, #cq-question input"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("ui-browser") / "feedback.sqlite3"
    demo, url, _ = start_server(db)
    yield url, db
    demo.close()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"chromium not found at {CHROMIUM}; install it with `apt-get install -y chromium` "
                    "(playwright cannot download browsers here)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    """A fresh page that records dialogs (an alert would mean injected script ran) and off-host requests."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
    pg = context.new_page()
    pg.dialogs, pg.external = [], []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    host = server[0].rstrip("/")
    pg.on("request", lambda r: pg.external.append(r.url)
          if not (r.url.startswith(host) or r.url.startswith(("data:", "blob:"))) else None)
    pg.goto(server[0])
    pg.wait_for_selector(INPUT)
    yield pg
    context.close()


def _ask(page, question: str, n_answers: int) -> None:
    box = page.locator(INPUT).first
    box.fill(question)
    box.press("Enter")
    page.wait_for_function(
        "n => document.querySelectorAll('#cq-chat .cq-a').length >= n", arg=n_answers, timeout=15000
    )


def test_ask_cite_follow_up_and_thumbs_down(page, server):
    _ask(page, "个体深信贷累计放款多少？", 1)
    first = page.locator("#cq-chat .cq-a").nth(0)
    assert "3.78 亿" in first.inner_text()
    marker = first.locator("a.cq-cite").first
    assert marker.inner_text() == "[1]"

    marker.click()
    card = page.locator("#src-0-1")
    card.wait_for()
    page.wait_for_function("() => document.getElementById('src-0-1').classList.contains('selected')")
    assert card.locator("mark").inner_text().startswith("截至 2023 年 12 月")
    assert "市市场监管局" in card.inner_text() and "c03.s3.p1" in card.inner_text()
    assert len(page.context.pages) == 1  # the marker did not open a new tab

    shots = ROOT / "artifacts"
    shots.mkdir(exist_ok=True)
    page.screenshot(path=str(shots / "chat.png"))

    _ask(page, "那它的成效呢？", 2)
    follow = page.locator("#cq-chat .cq-a").nth(1)
    assert "接上文" in follow.inner_text()
    page.locator("#src-1-1").wait_for()

    # An older answer's marker brings its own sources back into the panel.
    first.locator("a.cq-cite").first.click()
    page.wait_for_function("() => document.getElementById('src-0-1')?.classList.contains('selected')")
    page.screenshot(path=str(shots / "chat-followup.png"))

    before = len(feedback_rows(server[1]))
    # Gradio localises the button label: 踩 in a Chinese browser, Dislike otherwise.
    page.locator("#cq-chat button[aria-label='踩'], #cq-chat button[aria-label='Dislike']").last.click()
    page.locator("#cq-reason").wait_for()
    page.locator("#cq-reason label", has_text="回答不完整").click()
    page.locator("#cq-comment textarea").fill("希望列出更多数字")
    page.locator("#cq-send-down").click()
    page.wait_for_selector("#cq-notice :text('已记录')")
    rows = feedback_rows(server[1])
    assert len(rows) == before + 1
    assert (rows[-1]["vote"], rows[-1]["reason"], rows[-1]["comment"], rows[-1]["turn"]) == (
        "down", "incomplete", "希望列出更多数字", 1)
    assert page.external == [], f"the page reached outside the server: {page.external[:5]}"


def test_html_injection_is_shown_literally(page):
    attack = "<img src=x onerror=alert(1)><script>alert(2)</script>"
    _ask(page, attack, 1)
    time.sleep(0.3)  # give an injected handler the chance to fire
    assert page.locator("#cq-chat .cq-q").first.inner_text() == attack
    assert page.locator("#cq-chat img[src='x']").count() == 0
    assert page.dialogs == []


def test_refusal_is_marked(page):
    _ask(page, "2021年北京市的营商环境怎么样？", 1)
    assert page.locator("#cq-chat .cq-refusal .cq-badge").inner_text() == "未找到依据"
    assert page.locator("#cq-sources .cq-related").count() >= 1


def test_browse_search_jumps_into_the_case_text(page):
    page.get_by_role("tab", name="浏览案例").click()
    page.locator("#cq-kw textarea, #cq-kw input").first.fill("个体深信贷 放款")
    page.locator("#cq-kw-btn").click()
    link = page.locator("#cq-hits a.cq-jump[href='#p-c03.s3.p1']")
    link.wait_for()
    assert page.locator("#cq-hits mark").first.inner_text() in ("个体深信贷", "放款")
    link.click()
    row = page.locator("[id='p-c03.s3.p1']")
    row.wait_for()
    page.wait_for_function("() => document.getElementById('p-c03.s3.p1').classList.contains('selected')")
    assert "c03.s3.p1" in row.inner_text()
    assert "三、工作成效" in page.locator("#cq-case-view .cq-outline").inner_text()



def test_index_table_row_opens_the_case_with_its_outline(page):
    page.get_by_role("tab", name="浏览案例").click()
    page.locator("#cq-table [role=gridcell]", has_text="市医保局").first.click()
    page.wait_for_selector("#cq-case-view .cq-case[data-case='4']")
    view = page.locator("#cq-case-view").inner_text()
    assert "案例四" in view and "c04.s2" in view and "目录" in view
