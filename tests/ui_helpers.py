"""Start the web app for UI tests: one runtime per test process (real default model), a server per module."""

from __future__ import annotations

import os
import socket
import sqlite3
from contextlib import closing
from pathlib import Path

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

_RUNTIME = None
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


def runtime():
    """The real runtime (default model, shipped corpus), loaded once per test process."""
    global _RUNTIME
    if _RUNTIME is None:
        from caseqa.app.runtime import load_runtime
        from caseqa.config import Config

        _RUNTIME = load_runtime(Config(), rebuild=True, progress=False)
    return _RUNTIME


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path):
    """Build and launch the app on a free local port; returns (demo, url, store). Close with demo.close()."""
    from caseqa.app.feedback import FeedbackStore
    from caseqa.app.ui import build_app, launch

    store = FeedbackStore(db)
    demo = build_app(runtime(), store)
    url = launch(demo, host="127.0.0.1", port=free_port())
    return demo, url, store


def feedback_rows(db: Path) -> list[dict]:
    """Rows of the feedback table, read with a fresh connection (as a reviewer would)."""
    with closing(sqlite3.connect(db)) as con:
        con.row_factory = sqlite3.Row
        return [dict(r) for r in con.execute("SELECT * FROM feedback ORDER BY id")]
