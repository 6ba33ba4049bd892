"""👍 / 👎 feedback on answers: one SQLite table (stdlib sqlite3, WAL) and a CSV export for the people tuning answers.

Each row keeps what a reviewer needs to judge the answer without the running app: the question, the answer
text, the cited paragraph ids, the vote, the reason and comment of a 👎, the browser session and the time.
"""

from __future__ import annotations

import argparse
import csv
import os
import sqlite3
import sys
from contextlib import closing
from dataclasses import dataclass, fields
from datetime import datetime, timezone
from pathlib import Path

from caseqa.files import atomic_open

EXIT_USAGE = 2
VOTES = ("up", "down")
# Reason codes are stored; the Chinese labels are what a 👎 offers in the UI.
REASONS = {
    "wrong_source": "引用来源不对",
    "incomplete": "回答不完整",
    "should_refuse": "应该拒答",
    "other": "其他",
}
MAX_COMMENT_CHARS = 2000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created TEXT NOT NULL,
    session_id TEXT NOT NULL,
    turn INTEGER NOT NULL,
    vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
    reason TEXT NOT NULL DEFAULT '',
    comment TEXT NOT NULL DEFAULT '',
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    abstained INTEGER NOT NULL,
    cited TEXT NOT NULL DEFAULT ''
)
"""


class FeedbackError(ValueError):
    """Bad feedback input or an unusable feedback database (the message names the offending value)."""


@dataclass(frozen=True)
class Feedback:
    """One vote on one answer; ``cited`` holds the cited paragraph ids in marker order."""

    session_id: str
    turn: int
    vote: str
    question: str
    answer: str
    abstained: bool
    cited: tuple[str, ...] = ()
    reason: str = ""
    comment: str = ""
    created: str = ""  # ISO 8601 UTC; filled in by FeedbackStore.add when empty


def default_db_path() -> Path:
    """``$CASEQA_FEEDBACK_DB``, else ``feedback.sqlite3`` in the cache dir (``$CASEQA_CACHE_DIR`` or ~/.cache/caseqa)."""
    env = os.environ.get("CASEQA_FEEDBACK_DB")
    if env:
        return Path(env)
    from caseqa.config import Config

    return Config().cache_dir / "feedback.sqlite3"


def _check(fb: Feedback) -> Feedback:
    if fb.vote not in VOTES:
        raise FeedbackError(f"vote must be one of {', '.join(VOTES)}, got {fb.vote!r}")
    if fb.reason and fb.reason not in REASONS:
        raise FeedbackError(f"reason must be one of {', '.join(REASONS)}, got {fb.reason!r}")
    if fb.turn < 0:
        raise FeedbackError(f"turn must be >= 0, got {fb.turn}")
    return fb


class FeedbackStore:
    """The feedback table in one SQLite file; safe to share between the app's worker threads."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with closing(self._connect()) as con, con:
                # WAL: readers (an export) never block the app writing a vote, and a crash loses no row.
                con.execute("PRAGMA journal_mode=WAL")
                con.execute(_SCHEMA)
        except (OSError, sqlite3.Error) as e:
            raise FeedbackError(f"cannot open feedback database {self.path}: {e}") from e

    def _connect(self) -> sqlite3.Connection:
        # One short connection per call: sqlite3 connections must not cross threads, and votes are rare.
        con = sqlite3.connect(self.path, timeout=10)
        con.row_factory = sqlite3.Row
        return con

    def add(self, fb: Feedback) -> int:
        """Store one vote and return its row id."""
        fb = _check(fb)
        created = fb.created or datetime.now(timezone.utc).isoformat(timespec="seconds")
        with closing(self._connect()) as con, con:
            cur = con.execute(
                "INSERT INTO feedback (created, session_id, turn, vote, reason, comment, question, answer, "
                "abstained, cited) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (created, fb.session_id, fb.turn, fb.vote, fb.reason, fb.comment[:MAX_COMMENT_CHARS],
                 fb.question, fb.answer, int(fb.abstained), " ".join(fb.cited)),
            )
            return int(cur.lastrowid)

    def rows(self) -> list[dict]:
        """All rows, oldest first, as plain dicts (``cited`` stays a space-separated string)."""
        with closing(self._connect()) as con:
            return [dict(r) for r in con.execute("SELECT * FROM feedback ORDER BY id")]

    def journal_mode(self) -> str:
        """The database's journal mode (``wal`` once the store has opened it)."""
        with closing(self._connect()) as con:
            return str(con.execute("PRAGMA journal_mode").fetchone()[0])


COLUMNS = ("id", *(f.name for f in fields(Feedback) if f.name != "created"), "created")


def export_csv(db: str | Path, out: str | Path) -> int:
    """Write every feedback row to a CSV file atomically (temp file + rename) and return the row count.

    Raises:
        FeedbackError: the database does not exist or is not a feedback database.
    """
    db, out = Path(db), Path(out)
    if not db.is_file():
        raise FeedbackError(f"no feedback database at {db}; votes are stored there once `caseqa serve` gets one "
                            "(choose another file with --db or CASEQA_FEEDBACK_DB)")
    try:
        # Read-only URI: exporting must never create or alter the database.
        with closing(sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)) as con:
            con.row_factory = sqlite3.Row
            rows = [dict(r) for r in con.execute("SELECT * FROM feedback ORDER BY id")]
    except sqlite3.Error as e:
        raise FeedbackError(f"{db} is not a readable feedback database: {e}") from e
    with atomic_open(out, "w", encoding="utf-8-sig", newline="") as f:  # Excel reads utf-8-sig
        # utf-8-sig: Excel, which most reviewers open CSVs with, needs the BOM to show Chinese correctly.
        w = csv.DictWriter(f, fieldnames=COLUMNS, extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
    return len(rows)



def feedback_from_answer(session_id: str, turn: int, answer: object, vote: str, reason: str = "",
                         comment: str = "") -> Feedback:
    """Build a Feedback row from an ``caseqa.app.answer.Answer`` (kept duck-typed so this module stays light)."""
    return Feedback(
        session_id=session_id, turn=turn, vote=vote, question=answer.question, answer=answer.text,
        abstained=bool(answer.abstained), cited=tuple(c.chunk_id for c in answer.citations),
        reason=reason or "", comment=(comment or "").strip(),
    )


def cmd_feedback_export(args: argparse.Namespace) -> int:
    """``caseqa feedback export --csv F [--db PATH]``: exit 2 with a one-line message for a missing database."""
    db = Path(args.db) if args.db else default_db_path()
    try:
        n = export_csv(db, args.csv)
    except (FeedbackError, OSError) as e:
        print(f"caseqa: error: {e}", file=sys.stderr)
        return EXIT_USAGE
    print(f"wrote {n} feedback rows from {db} to {args.csv}")
    return 0


def add_feedback_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Register ``caseqa feedback export`` on the CLI's subparsers."""
    p = subparsers.add_parser("feedback", help="export the 👍/👎 feedback collected by `caseqa serve`",
                              description="Work with stored feedback.  Example: caseqa feedback export --csv fb.csv")
    sub = p.add_subparsers(dest="feedback_command", metavar="ACTION", required=True)
    e = sub.add_parser("export", help="write all feedback rows to a CSV file",
                       description="Write every feedback row (UTF-8 with BOM, opens in Excel) to a CSV file, "
                       "atomically.  Example: caseqa feedback export --csv feedback.csv")
    e.add_argument("--csv", required=True, metavar="FILE", help="output CSV file")
    e.add_argument("--db", metavar="PATH", help="feedback database (default: $CASEQA_FEEDBACK_DB or "
                   "feedback.sqlite3 in the cache dir)")
    e.set_defaults(func=cmd_feedback_export)
    return p

