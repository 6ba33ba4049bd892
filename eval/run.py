"""`caseqa eval`: run the eval set through retrieval (three retrievers side by side) and answering,
then print a table and write report.md, metrics.json and PNG plots."""

from __future__ import annotations

import json
import time
from collections import defaultdict
from pathlib import Path

from caseqa.app.answer import Answer, Answerer, AnswerParams, answer_json
from caseqa.app.runtime import Runtime
from caseqa.files import write_bytes

from . import metrics as M
from .evalset import Item, load_items

RETRIEVERS = ("hybrid", "dense", "bm25")
KS = (1, 3, 5, 10)


def _query(item: Item) -> str:
    """What retrieval sees for an item: follow-ups carry their conversation."""
    return " ".join([*item.history, item.question]) if item.type == "followup" else item.question


def _ranked_paragraphs(runtime: Runtime, query: str, mode: str) -> list[str]:
    hits = runtime.searcher.search(query, k=20, mode=mode)
    return list(dict.fromkeys(h.chunk.paragraph_id for h in hits))[:10]


def evaluate(runtime: Runtime, split: str = "all", answer_mode: str = "hybrid",
             params: AnswerParams | None = None, items: list[Item] | None = None) -> dict:
    """All metrics for one split; ``answer_mode`` picks the retriever the answer step uses."""
    items = items if items is not None else load_items(split=split)
    para_text = {p.id: p.text for p in runtime.corpus.paragraphs}

    # retrieval, every retriever on the same items
    retrieval: dict[str, dict] = {}
    search_ms: list[float] = []
    for mode in RETRIEVERS:
        rows = []
        for it in items:
            if not it.answerable:
                continue
            t0 = time.perf_counter()
            ranked = _ranked_paragraphs(runtime, _query(it), mode)
            if mode == "hybrid":
                search_ms.append((time.perf_counter() - t0) * 1000)
            rows.append(M.retrieval_scores(ranked, it.paragraphs, KS))
        retrieval[mode] = {k: M.summarize([r[k] for r in rows]) for k in rows[0]} if rows else {}

    # answers
    saved_mode = runtime.searcher.mode
    runtime.searcher.mode = answer_mode
    answerer = Answerer(runtime, params)
    runtime.searcher.clear_cache()  # ask latency counts the query encoding, as a user's first question does
    per_item = []
    ask_ms: list[float] = []
    try:
        conv: dict[str, list[Answer]] = defaultdict(list)
        for it in items:
            history = conv[it.dialogue] if it.dialogue else []
            t0 = time.perf_counter()
            ans = answerer.answer(it.question, history=list(history))
            ask_ms.append((time.perf_counter() - t0) * 1000)
            if it.dialogue:
                conv[it.dialogue].append(ans)
            per_item.append(_score_item(it, ans, para_text))
    finally:
        runtime.searcher.mode = saved_mode
    return _aggregate(items, per_item, retrieval, search_ms, ask_ms, split, answer_mode, runtime)


def _score_item(it: Item, ans: Answer, para_text: dict[str, str]) -> dict:
    js = answer_json(ans, it.id)
    cited = [c["chunk_id"] for c in js["citations"]]
    gold = set(it.paragraphs)
    recall = M.fact_recall(ans.text, it.key_facts) if not ans.abstained else 0.0
    row = {
        "id": it.id, "type": it.type, "cases": list(it.cases), "question": it.question,
        "answerable": it.answerable, "abstained": ans.abstained, "answer": ans.text,
        "cited": cited, "fact_recall": recall if it.answerable else None,
        "all_facts": (recall == 1.0) if it.answerable else None,
        "correct": (not ans.abstained and recall == 1.0) if it.answerable else ans.abstained,
        "cit_precision": (sum(c in gold for c in cited) / len(cited)) if cited and it.answerable else None,
        "cit_recall": (len(gold & set(cited)) / len(gold)) if gold else None,
        "verbatim": M.quotes_verbatim(js["citations"], para_text),
        "numbers_grounded": M.numbers_grounded(ans.text, js["citations"]),
        "length": M.answer_length(ans.text) if not ans.abstained else None,
    }
    return row


def _aggregate(items, rows, retrieval, search_ms, ask_ms, split, answer_mode, runtime) -> dict:
    ans_rows = [r for r in rows if r["answerable"]]
    unans = [r for r in rows if not r["answerable"]]
    refused = [r for r in rows if r["abstained"]]
    tp = sum(1 for r in unans if r["abstained"])

    def rate(sub, key):
        vals = [r[key] for r in sub if r[key] is not None]
        return M.summarize([float(v) for v in vals])

    by_type: dict[str, dict] = {}
    for t in sorted({r["type"] for r in rows}):
        sub = [r for r in rows if r["type"] == t]
        by_type[t] = {"n": len(sub), "correct": rate(sub, "correct")}
    by_case: dict[str, dict] = {}
    for c in sorted({c for r in rows for c in r["cases"]}):
        sub = [r for r in rows if c in r["cases"]]
        by_case[str(c)] = {"n": len(sub), "correct": rate(sub, "correct")}
    lengths = [r["length"] for r in rows if r["length"] is not None]
    return {
        "split": split,
        "answer_retriever": answer_mode,
        "model": runtime.index.model,
        "n_items": len(rows),
        "n_answerable": len(ans_rows),
        "n_unanswerable": len(unans),
        "retrieval": retrieval,
        "answers": {
            "key_fact_recall": rate(ans_rows, "fact_recall"),
            "all_facts_accuracy": rate(ans_rows, "all_facts"),
            "citation_precision": rate(ans_rows, "cit_precision"),
            "citation_recall": rate(ans_rows, "cit_recall"),
            "answer_length_median": M.med(lengths),
            "answer_length_p90": M.percentile(lengths, 0.9),
        },
        "grounding": {
            "quotes_verbatim": rate(rows, "verbatim"),
            "numbers_in_quotes": rate(rows, "numbers_grounded"),
        },
        "refusal": {
            "precision": tp / len(refused) if refused else float("nan"),
            "recall": tp / len(unans) if unans else float("nan"),
            "false_refusal_rate": M.summarize([float(r["abstained"]) for r in ans_rows]),
        },
        "followup_accuracy": rate([r for r in rows if r["type"] == "followup"], "correct"),
        "cross_case_accuracy": rate([r for r in rows if r["type"] == "cross_case"], "correct"),
        "english_accuracy": rate([r for r in rows if r["type"] == "english"], "correct"),
        "by_type": by_type,
        "by_case": by_case,
        "latency_ms": {
            "search_p50": M.med(search_ms), "search_p95": M.percentile(search_ms, 0.95),
            "ask_p50": M.med(ask_ms), "ask_p95": M.percentile(ask_ms, 0.95),
        },
        "items": rows,
    }


# ---------------------------------------------------------------- output


def format_table(m: dict) -> str:
    """A plain-text summary for the terminal."""
    lines = [f"caseqa eval — split {m['split']}: {m['n_items']} items "
             f"({m['n_answerable']} answerable, {m['n_unanswerable']} unanswerable), model {m['model']}", ""]
    head = f"{'retriever':<10}" + "".join(f"{k:>10}" for k in ("hit@1", "hit@3", "hit@5", "hit@10", "recall@5",
                                                                   "mrr@10", "ndcg@10"))
    lines.append(head)
    for mode, r in m["retrieval"].items():
        lines.append(f"{mode:<10}" + "".join(f"{r.get(k, float('nan')):>10.3f}" for k in (
            "hit@1", "hit@3", "hit@5", "hit@10", "recall@5", "mrr@10", "ndcg@10")))
    a, g, f = m["answers"], m["grounding"], m["refusal"]
    lines += [
        "",
        f"key-fact recall {a['key_fact_recall']:.3f}   all facts {a['all_facts_accuracy']:.3f}   "
        f"citation P {a['citation_precision']:.3f} R {a['citation_recall']:.3f}   "
        f"answer length median {a['answer_length_median']:.0f} chars",
        f"quotes verbatim {g['quotes_verbatim']:.3f}   numbers in quotes {g['numbers_in_quotes']:.3f}",
        f"refusal P {f['precision']:.3f} R {f['recall']:.3f}   false refusals {f['false_refusal_rate']:.3f}",
        f"follow-ups {m['followup_accuracy']:.3f}   cross-case {m['cross_case_accuracy']:.3f}   "
        f"english {m['english_accuracy']:.3f}",
        f"latency search p50 {m['latency_ms']['search_p50']:.1f} ms p95 {m['latency_ms']['search_p95']:.1f} ms   "
        f"ask p50 {m['latency_ms']['ask_p50']:.1f} ms p95 {m['latency_ms']['ask_p95']:.1f} ms",
        "",
        "by type: " + "  ".join(f"{t} {v['correct']:.2f} (n={v['n']})" for t, v in m["by_type"].items()),
    ]
    return "\n".join(lines)


def write_report(m: dict, directory: Path) -> list[Path]:
    """report.md, metrics.json and PNG plots in ``directory`` (each written atomically)."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    written = [directory / "metrics.json"]
    write_bytes(written[0], json.dumps(m, ensure_ascii=False, indent=2).encode())
    written += _plots(m, directory)
    md = ["# caseqa evaluation", "", "```", format_table(m), "```", "",
          "![recall@k](recall_at_k.png)", "", "![by type](by_type.png)", "", "![by case](by_case.png)", "",
          "## Items answered wrongly", ""]
    for r in m["items"]:
        if not r["correct"]:
            verdict = "refused" if r["abstained"] else "answered"
            md.append(f"- `{r['id']}` ({r['type']}, {verdict}): {r['question']}")
    write_bytes(directory / "report.md", ("\n".join(md) + "\n").encode())
    written.append(directory / "report.md")
    return written


def _plots(m: dict, directory: Path) -> list[Path]:
    # matplotlib is slow to import and only the report needs it.
    import io

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out = []

    def save(fig, name):
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=110, bbox_inches="tight")
        plt.close(fig)
        write_bytes(directory / name, buf.getvalue())
        out.append(directory / name)

    fig, ax = plt.subplots(figsize=(6, 4))
    for mode, r in m["retrieval"].items():
        ax.plot(KS, [r[f"recall@{k}"] for k in KS], marker="o", label=mode)
    ax.set_xlabel("k")
    ax.set_ylabel("recall@k of gold paragraphs")
    ax.set_title(f"Retrieval, {m['split']} split")
    ax.set_ylim(0, 1.02)
    ax.set_xticks(KS)
    ax.grid(alpha=0.3)
    ax.legend()
    save(fig, "recall_at_k.png")

    for key, name, title in (("by_type", "by_type.png", "Answer accuracy by question type"),
                             ("by_case", "by_case.png", "Answer accuracy by case")):
        data = m[key]
        fig, ax = plt.subplots(figsize=(8, 3.6))
        labels = list(data)
        ax.bar(labels, [data[k]["correct"] for k in labels], color="#4a7ab8")
        ax.set_ylim(0, 1.05)
        ax.set_ylabel("correct")
        ax.set_title(f"{title}, {m['split']} split")
        ax.tick_params(axis="x", rotation=45 if key == "by_type" else 0)
        ax.grid(axis="y", alpha=0.3)
        save(fig, name)
    return out
