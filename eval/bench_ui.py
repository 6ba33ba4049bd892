"""Measure the web app the way a user meets it: start → page ready, submit → answer visible, server memory.

Starts ``python -m caseqa.app.ui serve`` (the same code as ``caseqa serve``) in a subprocess, drives Debian's
chromium with playwright, and prints medians.  Targets: page ready ≤ 10 s (model cache present), answer
visible ≤ 500 ms after submit on 2 cores, server RSS ≤ 1.5 GB.

    .venv/bin/python eval/bench_ui.py --starts 3 --questions 10
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import closing
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
INPUT = "#cq-question textarea, #cq-question input"
QUESTIONS = (
    "个体深信贷累计放款多少？", "那它的成效呢？", "“办不成事”反映窗口是什么时候上线的？", "前海财税服务业集聚区是怎么建设的？",
    "哪些案例和融资有关？", "2021年北京市的营商环境怎么样？", "供水可靠性监测是怎么做的？", "异地就医有什么新做法？",
    "企业数据合规指引是谁出台的？", "国际仲裁中心建设取得了哪些成效？",
)


def _free_port() -> int:
    with closing(socket.socket()) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _rss_mb(pid: int) -> float:
    """Resident memory of a process from /proc (MB)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _start(port: int, db: Path, cpus: str | None) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "caseqa.app.ui", "serve", "--port", str(port), "--feedback-db", str(db)]
    if cpus:
        cmd = ["taskset", "-c", cpus, *cmd]
    env = {**os.environ, "GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "1"}
    return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _wait_http(url: str, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"{url} did not answer in time")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print medians (plus every sample) as a small table."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--starts", type=int, default=3, help="server starts to time (default 3)")
    ap.add_argument("--questions", type=int, default=10, help="questions to time per run (default 10)")
    ap.add_argument("--cpus", default="0,1", help="taskset CPU list for the server (default 0,1; '' for none)")
    args = ap.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"bench_ui: chromium not found at {CHROMIUM} (apt-get install -y chromium)", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright  # heavy; only needed once the arguments are valid

    ready, latency, first, rss = [], [], [], []
    db = Path(tempfile.mkdtemp(prefix="caseqa-bench-")) / "feedback.sqlite3"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for run in range(args.starts):
            port = _free_port()
            url = f"http://127.0.0.1:{port}/"
            t0 = time.monotonic()
            proc = _start(port, db, args.cpus or None)
            try:
                _wait_http(url, t0 + 120)
                page = browser.new_page()
                page.goto(url)
                page.wait_for_selector(INPUT)
                ready.append(time.monotonic() - t0)
                box = page.locator(INPUT).first
                for i, q in enumerate(QUESTIONS[: args.questions]):
                    box.fill(q)
                    t1 = time.monotonic()
                    box.press("Enter")
                    page.wait_for_function("n => document.querySelectorAll('#cq-chat .cq-a').length >= n",
                                           arg=i + 1, timeout=30000)
                    # The first answer of a server pays one-off warm-up (first encoder call); reported apart.
                    (latency if i > 0 else first).append((time.monotonic() - t1) * 1000)
                rss.append(_rss_mb(proc.pid))
                page.close()
            finally:
                proc.terminate()
                proc.wait(timeout=30)
            tail = ", ".join(f"{x:.0f}" for x in latency[-(args.questions - 1):])
            print(f"run {run + 1}: ready {ready[-1]:.1f} s, rss {rss[-1]:.0f} MB, answers 2..n (ms): {tail}", flush=True)
        browser.close()

    def row(name: str, xs: list[float], unit: str, target: str) -> str:
        return f"| {name} | {statistics.median(xs):.{0 if unit != 's' else 1}f} {unit} | " \
               f"{min(xs):.{0 if unit != 's' else 1}f}–{max(xs):.{0 if unit != 's' else 1}f} | {len(xs)} | {target} |"

    print("\n| measure | median | range | n | target |\n|---|---|---|---|---|")
    print(row("page ready after start", ready, "s", "≤ 10 s"))
    print(row("answer visible after submit", latency, "ms", "≤ 500 ms"))
    print(row("first answer after start", first, "ms", "(warm-up)"))
    print(row("server RSS after questions", rss, "MB", "≤ 1536 MB"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
