"""The command line as a user meets it: outputs, exit codes, and clear messages instead of tracebacks.

Most tests use the fast fake encoder (``--model hashing``) and a temp index; the answer content is tested
with the real model in test_answer.py.
"""

from __future__ import annotations

import json

import pytest

from caseqa.app.cli import main


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("CASEQA_MODEL", "hashing")
    monkeypatch.setenv("CASEQA_INDEX_DIR", str(tmp_path / "idx"))
    monkeypatch.delenv("CASEQA_CORPUS", raising=False)
    return tmp_path


def test_corpus_outline_and_json(env, capsys):
    assert main(["corpus"]) == 0
    out = capsys.readouterr().out
    assert "案例六" in out and "c06.s0.p1" in out and "市委统战部、市工商联" in out
    assert main(["corpus", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["cases"]) == 10 and data["paragraphs"][0]["id"] == "table.r01"


def test_first_search_builds_the_index_then_prints_hits(env, capsys):
    assert main(["search", "个体深信贷累计放款", "-k", "2"]) == 0
    captured = capsys.readouterr()
    assert "building" in captured.err
    assert "#1" in captured.out and "#3" not in captured.out
    assert main(["search", "个体深信贷", "--json", "-k", "3"]) == 0
    data = json.loads(capsys.readouterr().out)
    hit = data["hits"][0]
    assert {"chunk_id", "case", "case_title", "section", "text", "score", "rank"} <= set(hit)


@pytest.mark.parametrize("question", ["", "   ", "\n\t"])
def test_empty_question_exits_2(env, capsys, question):
    assert main(["search", question]) == 2
    err = capsys.readouterr().err
    assert "empty" in err and "Traceback" not in err


def test_unknown_case_lists_valid_values(env, capsys):
    assert main(["search", "停水", "--case", "11"]) == 2
    assert "valid cases are 1, 2, 3, 4, 5, 6, 7, 8, 9, 10" in capsys.readouterr().err


def test_long_question_is_truncated_with_a_warning(env, capsys):
    assert main(["search", "停水" * 5000, "-k", "1"]) == 0
    assert "only the first" in capsys.readouterr().err


def test_batch_reports_bad_lines_and_runs_the_rest(env, capsys, tmp_path):
    batch = tmp_path / "q.jsonl"
    batch.write_text(
        '{"id": "a", "question": "供水可靠性"}\nnot json\n{"id": "c"}\n\n{"id": "d", "question": "电子保函"}\n',
        encoding="utf-8",
    )
    assert main(["search", "--batch", str(batch), "-k", "2", "--json"]) == 1
    captured = capsys.readouterr()
    lines = [json.loads(x) for x in captured.out.splitlines()]
    assert [x.get("id") for x in lines if "hits" in x] == ["a", "d"]
    assert all(len(x["hits"]) == 2 for x in lines if "hits" in x)
    assert ":2:" in captured.err and ":3:" in captured.err


def test_missing_batch_file_is_a_message(env, capsys):
    assert main(["search", "--batch", "/nonexistent/q.jsonl"]) == 2
    assert "cannot read batch file" in capsys.readouterr().err


def test_corrupt_index_is_rebuilt_not_a_traceback(env, capsys):
    assert main(["search", "停水", "-k", "1"]) == 0
    (env / "idx" / "chunks.jsonl").write_text("garbage", encoding="utf-8")
    capsys.readouterr()
    assert main(["search", "停水", "-k", "1"]) == 0
    assert "rebuilding" in capsys.readouterr().err
    (env / "idx" / "vectors.faiss").write_bytes(b"")
    assert main(["search", "停水", "-k", "1", "--no-rebuild"]) == 2
    assert "caseqa build" in capsys.readouterr().err


def test_bad_corpus_file_is_a_message(env, capsys, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("nothing structured here", encoding="utf-8")
    assert main(["corpus", "--corpus", str(bad)]) == 2
    assert "no case headings" in capsys.readouterr().err


def test_ask_batch_with_history(env, capsys, tmp_path):
    batch = tmp_path / "q.jsonl"
    batch.write_text(
        json.dumps({"id": 1, "question": "个体深信贷累计放款多少？"}, ensure_ascii=False) + "\n"
        + json.dumps({"id": 2, "question": "那它的背景呢？", "history": ["个体深信贷累计放款多少？"]},
                     ensure_ascii=False) + "\n"
        + json.dumps({"id": 3, "question": "？？？"}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    assert main(["ask", "--batch", str(batch), "--json"]) == 1
    out = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert {"id", "question", "answer", "abstained", "citations", "related"} <= set(out[0])
    assert out[2]["error"]


def test_help_is_instant_and_lists_verbs(capsys):
    with pytest.raises(SystemExit) as e:
        main(["--help"])
    assert e.value.code == 0
    out = capsys.readouterr().out
    for verb in ("corpus", "build", "search", "ask", "eval", "serve", "feedback"):
        assert verb in out


def test_eval_writes_report_metrics_and_plots(env, capsys, tmp_path):
    report = tmp_path / "report"
    assert main(["eval", "--split", "heldback", "--report", str(report)]) == 0
    out = capsys.readouterr().out
    assert "hybrid" in out and "dense" in out and "bm25" in out and "refusal" in out
    names = {p.name for p in report.iterdir()}
    assert {"report.md", "metrics.json", "recall_at_k.png", "by_type.png", "by_case.png"} <= names
    metrics = json.loads((report / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["split"] == "heldback" and set(metrics["retrieval"]) == {"hybrid", "dense", "bm25"}
    assert (report / "recall_at_k.png").read_bytes()[:4] == b"\x89PNG"
