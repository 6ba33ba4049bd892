"""Feedback storage a reviewer relies on: rows survive, WAL is on, the CSV export is complete and atomic."""

from __future__ import annotations

import argparse
import csv
import sqlite3
from contextlib import closing

import pytest

from caseqa.app.feedback import (
    REASONS,
    Feedback,
    FeedbackError,
    FeedbackStore,
    add_feedback_parser,
    default_db_path,
    export_csv,
)


def _fb(**kw) -> Feedback:
    base = dict(session_id="s1", turn=0, vote="down", question="个体深信贷累计放款多少？",
                answer="案例三：累计放款金额 3.78 亿。[1]", abstained=False, cited=("c03.s3.p1",),
                reason="incomplete", comment="还应给出笔数")
    base.update(kw)
    return Feedback(**base)


def _cli(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="caseqa")
    add_feedback_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    return args.func(args)


def test_round_trip_keeps_every_field(tmp_path):
    store = FeedbackStore(tmp_path / "sub" / "fb.sqlite3")
    rid = store.add(_fb())
    store.add(_fb(vote="up", reason="", comment="", turn=1, cited=()))
    rows = store.rows()
    assert [r["id"] for r in rows] == [rid, rid + 1]
    first = rows[0]
    assert first["question"] == "个体深信贷累计放款多少？"
    assert first["cited"] == "c03.s3.p1"
    assert (first["vote"], first["reason"], first["comment"], first["session_id"]) == ("down", "incomplete",
                                                                                       "还应给出笔数", "s1")
    assert first["created"].endswith("+00:00")
    assert rows[1]["vote"] == "up" and rows[1]["cited"] == ""


def test_wal_mode_is_on_and_persists(tmp_path):
    db = tmp_path / "fb.sqlite3"
    assert FeedbackStore(db).journal_mode() == "wal"
    with closing(sqlite3.connect(db)) as con:  # WAL is a property of the file, seen by any later connection
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.mark.parametrize("kw", [{"vote": "meh"}, {"reason": "because"}, {"turn": -1}])
def test_bad_feedback_is_rejected_with_the_value(tmp_path, kw):
    store = FeedbackStore(tmp_path / "fb.sqlite3")
    with pytest.raises(FeedbackError, match=repr(next(iter(kw.values())))):
        store.add(_fb(**kw))
    assert store.rows() == []


def test_reason_labels_are_chinese():
    assert set(REASONS) == {"wrong_source", "incomplete", "should_refuse", "other"}
    assert REASONS["should_refuse"] == "应该拒答"


def test_csv_export_writes_all_rows(tmp_path):
    db = tmp_path / "fb.sqlite3"
    store = FeedbackStore(db)
    store.add(_fb(comment='含逗号, "引号"\n和换行'))
    store.add(_fb(vote="up", reason="", comment=""))
    out = tmp_path / "out" / "fb.csv"
    assert _cli(["feedback", "export", "--csv", str(out), "--db", str(db)]) == 0
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 2
    assert rows[0]["comment"] == '含逗号, "引号"\n和换行'
    assert rows[0]["question"] == "个体深信贷累计放款多少？" and rows[0]["cited"] == "c03.s3.p1"
    assert [p.name for p in out.parent.iterdir()] == ["fb.csv"]  # no temp file left behind


def test_export_of_a_missing_db_says_so_and_exits_2(tmp_path, capsys):
    out = tmp_path / "fb.csv"
    assert _cli(["feedback", "export", "--csv", str(out), "--db", str(tmp_path / "nope.sqlite3")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("caseqa: error: no feedback database at ") and "nope.sqlite3" in err
    assert not out.exists() and not (tmp_path / "nope.sqlite3").exists()


def test_export_of_a_non_feedback_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.sqlite3"
    bad.write_text("not a database", encoding="utf-8")
    with pytest.raises(FeedbackError, match="not a readable feedback database"):
        export_csv(bad, tmp_path / "x.csv")
    assert not (tmp_path / "x.csv").exists()


def test_default_db_path_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.delenv("CASEQA_FEEDBACK_DB", raising=False)
    monkeypatch.setenv("CASEQA_CACHE_DIR", str(tmp_path))
    assert default_db_path() == tmp_path / "feedback.sqlite3"
    monkeypatch.setenv("CASEQA_FEEDBACK_DB", str(tmp_path / "x.db"))
    assert default_db_path() == tmp_path / "x.db"
