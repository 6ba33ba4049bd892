"""The hybrid index: FAISS over normalised vectors + BM25 over jieba tokens, saved as a readable directory.

Directory layout (no pickle anywhere)::

    manifest.json        model, dimension, corpus sha256, chunking, package version, created, file hashes
    chunks.jsonl         one chunk per line, verbatim text and offsets (ensure_ascii=False)
    vectors.faiss        chunk vectors (exact IndexFlatIP; HNSW above APPROX_THRESHOLD vectors)
    sentences.npy        sentence vectors, rows in corpus sentence order
    sentences.jsonl      the sentence ids of those rows
    bm25/                bm25s files (numpy arrays + JSON vocabulary)

The index never embeds: `build` takes vectors from an encoder handed in, and `Searcher` pairs an index
with the encoder that made it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from caseqa import __version__
from caseqa.config import Config
from caseqa.corpus import Corpus

from .bridge import Bridge, is_english
from .chunk import Chunk, chunk
from .encoder import Encoder
from .tokenize import domain_terms, tokenizer_for, tokenizer_signature

FORMAT_VERSION = 1
APPROX_THRESHOLD = 50_000
CANDIDATES = 50
_CJK = re.compile(r"[\u4e00-\u9fff]")

Log = Callable[[str], None]


def _stderr(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


class IndexError_(RuntimeError):
    """Base for index problems the CLI turns into a message."""


class StaleIndexError(IndexError_):
    """The saved index is missing, damaged, or was built from another corpus or model."""


@dataclass(frozen=True)
class Hit:
    """One retrieved chunk with its fused score and the two scores it was fused from."""

    chunk: Chunk
    score: float
    rank: int
    dense: float  # cosine similarity of query and chunk
    bm25: float  # raw BM25 score (0 when no query term matched)
    dense_rank: int | None
    bm25_rank: int | None


@dataclass(frozen=True)
class Weights:
    """Fusion weights; set on the tuning split."""

    dense: float = 1.0
    bm25: float = 1.0
    bm25_no_cjk: float = 0.25  # an English question's words rarely occur in Chinese text
    bm25_bridged: float = 0.5  # … but their dictionary translations (index/bridge.py) often do
    rrf_k: int = 60


@dataclass
class Index:
    """Chunks, their vectors (FAISS), a BM25 index and sentence vectors for one corpus and one model."""

    corpus: Corpus
    chunks: list[Chunk]
    faiss_index: Any
    bm25: Any
    sentence_vectors: np.ndarray
    manifest: dict
    terms: tuple[str, ...]
    sentence_row: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.sentence_row:
            self.sentence_row = {s.id: i for i, s in enumerate(self.corpus.sentences)}
        self.tokenize = tokenizer_for(self.terms)
        self._by_id = {c.id: c for c in self.chunks}

    @property
    def model(self) -> str:
        return str(self.manifest["model"])

    def chunk(self, chunk_id: str) -> Chunk:
        return self._by_id[chunk_id]

    def dense_scores(self, qvec: np.ndarray) -> np.ndarray:
        """Cosine of the query with every chunk, in chunk order."""
        n = self.faiss_index.ntotal
        scores, ids = self.faiss_index.search(qvec.reshape(1, -1).astype(np.float32), n)
        out = np.full(n, -1.0, dtype=np.float32)
        valid = ids[0] >= 0
        out[ids[0][valid]] = scores[0][valid]
        return out

    def bm25_scores(self, tokens: Sequence[str]) -> np.ndarray:
        """BM25 score of every chunk for the query tokens (zeros when none is in the vocabulary)."""
        ids = self.bm25.get_tokens_ids(list(tokens))
        if not ids:
            return np.zeros(len(self.chunks), dtype=np.float32)
        return np.asarray(self.bm25.get_scores_from_ids(ids), dtype=np.float32)

    def search(
        self,
        query: str,
        qvec: np.ndarray,
        k: int = 5,
        cases: Sequence[int] | None = None,
        mode: str = "hybrid",
        weights: Weights = Weights(),
        lexical_query: str | None = None,
    ) -> list[Hit]:
        """Top-``k`` chunks by reciprocal-rank fusion of dense and BM25 ranks (or one of them alone).

        ``lexical_query`` replaces ``query`` on the BM25 side (an English question's Chinese bridge words).
        """
        dense = self.dense_scores(qvec)
        lexical = self.bm25_scores(self.tokenize(lexical_query if lexical_query is not None else query))
        allowed = np.ones(len(self.chunks), dtype=bool)
        if cases:
            wanted = set(cases)
            allowed = np.array([c.case in wanted for c in self.chunks])
        d_rank = _ranks(dense, allowed, positive_only=False)
        b_rank = _ranks(lexical, allowed, positive_only=True)
        if lexical_query is not None and _CJK.search(lexical_query):
            wb = weights.bm25_bridged
        else:
            wb = weights.bm25 if _CJK.search(query) else weights.bm25_no_cjk
        fused = np.zeros(len(self.chunks), dtype=np.float64)
        if mode in ("hybrid", "dense"):
            fused += np.where(d_rank > 0, weights.dense / (weights.rrf_k + d_rank), 0.0)
        if mode in ("hybrid", "bm25"):
            fused += np.where(b_rank > 0, wb / (weights.rrf_k + b_rank), 0.0)
        if mode not in ("hybrid", "dense", "bm25"):
            raise ValueError(f"unknown retriever {mode!r}; choose hybrid, dense or bm25")
        order = [i for i in np.argsort(-fused, kind="stable") if allowed[i] and fused[i] > 0][:k]
        return [
            Hit(
                self.chunks[i], float(fused[i]), r, float(dense[i]), float(lexical[i]),
                int(d_rank[i]) or None, int(b_rank[i]) or None,
            )
            for r, i in enumerate(order, 1)
        ]


def _ranks(scores: np.ndarray, allowed: np.ndarray, positive_only: bool) -> np.ndarray:
    """1-based rank of each allowed candidate among the top CANDIDATES; 0 for the rest."""
    ranks = np.zeros(len(scores), dtype=np.int64)
    order = [i for i in np.argsort(-scores, kind="stable") if allowed[i] and (scores[i] > 0 or not positive_only)]
    for r, i in enumerate(order[:CANDIDATES], 1):
        ranks[i] = r
    return ranks


class Searcher:
    """An index and the encoder that made it: text in, hits out."""

    def __init__(
        self, index: Index, encoder: Encoder, weights: Weights | None = None, bridge: Bridge | None = None
    ) -> None:
        if encoder.name != index.model:
            raise StaleIndexError(f"index was built with {index.model!r}, encoder is {encoder.name!r}")
        self.index = index
        self.encoder = encoder
        self.weights = weights or Weights()
        self.mode = "hybrid"  # which retriever `search` uses unless told otherwise
        self.bridge = bridge  # English → the corpus's Chinese words, for BM25 on English questions
        self._encode = lru_cache(maxsize=1024)(self._encode_uncached)

    def _encode_uncached(self, query: str) -> np.ndarray:
        return self.encoder.encode([query], kind="query")[0]

    def clear_cache(self) -> None:
        """Forget cached query vectors (benchmarks measure cold questions)."""
        self._encode.cache_clear()

    def query_vector(self, query: str) -> np.ndarray:
        """The query's vector (cached: follow-ups and the answer step reuse it)."""
        return self._encode(query)

    def search(
        self, query: str, k: int = 5, cases: Sequence[int] | None = None, mode: str | None = None
    ) -> list[Hit]:
        """Search for ``query`` (hybrid unless ``mode`` or ``self.mode`` says otherwise), optionally in some cases."""
        return self.index.search(
            query, self.query_vector(query), k=k, cases=cases, mode=mode or self.mode, weights=self.weights,
            lexical_query=self.bridged(query),
        )

    def bridged(self, query: str) -> str | None:
        """For an English question: the question plus the Chinese corpus words its English words translate to
        (a Chinese name inside it, 企·航, is kept as it is)."""
        if self.bridge is None or not is_english(query):
            return None
        words = self.bridge.translate(query)
        return " ".join([query, *words]) if words else None


# ---------------------------------------------------------------- build, save, load


def build(corpus: Corpus, encoder: Encoder, config: Config, log: Log = _stderr, progress: bool = False) -> Index:
    """Chunk, embed and index ``corpus`` in memory."""
    # faiss and bm25s load native code; keep them out of commands that never search.
    import bm25s
    import faiss

    chunks = chunk(corpus, max_chars=config.max_chunk_chars)
    log(f"embedding {len(chunks)} chunks with {encoder.name} …")
    vectors = _encode(encoder, [c.index_text for c in chunks], progress)
    sentences = corpus.sentences
    log(f"embedding {len(sentences)} sentences …")
    sent_vecs = _encode(encoder, [s.text for s in sentences], progress)

    terms = tuple(domain_terms(corpus))
    tok = tokenizer_for(terms)
    retriever = bm25s.BM25()
    retriever.index([tok(c.index_text) or [""] for c in chunks], show_progress=False)

    dim = vectors.shape[1]
    if len(chunks) > APPROX_THRESHOLD:
        fidx = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
        fidx.hnsw.efSearch = 128
    else:
        fidx = faiss.IndexFlatIP(dim)
    fidx.add(vectors)
    manifest = {
        "format_version": FORMAT_VERSION,
        "model": encoder.name,
        "dimension": dim,
        "corpus_name": corpus.name,
        "corpus_sha256": corpus.source_sha256,
        "chunking": {"unit": "paragraph", "max_chars": config.max_chunk_chars, "split": "sentence"},
        "faiss": type(fidx).__name__,
        "bm25": {"library": "bm25s", "tokenizer": "jieba cut_for_search + domain terms", "terms": len(terms),
                 "signature": tokenizer_signature(terms)},
        "counts": {"chunks": len(chunks), "sentences": len(sentences)},
        "package_version": __version__,
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }
    return Index(corpus, chunks, fidx, retriever, sent_vecs, manifest, terms)


def _encode(encoder: Encoder, texts: list[str], progress: bool) -> np.ndarray:
    try:
        vecs = encoder.encode(texts, kind="passage", progress=progress)  # type: ignore[call-arg]
    except TypeError:
        vecs = encoder.encode(texts, kind="passage")
    return np.ascontiguousarray(vecs, dtype=np.float32)


def save(index: Index, directory: Path) -> None:
    """Write the index to ``directory`` atomically: build a sibling temp dir, then rename it into place."""
    import faiss

    directory = Path(directory)
    directory.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{directory.name}.tmp-", dir=directory.parent))
    try:
        with open(tmp / "chunks.jsonl", "w", encoding="utf-8") as f:
            for c in index.chunks:
                f.write(json.dumps(asdict(c), ensure_ascii=False) + "\n")
        faiss.write_index(index.faiss_index, str(tmp / "vectors.faiss"))
        np.save(tmp / "sentences.npy", index.sentence_vectors, allow_pickle=False)
        with open(tmp / "sentences.jsonl", "w", encoding="utf-8") as f:
            for s in index.corpus.sentences:
                f.write(json.dumps({"id": s.id, "start": s.start, "end": s.end}, ensure_ascii=False) + "\n")
        index.bm25.save(str(tmp / "bm25"), show_progress=False)
        (tmp / "terms.txt").write_text("\n".join(index.terms) + "\n", encoding="utf-8")
        manifest = dict(index.manifest)
        manifest["files"] = _file_hashes(tmp)
        (tmp / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        old = None
        if directory.exists():
            old = directory.with_name(f".{directory.name}.old-{os.getpid()}")
            os.replace(directory, old)
        os.replace(tmp, directory)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def _file_hashes(root: Path) -> dict[str, str]:
    out = {}
    for p in sorted(root.rglob("*")):
        if p.is_file() and p.name != "manifest.json":
            out[p.relative_to(root).as_posix()] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def load(directory: Path, corpus: Corpus, model: str) -> Index:
    """Load a saved index, checking it against the corpus and model.

    Raises:
        StaleIndexError: missing, truncated or corrupt files, or a manifest that names another corpus or model.
    """
    import bm25s
    import faiss

    directory = Path(directory)
    mpath = directory / "manifest.json"
    if not mpath.exists():
        raise StaleIndexError(f"no index at {directory}")
    try:
        manifest = json.loads(mpath.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise StaleIndexError(f"manifest.json is unreadable: {e}") from e
    expected = {"format_version": FORMAT_VERSION, "corpus_sha256": corpus.source_sha256, "model": model}
    for key, want in expected.items():
        if manifest.get(key) != want:
            raise StaleIndexError(f"index {key} is {manifest.get(key)!r}, expected {want!r}")
    files = manifest.get("files") or {}
    if not files:
        raise StaleIndexError("manifest lists no files")
    for rel, digest in files.items():
        p = directory / rel
        if not p.is_file():
            raise StaleIndexError(f"{rel} is missing")
        if hashlib.sha256(p.read_bytes()).hexdigest() != digest:
            raise StaleIndexError(f"{rel} is truncated or corrupt (checksum mismatch)")
    try:
        chunks = [Chunk(**{**d, "headings": tuple(d["headings"])}) for d in _jsonl(directory / "chunks.jsonl")]
        fidx = faiss.read_index(str(directory / "vectors.faiss"))
        sent_vecs = np.load(directory / "sentences.npy", allow_pickle=False)
        sent_ids = [d["id"] for d in _jsonl(directory / "sentences.jsonl")]
        retriever = bm25s.BM25.load(str(directory / "bm25"), show_progress=False)
        terms = tuple(t for t in (directory / "terms.txt").read_text(encoding="utf-8").splitlines() if t)
    except (OSError, ValueError, KeyError, TypeError, RuntimeError) as e:
        raise StaleIndexError(f"index files are unreadable: {e}") from e
    if fidx.ntotal != len(chunks) or sent_vecs.shape[0] != len(sent_ids):
        raise StaleIndexError("index files disagree on their sizes")
    if sent_ids != [s.id for s in corpus.sentences]:
        raise StaleIndexError("sentence ids differ from the corpus parse (parser changed?)")
    if terms != tuple(domain_terms(corpus)) or manifest.get("bm25", {}).get("signature") != tokenizer_signature(terms):
        raise StaleIndexError("the tokenizer (domain dictionary or stopwords) changed since the index was built")
    return Index(corpus, chunks, fidx, retriever, sent_vecs, manifest, terms)


def _jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def open_index(
    corpus: Corpus,
    encoder: Encoder,
    config: Config,
    rebuild: bool = True,
    log: Log = _stderr,
    progress: bool = True,
) -> Index:
    """Load the index for ``corpus`` and ``encoder``; build it when missing or stale (unless ``rebuild`` is off).

    Raises:
        StaleIndexError: the index is unusable and ``rebuild`` is False.
    """
    directory = config.index_dir
    try:
        return load(directory, corpus, encoder.name)
    except StaleIndexError as e:
        if not rebuild:
            raise StaleIndexError(f"{e} (run `caseqa build`, or drop --no-rebuild)") from e
        if (directory / "manifest.json").exists() or directory.exists():
            log(f"index at {directory} is unusable: {e}; rebuilding")
        else:
            log(f"no index at {directory}; building it")
    index = build(corpus, encoder, config, log=log, progress=progress)
    save(index, directory)
    log(f"index written to {directory}")
    return index
