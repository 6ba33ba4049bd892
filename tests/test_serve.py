"""`caseqa serve` as a user starts it: binds to loopback, prints its URL, refuses bad options cleanly."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from caseqa.app.cli import main


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["serve", "--port", "0"], "--port must be between"),
        (["serve", "--auth", "no-colon"], "user:password"),
        (["serve", "--auth-file", "/nonexistent/users.txt"], "cannot read --auth-file"),
    ],
)
def test_bad_options_exit_2_with_a_message(argv, message, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_serve_binds_loopback_and_prints_its_url(tmp_path):
    port = _free_port()
    env = {**os.environ, "CASEQA_MODEL": "hashing", "CASEQA_INDEX_DIR": str(tmp_path / "idx"),
           "CASEQA_FEEDBACK_DB": str(tmp_path / "fb.sqlite3"), "GRADIO_ANALYTICS_ENABLED": "False"}
    proc = subprocess.Popen([sys.executable, "-m", "caseqa.app.cli", "serve", "--port", str(port)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 90
        status = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(url, timeout=2) as r:
                    status = r.status
                    break
            except OSError:
                time.sleep(0.3)
        assert status == 200, "the page never came up"
        line = proc.stdout.readline()
        assert f"caseqa: open {url}" in line
    finally:
        proc.terminate()
        _out, err = proc.communicate(timeout=30)
    assert f"page up at {url}" in err
    assert "reachable from other machines" not in err  # loopback is the default


def test_unreadable_corpus_exits_2(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("no structure here", encoding="utf-8")
    env = {**os.environ, "CASEQA_MODEL": "hashing", "CASEQA_FEEDBACK_DB": str(tmp_path / "fb.sqlite3")}
    done = subprocess.run([sys.executable, "-m", "caseqa.app.cli", "serve", "--corpus", str(bad), "--port",
                           str(_free_port())], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "no case headings" in done.stderr and "Traceback" not in done.stderr
